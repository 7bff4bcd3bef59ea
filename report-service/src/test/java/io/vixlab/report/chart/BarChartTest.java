package io.vixlab.report.chart;

import static io.vixlab.report.chart.SvgDocument.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class BarChartTest {

    /*
     * Layout: plot area x 180..700 (720 wide, 180 for labels, 20 right margin), y 40..370.
     * Values 1 and 2 give the axis [0, 2] (tick step 0.5), so 1 unit = 260 px; each bar fills 70%
     * of a 165 px band.
     */
    @Test
    void drawsOneBarPerLabelToScale() {
        SvgDocument svg = SvgDocument.parse(new BarChart("Test MSE", "MSE").bar("a", 1).bar("b", 2).render());

        List<Element> bars = svg.select("//rect[@class='bar']");
        assertThat(bars).hasSize(2);
        assertThat(bars).extracting(bar -> bar.getAttribute("data-label")).containsExactly("a", "b");
        assertThat(number(bars.get(0), "x")).isEqualTo(180);
        assertThat(number(bars.get(0), "width")).isEqualTo(260);
        assertThat(number(bars.get(0), "y")).isEqualTo(64.75);
        assertThat(number(bars.get(0), "height")).isEqualTo(115.5);
        assertThat(number(bars.get(1), "x")).isEqualTo(180);
        assertThat(number(bars.get(1), "width")).isEqualTo(520);
        assertThat(number(bars.get(1), "y")).isEqualTo(229.75);
        assertThat(svg.select("//g[@class='x-axis']/text[@class='tick']"))
                .extracting(Element::getTextContent).containsExactly("0", "0.5", "1", "1.5", "2");
        assertThat(svg.root().getAttribute("aria-label")).isEqualTo("Test MSE");
    }

    // Values -0.5 and 1: axis [-0.5, 1], zero at 180 + 520 / 3; the negative bar ends at zero.
    @Test
    void negativeValuesExtendLeftOfZero() {
        SvgDocument svg = SvgDocument.parse(new BarChart("R²", "R²").bar("worse than mean", -0.5).bar("good", 1).render());

        List<Element> bars = svg.select("//rect[@class='bar']");
        double zero = 180 + 520.0 / 3;
        assertThat(number(bars.get(0), "x")).isEqualTo(180);
        assertThat(number(bars.get(0), "width")).isCloseTo(zero - 180, within(0.01));
        assertThat(number(bars.get(1), "x")).isCloseTo(zero, within(0.01));
        assertThat(number(bars.get(1), "width")).isCloseTo(700 - zero, within(0.01));
    }

    // Axis [0, 2]: the bar of 2 reaches the plot's right edge, so its value is written inside it.
    @Test
    void valueLabelsStayInsideThePlot() {
        SvgDocument svg = SvgDocument.parse(new BarChart("t", "v").bar("short", 1).bar("full", 2).render());

        List<Element> values = svg.select("//text[@class='value']");
        assertThat(values).extracting(Element::getTextContent).containsExactly("1", "2");
        assertThat(number(values.get(0), "x")).isEqualTo(444);
        assertThat(values.get(0).getAttribute("text-anchor")).isEqualTo("start");
        assertThat(number(values.get(1), "x")).isEqualTo(696);
        assertThat(values.get(1).getAttribute("text-anchor")).isEqualTo("end");
    }

    @Test
    void labelsAreEscaped() {
        String label = "Deep <\"A&B\"> 'x'";

        SvgDocument svg = SvgDocument.parse(new BarChart("<script>alert(1)</script>", "v").bar(label, 1).render());

        assertThat(svg.select("//rect[@class='bar']").get(0).getAttribute("data-label")).isEqualTo(label);
        assertThat(svg.select("//text[@class='category']").get(0).getTextContent()).isEqualTo(label);
        assertThat(svg.select("//script")).isEmpty();
        assertThat(svg.select("//text[@class='title']").get(0).getTextContent()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void emptyChartIsStillAValidDocument() {
        SvgDocument svg = SvgDocument.parse(new BarChart("nothing yet", "v").render());

        assertThat(svg.select("//rect[@class='bar']")).isEmpty();
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThatThrownBy(() -> new BarChart("t", "v").bar("nan", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
