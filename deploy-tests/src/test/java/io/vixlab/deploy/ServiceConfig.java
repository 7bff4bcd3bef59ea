package io.vixlab.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service module reads: the properties of its application.properties and of service-kit's
 * defaults, the properties of its {@code @ConfigMapping} interfaces, and the environment variables
 * its property expressions name. Environment variables map to properties by MicroProfile Config's
 * rule: every character that is not a letter or digit becomes {@code _}, then upper case.
 */
final class ServiceConfig {

    static final String[] SERVICES = {"data-ingest", "feature-service", "tuner-service", "trainer-service", "report-service"};

    /** Read by Quarkus itself, the JVM or a native library, not declared in a properties file. */
    static final Map<String, String> KNOWN = Map.of(
            "QUARKUS_PROFILE", "quarkus.profile",
            "QUARKUS_LOG_LEVEL", "quarkus.log.level",
            "JAVA_TOOL_OPTIONS", "read by the JVM at start",
            "AWS_ACCESS_KEY_ID", "read by the AWS SDK's default credentials provider (the model store)",
            "AWS_SECRET_ACCESS_KEY", "read by the AWS SDK's default credentials provider (the model store)",
            "CUDA_CACHE_PATH", "read by the CUDA driver (the trainer's GPU build)",
            "CUDA_CACHE_MAXSIZE", "read by the CUDA driver (the trainer's GPU build)");

    /**
     * The services that keep final models in the S3 model store, and its properties: those of the
     * model-store module's {@code @ConfigMapping(prefix = "vixlab.model-store")}, a module of its own
     * (its sources need not be in this checkout for the manifests to be checked against its names).
     */
    static final Set<String> MODEL_STORE_USERS = Set.of("trainer-service", "report-service");
    static final List<String> MODEL_STORE_PROPERTIES = List.of(
            "vixlab.model-store.location", "vixlab.model-store.s3.endpoint", "vixlab.model-store.s3.region");
    static final Set<String> KNOWN_PREFIXES = Set.of("QUARKUS_DATASOURCE_", "QUARKUS_HTTP_", "QUARKUS_LOG_CATEGORY_");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile("(?m)^\\s+([\\w.<>\\[\\], ?]+)\\s+(\\w+)\\(\\)\\s*;");
    /** A group of a mapping: an interface nested in the mapping's file, up to its closing brace. */
    private static final Pattern NESTED_GROUP = Pattern.compile("(?s)\\n\\s+interface\\s+(\\w+)\\s*\\{(.*?)\\n\\s{4}}");
    private static final Pattern REST_PATH = Pattern.compile("@Path\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

    final String module;
    /** Property names (profile prefix removed) to where they are declared. */
    final Map<String, String> properties = new TreeMap<>();
    /** Environment variables named in ${...} expressions. */
    final Set<String> expressionEnv = new TreeSet<>();
    /** The service's own application.properties, profile prefixes kept. */
    final Properties application;

    private ServiceConfig(String module) {
        this.module = module;
        Path root = Manifests.ROOT;
        this.application = load(root.resolve(module).resolve("src/main/resources/application.properties"));
        addProperties(application, module + "/application.properties");
        addProperties(load(root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties")),
                "service-kit defaults");
        addMappings(root.resolve(module).resolve("src/main/java"));
        addMappings(root.resolve("service-kit/src/main/java"));
        if (MODEL_STORE_USERS.contains(module)) {
            MODEL_STORE_PROPERTIES.forEach(p -> properties.put(p, "the model-store module's @ConfigMapping"));
        }
    }

    static ServiceConfig of(String module) {
        return new ServiceConfig(module);
    }

    String property(String name) {
        return application.getProperty(name);
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** Where {@code env} is read, or null when nothing of this service reads it. */
    String whoReads(String env) {
        if (KNOWN.containsKey(env)) {
            return KNOWN.get(env);
        }
        if (KNOWN_PREFIXES.stream().anyMatch(env::startsWith)) {
            return "a Quarkus property";
        }
        if (expressionEnv.contains(env)) {
            return "a ${" + env + "} expression";
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (envName(p.getKey()).equals(env)) {
                return p.getKey() + " (" + p.getValue() + ")";
            }
        }
        return null;
    }

    static String envName(String property) {
        StringBuilder sb = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /** Topics the service's channels use ({@code mp.messaging.*.topic}) and the dead-letter topic. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String name : application.stringPropertyNames()) {
            if (name.matches("(%[\\w,-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic")
                    || name.endsWith("dead-letter-queue.topic")) {
                topics.add(application.getProperty(name));
            }
        }
        Properties kit = load(Manifests.ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        for (String name : kit.stringPropertyNames()) {
            if (name.endsWith("dead-letter-queue.topic") || name.endsWith(".topic")) {
                topics.add(kit.getProperty(name));
            }
        }
        return topics;
    }

    /**
     * A property as the {@code prod} profile, which the cluster runs, reads it from the service's
     * application.properties; null when not set.
     */
    String prodProperty(String name) {
        return application.getProperty("%prod." + name, application.getProperty(name));
    }

    /** The class-level {@code @Path}s of the service's REST resources. */
    Set<String> restPaths() {
        Set<String> paths = new TreeSet<>();
        for (String source : sources()) {
            int type = source.indexOf(" class ");
            Matcher path = REST_PATH.matcher(type < 0 ? "" : source.substring(0, type));
            while (path.find()) {
                paths.add(path.group(1));
            }
        }
        return paths;
    }

    /** Whether the service's sources declare a number (a field, a record component) by this name. */
    boolean declaresNumber(String name) {
        Pattern number = Pattern.compile("\\b(int|long|Integer|Long|double|Double)\\s+" + Pattern.quote(name) + "\\b");
        return sources().stream().anyMatch(source -> number.matcher(source).find());
    }

    private List<String> sources() {
        try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(module).resolve("src/main/java"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A duration as Quarkus reads one: a number of seconds, a number of milliseconds ({@code 500ms}),
     * days ({@code 2d}), an ISO-8601 time without its {@code PT} ({@code 60s}, {@code 1m}), or ISO-8601.
     */
    static Duration duration(String value) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+[dD]")) {
            return Duration.parse("P" + v);
        }
        return Duration.parse(Character.isDigit(v.charAt(0)) ? "PT" + v : v);
    }

    private void addProperties(Properties props, String where) {
        for (String name : props.stringPropertyNames()) {
            properties.putIfAbsent(name.replaceFirst("^%[\\w,-]+\\.", ""), where);
            Matcher m = EXPRESSION.matcher(props.getProperty(name));
            while (m.find()) {
                expressionEnv.add(m.group(1));
            }
        }
    }

    private void addMappings(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher mapping = MAPPING.matcher(text);
                if (mapping.find()) {
                    addMapping(mapping.group(1), text.substring(mapping.end()), file.getFileName().toString());
                }
                Matcher property = CONFIG_PROPERTY.matcher(text);
                while (property.find()) {
                    properties.putIfAbsent(property.group(1), file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A mapping's properties: {@code prefix.method} for each method, and {@code prefix.group.method}
     * for the methods of a group (a method returning an interface nested in the same file).
     */
    private void addMapping(String prefix, String body, String file) {
        Map<String, String> groups = new HashMap<>();
        Matcher nested = NESTED_GROUP.matcher(body);
        while (nested.find()) {
            groups.put(nested.group(1), nested.group(2));
        }
        String outer = NESTED_GROUP.matcher(body).replaceAll("");
        Matcher method = MAPPING_METHOD.matcher(outer);
        while (method.find()) {
            String name = prefix + "." + kebab(method.group(2));
            String group = groups.get(method.group(1).trim());
            if (group == null) {
                properties.putIfAbsent(name, file);
            } else {
                Matcher member = MAPPING_METHOD.matcher(group);
                while (member.find()) {
                    properties.putIfAbsent(name + "." + kebab(member.group(2)), file);
                }
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
