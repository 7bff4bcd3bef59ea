package io.vixlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    static Stream<Arguments> examples() {
        return EventExamples.all().stream().map(e -> Arguments.of(e.getClass().getSimpleName(), e));
    }

    @Test
    void everyEventTypeHasASchemaAndAnExample() {
        Set<String> withExample = EventExamples.all().stream().map(e -> e.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withSchema = EventSchemas.SCHEMA_FILES.keySet().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(withExample).isEqualTo(withSchema).hasSize(12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void serializedExampleValidatesAgainstItsSchema(String name, Event event) throws ReflectiveOperationException {
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.schemaVersion()).isEqualTo(event.getClass().getField("SCHEMA_VERSION").getInt(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void jsonRoundTripsToAnEqualRecord(String name, Event event) {
        Event back = EventJson.read(EventJson.write(event), event.getClass());
        JsonNode expected = EventJson.mapper().valueToTree(event);
        JsonNode actual = EventJson.mapper().valueToTree(back);
        assertThat(actual).isEqualTo(expected);
    }

    /** The generated schema names exactly the record's components and refuses any other property. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void schemaPropertiesAreTheRecordComponents(String name, Event event) {
        JsonNode schema = EventSchemas.schemaOf(event.getClass()).getSchemaNode();
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(event.getClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(properties).isEqualTo(components);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void missingRequiredFieldOrUnknownFieldIsRejected(String name, Event event) {
        JsonNode schema = EventSchemas.schemaOf(event.getClass()).getSchemaNode();
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        assertThat(required).contains("schemaVersion");

        ObjectNode json = EventJson.mapper().valueToTree(event);
        json.remove("schemaVersion");
        assertThat(EventSchemas.violations(event.getClass(), json))
                .anySatisfy(v -> assertThat(v).contains("schemaVersion"));

        ObjectNode extra = EventJson.mapper().valueToTree(event);
        extra.put("surprise", 1);
        assertThat(EventSchemas.violations(event.getClass(), extra))
                .anySatisfy(v -> assertThat(v).contains("surprise"));
    }

    @Test
    void datesAreIsoStringsAndWrongTypesAreNamed() {
        ObjectNode bar = EventJson.mapper().valueToTree(EventExamples.all().get(0));
        assertThat(bar.get("date").asText()).isEqualTo("2024-03-01");
        assertThat(bar.get("ingestedAt").asText()).isEqualTo("2026-11-25T14:00:00Z");
        bar.put("close", -1.0);
        bar.put("date", "03/01/2024");
        assertThat(EventSchemas.violations(io.vixlab.contracts.market.MarketBar.class, bar))
                .anySatisfy(v -> assertThat(v).contains("close"))
                .anySatisfy(v -> assertThat(v).contains("date"));
    }

    @Test
    void parseRejectsPoisonWithAReasonAndAcceptsValidEvents() {
        var bar = (io.vixlab.contracts.market.MarketBar) EventExamples.all().get(0);
        assertThat(EventSchemas.parse(EventJson.write(bar), io.vixlab.contracts.market.MarketBar.class)).isEqualTo(bar);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> EventSchemas.parse("not json", io.vixlab.contracts.market.MarketBar.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("MarketBar: not JSON");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> EventSchemas.parse("{\"schemaVersion\":2,\"symbol\":\"VIX\"}", io.vixlab.contracts.market.MarketBar.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("MarketBar breaks its schema")
                .hasMessageContaining("schemaVersion")
                .hasMessageContaining("close");
    }
}
