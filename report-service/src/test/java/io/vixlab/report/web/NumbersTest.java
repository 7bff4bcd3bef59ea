package io.vixlab.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void pValuesBelowAThousandthAreScientific() {
        assertThat(Numbers.pValue(4.0683e-49)).isEqualTo("4.07e-49");
        assertThat(Numbers.pValue(3.5412e-4)).isEqualTo("3.54e-04");
        assertThat(Numbers.pValue(0.01324)).isEqualTo("0.0132");
        assertThat(Numbers.pValue(0.5)).isEqualTo("0.5");
        assertThat(Numbers.pValue(0)).isEqualTo("0");
        assertThat(Numbers.pValue(1)).isEqualTo("1");
    }

    @Test
    void numbersAndParametersKeepFourSignificantDigits() {
        assertThat(Numbers.format(0.0012345678)).isEqualTo("0.001235");
        assertThat(Numbers.format(12.3456)).isEqualTo("12.35");
        assertThat(Numbers.format(1.2345678e-7)).isEqualTo("1.235e-07");
        assertThat(Numbers.format(-3.0)).isEqualTo("-3");
        assertThat(Numbers.parameter(0.00079432823)).isEqualTo("0.0007943");
        assertThat(Numbers.parameter(64)).isEqualTo("64");
        assertThat(Numbers.parameter("adam")).isEqualTo("adam");
        assertThat(Numbers.parameter(true)).isEqualTo("true");
    }
}
