package io.vixlab.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void trainersAndTheReportServiceShareTheRunsModelDirectory() {
        Path workdir = Path.of("build", "..", "run-1");
        String models = workdir.toAbsolutePath().normalize().resolve("models").toString();

        assertThat(LocalStack.properties(LocalStack.TRAINER_SERVICE, workdir, "127.0.0.1:9092"))
                .containsEntry("vixlab.model-store.location", models)
                .containsEntry("vixlab.data-dir", workdir.toAbsolutePath().normalize().toString());
        assertThat(LocalStack.properties(LocalStack.REPORT_SERVICE, workdir, "127.0.0.1:9092"))
                .containsEntry("vixlab.model-store.location", models);
        assertThat(LocalStack.properties(LocalStack.TUNER_SERVICE, workdir, "127.0.0.1:9092"))
                .doesNotContainKey("vixlab.model-store.location");
    }
}
