package io.vixlab.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where this trainer keeps its models, what it calls itself, how long it waits for datasets. */
@ConfigMapping(prefix = "vixlab.trainer")
public interface TrainerConfig {

    /** Final models are exported to {@code <model-store>/<studyId>/<architecture>-<finalId>}. */
    @WithDefault("${vixlab.data-dir}/models")
    Path modelStore();

    /** The {@code trainer} of every result; unset means the host name (the pod's name in Kubernetes). */
    Optional<String> name();

    /**
     * How long a trial or final waits for its dataset's manifest and windows (a pod that just started
     * is still reading the features topics) before it fails naming the unknown dataset.
     */
    @WithDefault("PT2M")
    Duration datasetWait();

    default String trainerName() {
        return name().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "trainer";
            }
        });
    }
}
