package io.vixlab.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * What this trainer calls itself, how long it waits for datasets, and how it takes runs from the work
 * queue. Where its models go is the model store's ({@code vixlab.model-store.*}, module model-store).
 */
@ConfigMapping(prefix = "vixlab.trainer")
public interface TrainerConfig {

    /** The {@code trainer} of every result; unset means the host name (the pod's name in Kubernetes). */
    Optional<String> name();

    /**
     * How long a trial or final waits for its dataset's manifest and windows (a pod that just started
     * is still reading the features topics) before it fails naming the unknown dataset.
     */
    @WithDefault("PT2M")
    Duration datasetWait();

    /** How this trainer takes runs from the work queue (a Kafka share group). */
    Queue queue();

    interface Queue {

        /** The share group every trainer joins for {@code tuning.trials} and {@code training.finals}. */
        @WithDefault("trainers")
        String group();

        /**
         * How long a run stays with a trainer that stopped renewing its lock without dropping its
         * connection (a hung pod; the tuner re-issues it after {@code stale-after} anyway); a killed
         * or stopping trainer's run moves at once. Long, so that a run seldom needs renewing: the
         * fetch that carries a renewal may acquire a waiting run and let it lapse unseen, which
         * delays it and spends one of its deliveries. The broker must allow it
         * ({@code group.share.max.record.lock.duration.ms}, 60 s by default; vixlab's brokers allow an hour, Kafka's most).
         */
        @WithDefault("PT1H")
        Duration lockDuration();

        /** How often the lock of a run in progress is renewed; well under {@link #lockDuration()}. */
        @WithDefault("PT20M")
        Duration renewEvery();

        /**
         * Deliveries of one run before it is given up: on the last one the run is answered FAILED
         * and dead-lettered instead of trained (every trainer before died or stopped on it). 2 to
         * 10 on a broker with Kafka's defaults; a graceful stop's release counts as a delivery too.
         */
        @WithDefault("5")
        int deliveryLimit();
    }

    /** How this pod tells Kubernetes it is busy, so a scale-down removes idle trainers first. */
    DeletionCost deletionCost();

    interface DeletionCost {

        /** On in the cluster (the trainer's ConfigMap); needs patch rights on its own pod. */
        @WithDefault("false")
        boolean enabled();

        /** This pod's name (the downward API's {@code metadata.name}). */
        @WithDefault("${HOSTNAME:trainer}")
        String pod();

        /** This pod's namespace (the downward API's {@code metadata.namespace}). */
        @WithDefault("vixlab")
        String namespace();
    }

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
