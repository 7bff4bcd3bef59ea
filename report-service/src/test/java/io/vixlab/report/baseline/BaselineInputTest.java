package io.vixlab.report.baseline;

import static io.vixlab.report.baseline.BaselineTest.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.report.baseline.BaselineInput.DailyClose;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineInputTest {

    private static final List<DailyClose> WEEK = List.of(
            new DailyClose(LocalDate.of(2024, 1, 4), 12),
            new DailyClose(LocalDate.of(2024, 1, 5), 13),
            new DailyClose(LocalDate.of(2024, 1, 8), 14),
            new DailyClose(LocalDate.of(2024, 1, 9), 15));

    @Test
    void splitsAtTheFirstCloseOnOrAfterTheTestStart() {
        LocalDate end = LocalDate.of(2024, 1, 9);

        assertThat(BaselineInput.between(WEEK, LocalDate.of(2024, 1, 6), end).testStart()).isEqualTo(2);
        assertThat(BaselineInput.between(WEEK, LocalDate.of(2024, 1, 5), end).testStart()).isEqualTo(1);
    }

    @Test
    void dropsClosesAfterTheTestEnd() {
        BaselineInput input = BaselineInput.between(WEEK, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8));

        assertThat(input.size()).isEqualTo(3);
        assertThat(input.testSize()).isEqualTo(2);
    }

    @Test
    void trailingMeanAveragesTheClosesBeforeTheIndex() {
        BaselineInput input = new BaselineInput(closes(1, 2, 3, 4, 100), 4);

        assertThat(input.trailingMean(4, 3)).isEqualTo(3);
    }

    @Test
    void rejectsAnEmptyTrainingOrTestPart() {
        assertThatThrownBy(() -> new BaselineInput(closes(1, 2, 3), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BaselineInput(closes(1, 2, 3), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsClosesOutOfDateOrder() {
        List<DailyClose> closes = List.of(
                new DailyClose(LocalDate.of(2024, 1, 5), 12),
                new DailyClose(LocalDate.of(2024, 1, 5), 13));

        assertThatThrownBy(() -> new BaselineInput(closes, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
