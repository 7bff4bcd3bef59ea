package io.vixlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.tuning.ForecastTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunOptionsParserTest {

    @Test
    void plainRunTakesTheDefaults() {
        RunOptions o = RunOptionsParser.parse("run").orElseThrow();
        assertThat(o).isEqualTo(RunOptions.defaults());
        assertThat(o.trainers()).isEqualTo(2);
        assertThat(o.source()).isEqualTo("snapshot");
        assertThat(o.target()).isEqualTo(ForecastTarget.LEVEL);
        assertThat(o.workdir()).isEqualTo(Path.of(".vixlab"));
        assertThat(o.architectures()).isEmpty();
        assertThat(o.full()).isFalse();
        assertThat(o.keepRunning()).isFalse();
        assertThat(o.trials()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        RunOptions o = RunOptionsParser.parse("run", "--trials", "7", "--epochs=9", "--folds", "4",
                "--final-epochs", "30", "--timeout-minutes", "12", "--architectures", "basic_cnn_lstm, Deep_CNN_LSTM",
                "--trainers", "3", "--threads", "2", "--full", "--source", "CBOE", "--target", "log-change", "--workdir", "/tmp/vx", "--keep-running")
                .orElseThrow();
        assertThat(o).isEqualTo(new RunOptions(7, 9, 4, 30, 12, List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM"), 3, 2, true,
                "cboe", ForecastTarget.LOG_CHANGE, Path.of("/tmp/vx"), true));
    }

    @ParameterizedTest(name = "{0} cores, {1} trainers -> {2} intra-op threads each")
    @CsvSource({
            "16, 2, 8",
            "16, 3, 8",
            "2, 1, 1",
            "2, 3, 1",
            "1, 1, 1",
    })
    void threadsPerTrainerFollowTheCoresNotTheTrainers(int cores, int trainers, int threads) {
        RunOptions o = RunOptionsParser.parse("run", "--trainers", String.valueOf(trainers)).orElseThrow();
        assertThat(o.threadsPerTrainer(cores)).isEqualTo(threads);
        assertThat(RunOptionsParser.parse("run", "--trainers", String.valueOf(trainers), "--threads", "3").orElseThrow()
                .threadsPerTrainer(cores)).isEqualTo(3);
    }

    @Test
    void architecturesKeepTheirOrderAndDropDuplicates() {
        RunOptions o = RunOptionsParser.parse("run", "--architectures", "Multiscale_CNN_LSTM,BASIC_CNN_LSTM,,multiscale_cnn_lstm")
                .orElseThrow();
        assertThat(o.architectures()).containsExactly("Multiscale_CNN_LSTM", "Basic_CNN_LSTM");
    }

    @Test
    void helpIsNotARun() {
        assertThat(RunOptionsParser.parse("--help")).isEmpty();
        assertThat(RunOptionsParser.parse("run", "-h")).isEmpty();
        assertThat(RunOptionsParser.USAGE).contains("--full", "--trainers", "--threads", "--architectures", "--source", "--target",
                "--workdir", "--keep-running");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                 | no command given; the command is: run",
        "train                              | unknown command 'train'; the command is: run",
        "run --trials                       | --trials needs a value",
        "run --trials x                     | --trials must be a whole number, not 'x'",
        "run --trials 0                     | --trials must be between 1 and 10000, not 0",
        "run --folds 1                      | --folds must be between 2 and 20, not 1",
        "run --trainers 9                   | --trainers must be between 1 and 8, not 9",
        "run --threads 0                    | --threads must be between 1 and 256, not 0",
        "run --source file                  | --source must be snapshot or cboe, not 'file'",
        "run --target returns               | --target must be level or log-change, not 'returns'",
        "run --architectures Huge_LSTM      | unknown architecture 'Huge_LSTM'; known: Basic_CNN_LSTM, Deep_CNN_LSTM, Bidirectional_CNN_LSTM, Attention_CNN_LSTM, Multiscale_CNN_LSTM",
        "run --architectures ,              | --architectures needs at least one architecture",
        "run --full=yes                     | --full takes no value",
        "run --fast                         | unknown option '--fast'",
    })
    void mistakesAreNamed(String line, String message) {
        String[] args = line.isBlank() ? new String[0] : line.trim().split("\\s+");
        assertThatThrownBy(() -> RunOptionsParser.parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }
}
