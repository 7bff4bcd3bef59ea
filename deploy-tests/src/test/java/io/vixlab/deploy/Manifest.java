package io.vixlab.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One YAML document of deploy/k8s (or of a rendered overlay): where it came from, its raw tree and
 * the model object it parsed into (a typed fabric8 class, or a {@link GenericKubernetesResource} for
 * the custom resources of Strimzi and KEDA).
 */
record Manifest(String source, JsonNode raw, HasMetadata resource) {

    String kind() {
        return resource.getKind();
    }

    String name() {
        return resource.getMetadata() == null ? null : resource.getMetadata().getName();
    }

    boolean isCustom() {
        return resource instanceof GenericKubernetesResource;
    }

    @Override
    public String toString() {
        return kind() + "/" + name() + " (" + source + ")";
    }
}
