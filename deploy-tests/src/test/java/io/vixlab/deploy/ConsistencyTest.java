package io.vixlab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.Topics;
import io.vixlab.deploy.NetworkPolicies.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests agree with the code they deploy: services' properties and topics, contracts'
 * topic layout, the health endpoints, the images, and the platform rules (security, resources,
 * disruption budgets, network policies). Each check runs on the base's files and, where kubectl is
 * installed, on every rendered overlay.
 */
class ConsistencyTest {

    static final String MAX_TRAINERS = "vixlab.tuner.demand.max-trainers";
    static final String SHUTDOWN_TIMEOUT = "quarkus.shutdown.timeout";
    /** After its shutdown timeout a service still closes its Kafka clients and database pool. */
    static final Duration CLOSING = Duration.ofSeconds(10);
    /** {@code <service>.<namespace>.svc}, optionally with the cluster domain. */
    static final Pattern SERVICE_HOST = Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?");

    static List<Bundle> bundles() {
        return Bundle.all();
    }

    private static Deployment service(Bundle bundle, String module) {
        return bundle.deployment(module).orElseThrow(() -> new AssertionError(bundle + ": no Deployment " + module));
    }

    private static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(d.getMetadata().getName() + " containers").hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyEnvironmentVariableIsAPropertyTheServiceReads(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            Container c = container(service(bundle, module));
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                env.put(e.getName(), "env");
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    String secret = e.getValueFrom().getSecretKeyRef().getName();
                    String key = e.getValueFrom().getSecretKeyRef().getKey();
                    assertThat(secretsOf(module)).as(module + " " + e.getName() + ": the Secrets " + module + " may read")
                            .containsKey(secret);
                    assertThat(secretsOf(module).get(secret)).as(module + " " + e.getName() + " key of " + secret).contains(key);
                    checkSecret(bundle, secret, key, problems, module + " " + e.getName());
                } else if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
                    assertThat(e.getValueFrom().getFieldRef().getFieldPath()).as(module + " " + e.getName())
                            .isIn("metadata.name", "metadata.namespace");
                } else {
                    assertThat(e.getValue()).as(module + " " + e.getName() + ": set values through a ConfigMap").isNull();
                }
            }
            for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                assertThat(from.getConfigMapRef()).as(module + " envFrom: ConfigMaps only (secrets by secretKeyRef)").isNotNull();
                String name = from.getConfigMapRef().getName();
                ConfigMap cm = bundle.configMap(name).orElse(null);
                if (cm == null) {
                    problems.add(module + ": ConfigMap " + name + " does not exist");
                    continue;
                }
                cm.getData().keySet().forEach(k -> env.put(k, "ConfigMap " + name));
            }
            assertThat(env).as(module + " environment").isNotEmpty();
            env.forEach((name, from) -> {
                if (config.whoReads(name) == null) {
                    problems.add(module + ": " + name + " (" + from + ", property "
                            + name.toLowerCase().replace('_', '.') + "?) is read by nothing of " + module);
                }
            });
        }
        assertThat(problems).as(bundle + ": environment variables no property stands behind").isEmpty();
    }

    /**
     * The Secrets a service reads and their keys (docs/deploy.md, Secrets): the API key; its own
     * database role's credentials (CloudNativePG's basic-auth Secret), never another service's; the
     * model store's credentials where it keeps models.
     */
    static Map<String, Set<String>> secretsOf(String module) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        secrets.put("vixlab-secrets", Set.of("api-key"));
        if (keepsADatabase(module)) {
            secrets.put(databaseSecret(module), Set.of("username", "password"));
        }
        if (ServiceConfig.MODEL_STORE_USERS.contains(module)) {
            secrets.put("vixlab-model-store", Set.of("access-key-id", "secret-access-key"));
        }
        return secrets;
    }

    static boolean keepsADatabase(String module) {
        return !"false".equals(ServiceConfig.of(module).property("quarkus.datasource.active"));
    }

    static String databaseSecret(String module) {
        return "vixlab-db-" + module;
    }

    private static void checkSecret(Bundle bundle, String name, String key, List<String> problems, String who) {
        Secret secret = bundle.typed(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElse(null);
        if (secret == null) {
            // Not generated here: a Secret the operator makes (docs/deploy.md, Secrets).
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            data.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            data.putAll(secret.getStringData());
        }
        if (!data.containsKey(key)) {
            problems.add(who + ": Secret " + name + " has no key " + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyTopicOfContractsAndServicesHasAKafkaTopicWithItsLayout(Bundle bundle) {
        Map<String, GenericKubernetesResource> byTopic = new LinkedHashMap<>();
        for (GenericKubernetesResource t : bundle.custom("KafkaTopic")) {
            String topic = t.get("spec", "topicName");
            assertThat(byTopic.put(topic == null ? t.getMetadata().getName() : topic, t))
                    .as(bundle + ": KafkaTopic for " + topic + " declared twice").isNull();
            assertThat(t.getMetadata().getLabels()).as(t.getMetadata().getName() + " cluster label")
                    .containsEntry("strimzi.io/cluster", "vixlab");
        }
        assertThat(byTopic.keySet()).as(bundle + ": KafkaTopics = Topics.SPECS").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        int brokers = brokers(bundle);
        for (Topics.TopicSpec spec : Topics.SPECS) {
            GenericKubernetesResource t = byTopic.get(spec.name());
            assertThat(((Number) t.get("spec", "partitions")).intValue()).as(spec.name() + " partitions").isEqualTo(spec.partitions());
            int replicas = ((Number) t.get("spec", "replicas")).intValue();
            assertThat(replicas).as(spec.name() + " replicas <= brokers").isBetween(1, brokers);
            Map<String, Object> cfg = t.get("spec", "config");
            assertThat(cfg).as(spec.name() + " config").isNotNull();
            assertThat(cfg.get("cleanup.policy")).as(spec.name() + " cleanup.policy").isEqualTo(spec.compacted() ? "compact" : "delete");
            if (!spec.compacted()) {
                assertThat(cfg).as(spec.name() + " retention").containsKey("retention.ms");
            }
            Object minIsr = cfg.get("min.insync.replicas");
            if (minIsr != null) {
                assertThat(((Number) minIsr).intValue()).as(spec.name() + " min.insync.replicas").isLessThanOrEqualTo(replicas);
            }
        }
        for (String module : ServiceConfig.SERVICES) {
            assertThat(byTopic.keySet()).as(bundle + ": topics of " + module).containsAll(ServiceConfig.of(module).topics());
        }
    }

    private static int brokers(Bundle bundle) {
        List<GenericKubernetesResource> kafkas = bundle.custom("Kafka");
        assertThat(kafkas).as(bundle + ": one Kafka").hasSize(1);
        assertThat(kafkas.get(0).getMetadata().getName()).as("Kafka cluster name (bootstrap vixlab-kafka-bootstrap)").isEqualTo("vixlab");
        int brokers = 0;
        for (GenericKubernetesResource pool : bundle.custom("KafkaNodePool")) {
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "vixlab");
            List<String> roles = pool.get("spec", "roles");
            if (roles.contains("broker")) {
                brokers += ((Number) pool.get("spec", "replicas")).intValue();
            }
        }
        assertThat(brokers).as(bundle + ": brokers").isPositive();
        return brokers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void kafkaIsTheBootstrapServiceTheServicesUse(Bundle bundle) {
        GenericKubernetesResource kafka = bundle.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        String bootstrap = ServiceConfig.load(Manifests.ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"))
                .getProperty("%prod.kafka.bootstrap.servers");
        assertThat(bootstrap).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:9092");
        assertThat(listeners).anySatisfy(l -> {
            assertThat(l).containsEntry("port", 9092).containsEntry("tls", false);
            assertThat(l.get("networkPolicyPeers")).as("port 9092 restricted to its peers").isNotNull();
        });
        assertThat((Map<String, Object>) kafka.get("spec", "kafka", "config")).containsEntry("auto.create.topics.enable", false);
    }

    /** The broker takes what every producer may send (MessageLimits), and no topic takes less. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void brokerAndTopicsTakeTheMessageLimitEveryProducerAgreesOn(Bundle bundle) {
        Map<String, Object> config = bundle.custom("Kafka").get(0).get("spec", "kafka", "config");
        assertThat(config).containsEntry("message.max.bytes", MessageLimits.MAX_MESSAGE_BYTES);
        for (GenericKubernetesResource topic : bundle.custom("KafkaTopic")) {
            Map<String, Object> topicConfig = topic.get("spec", "config");
            assertThat(topicConfig).as(topic.getMetadata().getName() + ": max.message.bytes")
                    .doesNotContainKey("max.message.bytes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void kedaScalesTrainersOnTheTunersDemandUpToWhatItAsksFor(Bundle bundle) {
        List<GenericKubernetesResource> scaled = bundle.custom("ScaledObject");
        assertThat(scaled).as(bundle + ": ScaledObjects").hasSize(1);
        GenericKubernetesResource so = scaled.get(0);
        assertThat((String) so.get("spec", "scaleTargetRef", "name")).isEqualTo("trainer-service");
        assertThat(((Number) so.get("spec", "minReplicaCount")).intValue()).as("scale to zero").isZero();
        Deployment trainer = service(bundle, "trainer-service");
        assertThat(trainer.getSpec().getReplicas()).as("replicas belong to KEDA").isNull();

        List<Map<String, Object>> triggers = so.get("spec", "triggers");
        assertThat(triggers).as(bundle + ": one trigger, the tuner's demand").hasSize(1);
        Map<String, Object> trigger = triggers.get(0);
        assertThat(trigger.get("type")).isEqualTo("metrics-api");
        // AverageValue (KEDA's default) with target 1: as many pods as the demand wants.
        assertThat(trigger.get("metricType")).isIn(null, "AverageValue");
        @SuppressWarnings("unchecked")
        Map<String, String> md = (Map<String, String>) trigger.get("metadata");
        assertThat(md.get("targetValue")).isEqualTo("1");
        assertThat(trigger.get("authenticationRef")).as("GETs need no API key").isNull();

        URI url = URI.create(md.get("url"));
        assertThat(url.getScheme()).isEqualTo("http");
        Matcher host = SERVICE_HOST.matcher(url.getHost());
        assertThat(host.matches()).as(url + ": a Service's in-cluster name (KEDA runs in namespace keda)").isTrue();
        assertThat(host.group(1)).as(url + " Service").isEqualTo("tuner-service");
        assertThat(host.group(2)).as(url + " namespace").isEqualTo("vixlab");
        Service tuner = bundle.typed(Service.class).stream().filter(s -> s.getMetadata().getName().equals(host.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError(bundle + ": no Service " + host.group(1)));
        assertThat(url.getPort()).as(url + " port = the tuner Service's").isEqualTo(tuner.getSpec().getPorts().get(0).getPort());
        ServiceConfig tunerConfig = ServiceConfig.of("tuner-service");
        assertThat(url.getPath()).isEqualTo("/api/demand").isIn(tunerConfig.restPaths());
        assertThat(tunerConfig.declaresNumber(md.get("valueLocation"))).as("valueLocation " + md.get("valueLocation")
                + ": a number of the tuner's demand").isTrue();

        int maxReplicas = ((Number) so.get("spec", "maxReplicaCount")).intValue();
        String maxTrainers = bundle.configMapEnv("tuner-service", ServiceConfig.envName(MAX_TRAINERS))
                .orElseGet(() -> tunerConfig.prodProperty(MAX_TRAINERS));
        assertThat(maxReplicas).as(bundle + ": maxReplicaCount <= the tuner's " + MAX_TRAINERS
                + " (more pods would never be asked for)").isBetween(1, Integer.parseInt(maxTrainers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void trainersGracePeriodCoversTheirGracefulStop(Bundle bundle) {
        String timeout = bundle.configMapEnv("trainer-service", ServiceConfig.envName(SHUTDOWN_TIMEOUT))
                .orElseGet(() -> ServiceConfig.of("trainer-service").prodProperty(SHUTDOWN_TIMEOUT));
        assertThat(timeout).as("the trainer's " + SHUTDOWN_TIMEOUT + ": the time its run takes to stop").isNotNull();
        Long grace = service(bundle, "trainer-service").getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace).as(bundle + ": trainer terminationGracePeriodSeconds").isNotNull();
        assertThat(Duration.ofSeconds(grace)).as(bundle + ": trainer terminationGracePeriodSeconds covers "
                + SHUTDOWN_TIMEOUT + " " + timeout + " and closing after it")
                .isGreaterThanOrEqualTo(ServiceConfig.duration(timeout).plus(CLOSING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void probesPointAtTheHealthEndpointsOnTheServicePort(Bundle bundle) {
        for (String module : ServiceConfig.SERVICES) {
            Container c = container(service(bundle, module));
            int port = ServiceConfig.of(module).httpPort();
            assertThat(c.getPorts()).as(module + " ports").extracting(ContainerPort::getContainerPort).containsExactly(port);
            checkProbe(module, "liveness", c.getLivenessProbe(), "/q/health/live", c);
            checkProbe(module, "readiness", c.getReadinessProbe(), "/q/health/ready", c);
            if (c.getStartupProbe() != null) {
                checkProbe(module, "startup", c.getStartupProbe(), "/q/health/started", c);
            }
        }
    }

    private static void checkProbe(String module, String kind, Probe probe, String path, Container c) {
        assertThat(probe).as(module + " " + kind + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(module + " " + kind + " httpGet").isNotNull();
        assertThat(get.getPath()).as(module + " " + kind + " path").isEqualTo(path);
        ContainerPort port = c.getPorts().get(0);
        if (get.getPort().getStrVal() != null) {
            assertThat(get.getPort().getStrVal()).as(module + " " + kind + " port name").isEqualTo(port.getName());
        } else {
            assertThat(get.getPort().getIntVal()).as(module + " " + kind + " port").isEqualTo(port.getContainerPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void imagesNameTheirModulesAndTheCommitTheyWereBuiltFrom(Bundle bundle) {
        for (String module : ServiceConfig.SERVICES) {
            Deployment d = service(bundle, module);
            assertThat(ServiceConfig.of(module).property("quarkus.application.name")).isEqualTo(module);
            Container c = container(d);
            assertThat(c.getName()).isEqualTo(module);
            // The tag names one image for ever: fetched once per node.
            assertThat(c.getImagePullPolicy()).as(module + " imagePullPolicy").isEqualTo("IfNotPresent");
            String image = c.getImage();
            if (!bundle.rendered()) {
                assertThat(image).as(module + " image (the kustomization's images set registry and tag)").isEqualTo("vixlab/" + module);
                continue;
            }
            String suffix = "gpu".equals(bundle.overlay()) && module.equals("trainer-service") ? "-gpu" : "";
            assertThat(image).as(bundle + " " + module + " image").matches("([^/]+/)?vixlab/" + module + ":"
                    + ManifestModelTest.COMMIT_TAG + Pattern.quote(suffix));
        }
    }

    /** No pod of any bundle runs an image by a tag that moves (latest, a SNAPSHOT, none). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void noImageTagMoves(Bundle bundle) {
        for (PodSpec pod : pods(bundle)) {
            for (Container c : pod.getContainers()) {
                String image = c.getImage();
                if (!bundle.rendered() && image.startsWith("vixlab/")) {
                    continue; // tagged by the kustomization's images
                }
                String tag = image.substring(image.lastIndexOf('/') + 1).contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
                assertThat(tag).as(bundle + " " + c.getName() + " image " + image + ": a fixed tag")
                        .isNotBlank().isNotEqualToIgnoringCase("latest").doesNotContainIgnoringCase("snapshot");
                assertThat(c.getImagePullPolicy()).as(bundle + " " + c.getName() + " imagePullPolicy").isEqualTo("IfNotPresent");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void containersRunAsNonRootOnReadOnlyFilesystemsWithoutCapabilities(Bundle bundle) {
        List<PodSpec> pods = pods(bundle);
        assertThat(pods).as(bundle + " pods").hasSizeGreaterThanOrEqualTo(ServiceConfig.SERVICES.length);
        for (String module : ServiceConfig.SERVICES) {
            PodSpec pod = service(bundle, module).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(module + " runAsUser (Quarkus images: 185)").isEqualTo(185L);
            Container c = container(service(bundle, module));
            assertThat(c.getSecurityContext().getRunAsUser()).as(module + " container runAsUser").isIn(null, 185L);
            VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(module + ": no volume at /tmp"));
            assertThat(volume(pod, tmp.getName()).getEmptyDir()).as(module + " /tmp is an emptyDir").isNotNull();
            String dataDir = bundle.configMap("vixlab-common").map(cm -> cm.getData().get("VIXLAB_DATA_DIR")).orElseThrow();
            VolumeMount data = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dataDir)).findFirst()
                    .orElseThrow(() -> new AssertionError(module + ": nothing writable at vixlab.data-dir " + dataDir));
            assertThat(volume(pod, data.getName()).getEmptyDir()).as(module + " data volume").isNotNull();
        }
        List<io.fabric8.kubernetes.api.model.rbac.Role> roles = bundle.typed(io.fabric8.kubernetes.api.model.rbac.Role.class);
        assertThat(roles).singleElement().satisfies(role -> assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getResources()).containsExactly("pods");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "patch");
        }));
        for (PodSpec pod : pods) {
            PodSecurityContext psc = pod.getSecurityContext();
            assertThat(psc).isNotNull();
            assertThat(psc.getRunAsNonRoot()).isTrue();
            assertThat(psc.getRunAsUser()).isPositive();
            for (Container c : pod.getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as(c.getName() + " securityContext").isNotNull();
                assertThat(sc.getRunAsNonRoot()).as(c.getName() + " runAsNonRoot").isTrue();
                assertThat(sc.getReadOnlyRootFilesystem()).as(c.getName() + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(c.getName() + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getPrivileged()).as(c.getName() + " privileged").isIn(null, false);
                assertThat(sc.getCapabilities().getDrop()).as(c.getName() + " drops").containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(c.getName() + " adds").isNullOrEmpty();
            }
        }
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /**
     * Every pod runs as its own ServiceAccount, which mounts no API token; only the trainer's pods
     * mount one, for the one thing the trainer asks the API (its pod's deletion cost, the Role).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyPodHasItsOwnServiceAccountWithoutAnApiTokenButTheTrainers(Bundle bundle) {
        Map<String, ServiceAccount> accounts = new LinkedHashMap<>();
        bundle.typed(ServiceAccount.class).forEach(sa -> accounts.put(sa.getMetadata().getName(), sa));
        for (String module : ServiceConfig.SERVICES) {
            PodSpec pod = service(bundle, module).getSpec().getTemplate().getSpec();
            assertThat(pod.getServiceAccountName()).as(bundle + " " + module + " account").isEqualTo(module);
        }
        for (PodSpec pod : pods(bundle)) {
            String account = pod.getServiceAccountName();
            assertThat(accounts).as(bundle + ": ServiceAccount " + account).containsKey(account);
            assertThat(accounts.get(account).getAutomountServiceAccountToken()).as(account + ": no token by default").isFalse();
            assertThat(pod.getAutomountServiceAccountToken()).as(account + " pods mount a token only for the trainer")
                    .isEqualTo("trainer-service".equals(account));
        }
        RoleBinding binding = bundle.typed(RoleBinding.class).stream().filter(b -> b.getRoleRef().getKind().equals("Role"))
                .findFirst().orElseThrow();
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("trainer-service"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyContainerHasRequestsAndLimits(Bundle bundle) {
        for (PodSpec pod : pods(bundle)) {
            for (Container c : pod.getContainers()) {
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as(c.getName() + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(c.getName() + " limits").containsKeys("cpu", "memory");
                for (String r : List.of("cpu", "memory")) {
                    assertThat(requests.get(r).getNumericalAmount()).as(c.getName() + " " + r + " request <= limit")
                            .isLessThanOrEqualTo(limits.get(r).getNumericalAmount());
                }
                boolean gpu = requests.containsKey("nvidia.com/gpu") || limits.containsKey("nvidia.com/gpu");
                if (!"gpu".equals(bundle.overlay())) {
                    assertThat(gpu).as(bundle + " " + c.getName() + ": GPUs only in the gpu overlay").isFalse();
                }
            }
        }
        if ("gpu".equals(bundle.overlay())) {
            Deployment trainer = service(bundle, "trainer-service");
            Container c = container(trainer);
            assertThat(c.getResources().getRequests().get("nvidia.com/gpu")).isEqualTo(new Quantity("1"));
            // Guaranteed QoS: every request equals its limit.
            assertThat(c.getResources().getLimits()).as(bundle + ": trainer limits = requests")
                    .isEqualTo(c.getResources().getRequests());
            PodSpec pod = trainer.getSpec().getTemplate().getSpec();
            assertThat(pod.getTolerations()).anySatisfy(t -> {
                assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
                assertThat(t.getEffect()).isEqualTo("NoSchedule");
                assertThat(t.getOperator()).isEqualTo("Exists");
            });
            assertThat(pod.getNodeSelector() != null && !pod.getNodeSelector().isEmpty()
                    || pod.getAffinity() != null && pod.getAffinity().getNodeAffinity() != null)
                    .as("the trainer is placed on GPU nodes").isTrue();
            // CUDA's kernel cache on a writable volume: the root filesystem, home included, is read-only.
            String cache = bundle.configMapEnv("trainer-service", "CUDA_CACHE_PATH")
                    .orElseThrow(() -> new AssertionError(bundle + ": no CUDA_CACHE_PATH for the trainer"));
            VolumeMount mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(cache)).findFirst()
                    .orElseThrow(() -> new AssertionError(bundle + ": nothing mounted at CUDA_CACHE_PATH " + cache));
            assertThat(volume(pod, mount.getName()).getEmptyDir()).as("CUDA cache volume").isNotNull();
            for (String other : ServiceConfig.SERVICES) {
                if (!other.equals("trainer-service")) {
                    assertThat(service(bundle, other).getSpec().getTemplate().getSpec().getTolerations())
                            .as(other + " stays off GPU nodes").isNullOrEmpty();
                }
            }
        }
        // The RuntimeClass knob (components/nvidia-runtime-class) sets the trainer's, nothing else's.
        for (String module : ServiceConfig.SERVICES) {
            String runtimeClass = service(bundle, module).getSpec().getTemplate().getSpec().getRuntimeClassName();
            boolean knob = bundle.name().contains("nvidia-runtime-class") && module.equals("trainer-service");
            assertThat(runtimeClass).as(bundle + " " + module + " runtimeClassName").isEqualTo(knob ? "nvidia" : null);
        }
    }

    /**
     * Every service but the trainer is a single writer (the tuner's study locks, data-ingest's
     * schedule, feature-service's datasets, report-service's reports live in one process): one pod,
     * and an update stops it before its successor starts. Trainers roll without a surplus pod (a
     * GPU each).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void singleWritersNeverRunTwiceAndNothingSurges(Bundle bundle) {
        for (Deployment d : bundle.typed(Deployment.class)) {
            String name = d.getMetadata().getName();
            DeploymentStrategy strategy = d.getSpec().getStrategy();
            assertThat(strategy).as(bundle + " " + name + " strategy").isNotNull();
            boolean noSurge = "Recreate".equals(strategy.getType()) || strategy.getRollingUpdate() != null
                    && strategy.getRollingUpdate().getMaxSurge() != null
                    && Integer.valueOf(0).equals(strategy.getRollingUpdate().getMaxSurge().getIntVal());
            assertThat(noSurge).as(bundle + " " + name + ": Recreate or maxSurge 0").isTrue();
            if (!name.equals("trainer-service")) {
                assertThat(d.getSpec().getReplicas()).as(bundle + " " + name + " replicas").isEqualTo(1);
                assertThat(strategy.getType()).as(bundle + " " + name + ": a single writer is replaced, not rolled")
                        .isEqualTo("Recreate");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyServiceHasAServiceAndADisruptionBudgetSelectingItsPods(Bundle bundle) {
        for (String module : ServiceConfig.SERVICES) {
            Deployment d = service(bundle, module);
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(NetworkPolicies.matches(d.getSpec().getSelector(), podLabels)).as(module + " selector").isTrue();
            Service svc = bundle.typed(Service.class).stream().filter(s -> s.getMetadata().getName().equals(module))
                    .findFirst().orElseThrow(() -> new AssertionError(bundle + ": no Service " + module));
            assertThat(podLabels).as(module + " Service selector").containsAllEntriesOf(svc.getSpec().getSelector());
            int port = ServiceConfig.of(module).httpPort();
            ServicePort sp = svc.getSpec().getPorts().get(0);
            assertThat(sp.getPort()).as(module + " Service port = quarkus.http.port").isEqualTo(port);
            ContainerPort cp = container(d).getPorts().get(0);
            assertThat(sp.getTargetPort().getStrVal() != null ? sp.getTargetPort().getStrVal().equals(cp.getName())
                    : sp.getTargetPort().getIntVal().equals(cp.getContainerPort())).as(module + " targetPort").isTrue();
            List<PodDisruptionBudget> pdbs = bundle.typed(PodDisruptionBudget.class).stream()
                    .filter(p -> NetworkPolicies.matches(p.getSpec().getSelector(), podLabels)).toList();
            assertThat(pdbs).as(bundle + ": PodDisruptionBudget of " + module).hasSize(1);
        }
    }

    /** The pod templates of a bundle: Deployments, StatefulSets and Jobs. */
    static List<PodSpec> pods(Bundle bundle) {
        List<PodSpec> pods = new ArrayList<>();
        bundle.typed(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        bundle.typed(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
        bundle.typed(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
        return pods;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void networkPoliciesLetOnlyWhatMustTalkTalk(Bundle bundle) {
        NetworkPolicies np = new NetworkPolicies(bundle.typed(NetworkPolicy.class), "vixlab");
        // Labels CloudNativePG gives the instances of the cluster vixlab-postgres, Strimzi its brokers.
        Endpoint postgres = Endpoint.pod("vixlab", Map.of("cnpg.io/cluster", "vixlab-postgres", "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "primary", "cnpg.io/instanceName", "vixlab-postgres-1"));
        Endpoint replica = Endpoint.pod("vixlab", Map.of("cnpg.io/cluster", "vixlab-postgres", "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "replica", "cnpg.io/instanceName", "vixlab-postgres-2"));
        Endpoint broker = Endpoint.pod("vixlab", Map.of("strimzi.io/cluster", "vixlab", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "vixlab-kafka", "strimzi.io/pool-name", "dual-role", "app.kubernetes.io/part-of", "strimzi-vixlab"));
        Endpoint kafkaExporter = Endpoint.pod("vixlab", Map.of("strimzi.io/cluster", "vixlab", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "vixlab-kafka-exporter"));
        Endpoint stranger = Endpoint.pod("vixlab", Map.of("app", "debug"));
        Endpoint otherNamespace = Endpoint.pod("elsewhere", Map.of("app", "client"));
        Endpoint ingressController = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint keda = Endpoint.pod("keda", Map.of("app", "keda-operator"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Endpoint cnpgOperator = Endpoint.pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        // The cluster DNS under labels other than kube-dns's, and a node-local cache.
        Endpoint coreDns = Endpoint.pod("kube-system", Map.of("k8s-app", "coredns"));
        Endpoint nodeLocalDns = Endpoint.nodeLocalDns();
        Set<String> published = Set.of("report-service", "tuner-service");
        Set<String> internetHttps = Set.of("data-ingest", "trainer-service", "report-service");

        for (String module : ServiceConfig.SERVICES) {
            Endpoint svc = Endpoint.pod("vixlab", service(bundle, module).getSpec().getTemplate().getMetadata().getLabels());
            int port = ServiceConfig.of(module).httpPort();
            assertThat(np.egressAllowed(svc, broker, 9092)).as(module + " -> Kafka").isTrue();
            assertThat(np.allows(svc, postgres, 5432)).as(module + " -> PostgreSQL").isTrue();
            assertThat(np.egressAllowed(svc, coreDns, 53)).as(module + " -> cluster DNS").isTrue();
            assertThat(np.egressAllowed(svc, nodeLocalDns, 53)).as(module + " -> node-local DNS").isTrue();
            assertThat(np.egressAllowed(svc, coreDns, 8080)).as(module + " -> DNS pods on another port").isFalse();
            assertThat(np.ingressAllowed(stranger, svc, port)).as("namespace -> " + module).isTrue();
            assertThat(np.ingressAllowed(ingressController, svc, port)).as("ingress controller -> " + module)
                    .isEqualTo(published.contains(module));
            assertThat(np.ingressAllowed(prometheus, svc, port)).as("Prometheus -> " + module + " /q/metrics").isTrue();
            assertThat(np.ingressAllowed(prometheus, svc, 5005)).as("Prometheus -> " + module + " other port").isFalse();
            assertThat(np.ingressAllowed(otherNamespace, svc, port)).as("other namespace -> " + module).isFalse();
            assertThat(np.ingressAllowed(stranger, svc, 5005)).as("namespace -> " + module + " other port").isFalse();
            assertThat(np.egressAllowed(svc, Endpoint.internet(), 443)).as(module + " -> internet (CBOE, S3)")
                    .isEqualTo(internetHttps.contains(module));
            assertThat(np.egressAllowed(svc, Endpoint.internet(), 80)).as(module + " -> internet on 80").isFalse();
            assertThat(np.egressAllowed(svc, Endpoint.kubernetesApi(), 443)).as(module + " -> Kubernetes API")
                    .isEqualTo(module.equals("trainer-service"));
            assertThat(np.egressAllowed(svc, stranger, 8080)).as(module + " -> any pod").isFalse();
            assertThat(np.ingressAllowed(keda, svc, port)).as("KEDA -> " + module + " (only the tuner's demand)")
                    .isEqualTo(module.equals("tuner-service"));
        }
        int tunerPort = ServiceConfig.of("tuner-service").httpPort();
        Endpoint tuner = Endpoint.pod("vixlab", service(bundle, "tuner-service").getSpec().getTemplate().getMetadata().getLabels());
        assertThat(np.ingressAllowed(keda, tuner, 5005)).as("KEDA -> tuner other port").isFalse();
        assertThat(np.ingressAllowed(ingressController, tuner, 5005)).as("ingress controller -> tuner other port").isFalse();
        // PostgreSQL: the services, its own instances, its operator, Prometheus on the exporter.
        assertThat(np.ingressAllowed(replica, postgres, 5432)).as("replica -> primary (streaming)").isTrue();
        assertThat(np.ingressAllowed(cnpgOperator, postgres, 8000)).as("CloudNativePG operator -> instance status").isTrue();
        assertThat(np.ingressAllowed(cnpgOperator, postgres, 5432)).as("CloudNativePG operator -> PostgreSQL").isTrue();
        assertThat(np.ingressAllowed(prometheus, postgres, 9187)).as("Prometheus -> PostgreSQL exporter").isTrue();
        assertThat(np.ingressAllowed(prometheus, postgres, 5432)).as("Prometheus -> PostgreSQL").isFalse();
        assertThat(np.ingressAllowed(keda, postgres, 5432)).as("KEDA -> PostgreSQL").isFalse();
        assertThat(np.ingressAllowed(stranger, postgres, 5432)).as("other pods -> PostgreSQL").isFalse();
        assertThat(np.ingressAllowed(otherNamespace, postgres, 5432)).as("other namespace -> PostgreSQL").isFalse();
        assertThat(np.ingressAllowed(prometheus, broker, 9404)).as("Prometheus -> broker metrics").isTrue();
        assertThat(np.ingressAllowed(prometheus, kafkaExporter, 9404)).as("Prometheus -> Kafka Exporter").isTrue();
        assertThat(np.ingressAllowed(otherNamespace, kafkaExporter, 9404)).as("other namespace -> Kafka Exporter").isFalse();
        assertThat(np.ingressAllowed(otherNamespace, stranger, 80)).as("default deny ingress").isFalse();

        // The dev overlay's MinIO: the model store's users, the bucket Job and the PostgreSQL backups.
        bundle.deployment("vixlab-minio").ifPresent(minioDeployment -> {
            Endpoint minio = Endpoint.pod("vixlab", minioDeployment.getSpec().getTemplate().getMetadata().getLabels());
            for (String module : ServiceConfig.SERVICES) {
                Endpoint svc = Endpoint.pod("vixlab", service(bundle, module).getSpec().getTemplate().getMetadata().getLabels());
                assertThat(np.allows(svc, minio, 9000)).as(module + " -> MinIO")
                        .isEqualTo(ServiceConfig.MODEL_STORE_USERS.contains(module));
            }
            Job buckets = bundle.typed(Job.class).get(0);
            Endpoint job = Endpoint.pod("vixlab", buckets.getSpec().getTemplate().getMetadata().getLabels());
            assertThat(np.allows(job, minio, 9000)).as("bucket Job -> MinIO").isTrue();
            assertThat(np.egressAllowed(job, coreDns, 53)).as("bucket Job -> DNS").isTrue();
            assertThat(np.egressAllowed(job, Endpoint.internet(), 443)).as("bucket Job -> internet").isFalse();
            assertThat(np.allows(postgres, minio, 9000)).as("PostgreSQL backups -> MinIO").isTrue();
            assertThat(np.ingressAllowed(stranger, minio, 9000)).as("other pods -> MinIO").isFalse();
        });

        // Kafka's own port is guarded by the policy Strimzi derives from the listener's peers.
        GenericKubernetesResource kafka = bundle.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        for (Map<String, Object> listener : listeners) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> peers = (List<Map<String, Object>>) listener.get("networkPolicyPeers");
            assertThat(peers).as("listener " + listener.get("name") + " peers").isNotEmpty();
            NetworkPolicy derived = Manifests.SERIALIZATION.convertValue(Map.of(
                    "apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                    "metadata", Map.of("name", "strimzi-derived"),
                    "spec", Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", "vixlab", "strimzi.io/kind", "Kafka")),
                            "policyTypes", List.of("Ingress"),
                            "ingress", List.of(Map.of("from", peers, "ports", List.of(Map.of("port", listener.get("port"))))))),
                    NetworkPolicy.class);
            NetworkPolicies kafkaOnly = new NetworkPolicies(List.of(derived), "vixlab");
            int port = ((Number) listener.get("port")).intValue();
            for (String module : ServiceConfig.SERVICES) {
                Endpoint svc = Endpoint.pod("vixlab", service(bundle, module).getSpec().getTemplate().getMetadata().getLabels());
                assertThat(kafkaOnly.ingressAllowed(svc, broker, port)).as(module + " -> Kafka listener").isTrue();
            }
            assertThat(kafkaOnly.ingressAllowed(stranger, broker, port)).as("other pods -> Kafka").isFalse();
            assertThat(kafkaOnly.ingressAllowed(postgres, broker, port)).as("PostgreSQL -> Kafka").isFalse();
            assertThat(kafkaOnly.ingressAllowed(keda, broker, port)).as("KEDA -> Kafka (it reads the tuner, not lag)").isFalse();
        }
    }

    /**
     * PostgreSQL is a CloudNativePG cluster where each service that keeps a database has its own
     * login role (no superuser), owner of its own database, whose Secret its Deployment reads; the
     * JDBC URL names that database on the primary's Service. WAL archiving and nightly base backups go
     * to the object store through the Barman Cloud plugin; the instances' disruption budgets are
     * CloudNativePG's, on exactly when there is more than one instance.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void postgresHasARoleAndADatabaseForEveryServiceThatKeepsOne(Bundle bundle) {
        assertThat(bundle.typed(StatefulSet.class)).as(bundle + ": no hand-made database").isEmpty();
        List<GenericKubernetesResource> clusters = bundle.custom("Cluster");
        assertThat(clusters).as(bundle + ": one CloudNativePG Cluster").hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);
        String clusterName = cluster.getMetadata().getName();
        assertThat((Boolean) cluster.get("spec", "enableSuperuserAccess")).as("no superuser login").isFalse();
        int instances = ((Number) cluster.get("spec", "instances")).intValue();
        assertThat((Boolean) cluster.get("spec", "enablePDB")).as(bundle + ": CloudNativePG's PDBs with " + instances
                + " instance(s) (one instance's would block its node's drain)").isEqualTo(instances > 1);
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        Map<String, Map<String, Object>> roleByName = new LinkedHashMap<>();
        roles.forEach(r -> roleByName.put((String) r.get("name"), r));
        Map<String, GenericKubernetesResource> databases = new LinkedHashMap<>();
        bundle.custom("Database").forEach(d -> databases.put(d.get("spec", "name"), d));

        for (String module : ServiceConfig.SERVICES) {
            Container c = container(service(bundle, module));
            Map<String, EnvVar> env = new LinkedHashMap<>();
            (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).forEach(e -> env.put(e.getName(), e));
            String url = bundle.configMapEnv(module, "QUARKUS_DATASOURCE_JDBC_URL").orElse(null);
            if (!keepsADatabase(module)) {
                assertThat(roleByName).as(module + " keeps no database: no role").doesNotContainKey(module);
                assertThat(databases).as(module + ": no database").doesNotContainKey(module);
                assertThat(url).as(module + ": no JDBC URL").isNull();
                assertThat(env).as(module + ": no database credentials").doesNotContainKeys("QUARKUS_DATASOURCE_USERNAME");
                continue;
            }
            Map<String, Object> role = roleByName.get(module);
            assertThat(role).as(bundle + ": role of " + module).isNotNull();
            assertThat(role).containsEntry("login", true).doesNotContainEntry("superuser", true)
                    .containsEntry("passwordSecret", Map.of("name", databaseSecret(module)));
            GenericKubernetesResource database = databases.get(module);
            assertThat(database).as(bundle + ": database of " + module).isNotNull();
            assertThat((String) database.get("spec", "owner")).as(module + " database owner").isEqualTo(module);
            assertThat((String) database.get("spec", "cluster", "name")).isEqualTo(clusterName);
            assertThat(url).as(module + " JDBC URL: its database on the primary's Service")
                    .isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + module);
            for (String[] credential : List.of(new String[] {"QUARKUS_DATASOURCE_USERNAME", "username"},
                    new String[] {"QUARKUS_DATASOURCE_PASSWORD", "password"})) {
                EnvVar e = env.get(credential[0]);
                assertThat(e).as(module + " " + credential[0]).isNotNull();
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(databaseSecret(module));
                assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(credential[1]);
            }
            // A generated (dev) Secret logs in as the role it belongs to.
            bundle.typed(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(databaseSecret(module))).forEach(s -> {
                assertThat(s.getType()).isEqualTo("kubernetes.io/basic-auth");
                assertThat(new String(java.util.Base64.getDecoder().decode(s.getData().get("username")), java.nio.charset.StandardCharsets.UTF_8))
                        .as(s.getMetadata().getName() + " username").isEqualTo(module);
            });
        }
        assertThat(roleByName.keySet()).as("roles only for services").allMatch(r -> List.of(ServiceConfig.SERVICES).contains(r));

        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertThat(plugins).singleElement().satisfies(plugin -> {
            assertThat(plugin).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
            @SuppressWarnings("unchecked")
            String store = ((Map<String, String>) plugin.get("parameters")).get("barmanObjectName");
            assertThat(bundle.custom("ObjectStore")).as("the plugin's ObjectStore").anySatisfy(o -> {
                assertThat(o.getMetadata().getName()).isEqualTo(store);
                assertThat((String) o.get("spec", "configuration", "destinationPath")).startsWith("s3://");
            });
        });
        assertThat(bundle.custom("ScheduledBackup")).singleElement().satisfies(b -> {
            assertThat((String) b.get("spec", "cluster", "name")).isEqualTo(clusterName);
            assertThat((String) b.get("spec", "method")).isEqualTo("plugin");
            assertThat((String) b.get("spec", "pluginConfiguration", "name")).isEqualTo("barman-cloud.cloudnative-pg.io");
        });
    }
}
