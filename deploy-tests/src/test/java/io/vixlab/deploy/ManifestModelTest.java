package io.vixlab.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest under deploy/k8s is a resource the cluster takes: built-in kinds parse into the
 * fabric8 Kubernetes model with no field the model does not know; custom resources (Strimzi, KEDA,
 * CloudNativePG and its Barman Cloud plugin, the Prometheus Operator) meet the CRD schema of the
 * served version of their operator's pinned release ({@link CrdSchemas}), Strimzi's also its typed
 * model; every file is part of a kustomization; the images carry immutable tags.
 */
class ManifestModelTest {

    /** The tag of a build: its git commit, 12 hex digits (git.commit.id.abbrev, the parent pom). */
    static final String COMMIT_TAG = "[0-9a-f]{12}";

    @TestFactory
    Stream<DynamicTest> everyManifestParsesIntoTheModelWithoutUnknownFields() {
        List<Path> files = Manifests.manifestFiles();
        Set<Path> patches = Manifests.patchFiles();
        assertThat(files).as("manifests under " + Manifests.K8S).hasSizeGreaterThan(10);
        return files.stream().map(file -> DynamicTest.dynamicTest(Manifests.K8S.relativize(file).toString(), () -> {
            List<Manifest> manifests = Manifests.readFile(file);
            assertThat(manifests).as(file + " holds manifests").isNotEmpty();
            for (Manifest m : manifests) {
                assertThat(m.name()).as(m + " name").isNotBlank();
                if (m.isCustom()) {
                    // A patch is a partial resource: its fields and values are checked, not its completeness.
                    assertThat(customProblems(m.raw(), patches.contains(file))).as(m + ": against its CRD").isEmpty();
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

    /** What the CRD's schema and, for Strimzi's resources, Strimzi's model find wrong. */
    static List<String> customProblems(JsonNode resource, boolean patch) {
        List<String> problems = new ArrayList<>(CrdSchemas.get().problems(resource, patch));
        problems.addAll(Manifests.strimziModelProblems(resource));
        return problems;
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

    @Test
    void unknownFieldsOfBuiltInKindsAreFound() {
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
        assertThatThrownBy(() -> Manifests.parse("type", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: x
                spec:
                  ports:
                    - port: eighty
                """)).hasStackTraceContaining("eighty");
    }

    /**
     * Resources the API server would refuse (src/test/resources/refused/), each with a first line
     * {@code # <what>: ...; the problem names "<word>".}
     */
    static Stream<Arguments> refusedResources() throws IOException {
        try (Stream<Path> files = Files.list(Manifests.ROOT.resolve("deploy-tests/src/test/resources/refused"))) {
            return files.sorted().map(file -> {
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher header = Pattern.compile("^# ([^:]+):.*names \"([^\"]+)\"").matcher(text);
                assertThat(header.find()).as(file + " header").isTrue();
                return Arguments.of(header.group(1), header.group(2), text);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedResources")
    void aResourceTheApiServerWouldRefuseFails(String what, String named, String resource) {
        assertThat(customProblems(yaml(resource), false)).as(what).anySatisfy(p -> assertThat(p).contains(named));
    }

    @Test
    void aPatchNeedNotBeComplete() throws IOException {
        String incomplete = Files.readString(Manifests.ROOT.resolve("deploy-tests/src/test/resources/refused/missing-required-field.yaml"));
        assertThat(customProblems(yaml(incomplete), false)).isNotEmpty();
        assertThat(customProblems(yaml(incomplete), true)).isEmpty();
    }

    /**
     * Strimzi's CRD lists every storage type's fields in one schema, so an ephemeral storage that kept
     * a jbod's volumes (a strategic merge of the dev overlay's old patch) passes the schema; Strimzi's
     * model of the ephemeral type has no volumes.
     */
    @Test
    void aStrimziStorageWithTheFieldsOfAnotherTypeFails() {
        JsonNode merged = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata:
                  name: dual-role
                spec:
                  replicas: 1
                  roles: [controller, broker]
                  storage:
                    type: ephemeral
                    volumes:
                      - id: 0
                        type: persistent-claim
                        size: 20Gi
                """);
        assertThat(CrdSchemas.get().problems(merged, false)).as("the CRD's schema alone").isEmpty();
        assertThat(customProblems(merged, false)).singleElement().asString().contains("volumes");
    }

    @Test
    void intOrStringAndPreservedUnknownFieldsAreTakenAsTheApiServerTakesThem() {
        assertThat(customProblems(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: k
                spec:
                  kafka:
                    listeners:
                      - name: plain
                        port: 9092
                        type: internal
                        tls: false
                    config:
                      any.broker.setting: 1
                  kafkaExporter:
                    resources:
                      requests:
                        cpu: 1
                        memory: 64Mi
                      limits:
                        cpu: 500m
                """), false)).isEmpty();
    }

    private static JsonNode yaml(String text) {
        return Manifests.parse("inline", text).get(0).raw();
    }

    /** The CRDs are the pinned operators' own, each directory named in README.md with its source. */
    @Test
    void everyCrdDirectoryNamesItsOperatorVersionAndSource() throws Exception {
        String readme = Files.readString(CrdSchemas.DIR.resolve("README.md"));
        List<String> dirs;
        try (Stream<Path> list = Files.list(CrdSchemas.DIR)) {
            dirs = list.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(dirs).containsExactly("cloudnative-pg-1.30.0", "keda-2.20.2", "plugin-barman-cloud-0.14.0",
                "prometheus-operator-0.93.0", "strimzi-1.2.0");
        for (String dir : dirs) {
            assertThat(readme).as("README.md names " + dir).containsPattern("(?m)^\\| `" + dir + "/` \\| github:[^ ]+ ");
        }
        // docs/deploy.md states these versions as the ones checked.
        String docs = Files.readString(Manifests.ROOT.resolve("docs/deploy.md"));
        assertThat(docs).contains("Strimzi 1.2.0", "KEDA 2.20.2", "CloudNativePG 1.30.0", "Barman Cloud plugin 0.14.0",
                "Prometheus Operator 0.93.0");
        assertThat(CrdSchemas.get().kinds()).contains("kafka.strimzi.io/Kafka", "kafka.strimzi.io/KafkaNodePool",
                "kafka.strimzi.io/KafkaTopic", "keda.sh/ScaledObject", "postgresql.cnpg.io/Cluster",
                "postgresql.cnpg.io/Database", "postgresql.cnpg.io/ScheduledBackup", "barmancloud.cnpg.io/ObjectStore",
                "monitoring.coreos.com/PodMonitor");
    }

    @Test
    void everyFileBelongsToAKustomizationAndEveryReferenceExists() throws Exception {
        Set<Path> referenced = new TreeSet<>();
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Manifests.K8S)) {
            kustomizations = files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).as("base, overlays and components").hasSizeGreaterThanOrEqualTo(4);
        for (Path k : kustomizations) {
            JsonNode tree = Manifests.readYamlTree(k);
            Path dir = k.getParent();
            List<String> paths = new ArrayList<>();
            tree.path("resources").forEach(n -> paths.add(n.asText()));
            tree.path("components").forEach(n -> paths.add(n.asText()));
            tree.path("patches").forEach(n -> {
                if (n.has("path")) {
                    paths.add(n.path("path").asText());
                }
            });
            for (String generator : List.of("secretGenerator", "configMapGenerator")) {
                tree.path(generator).forEach(g -> {
                    g.path("envs").forEach(n -> paths.add(n.asText()));
                    g.path("files").forEach(n -> paths.add(n.asText().substring(n.asText().indexOf('=') + 1)));
                });
            }
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
        assertThat(referenced).as("the Grafana dashboard").contains(Manifests.K8S.resolve("base/monitoring/dashboard.json"));
    }

    /**
     * Images are tagged with the commit they were built from (immutable: a tag never names another
     * image), by the parent pom's git-commit-id plugin and service-kit's quarkus.container-image.tag.
     */
    @Test
    void imagesCarryTheCommitTheyWereBuiltFrom() throws Exception {
        JsonNode base = Manifests.readYamlTree(Manifests.K8S.resolve("base/kustomization.yaml"));
        assertThat(base.path("namespace").asText()).isEqualTo("vixlab");
        // The names Jib gives the images (service-kit's defaults): <registry>/<group>/<application name>.
        Properties kit = ServiceConfig.load(
                Manifests.ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        String prefix = kit.getProperty("quarkus.container-image.registry") + "/" + kit.getProperty("quarkus.container-image.group") + "/";
        assertThat(kit.getProperty("quarkus.container-image.name")).isEqualTo("${quarkus.application.name}");
        assertThat(kit.getProperty("quarkus.container-image.build")).as("no image unless asked").isEqualTo("false");
        assertThat(kit.getProperty("quarkus.container-image.tag")).as("the build's commit")
                .startsWith("${git.commit.id.abbrev");
        String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>git-commit-id-maven-plugin</artifactId>", "<abbrevLength>12</abbrevLength>");
        Set<String> named = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        base.path("images").forEach(i -> {
            String name = i.path("name").asText();
            named.add(name);
            tags.add(i.path("newTag").asText());
            assertThat(i.path("newName").asText()).as(name + ": Jib's image name").isEqualTo(prefix + name.substring(name.indexOf('/') + 1));
        });
        assertThat(tags).as("one commit for every service").singleElement().asString().matches(COMMIT_TAG);
        Set<String> expected = new TreeSet<>();
        for (String module : ServiceConfig.SERVICES) {
            expected.add("vixlab/" + module);
        }
        assertThat(named).isEqualTo(expected);
        JsonNode gpu = Manifests.readYamlTree(Manifests.K8S.resolve("overlays/gpu/kustomization.yaml"));
        assertThat(gpu.path("images")).singleElement().satisfies(i -> {
            assertThat(i.path("name").asText()).isEqualTo(prefix + "trainer-service");
            assertThat(i.path("newTag").asText()).isEqualTo(tags.iterator().next() + "-gpu");
        });
        // The gpu build of the trainer tags with a -gpu suffix on a CUDA base image.
        String trainerPom = Files.readString(Manifests.ROOT.resolve("trainer-service/pom.xml"));
        String gpuProfile = trainerPom.substring(trainerPom.indexOf("<id>gpu</id>"));
        assertThat(gpuProfile).containsPattern("<quarkus.container-image.tag>[^<]*-gpu</quarkus.container-image.tag>")
                .containsPattern("<quarkus.jib.base-jvm-image>[^<]*cuda[^<]*</quarkus.jib.base-jvm-image>");
    }

    /** The gpu overlay's patch as written (the rendered overlay is checked where kubectl is installed). */
    @Test
    void theGpuPatchGivesTrainersAGuaranteedGpuOnGpuNodes() {
        List<Manifest> patch = Manifests.readFile(Manifests.K8S.resolve("overlays/gpu/trainer-gpu-patch.yaml"));
        Deployment d = (Deployment) patch.get(0).resource();
        assertThat(d.getMetadata().getName()).isEqualTo("trainer-service");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getName()).isEqualTo("trainer-service");
        assertThat(c.getResources().getRequests()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(c.getResources().getLimits()).as("Guaranteed QoS: limits = requests").isEqualTo(c.getResources().getRequests());
        assertThat(d.getSpec().getTemplate().getSpec().getTolerations()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).isNotEmpty();
    }

    /**
     * kubectl kustomize builds the base, every overlay and every component on the gpu overlay, and
     * every object it renders is one the cluster takes. Where kubectl is not installed this test is
     * reported as skipped with the reason, and fails with -Dvixlab.require-kubectl=true.
     */
    @TestFactory
    Stream<DynamicTest> kubectlKustomizeRendersOnlyWhatTheClusterTakes() {
        if (!Manifests.kubectlAvailable()) {
            if (Boolean.getBoolean("vixlab.require-kubectl")) {
                fail("kubectl is not on the PATH and -Dvixlab.require-kubectl=true");
            }
            return Stream.of(DynamicTest.dynamicTest("kubectl kustomize", () -> Assumptions.abort(
                    "kubectl (" + Manifests.KUBECTL + ") is not installed: overlays are checked as files only")));
        }
        List<Path> dirs = new ArrayList<>(List.of(Manifests.K8S.resolve("base")));
        dirs.addAll(Manifests.overlays());
        assertThat(Manifests.overlays()).extracting(p -> p.getFileName().toString()).contains("dev", "gpu");
        for (Path component : Manifests.components()) {
            dirs.add(Manifests.withComponent("gpu", component));
        }
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<Manifest> rendered = Manifests.parse(dir.getFileName().toString(), Manifests.kubectlKustomize(dir));
            assertThat(rendered).hasSizeGreaterThan(30);
            for (Manifest m : rendered) {
                if (!m.kind().equals("Namespace")) {
                    assertThat(m.resource().getMetadata().getNamespace()).as(m + " namespace").isEqualTo("vixlab");
                }
                if (m.isCustom()) {
                    assertThat(customProblems(m.raw(), false)).as(m + ": against its CRD").isEmpty();
                } else {
                    assertThat(Manifests.unknownFields(m.resource())).as(m + " unknown fields").isEmpty();
                }
            }
        }));
    }
}
