package io.vixlab.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema (draft 2020-12) of every event, as published under {@code schemas/} in this jar
 * (generated from the records by {@link EventSchemaGenerator}), and validation of JSON against it.
 */
public final class EventSchemas {

    /** Where the schemas say they live; resolved to this jar's {@code schemas/} folder. */
    public static final String BASE_URI = "https://vixlab.io/schemas/";

    /** Each event type, its schema's file name, and the topic that carries it. */
    public static final Map<Class<? extends Event>, String> SCHEMA_FILES = Map.ofEntries(
            Map.entry(MarketBar.class, "market-bar.schema.json"),
            Map.entry(MarketUpdate.class, "market-update.schema.json"),
            Map.entry(DatasetManifest.class, "dataset-manifest.schema.json"),
            Map.entry(WindowChunk.class, "window-chunk.schema.json"),
            Map.entry(TrialConfig.class, "trial-config.schema.json"),
            Map.entry(TrialControl.class, "trial-control.schema.json"),
            Map.entry(FinalTrainingRequest.class, "final-training-request.schema.json"),
            Map.entry(StudyEvent.class, "study-event.schema.json"),
            Map.entry(TrainingProgress.class, "training-progress.schema.json"),
            Map.entry(TrialResult.class, "trial-result.schema.json"),
            Map.entry(ModelResult.class, "model-result.schema.json"),
            Map.entry(StudyReport.class, "study-report.schema.json"));

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<Class<?>, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonSchema schemaOf(Class<? extends Event> type) {
        return CACHE.computeIfAbsent(type, t -> {
            String file = SCHEMA_FILES.get(t);
            if (file == null) {
                throw new IllegalArgumentException("no schema for " + t.getName());
            }
            return FACTORY.getSchema(SchemaLocation.of(BASE_URI + file), CONFIG);
        });
    }

    /** Every way {@code json} breaks the schema of {@code type}, sorted; empty when it is valid. */
    public static List<String> violations(Class<? extends Event> type, JsonNode json) {
        return schemaOf(type).validate(json).stream()
                .map(ValidationMessage::getMessage)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    /**
     * Reads a consumed message: checks the JSON against the event's schema, then maps it. A message
     * that is absent (a tombstone), not JSON, breaks the schema, carries a newer schema version or a
     * value Java cannot hold (a non-finite number) is rejected with a {@link MalformedEventException}
     * that names every problem, never echoing the message.
     */
    public static <T extends Event> T parse(String json, Class<T> type) {
        if (json == null) {
            throw new MalformedEventException(type.getSimpleName() + ": no value (a tombstone)");
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw MalformedEventException.of(type.getSimpleName() + ": not JSON", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedEventException(type.getSimpleName() + ": not JSON: empty");
        }
        if (!tree.isObject()) {
            throw new MalformedEventException(type.getSimpleName() + ": expected a JSON object, got "
                    + switch (tree.getNodeType()) {
                        case ARRAY -> "an array";
                        case NULL -> "null";
                        default -> "a " + tree.getNodeType().name().toLowerCase(Locale.ROOT);
                    });
        }
        // 1e400 reads as Infinity, which the schema's checks cannot judge: refused before them.
        String infinite = nonFinite(tree, "");
        if (infinite != null) {
            throw new MalformedEventException(type.getSimpleName() + ": not a finite number (at " + infinite + ")");
        }
        List<String> problems = violations(type, tree);
        if (!problems.isEmpty()) {
            throw new MalformedEventException(type.getSimpleName() + " breaks its schema: " + String.join("; ", problems));
        }
        try {
            return EventJson.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw MalformedEventException.of(type.getSimpleName(), e);
        }
    }

    /** The path of the first number in {@code node} that is not finite; null when there is none. */
    private static String nonFinite(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return path.isEmpty() ? "the top level" : path;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String found = nonFinite(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = nonFinite(node.get(i), path + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Serializes the event as every producer does and returns its schema violations. */
    public static List<String> violations(Event event) {
        return violations(event.getClass(), EventJson.mapper().valueToTree(event));
    }
}
