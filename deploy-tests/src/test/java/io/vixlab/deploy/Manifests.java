package io.vixlab.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads manifests into the fabric8 Kubernetes model (custom resources, those a CRD of
 * {@link CrdSchemas} defines, as generic resources) and finds fields a model does not know.
 */
final class Manifests {

    /** Strimzi's own typed model of its resources (io.strimzi:api), by kind. */
    private static final Map<String, Class<?>> STRIMZI_MODEL = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Path ROOT = Path.of(System.getProperty("vixlab.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** Every YAML file under deploy/k8s, kustomization files excluded (they are not resources). */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().startsWith("kustomization."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Manifest> readFile(Path file) {
        try {
            return parse(K8S.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of the base, file by file (what the base renders to, less the namespace). */
    static List<Manifest> baseFiles() {
        Path base = K8S.resolve("base");
        return manifestFiles().stream().filter(p -> p.startsWith(base)).flatMap(p -> readFile(p).stream()).toList();
    }

    /** Splits a (multi-document) YAML text and parses each document into the model. */
    static List<Manifest> parse(String source, String yaml) {
        List<Manifest> out = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                out.add(toManifest(source + "#" + index, doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return out;
    }

    private static Manifest toManifest(String source, JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText(null);
        String kind = doc.path("kind").asText(null);
        if (apiVersion == null || kind == null) {
            throw new AssertionError(source + ": a manifest needs apiVersion and kind");
        }
        String json = doc.toString();
        HasMetadata resource;
        if (CrdSchemas.get().defines(apiVersion, kind)) {
            resource = SERIALIZATION.unmarshal(json, GenericKubernetesResource.class);
        } else {
            if (SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind) == null) {
                throw new AssertionError(source + ": " + apiVersion + " " + kind + " is not a Kubernetes kind fabric8 knows");
            }
            KubernetesResource parsed = SERIALIZATION.unmarshal(json, KubernetesResource.class);
            if (!(parsed instanceof HasMetadata hasMetadata) || parsed instanceof GenericKubernetesResource) {
                throw new AssertionError(source + ": " + apiVersion + " " + kind + " did not parse into a typed model class");
            }
            resource = hasMetadata;
        }
        return new Manifest(source, doc, resource);
    }

    /**
     * What Strimzi's own model of a resource finds wrong with it: fields its type does not have (the
     * CRD's schema is one flat union of every storage type's fields, so an ephemeral storage with a
     * jbod's volumes passes the schema but not the model), values it cannot read. Empty for a kind
     * that is not Strimzi's.
     */
    static List<String> strimziModelProblems(JsonNode resource) {
        Class<?> model = STRIMZI_MODEL.get(resource.path("kind").asText());
        if (model == null || !resource.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
            return List.of();
        }
        try {
            return unknownFields(JSON.treeToValue(resource, model));
        } catch (IOException e) {
            return List.of(resource.path("kind").asText() + ": " + e.getMessage());
        }
    }

    /** The files the kustomizations under deploy/k8s use as patches: partial resources. */
    static Set<Path> patchFiles() {
        Set<Path> patches = new TreeSet<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path k : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                readYamlTree(k).path("patches").forEach(n -> {
                    if (n.has("path")) {
                        patches.add(k.getParent().resolve(n.path("path").asText()).normalize());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return patches;
    }

    /**
     * Fields of a typed model object that the model has no property for: fabric8 keeps them (and
     * values of the wrong type) in additionalProperties instead of failing, so they are looked for
     * in every nested object.
     */
    static List<String> unknownFields(Object model) {
        List<String> out = new ArrayList<>();
        collectUnknown(model, model.getClass().getSimpleName(), out, 0);
        return out.stream().distinct().toList(); // a property may have two getters
    }

    private static void collectUnknown(Object o, String path, List<String> out, int depth) {
        if (o == null || depth > 40 || o instanceof String || o instanceof Number || o instanceof Boolean
                || o instanceof Enum<?> || o.getClass().isPrimitive()) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "[" + k + "]", out, depth + 1));
            return;
        }
        if (o instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", out, depth + 1);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.") && !o.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            boolean getter = name.startsWith("get") && name.length() > 3;
            if (!getter) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                // Computed getters (e.g. Quantity's numerical amount) fail on a malformed value.
                out.add(path + "." + name + "(): " + (e.getCause() == null ? e : e.getCause()));
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            collectUnknown(value, path + "." + property, out, depth + 1);
        }
    }

    /** Renders a kustomization with kubectl; null when kubectl is not on the PATH. */
    static String kubectlKustomize(Path dir) {
        if (!kubectlAvailable()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(KUBECTL, "kustomize", dir.toString())
                    .redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The kubectl to run: -Dvixlab.kubectl, else kubectl on the PATH. */
    static final String KUBECTL = System.getProperty("vixlab.kubectl", "kubectl");

    private static Boolean kubectl;

    static synchronized boolean kubectlAvailable() {
        if (kubectl == null) {
            try {
                Process p = new ProcessBuilder(KUBECTL, "version", "--client").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                kubectl = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                kubectl = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kubectl = false;
            }
        }
        return kubectl;
    }

    /** The overlays: every directory under deploy/k8s/overlays with a kustomization.yaml. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kustomize components under deploy/k8s/components: knobs an overlay may add. */
    static List<Path> components() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("components"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A kustomization (under deploy-tests/target) of an overlay with a component added, as a user
     * would write it; kustomize takes only relative paths to other directories.
     */
    static Path withComponent(String overlay, Path component) {
        Path dir = ROOT.resolve("deploy-tests/target/kustomize/" + overlay + "+" + component.getFileName());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - "
                    + dir.relativize(K8S.resolve("overlays").resolve(overlay)) + "\ncomponents:\n  - "
                    + dir.relativize(component) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static JsonNode readYamlTree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
