package io.vixlab.trainer.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vixlab.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * Keeps this pod's {@code controller.kubernetes.io/pod-deletion-cost} current: high while it
 * trains, zero while idle. When KEDA lowers the trainers' replicas, the ReplicaSet removes the pods
 * of lowest cost first, so idle trainers go before busy ones (a busy one that must go anyway
 * releases its run). Off outside Kubernetes; a failed update only costs that preference.
 */
@ApplicationScoped
public class PodDeletionCost {

    static final String ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
    /** Any cost above idle pods' 0; the ReplicaSet compares costs only. */
    static final int TRAINING = 1000;

    private static final Logger LOG = Logger.getLogger(PodDeletionCost.class);

    private final TrainerConfig.DeletionCost config;
    private final Instance<KubernetesClient> kubernetes;

    public PodDeletionCost(TrainerConfig config, Instance<KubernetesClient> kubernetes) {
        this.config = config.deletionCost();
        this.kubernetes = kubernetes;
    }

    /** Marks the pod as training a run (true) or idle (false). */
    public void training(boolean training) {
        if (!config.enabled()) {
            return;
        }
        String cost = String.valueOf(training ? TRAINING : 0);
        String patch = "{\"metadata\":{\"annotations\":{\"" + ANNOTATION + "\":\"" + cost + "\"}}}";
        try {
            kubernetes.get().pods().inNamespace(config.namespace()).withName(config.pod())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            LOG.warnf("cannot set %s=%s on pod %s/%s: %s", ANNOTATION, cost, config.namespace(), config.pod(),
                    e.getMessage());
        }
    }
}
