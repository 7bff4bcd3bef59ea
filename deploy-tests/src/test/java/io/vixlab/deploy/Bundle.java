package io.vixlab.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of manifests checked together: the base's files as written, or an overlay rendered by
 * {@code kubectl kustomize}.
 */
record Bundle(String name, List<Manifest> manifests, String overlay) {

    private static List<Bundle> all;

    /** Read once per test run: kubectl takes a while to start. */
    static synchronized List<Bundle> all() {
        if (all == null) {
            all = List.copyOf(read());
        }
        return all;
    }

    private static List<Bundle> read() {
        List<Bundle> bundles = new ArrayList<>();
        bundles.add(new Bundle("base (files)", Manifests.baseFiles(), null));
        if (Manifests.kubectlAvailable()) {
            for (Path overlay : Manifests.overlays()) {
                String name = overlay.getFileName().toString();
                bundles.add(new Bundle("overlays/" + name + " (kubectl kustomize)",
                        Manifests.parse("overlays/" + name, Manifests.kubectlKustomize(overlay)), name));
            }
            // The knobs made components: each on the gpu overlay, the one they are meant for.
            for (Path component : Manifests.components()) {
                String name = "overlays/gpu + components/" + component.getFileName();
                bundles.add(new Bundle(name + " (kubectl kustomize)", Manifests.parse(name,
                        Manifests.kubectlKustomize(Manifests.withComponent("gpu", component))), "gpu"));
            }
        }
        return bundles;
    }

    boolean rendered() {
        return overlay != null;
    }

    <T extends HasMetadata> List<T> typed(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return manifests.stream().filter(m -> m.isCustom() && m.kind().equals(kind))
                .map(m -> (GenericKubernetesResource) m.resource()).toList();
    }

    Optional<Deployment> deployment(String name) {
        return typed(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return typed(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
    }

    /** The value a Deployment's container gets for an environment variable from the ConfigMaps of its envFrom. */
    Optional<String> configMapEnv(String deployment, String env) {
        return deployment(deployment).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnvFrom() == null ? Stream.empty() : c.getEnvFrom().stream())
                .filter(from -> from.getConfigMapRef() != null)
                .flatMap(from -> configMap(from.getConfigMapRef().getName()).stream())
                .map(cm -> cm.getData() == null ? null : cm.getData().get(env))
                .filter(Objects::nonNull)
                .reduce((first, later) -> later); // a later source wins, as in the kubelet
    }

    @Override
    public String toString() {
        return name;
    }
}
