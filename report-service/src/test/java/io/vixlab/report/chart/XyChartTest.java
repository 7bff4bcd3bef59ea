package io.vixlab.report.chart;

import static io.vixlab.report.chart.SvgDocument.number;
import static io.vixlab.report.chart.SvgDocument.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XyChartTest {

    /*
     * Layout: plot area x 70..530 (720 wide, 70 for the y axis, 20 margin, 170 legend), y 40..370.
     * x in [1, 3] (step 0.5) and y in [0, 10] (step 2) map 1 x unit to 230 px, 1 y unit to 33 px.
     */
    @Test
    void placesPointsAndLinesToScale() {
        double[] xs = {1, 2, 3};
        SvgDocument svg = SvgDocument.parse(new XyChart("t", "x", "y")
                .points("values", xs, new double[] {0, 5, 10})
                .line("trend", xs, new double[] {0, Double.NaN, 10})
                .render());

        List<Element> circles = svg.select("//g[@data-name='values']/circle[@class='point']");
        assertThat(circles).extracting(c -> number(c, "cx")).containsExactly(70.0, 300.0, 530.0);
        assertThat(circles).extracting(c -> number(c, "cy")).containsExactly(370.0, 205.0, 40.0);
        List<double[]> line = points(svg.select("//g[@data-name='trend']/polyline").get(0));
        assertThat(line).containsExactly(new double[] {70, 370}, new double[] {530, 40});
        assertThat(svg.select("//g[@class='legend']/text")).extracting(Element::getTextContent)
                .containsExactly("values", "trend");
    }

    // Same layout: the step line holds 10 until x = 2, then drops to 0 and holds it.
    @Test
    void stepLinesHoldEachValueUntilTheNextX() {
        SvgDocument svg = SvgDocument.parse(new XyChart("t", "x", "y")
                .steps("best", new double[] {1, 2, 3}, new double[] {10, 0, 0})
                .render());

        assertThat(points(svg.select("//g[@data-name='best']/polyline").get(0))).containsExactly(
                new double[] {70, 40}, new double[] {300, 40}, new double[] {300, 370}, new double[] {530, 370});
    }

    @Test
    void marksSitOnTheBottomEdgeAndDoNotStretchTheYAxis() {
        SvgDocument svg = SvgDocument.parse(new XyChart("t", "x", "y")
                .points("values", new double[] {1, 3}, new double[] {0, 10})
                .marks("pruned", new double[] {2})
                .render());

        Element mark = svg.select("//g[@data-name='pruned']/line[@class='mark']").get(0);
        assertThat(number(mark, "x1")).isEqualTo(300);
        assertThat(number(mark, "y1")).isEqualTo(370);
        assertThat(svg.select("//g[@class='y-axis']/text[@class='tick']")).extracting(Element::getTextContent)
                .containsExactly("0", "2", "4", "6", "8", "10");
    }

    // Ten days from epoch day 19723 (2024-01-01): ticks every 2 days from epoch day 19722.
    @Test
    void dateAxisLabelsTicksAsIsoDates() {
        double start = LocalDate.of(2024, 1, 1).toEpochDay();
        SvgDocument svg = SvgDocument.parse(new XyChart("t", "date", "VIX").datesOnX()
                .line("actual", new double[] {start, start + 10}, new double[] {12, 14})
                .render());

        assertThat(svg.select("//g[@class='x-axis']/text[@class='tick']")).extracting(Element::getTextContent)
                .containsExactly("2023-12-31", "2024-01-02", "2024-01-04", "2024-01-06", "2024-01-08", "2024-01-10",
                        "2024-01-12");
    }

    @Test
    void legendShowsWhatFitsAndCountsTheRest() {
        XyChart chart = new XyChart("t", "x", "y");
        for (int i = 0; i < 40; i++) {
            chart.line("trial " + i, new double[] {0, 1}, new double[] {i, i + 1});
        }
        SvgDocument svg = SvgDocument.parse(chart.render());

        List<Element> entries = svg.select("//g[@class='legend']/text");
        assertThat(entries).hasSize(18);
        assertThat(entries.get(17).getTextContent()).isEqualTo("and 23 more");
        assertThat(svg.select("//polyline")).hasSize(40);
    }

    @Test
    void seriesNeedAsManyYAsXValues() {
        assertThatThrownBy(() -> new XyChart("t", "x", "y").line("bad", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
