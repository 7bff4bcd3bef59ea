package io.vixlab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between a published event schema and a new one, each change classified. Breaking for
 * consumers is a change after which a message the published schema accepts is refused (a property
 * removed, renamed or newly required, a type changed, an enum value dropped, a bound or pattern
 * tightened, additional properties refused): a consumer built with the new schema would dead-letter
 * messages already on the topics and those of producers not yet updated. Anything else (an optional
 * property added, a bound loosened) is compatible. Written for the schemas that
 * {@link EventSchemaGenerator} makes: the keywords it uses, local {@code $ref}s; any other keyword
 * that changes counts as breaking.
 */
final class SchemaCompatibility {

    /** One change; {@code field} is the property's path ({@code training.epochs}, {@code symbols[].rows}). */
    record Difference(String field, boolean breaking, String why) {

        @Override
        public String toString() {
            return field + ": " + why + (breaking ? " (breaking)" : " (compatible)");
        }
    }

    /** Keywords that describe without constraining. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
            "contentEncoding", "contentMediaType", "examples", "default", "deprecated", "readOnly", "writeOnly");
    /** Keywords compared below. */
    private static final Set<String> COMPARED = Set.of("$ref", "type", "const", "enum", "minimum", "exclusiveMinimum",
            "maximum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "format",
            "properties", "required", "additionalProperties", "items");
    private static final ObjectNode ANYTHING = JsonNodeFactory.instance.objectNode();

    private final JsonNode publishedRoot;
    private final JsonNode newRoot;
    private final List<Difference> differences = new ArrayList<>();

    private SchemaCompatibility(JsonNode publishedRoot, JsonNode newRoot) {
        this.publishedRoot = publishedRoot;
        this.newRoot = newRoot;
    }

    /** Every change from {@code published} to {@code changed}, in property order; empty when they accept the same. */
    static List<Difference> compare(JsonNode published, JsonNode changed) {
        SchemaCompatibility comparison = new SchemaCompatibility(published, changed);
        comparison.compare("", published, changed);
        return List.copyOf(comparison.differences);
    }

    private void compare(String field, JsonNode publishedNode, JsonNode newNode) {
        JsonNode before = resolve(publishedRoot, publishedNode);
        JsonNode after = resolve(newRoot, newNode);
        compareTypes(field, before, after);
        compareValues(field, before, after);
        compareBound(field, before, after, "minimum", "exclusiveMinimum", true);
        compareBound(field, before, after, "maximum", "exclusiveMaximum", false);
        compareBound(field, before, after, "minLength", null, true);
        compareBound(field, before, after, "maxLength", null, false);
        compareBound(field, before, after, "minItems", null, true);
        compareBound(field, before, after, "maxItems", null, false);
        compareText(field, before, after, "pattern");
        compareText(field, before, after, "format");
        compareProperties(field, before, after);
        compareAdditionalProperties(field, before, after);
        if (before.has("items") || after.has("items")) {
            compare(field + "[]", before.path("items").isObject() ? before.get("items") : ANYTHING,
                    after.path("items").isObject() ? after.get("items") : ANYTHING);
        }
        Set<String> others = new TreeSet<>();
        before.fieldNames().forEachRemaining(others::add);
        after.fieldNames().forEachRemaining(others::add);
        others.removeAll(ANNOTATIONS);
        others.removeAll(COMPARED);
        for (String keyword : others) {
            if (!before.path(keyword).equals(after.path(keyword))) {
                breaking(field, keyword + " changed from " + before.get(keyword) + " to " + after.get(keyword)
                        + ", which this check cannot judge");
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref != null && ref.asText().startsWith("#") ? resolve(root, root.at(ref.asText().substring(1))) : node;
    }

    /** The JSON types a schema accepts; empty for any. A const or an enum accepts the types of its values. */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            (type.isArray() ? type : List.of(type)).forEach(t -> types.add(t.asText()));
        } else {
            values(schema).forEach(value -> types.add(typeOf(value)));
        }
        return types;
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        };
    }

    private void compareTypes(String field, JsonNode before, JsonNode after) {
        Set<String> accepted = types(before);
        Set<String> accepting = types(after);
        if (accepting.isEmpty()) {
            if (!accepted.isEmpty() && before.has("type")) {
                compatible(field, "any type now, was " + accepted);
            }
            return;
        }
        Set<String> lost = accepted.stream()
                .filter(t -> !accepting.contains(t) && !(t.equals("integer") && accepting.contains("number")))
                .collect(Collectors.toCollection(TreeSet::new));
        if (accepted.isEmpty() || !lost.isEmpty()) {
            breaking(field, "type changed from " + (accepted.isEmpty() ? "any" : accepted) + " to " + accepting);
        } else if (!accepted.equals(accepting)) {
            compatible(field, "type widened from " + accepted + " to " + accepting);
        }
    }

    /** The values a const or an enum allows; empty when it allows any. */
    private static List<JsonNode> values(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        schema.path("enum").forEach(values::add);
        return values;
    }

    private void compareValues(String field, JsonNode before, JsonNode after) {
        List<JsonNode> allowed = values(before);
        List<JsonNode> allowing = values(after);
        if (allowing.isEmpty()) {
            if (!allowed.isEmpty()) {
                compatible(field, "any value now, was one of " + allowed);
            }
            return;
        }
        if (allowed.isEmpty()) {
            breaking(field, "only " + allowing + " allowed now");
            return;
        }
        List<JsonNode> dropped = allowed.stream().filter(v -> !allowing.contains(v)).toList();
        List<JsonNode> added = allowing.stream().filter(v -> !allowed.contains(v)).toList();
        if (!dropped.isEmpty()) {
            breaking(field, "value " + dropped + " no longer allowed" + (added.isEmpty() ? "" : ", now " + allowing));
        } else if (!added.isEmpty()) {
            compatible(field, "value " + added + " added");
        }
    }

    /** A lower or an upper bound: its value and whether the value itself is excluded. */
    private record Bound(String keyword, BigDecimal value, boolean exclusive) {

        @Override
        public String toString() {
            return keyword + " " + value.stripTrailingZeros().toPlainString();
        }
    }

    /** The stricter of the schema's inclusive and exclusive bound; null when it has neither. */
    private static Bound bound(JsonNode schema, String inclusive, String exclusive, boolean lower) {
        Bound in = schema.has(inclusive) ? new Bound(inclusive, schema.get(inclusive).decimalValue(), false) : null;
        Bound ex = exclusive != null && schema.has(exclusive)
                ? new Bound(exclusive, schema.get(exclusive).decimalValue(), true) : null;
        if (in == null || ex == null) {
            return in == null ? ex : in;
        }
        return tighter(ex, in, lower) ? ex : in;
    }

    /** Whether {@code one} allows less than {@code other}. */
    private static boolean tighter(Bound one, Bound other, boolean lower) {
        int order = one.value().compareTo(other.value());
        return (lower ? order > 0 : order < 0) || (order == 0 && one.exclusive() && !other.exclusive());
    }

    private void compareBound(String field, JsonNode before, JsonNode after, String inclusive, String exclusive,
            boolean lower) {
        Bound was = bound(before, inclusive, exclusive, lower);
        Bound is = bound(after, inclusive, exclusive, lower);
        if (is == null) {
            if (was != null) {
                compatible(field, "no " + was.keyword() + " now, was " + was);
            }
        } else if (was == null || tighter(is, was, lower)) {
            breaking(field, "tightened to " + is + ", was " + (was == null ? "unbounded" : was));
        } else if (tighter(was, is, lower)) {
            compatible(field, "loosened to " + is + ", was " + was);
        }
    }

    private void compareText(String field, JsonNode before, JsonNode after, String keyword) {
        JsonNode was = before.get(keyword);
        JsonNode is = after.get(keyword);
        if (is == null) {
            if (was != null) {
                compatible(field, "no " + keyword + " now, was " + was);
            }
        } else if (!is.equals(was)) {
            breaking(field, keyword + " " + is + " now, was " + (was == null ? "none" : was));
        }
    }

    private void compareProperties(String field, JsonNode before, JsonNode after) {
        Set<String> required = names(before.get("required"));
        Set<String> requiring = names(after.get("required"));
        JsonNode properties = before.path("properties");
        JsonNode newProperties = after.path("properties");
        properties.fieldNames().forEachRemaining(name -> {
            String path = child(field, name);
            if (!newProperties.has(name)) {
                if (refusesOthers(after)) {
                    breaking(path, "removed: a message that has it is refused (renamed fields count as removed)");
                } else {
                    compatible(path, "removed; now an additional property");
                }
                return;
            }
            compare(path, properties.get(name), newProperties.get(name));
            if (requiring.contains(name) && !required.contains(name)) {
                breaking(path, "now required: a message without it is refused");
            } else if (required.contains(name) && !requiring.contains(name)) {
                compatible(path, "no longer required");
            }
        });
        newProperties.fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) {
                if (requiring.contains(name)) {
                    breaking(child(field, name), "new required field: a message without it is refused");
                } else {
                    compatible(child(field, name), "optional field added");
                }
            }
        });
    }

    private static boolean refusesOthers(JsonNode schema) {
        return schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
    }

    private void compareAdditionalProperties(String field, JsonNode before, JsonNode after) {
        boolean refused = refusesOthers(before);
        boolean refusing = refusesOthers(after);
        if (refused != refusing) {
            if (refusing) {
                breaking(field, "additional properties now refused");
            } else {
                compatible(field, "additional properties now allowed");
            }
        } else if (!refusing && (before.path("additionalProperties").isObject()
                || after.path("additionalProperties").isObject())) {
            compare(child(field, "*"), schemaOrAnything(before.get("additionalProperties")),
                    schemaOrAnything(after.get("additionalProperties")));
        }
    }

    private static JsonNode schemaOrAnything(JsonNode schema) {
        return schema != null && schema.isObject() ? schema : ANYTHING;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static String child(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    private void breaking(String field, String why) {
        differences.add(new Difference(field.isEmpty() ? "(the event)" : field, true, why));
    }

    private void compatible(String field, String why) {
        differences.add(new Difference(field.isEmpty() ? "(the event)" : field, false, why));
    }
}
