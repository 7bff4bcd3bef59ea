package io.vixlab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What keeps the deployment running and visible: Kafka's groups survive the trainers' scale to zero
 * and its brokers spread over nodes and serve the trainers' share group; final models live in the S3
 * store; Prometheus scrapes every service and the dashboard names only metrics that exist; docs
 * state the resources the manifests request. Each check runs on the base's files and every rendered
 * overlay.
 */
class OperationsTest {

    /** Kafka's offsets.retention.minutes when unset: 7 days. */
    static final long KAFKA_DEFAULT_OFFSETS_RETENTION_MINUTES = Duration.ofDays(7).toMinutes();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Bundle> bundles() {
        return Bundle.all();
    }

    private static Map<String, Object> kafkaConfig(Bundle bundle) {
        return bundle.custom("Kafka").get(0).get("spec", "kafka", "config");
    }

    /**
     * A consumer group's committed offsets outlive its members by offsets.retention.minutes: at least
     * as long as the longest retention of a topic that a service's named group reads, so that a group
     * idle for any time (the trainers at zero, a stopped service) re-reads nothing it has read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void committedOffsetsOutliveTheRecordsOfEveryTopicTheServicesGroupsRead(Bundle bundle) {
        Map<String, Long> retentionByTopic = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : bundle.custom("KafkaTopic")) {
            Map<String, Object> config = topic.get("spec", "config");
            if ("delete".equals(config.get("cleanup.policy"))) {
                retentionByTopic.put(topic.get("spec", "topicName"), ((Number) config.get("retention.ms")).longValue());
            }
        }
        long longest = 0;
        List<String> read = new ArrayList<>();
        for (String module : ServiceConfig.SERVICES) {
            Properties app = ServiceConfig.of(module).application;
            for (String name : app.stringPropertyNames()) {
                Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id").matcher(name);
                // A group named per pod (${quarkus.uuid}) starts afresh with each pod: nothing to keep.
                if (channel.matches() && !app.getProperty(name).contains("${quarkus.uuid}")) {
                    String topic = app.getProperty("mp.messaging.incoming." + channel.group(1) + ".topic");
                    read.add(app.getProperty(name) + " <- " + topic);
                    Long retention = retentionByTopic.get(topic);
                    longest = Math.max(longest, retention == null || retention < 0 ? 0 : retention);
                }
            }
        }
        assertThat(read).as("the services' named groups").hasSizeGreaterThan(5);
        Object minutes = kafkaConfig(bundle).get("offsets.retention.minutes");
        assertThat(minutes).as(bundle + ": offsets.retention.minutes set (Kafka's default is 7 days)").isNotNull();
        assertThat(Duration.ofMinutes(((Number) minutes).longValue()))
                .as(bundle + ": offsets.retention.minutes covers the longest retention the groups " + read + " read")
                .isGreaterThanOrEqualTo(Duration.ofMillis(longest))
                .isGreaterThan(Duration.ofMinutes(KAFKA_DEFAULT_OFFSETS_RETENTION_MINUTES));
    }

    /**
     * The brokers take the share-group settings kafka-local's test broker runs with (the trainers'
     * work queue; the short lock minimum is the tests' own), allow the trainers' lock duration, and
     * replicate the share coordinator's state no wider than there are brokers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void brokersServeTheTrainersShareGroups(Bundle bundle) throws Exception {
        Map<String, Object> config = kafkaConfig(bundle);
        String local = Files.readString(Manifests.ROOT.resolve("kafka-local/src/main/java/io/vixlab/kafka/LocalKafkaBroker.java"));
        Matcher setting = Pattern.compile("\"(group\\.share\\.[a-z.]+)\",\\s*\"(\\d+)\"").matcher(local);
        Set<String> localKeys = new TreeSet<>();
        while (setting.find()) {
            localKeys.add(setting.group(1));
        }
        assertThat(localKeys).as("kafka-local's share-group settings").contains("group.share.max.record.lock.duration.ms");
        localKeys.remove("group.share.min.record.lock.duration.ms");
        assertThat(config).as(bundle + ": the brokers' share-group settings").containsKeys(localKeys.toArray(String[]::new));
        String trainerConfig = Files.readString(Manifests.ROOT.resolve("trainer-service/src/main/java/io/vixlab/trainer/config/TrainerConfig.java"));
        Matcher lock = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+Duration lockDuration\\(\\)").matcher(trainerConfig);
        assertThat(lock.find()).as("the trainers' default lock duration").isTrue();
        assertThat(Duration.ofMillis(((Number) config.get("group.share.max.record.lock.duration.ms")).longValue()))
                .as(bundle + ": the broker allows the trainers' lock").isGreaterThanOrEqualTo(Duration.parse(lock.group(1)));
        int brokers = 0;
        for (GenericKubernetesResource pool : bundle.custom("KafkaNodePool")) {
            List<String> roles = pool.get("spec", "roles");
            brokers += roles.contains("broker") ? ((Number) pool.get("spec", "replicas")).intValue() : 0;
        }
        int replication = ((Number) config.get("share.coordinator.state.topic.replication.factor")).intValue();
        assertThat(replication).as(bundle + ": share state replicas").isBetween(1, brokers);
        assertThat(((Number) config.get("share.coordinator.state.topic.min.isr")).intValue()).isBetween(1, replication);
        assertThat((Object) bundle.custom("Kafka").get(0).get("spec", "kafka", "version"))
                .as("the operator's default Kafka (4.2 or newer in every Strimzi 1.x)").isNull();
    }

    /** Brokers of a pool of several spread over nodes: a node's loss takes one replica of a partition. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void brokersSpreadOverNodes(Bundle bundle) {
        for (GenericKubernetesResource pool : bundle.custom("KafkaNodePool")) {
            List<Map<String, Object>> constraints = pool.get("spec", "template", "pod", "topologySpreadConstraints");
            int replicas = ((Number) pool.get("spec", "replicas")).intValue();
            if (replicas < 2 && constraints == null) {
                continue;
            }
            assertThat(constraints).as(bundle + " " + pool.getMetadata().getName() + " topology spread").anySatisfy(c -> {
                assertThat(c).containsEntry("topologyKey", "kubernetes.io/hostname").containsEntry("whenUnsatisfiable", "DoNotSchedule")
                        .containsEntry("maxSkew", 1);
                // The labels Strimzi gives the pool's pods.
                assertThat(c.get("labelSelector")).isEqualTo(Map.of("matchLabels", Map.of(
                        "strimzi.io/cluster", "vixlab", "strimzi.io/pool-name", pool.getMetadata().getName())));
            });
        }
    }

    /**
     * Final models live in the S3 model store, not in a pod: trainer-service writes them and
     * report-service reads them, with the same location and credentials; the dev overlay's store is
     * its MinIO, whose bucket Job creates the buckets of the models and of the PostgreSQL backups.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void finalModelsLiveInTheObjectStore(Bundle bundle) {
        for (String module : ServiceConfig.MODEL_STORE_USERS) {
            assertThat(bundle.configMapEnv(module, "VIXLAB_MODEL_STORE_LOCATION")).as(bundle + " " + module + " location")
                    .hasValueSatisfying(l -> assertThat(l).matches("s3://[a-z0-9.-]+/.+"));
            assertThat(bundle.configMapEnv(module, "VIXLAB_MODEL_STORE_S3_REGION")).as(module + " region").isPresent();
            Container c = bundle.deployment(module).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getEnv()).extracting(e -> e.getName()).as(module + " credentials")
                    .contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
            assertThat(bundle.configMapEnv(module, "VIXLAB_TRAINER_MODEL_STORE")).as(module + ": no model store in the pod").isEmpty();
        }
        String location = bundle.configMapEnv("trainer-service", "VIXLAB_MODEL_STORE_LOCATION").orElseThrow();
        assertThat(bundle.configMapEnv("report-service", "VIXLAB_MODEL_STORE_LOCATION")).as("report-service reads where the trainer writes")
                .hasValue(location);
        String endpoint = bundle.configMapEnv("trainer-service", "VIXLAB_MODEL_STORE_S3_ENDPOINT").orElse("");
        var minio = bundle.deployment("vixlab-minio");
        if (minio.isEmpty()) {
            assertThat(endpoint).as(bundle + ": AWS S3, the SDK's endpoint").isEmpty();
            return;
        }
        Service minioService = bundle.typed(Service.class).stream().filter(s -> s.getMetadata().getName().equals("vixlab-minio"))
                .findFirst().orElseThrow();
        URI uri = URI.create(endpoint);
        assertThat(uri.getHost()).as(bundle + " endpoint: MinIO's Service").isEqualTo(minioService.getMetadata().getName());
        assertThat(uri.getPort()).isEqualTo(minioService.getSpec().getPorts().get(0).getPort());
        GenericKubernetesResource backups = bundle.custom("ObjectStore").get(0);
        assertThat((String) backups.get("spec", "configuration", "endpointURL")).as("backups go to the same MinIO").isEqualTo(endpoint);
        String script = String.join("\n", bundle.typed(Job.class).get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getCommand());
        for (String url : List.of(location, backups.get("spec", "configuration", "destinationPath"))) {
            String bucket = URI.create(url).getHost();
            assertThat(script).as("the bucket Job creates " + bucket).containsPattern("mc mb [^\\n]*/" + Pattern.quote(bucket) + "\\b");
        }
    }

    /**
     * Prometheus (Prometheus Operator) scrapes every service's /q/metrics on its HTTP port, the Kafka
     * pods' metrics and the PostgreSQL instances' exporter; the pods say the same in their annotations.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void prometheusScrapesEveryServiceKafkaAndPostgres(Bundle bundle) {
        List<GenericKubernetesResource> monitors = bundle.custom("PodMonitor");
        for (String module : ServiceConfig.SERVICES) {
            Deployment d = bundle.deployment(module).orElseThrow();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            ContainerPort port = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0);
            assertThat(monitors).as(bundle + ": a PodMonitor scraping " + module).anySatisfy(m -> {
                assertThat(NetworkPolicies.matches(selector(m), labels)).isTrue();
                List<Map<String, Object>> endpoints = m.get("spec", "podMetricsEndpoints");
                assertThat(endpoints).anySatisfy(e -> assertThat(e).containsEntry("port", port.getName()).containsEntry("path", "/q/metrics"));
            });
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(port.getContainerPort()));
        }
        assertThat(monitors).as("Kafka's metrics port").anySatisfy(m -> assertThat(NetworkPolicies.matches(selector(m),
                Map.of("strimzi.io/cluster", "vixlab", "strimzi.io/kind", "Kafka"))).isTrue());
        assertThat(monitors).as("PostgreSQL's exporter").anySatisfy(m -> assertThat(NetworkPolicies.matches(selector(m),
                Map.of("cnpg.io/cluster", "vixlab-postgres"))).isTrue());
        assertThat((Object) bundle.custom("Kafka").get(0).get("spec", "kafkaExporter")).as("Kafka Exporter (lag, offsets)").isNotNull();
    }

    private static io.fabric8.kubernetes.api.model.LabelSelector selector(GenericKubernetesResource monitor) {
        return Manifests.SERIALIZATION.convertValue(monitor.get("spec", "selector"), io.fabric8.kubernetes.api.model.LabelSelector.class);
    }

    /**
     * The Grafana dashboard (a ConfigMap for Grafana's sidecar) shows the demand, the trainers, the
     * throughput, prunes, lag, dead letters and each service's health, and names only metrics that
     * exist: meters vixlab's code registers, or documented standard ones.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void theDashboardNamesOnlyMetricsThatExist(Bundle bundle) throws Exception {
        // The base's files hold the dashboard as the JSON file its configMapGenerator reads.
        String text = Files.readString(Manifests.K8S.resolve("base/monitoring/dashboard.json"));
        if (bundle.rendered()) {
            ConfigMap dashboard = bundle.configMap("vixlab-grafana-dashboard")
                    .orElseThrow(() -> new AssertionError(bundle + ": no dashboard ConfigMap"));
            assertThat(dashboard.getMetadata().getLabels()).as("Grafana's dashboard sidecar label").containsEntry("grafana_dashboard", "1");
            text = dashboard.getData().get("vixlab.json");
        }
        JsonNode json = JSON.readTree(text);
        Set<String> named = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            titles.add(panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                named.addAll(DashboardMetrics.namedIn(target.path("expr").asText()));
            }
        }
        Set<String> registered = DashboardMetrics.registered();
        assertThat(registered).as("meters the code registers").contains("vixlab_runs_waiting", "vixlab_runs_running",
                "vixlab_trainer_runs_total", "vixlab_features_rebuilds_total");
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(registered);
        unknown.removeAll(DashboardMetrics.STANDARD.keySet());
        assertThat(unknown).as("dashboard metrics neither registered by vixlab's code nor standard").isEmpty();
        assertThat(named).as("the dashboard shows the work queue and the trainers")
                .contains("vixlab_runs_waiting", "vixlab_runs_running", "vixlab_trainer_runs_total", "kafka_consumergroup_lag", "up");
        assertThat(titles).contains("Runs waiting for a trainer", "Runs running", "Trainers", "Trainer utilisation",
                "Trial throughput", "Pruned share", "Kafka consumer lag", "Dead letters", "Service health");
    }

    @Test
    void metricNamesAreReadFromPromqlAndMicrometerNames() {
        assertThat(DashboardMetrics.namedIn("sum by (kind) (rate(vixlab_trainer_runs_total{namespace=\"vixlab\", outcome=~\"A|B\"}[5m])) "
                + "/ count(up{container=\"x\"} == 1) and on (pod) jvm_memory_used_bytes offset 5m"))
                .containsExactlyInAnyOrder("vixlab_trainer_runs_total", "up", "jvm_memory_used_bytes");
        assertThat(DashboardMetrics.prometheusNames("vixlab.trainer.runs", "FunctionCounter")).containsExactly("vixlab_trainer_runs_total");
        assertThat(DashboardMetrics.prometheusNames("vixlab.runs.waiting", "Gauge")).containsExactly("vixlab_runs_waiting");
        assertThat(DashboardMetrics.prometheusNames("vixlab.study.time", "timer")).contains("vixlab_study_time_seconds_count");
    }

    /**
     * docs/deploy.md's table of resources per pod is what the overlays request and limit: the gpu
     * overlay (the base with GPU trainers) and the dev overlay.
     */
    @Test
    void theDocumentedResourcesAreTheManifests() throws Exception {
        String docs = Files.readString(Manifests.ROOT.resolve("docs/deploy.md"));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` ([^|]*)\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|\\s*$").matcher(docs);
        while (row.find()) {
            rows.put(row.group(1), List.of(row.group(3).trim(), row.group(4).trim(), row.group(5).trim(), row.group(6).trim()));
        }
        assertThat(rows.keySet()).as("docs/deploy.md resource table").containsExactly("data-ingest", "feature-service",
                "tuner-service", "trainer-service", "report-service", "vixlab-postgres", "dual-role", "kafka-exporter", "vixlab-minio");
        for (Bundle bundle : Bundle.all()) {
            if (!bundle.rendered() || bundle.name().contains("components/")) {
                continue;
            }
            int column = "gpu".equals(bundle.overlay()) ? 0 : 2;
            rows.forEach((pod, documented) -> {
                ResourceRequirements resources = resources(bundle, pod);
                String requests = resources == null ? "-" : format(resources.getRequests());
                String limits = resources == null ? "-" : format(resources.getLimits());
                assertThat(List.of(requests, limits)).as(bundle + " " + pod + " (requests, limits) in docs/deploy.md")
                        .isEqualTo(documented.subList(column, column + 2));
            });
        }
    }

    private static ResourceRequirements resources(Bundle bundle, String pod) {
        var deployment = bundle.deployment(pod);
        if (deployment.isPresent()) {
            return deployment.get().getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
        }
        Object resources = switch (pod) {
            case "vixlab-postgres" -> bundle.custom("Cluster").get(0).get("spec", "resources");
            case "dual-role" -> bundle.custom("KafkaNodePool").get(0).get("spec", "resources");
            case "kafka-exporter" -> bundle.custom("Kafka").get(0).get("spec", "kafkaExporter", "resources");
            default -> null;
        };
        return resources == null ? null : Manifests.SERIALIZATION.convertValue(resources, ResourceRequirements.class);
    }

    /** "cpu / memory", and " / N GPU" where a GPU is asked for. */
    private static String format(Map<String, Quantity> amounts) {
        String text = amounts.get("cpu") + " / " + amounts.get("memory");
        return amounts.containsKey("nvidia.com/gpu") ? text + " / " + amounts.get("nvidia.com/gpu") + " GPU" : text;
    }
}
