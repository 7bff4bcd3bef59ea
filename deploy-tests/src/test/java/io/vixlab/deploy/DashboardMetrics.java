package io.vixlab.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics a PromQL dashboard may name: those vixlab's code registers with Micrometer, in the
 * names Micrometer's Prometheus registry gives them, and the standard ones of the exporters and
 * libraries deploy/k8s scrapes.
 */
final class DashboardMetrics {

    /**
     * Metrics vixlab's code does not register: Prometheus's own, Quarkus Micrometer's JVM and HTTP
     * server binders, and Strimzi's Kafka Exporter (Kafka Exporter's documented metrics).
     */
    static final Map<String, String> STANDARD = Map.of(
            "up", "Prometheus, per scraped target",
            "jvm_memory_used_bytes", "Micrometer's JVM memory binder (Quarkus)",
            "http_server_requests_seconds_count", "Micrometer's HTTP server binder (Quarkus)",
            "kafka_consumergroup_lag", "Kafka Exporter",
            "kafka_topic_partition_current_offset", "Kafka Exporter");

    /** A meter's registration: its builder or registry method, then its name (a literal or a constant). */
    private static final Pattern REGISTRATION = Pattern.compile(
            "\\b(Gauge|Counter|FunctionCounter|Timer|FunctionTimer|DistributionSummary)\\.builder\\(\\s*(\"[^\"]+\"|\\w+)"
                    + "|\\.(counter|gauge|timer|summary)\\(\\s*(\"[^\"]+\"|\\w+)");
    private static final Pattern PROMQL_FUNCTION_OR_KEYWORD_ARGUMENTS =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private DashboardMetrics() {
    }

    /** The Prometheus names of every meter registered in the modules' main sources. */
    static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(Manifests.ROOT)) {
            for (Path file : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(DashboardMetrics::javaFiles).toList()) {
                String source = Files.readString(file);
                if (!source.contains("io.micrometer")) {
                    continue;
                }
                Matcher m = REGISTRATION.matcher(source);
                while (m.find()) {
                    String kind = m.group(1) != null ? m.group(1) : m.group(3);
                    String name = resolve(source, m.group(1) != null ? m.group(2) : m.group(4));
                    names.addAll(prometheusNames(name, kind));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Stream<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resolve(String source, String literalOrConstant) {
        if (literalOrConstant.startsWith("\"")) {
            return literalOrConstant.substring(1, literalOrConstant.length() - 1);
        }
        Matcher constant = Pattern.compile("String\\s+" + Pattern.quote(literalOrConstant) + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
        if (!constant.find()) {
            throw new AssertionError("meter name " + literalOrConstant + " is not a String constant of its file");
        }
        return constant.group(1);
    }

    /** Micrometer's Prometheus naming: dots to underscores, counters end in _total, timers in seconds. */
    static List<String> prometheusNames(String meter, String kind) {
        String base = meter.replace('.', '_').replace('-', '_');
        return switch (kind.toLowerCase()) {
            case "counter", "functioncounter" -> List.of(base + "_total");
            case "timer", "functiontimer" -> List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max");
            case "distributionsummary", "summary" -> List.of(base + "_count", base + "_sum", base + "_max");
            default -> List.of(base);
        };
    }

    /** The metric names a PromQL expression reads (functions, keywords, labels and durations left out). */
    static Set<String> namedIn(String promql) {
        String bare = promql.replaceAll("\"[^\"]*\"", "\"\"")     // label values
                .replaceAll("\\{[^}]*}", "")                          // label matchers
                .replaceAll("\\[[^]]*]", "");                         // range durations
        bare = PROMQL_FUNCTION_OR_KEYWORD_ARGUMENTS.matcher(bare).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            boolean function = identifier.group(2) != null;
            String word = identifier.group(1);
            if (!function && !Set.of("and", "or", "unless", "bool", "offset").contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
