package io.vixlab.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalStackTest {

    @ParameterizedTest(name = "{0} cores, {1} trainers -> {2} intra-op threads each")
    @CsvSource({
            "16, 2, 8",
            "16, 3, 5",
            "8, 8, 1",
            "2, 2, 1",
            "2, 1, 2",
            "2, 3, 1",
            "1, 1, 1",
    })
    void trainersSplitTheCoresAtLeastOneThreadEach(int cores, int trainers, int intraOp) {
        assertThat(LocalStack.intraOpThreadsPerTrainer(cores, trainers)).isEqualTo(intraOp);
    }
}
