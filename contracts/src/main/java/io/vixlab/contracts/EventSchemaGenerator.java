package io.vixlab.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.vixlab.contracts.training.Outcome;
import io.vixlab.contracts.training.TrialState;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates every event's JSON Schema (draft 2020-12) from its record: the record is the one source
 * of the event's shape. The build runs {@link #main} after compiling (contracts' {@code process-classes}
 * phase), writing {@code schemas/<name>.schema.json} into the jar, where {@link EventSchemas} and
 * other consumers find them. The records carry their own constraints (Jakarta Validation annotations,
 * {@link EventId}, Jackson's {@code @JsonClassDescription}); the rules below hold for every event:
 * <ul>
 *   <li>a primitive component, or one marked {@code @NotNull}, is required; any other may be absent
 *       (events are written without nulls);</li>
 *   <li>an object has no properties beyond its record's components;</li>
 *   <li>a component whose record declares a constant of the same name in upper snake case
 *       ({@code schemaVersion}: {@code SCHEMA_VERSION}, {@code encoding}: {@code ENCODING}) holds
 *       exactly that constant;</li>
 *   <li>a {@link LocalDate} is a {@code yyyy-mm-dd} date, an {@code Instant} a date-time, an enum
 *       one of its names ({@link Outcome}: a {@link TrialState} a run ended in, not {@code RUNNING});</li>
 *   <li>an untyped value ({@code Object}: hyperparameters in a {@code Map<String, Object>}) is a
 *       number, a string or a boolean.</li>
 * </ul>
 * Build-time only: the generator library is not passed on to the jar's users.
 */
public final class EventSchemaGenerator {

    private static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
    private static final List<String> UNTYPED_VALUE_TYPES = List.of("number", "string", "boolean");

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    private EventSchemaGenerator() {
    }

    /** Writes every event's schema into the folder {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<Class<? extends Event>, String> event : EventSchemas.SCHEMA_FILES.entrySet()) {
            Files.writeString(folder.resolve(event.getValue()), text(schemaOf(event.getKey(), event.getValue())),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * The schema of {@code type} as published under {@code fileName}. Also for records that are not
     * events yet (a change under test): the same rules make the same schema.
     */
    public static ObjectNode schemaOf(Class<?> type, String fileName) {
        ObjectNode generated = GENERATOR.generateSchema(type);
        ObjectNode schema = generated.objectNode();
        schema.set("$schema", generated.remove("$schema"));
        schema.put("$id", EventSchemas.BASE_URI + fileName);
        schema.put("title", type.getSimpleName());
        JsonNode description = generated.remove("description");
        if (description != null) {
            schema.set("description", description);
        }
        JsonNode definitions = generated.remove("$defs");
        schema.setAll(generated);
        if (definitions != null) {
            schema.set("$defs", definitions);
        }
        return schema;
    }

    /** A schema as its file holds it: indented by two, one line per array value, a final line break. */
    private static String text(JsonNode schema) {
        try {
            return WRITER.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a schema", e);
        }
    }

    private static SchemaGeneratorConfig config() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        builder.forFields()
                .withRequiredCheck(field -> field.getType().isPrimitive())
                .withEnumResolver(field -> {
                    Object constant = constantNamedLike(field);
                    return constant == null ? null : List.of(constant);
                })
                .withCustomDefinitionProvider((field, context) -> {
                    if (field.getAnnotationConsideringFieldAndGetter(Outcome.class) == null) {
                        return null;
                    }
                    ObjectNode outcome = context.getGeneratorConfig().createObjectNode().put("type", "string");
                    Arrays.stream(TrialState.values()).filter(TrialState::isFinished)
                            .forEach(state -> outcome.withArray("enum").add(state.name()));
                    return new CustomPropertyDefinition(outcome, CustomDefinition.AttributeInclusion.NO);
                });
        builder.forTypesInGeneral()
                .withPropertySorter((one, other) -> 0) // the record's order
                // A map's values are its additional properties (the library's option leaves untyped ones out).
                .withAdditionalPropertiesResolver((scope, context) -> scope.getType().isInstanceOf(Map.class)
                        ? context.createDefinitionReference(scope.getTypeParameterFor(Map.class, 1))
                        : null)
                .withStringPatternResolver(scope -> scope.getType().isInstanceOf(LocalDate.class) ? DATE_PATTERN : null)
                .withCustomDefinitionProvider((type, context) -> {
                    if (type.getErasedType() != Object.class) {
                        return null;
                    }
                    ObjectNode untyped = context.getGeneratorConfig().createObjectNode();
                    UNTYPED_VALUE_TYPES.forEach(untyped.putArray("type")::add);
                    return new CustomDefinition(untyped, CustomDefinition.DefinitionType.INLINE,
                            CustomDefinition.AttributeInclusion.NO);
                });
        return builder.build();
    }

    /** The value of the record's {@code static final} constant named as the component in upper snake case. */
    private static Object constantNamedLike(FieldScope field) {
        if (field.isFakeContainerItemScope()) {
            return null;
        }
        String name = field.getDeclaredName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            Field constant = field.getDeclaringType().getErasedType().getDeclaredField(name);
            int modifiers = constant.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                return null;
            }
            constant.trySetAccessible();
            return constant.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + field.getDeclaringType(), e);
        }
    }
}
