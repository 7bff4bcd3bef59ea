package io.vixlab.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every manifest under deploy/k8s parses into the fabric8 Kubernetes model with no field the model
 * does not know; custom resources (Strimzi, KEDA) parse as generic resources and use only the fields
 * of their CRDs that deploy/k8s relies on; every file is part of a kustomization.
 */
class ManifestModelTest {

    /**
     * The fields of the custom resources, as far as deploy/k8s uses them: a map's keys are the known
     * fields, {@code ANY} accepts any value (free-form maps such as Kafka's config), a list holds the
     * schema of its elements.
     */
    private static final Object ANY = "any";
    private static final Map<String, Object> METADATA = Map.of("name", ANY, "namespace", ANY, "labels", ANY, "annotations", ANY);
    private static final Map<String, Object> RESOURCES = Map.of("requests", ANY, "limits", ANY);
    private static final Map<String, Object> SELECTOR = Map.of("matchLabels", ANY);
    private static final Map<String, Map<String, Object>> CUSTOM_SCHEMAS = Map.of(
            "kafka.strimzi.io/v1beta2 Kafka", Map.of("spec", Map.of(
                    "kafka", Map.of(
                            "version", ANY, "metadataVersion", ANY, "config", ANY, "resources", RESOURCES,
                            "listeners", List.of(Map.of("name", ANY, "port", ANY, "type", ANY, "tls", ANY,
                                    "networkPolicyPeers", List.of(Map.of("podSelector", SELECTOR, "namespaceSelector", SELECTOR))))),
                    "entityOperator", Map.of("topicOperator", Map.of("resources", RESOURCES), "userOperator", Map.of("resources", RESOURCES)))),
            "kafka.strimzi.io/v1beta2 KafkaNodePool", Map.of("spec", Map.of(
                    "replicas", ANY, "roles", ANY, "resources", RESOURCES,
                    "storage", Map.of("type", ANY, "size", ANY, "deleteClaim", ANY,
                            "volumes", List.of(Map.of("id", ANY, "type", ANY, "size", ANY, "deleteClaim", ANY, "kraftMetadata", ANY, "class", ANY))))),
            "kafka.strimzi.io/v1beta2 KafkaTopic", Map.of("spec", Map.of(
                    "topicName", ANY, "partitions", ANY, "replicas", ANY, "config", ANY)),
            "keda.sh/v1alpha1 ScaledObject", Map.of("spec", Map.of(
                    "scaleTargetRef", Map.of("apiVersion", ANY, "kind", ANY, "name", ANY),
                    "pollingInterval", ANY, "cooldownPeriod", ANY, "minReplicaCount", ANY, "maxReplicaCount", ANY,
                    "idleReplicaCount", ANY,
                    "advanced", Map.of("restoreToOriginalReplicaCount", ANY,
                            "horizontalPodAutoscalerConfig", Map.of("name", ANY, "behavior", Map.of(
                                    "scaleUp", Map.of("stabilizationWindowSeconds", ANY, "selectPolicy", ANY,
                                            "policies", List.of(Map.of("type", ANY, "value", ANY, "periodSeconds", ANY))),
                                    "scaleDown", Map.of("stabilizationWindowSeconds", ANY, "selectPolicy", ANY,
                                            "policies", List.of(Map.of("type", ANY, "value", ANY, "periodSeconds", ANY)))))),
                    "triggers", List.of(Map.of("type", ANY, "name", ANY, "metricType", ANY, "authenticationRef", Map.of("name", ANY),
                            "metadata", Map.of("url", ANY, "valueLocation", ANY, "targetValue", ANY,
                                    "activationTargetValue", ANY))))));

    @TestFactory
    Stream<DynamicTest> everyManifestParsesIntoTheModelWithoutUnknownFields() {
        List<Path> files = Manifests.manifestFiles();
        assertThat(files).as("manifests under " + Manifests.K8S).hasSizeGreaterThan(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(Manifests.K8S.relativize(file).toString(), () -> {
            List<Manifest> manifests = Manifests.readFile(file);
            assertThat(manifests).as(file + " holds manifests").isNotEmpty();
            for (Manifest m : manifests) {
                assertThat(m.name()).as(m + " name").isNotBlank();
                if (m.isCustom()) {
                    checkCustom(m);
                } else {
                    assertThat(Manifests.unknownFields(m.resource())).as(m + ": fields the Kubernetes model does not know").isEmpty();
                    // Re-serialized, the model gives back every field of the document: nothing dropped.
                    JsonNode again = Manifests.SERIALIZATION.convertValue(m.resource(), JsonNode.class);
                    List<String> lost = new ArrayList<>();
                    lost(m.raw(), again, "", lost);
                    assertThat(lost).as(m + ": fields lost or changed by the model").isEmpty();
                }
            }
        }));
    }

    /** Where {@code original} has something {@code again} lacks (numbers compared as text: quantities). */
    private static void lost(JsonNode original, JsonNode again, String path, List<String> out) {
        if (again == null || again.isMissingNode() || again.isNull()) {
            out.add(path);
        } else if (original.isObject()) {
            original.fields().forEachRemaining(e -> lost(e.getValue(), again.get(e.getKey()), path + "." + e.getKey(), out));
        } else if (original.isArray()) {
            if (!again.isArray() || again.size() != original.size()) {
                out.add(path + " (list)");
                return;
            }
            for (int i = 0; i < original.size(); i++) {
                lost(original.get(i), again.get(i), path + "[" + i + "]", out);
            }
        } else if (!original.asText().equals(again.asText())) {
            out.add(path + ": " + original + " became " + again);
        }
    }

    private static void checkCustom(Manifest m) {
        GenericKubernetesResource r = (GenericKubernetesResource) m.resource();
        String key = r.getApiVersion() + " " + r.getKind();
        Map<String, Object> schema = CUSTOM_SCHEMAS.get(key);
        assertThat(schema).as(m + ": a custom resource of a known version (" + CUSTOM_SCHEMAS.keySet() + ")").isNotNull();
        List<String> unknown = new ArrayList<>();
        Map<String, Object> top = new HashMap<>(schema);
        top.put("apiVersion", ANY);
        top.put("kind", ANY);
        top.put("metadata", METADATA);
        check(m.raw(), top, "", unknown);
        assertThat(unknown).as(m + ": fields " + key + " does not have").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode node, Object schema, String path, List<String> unknown) {
        if (schema == ANY) {
            return;
        }
        if (schema instanceof List<?> list) {
            if (!node.isArray()) {
                unknown.add(path + " must be a list");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), list.get(0), path + "[" + i + "]", unknown);
            }
            return;
        }
        Map<String, Object> fields = (Map<String, Object>) schema;
        if (!node.isObject()) {
            unknown.add(path + " must be an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object sub = fields.get(e.getKey());
            if (sub == null) {
                unknown.add(path + "." + e.getKey());
            } else {
                check(e.getValue(), sub, path + "." + e.getKey(), unknown);
            }
        }
    }

    @Test
    void unknownFieldsAreFound() {
        Manifest typo = Manifests.parse("typo", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: 8080
                """).get(0);
        assertThat(Manifests.unknownFields(typo.resource())).singleElement().asString().contains("readinesProbe");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.parse("type", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: x
                spec:
                  ports:
                    - port: eighty
                """)).hasStackTraceContaining("eighty");
        Manifest crTypo = Manifests.parse("cr", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partition: 3
                """).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkCustom(crTypo)).hasMessageContaining(".spec.partition");
    }

    @Test
    void everyFileBelongsToAKustomizationAndEveryReferenceExists() throws Exception {
        Set<Path> referenced = new TreeSet<>();
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Manifests.K8S)) {
            kustomizations = files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).as("base and overlays").hasSizeGreaterThanOrEqualTo(3);
        for (Path k : kustomizations) {
            JsonNode tree = Manifests.readYamlTree(k);
            Path dir = k.getParent();
            List<String> paths = new ArrayList<>();
            tree.path("resources").forEach(n -> paths.add(n.asText()));
            tree.path("patches").forEach(n -> {
                if (n.has("path")) {
                    paths.add(n.path("path").asText());
                }
            });
            tree.path("secretGenerator").forEach(g -> g.path("envs").forEach(n -> paths.add(n.asText())));
            tree.path("configMapGenerator").forEach(g -> g.path("envs").forEach(n -> paths.add(n.asText())));
            for (String p : paths) {
                Path target = dir.resolve(p).normalize();
                assertThat(target).as(k + " -> " + p).exists();
                if (Files.isRegularFile(target)) {
                    referenced.add(target);
                }
            }
            assertThat(tree.path("secretGenerator").findValues("literals")).as(k + ": no secret literals").isEmpty();
        }
        for (Path file : Manifests.manifestFiles()) {
            assertThat(referenced).as(file + " is used by a kustomization").contains(file);
        }
    }

    @Test
    void baseImagesCarryTheProjectVersion() throws Exception {
        JsonNode base = Manifests.readYamlTree(Manifests.K8S.resolve("base/kustomization.yaml"));
        assertThat(base.path("namespace").asText()).isEqualTo("vixlab");
        // The names Jib gives the images (service-kit's defaults): <registry>/<group>/<application name>.
        java.util.Properties kit = ServiceConfig.load(
                Manifests.ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        String prefix = kit.getProperty("quarkus.container-image.registry") + "/" + kit.getProperty("quarkus.container-image.group") + "/";
        assertThat(kit.getProperty("quarkus.container-image.name")).isEqualTo("${quarkus.application.name}");
        assertThat(kit.getProperty("quarkus.container-image.build")).as("no image unless asked").isEqualTo("false");
        Set<String> named = new TreeSet<>();
        base.path("images").forEach(i -> {
            String name = i.path("name").asText();
            named.add(name);
            assertThat(i.path("newTag").asText()).as(name + " tag").isEqualTo(Manifests.VERSION);
            assertThat(i.path("newName").asText()).as(name + ": Jib's image name").isEqualTo(prefix + name.substring(name.indexOf('/') + 1));
        });
        Set<String> expected = new TreeSet<>();
        for (String module : ServiceConfig.SERVICES) {
            expected.add("vixlab/" + module);
        }
        assertThat(named).isEqualTo(expected);
        JsonNode gpu = Manifests.readYamlTree(Manifests.K8S.resolve("overlays/gpu/kustomization.yaml"));
        assertThat(gpu.path("images")).singleElement().satisfies(i -> {
            assertThat(i.path("name").asText()).isEqualTo(prefix + "trainer-service");
            assertThat(i.path("newTag").asText()).isEqualTo(Manifests.VERSION + "-gpu");
        });
        // ... which is the tag trainer-service's gpu profile gives its image, on a CUDA base image.
        String pom = Files.readString(Manifests.ROOT.resolve("trainer-service/pom.xml"));
        String gpuProfile = pom.substring(pom.indexOf("<id>gpu</id>"));
        assertThat(gpuProfile).contains("<quarkus.container-image.tag>${project.version}-gpu</quarkus.container-image.tag>")
                .containsPattern("<quarkus.jib.base-jvm-image>[^<]*cuda[^<]*</quarkus.jib.base-jvm-image>");
    }

    /** The gpu overlay's patch as written (the rendered overlay is checked where kubectl is installed). */
    @Test
    void theGpuPatchGivesTrainersAGpuOnGpuNodes() {
        List<Manifest> patch = Manifests.readFile(Manifests.K8S.resolve("overlays/gpu/trainer-gpu-patch.yaml"));
        Deployment d = (Deployment) patch.get(0).resource();
        assertThat(d.getMetadata().getName()).isEqualTo("trainer-service");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("trainer-service");
        assertThat(c.getResources().getRequests()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(d.getSpec().getTemplate().getSpec().getTolerations()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).isNotEmpty();
    }

    /**
     * kubectl kustomize builds every overlay (and the base). Where kubectl is not installed this test
     * is reported as skipped with the reason, and fails with -Dvixlab.require-kubectl=true.
     */
    @TestFactory
    Stream<DynamicTest> kubectlKustomizeBuildsEveryOverlay() {
        if (!Manifests.kubectlAvailable()) {
            if (Boolean.getBoolean("vixlab.require-kubectl")) {
                fail("kubectl is not on the PATH and -Dvixlab.require-kubectl=true");
            }
            return Stream.of(DynamicTest.dynamicTest("kubectl kustomize", () -> org.junit.jupiter.api.Assumptions.abort(
                    "kubectl (" + Manifests.KUBECTL + ") is not installed: overlays are checked as files only")));
        }
        List<Path> dirs = new ArrayList<>(List.of(Manifests.K8S.resolve("base")));
        dirs.addAll(Manifests.overlays());
        assertThat(Manifests.overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "gpu");
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(Manifests.K8S.relativize(dir).toString(), () -> {
            List<Manifest> rendered = Manifests.parse(dir.getFileName().toString(), Manifests.kubectlKustomize(dir));
            assertThat(rendered).hasSizeGreaterThan(30);
            for (Manifest m : rendered) {
                if (!m.kind().equals("Namespace")) {
                    assertThat(m.resource().getMetadata().getNamespace()).as(m + " namespace").isEqualTo("vixlab");
                }
                if (m.isCustom()) {
                    checkCustom(m);
                } else {
                    assertThat(Manifests.unknownFields(m.resource())).as(m + " unknown fields").isEmpty();
                }
            }
        }));
    }
}
