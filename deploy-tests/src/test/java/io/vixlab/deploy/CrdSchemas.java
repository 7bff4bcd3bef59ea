package io.vixlab.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The CustomResourceDefinitions of the operator versions deploy/k8s is written for (committed under
 * src/test/resources/crds/&lt;operator&gt;-&lt;version&gt;/, README.md there names their source), and
 * the check of a custom resource against the {@code openAPIV3Schema} of its version, as the API
 * server's strict field validation would: the version must be served, every field known (unless
 * {@code x-kubernetes-preserve-unknown-fields}), every value of its type ({@code
 * x-kubernetes-int-or-string} takes both), enums, patterns, bounds and required fields as declared.
 * CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    static final Path DIR = Manifests.ROOT.resolve("deploy-tests/src/test/resources/crds");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static CrdSchemas instance;

    /** One version of a CRD: its schema as written, and as JSON Schema (whole, and for a patch). */
    private record Version(String crd, boolean served, JsonNode openApi) {
    }

    /** group/Kind to version name to the version. */
    private final Map<String, Map<String, Version>> crds = new LinkedHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private CrdSchemas() {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = Manifests.readYamlTree(file);
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    throw new AssertionError(file + " is not a CustomResourceDefinition");
                }
                String key = crd.path("spec").path("group").asText() + "/" + crd.path("spec").path("names").path("kind").asText();
                Map<String, Version> versions = crds.computeIfAbsent(key, k -> new LinkedHashMap<>());
                for (JsonNode v : crd.path("spec").path("versions")) {
                    versions.put(v.path("name").asText(), new Version(DIR.relativize(file).toString(),
                            v.path("served").asBoolean(), v.path("schema").path("openAPIV3Schema")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized CrdSchemas get() {
        if (instance == null) {
            instance = new CrdSchemas();
        }
        return instance;
    }

    /** Whether a CRD here defines this kind of this API group, in any version. */
    boolean defines(String apiVersion, String kind) {
        return crds.containsKey(group(apiVersion) + "/" + kind);
    }

    /** The group/Kind keys of every CRD here. */
    List<String> kinds() {
        return List.copyOf(crds.keySet());
    }

    /**
     * Every way a custom resource breaks its CRD, sorted; empty when the API server would take it.
     * A patch ({@code partial}) is checked for its fields and values, not for completeness.
     */
    List<String> problems(JsonNode resource, boolean partial) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        Map<String, Version> versions = crds.get(group(apiVersion) + "/" + kind);
        if (versions == null) {
            return List.of(apiVersion + " " + kind + ": no CRD defines it (known: " + crds.keySet() + ")");
        }
        String versionName = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Version version = versions.get(versionName);
        List<String> served = versions.entrySet().stream().filter(e -> e.getValue().served()).map(Map.Entry::getKey).toList();
        if (version == null || !version.served()) {
            return List.of(apiVersion + " " + kind + ": version " + versionName + " is not served by "
                    + versions.values().iterator().next().crd() + " (served: " + served + ")");
        }
        JsonSchema schema = compiled.computeIfAbsent(apiVersion + " " + kind + (partial ? " patch" : ""),
                k -> FACTORY.getSchema(jsonSchema(version.openApi(), partial)));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(resource)) {
            problems.add(m.getMessage());
        }
        problems.addAll(Manifests.unknownFields(Manifests.SERIALIZATION.convertValue(resource.path("metadata"),
                io.fabric8.kubernetes.api.model.ObjectMeta.class)));
        return problems.stream().sorted().toList();
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * A CRD's structural schema as a JSON Schema (draft 4, which OpenAPI v3's schema objects follow):
     * objects without {@code x-kubernetes-preserve-unknown-fields} admit no field they do not declare,
     * {@code x-kubernetes-int-or-string} admits an integer or a string, an embedded resource its
     * apiVersion, kind and metadata. The resource's own metadata is left to the Kubernetes model.
     */
    static JsonNode jsonSchema(JsonNode openApi, boolean partial) {
        ObjectNode schema = openApi.deepCopy();
        if (schema.path("properties").has("metadata")) {
            ((ObjectNode) schema.get("properties")).set("metadata", JsonNodeFactory.instance.objectNode());
        }
        convert(schema, partial);
        return schema;
    }

    private static void convert(ObjectNode s, boolean partial) {
        boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            ObjectNode properties = s.has("properties") ? (ObjectNode) s.get("properties") : s.putObject("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").put("type", "object");
        }
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            s.remove("type");
            if (!s.has("anyOf")) {
                ArrayNode anyOf = s.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        if ("object".equals(s.path("type").asText()) && !preserve && !s.has("additionalProperties")) {
            s.put("additionalProperties", false);
        }
        if (partial) {
            s.remove("required");
        }
        for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        s.path("properties").forEach(p -> convertNode(p, partial));
        convertNode(s.get("items"), partial);
        convertNode(s.get("additionalProperties"), partial);
        convertNode(s.get("not"), partial);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            s.path(combinator).forEach(p -> convertNode(p, partial));
        }
    }

    private static void convertNode(JsonNode node, boolean partial) {
        if (node instanceof ObjectNode object) {
            convert(object, partial);
        }
    }
}
