package io.vixlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vixlab.contracts.market.MarketBar;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values are read as exactly what they are, and a reason never carries the input. */
class HostileEventJsonTest {

    enum Kind { FIRST, SECOND }

    record Sample(int count, double value, Double optional, boolean flag, Kind kind, Map<String, Object> params) {
    }

    private static final String GOOD = "{\"count\":3,\"value\":0.5,\"optional\":1.5,\"flag\":true,\"kind\":\"SECOND\","
            + "\"params\":{\"rate\":0.001,\"units\":64}}";

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                Arguments.of("1e400 for a double", "\"value\":0.5", "\"value\":1e400", "not a finite number", "value"),
                Arguments.of("-1e309 for a Double", "\"optional\":1.5", "\"optional\":-1e309", "not a finite number",
                        "optional"),
                Arguments.of("\"NaN\" for a double", "\"value\":0.5", "\"value\":\"NaN\"", "value", "value"),
                Arguments.of("\"Infinity\" for a Double", "\"optional\":1.5", "\"optional\":\"Infinity\"", "optional",
                        "optional"),
                Arguments.of("1e400 in an untyped map", "\"rate\":0.001", "\"rate\":1e400", "not a finite number",
                        "params.rate"),
                Arguments.of("1.5 for an int", "\"count\":3", "\"count\":1.5", "Floating-point value (1.5)", "count"),
                Arguments.of("2.0 for an int", "\"count\":3", "\"count\":2.0", "Floating-point value (2.0)", "count"),
                Arguments.of("a string for an int", "\"count\":3", "\"count\":\"3\"", "String value", "count"),
                Arguments.of("a string for a double", "\"value\":0.5", "\"value\":\"0.5\"", "String value", "value"),
                Arguments.of("an empty string for a double", "\"value\":0.5", "\"value\":\"\"", "value", "value"),
                Arguments.of("a string for a boolean", "\"flag\":true", "\"flag\":\"true\"", "String value", "flag"),
                Arguments.of("a number for a boolean", "\"flag\":true", "\"flag\":1", "Integer value", "flag"),
                Arguments.of("null for an int", "\"count\":3", "\"count\":null", "null", "count"),
                Arguments.of("an index for an enum", "\"kind\":\"SECOND\"", "\"kind\":1", "kind", "kind"),
                Arguments.of("an unknown enum value", "\"kind\":\"SECOND\"", "\"kind\":\"THIRD\"", "THIRD", "kind"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void hostileValueIsRefusedNamingTheField(String probe, String good, String hostile, String problem, String field) {
        assertThat(EventJson.read(GOOD, Sample.class).count()).isEqualTo(3);
        assertThat(GOOD).contains(good);
        assertThatThrownBy(() -> EventJson.read(GOOD.replace(good, hostile), Sample.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("Sample: ")
                .hasMessageContaining(problem)
                .hasMessageContaining("(at " + field + ")");
    }

    @Test
    void nonFiniteNumbersAreNeverWritten() {
        Sample nan = new Sample(1, Double.NaN, null, false, Kind.FIRST, Map.of());
        Sample infinite = new Sample(1, 0.5, null, false, Kind.FIRST, Map.of("rate", Double.POSITIVE_INFINITY));
        assertThatThrownBy(() -> EventJson.write(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot serialize Sample").hasMessageContaining("not a finite number: NaN")
                .hasMessageContaining("value");
        assertThatThrownBy(() -> EventJson.writeBytes(infinite)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number: Infinity").hasMessageContaining("params.rate");
        assertThat(EventJson.write(new Sample(1, 0.5, 2.0, true, Kind.FIRST, Map.of("rate", 0.1))))
                .contains("\"value\":0.5", "\"rate\":0.1");
    }

    @Test
    void aReasonIsCappedAndNeverCarriesTheInput() {
        String longToken = "x".repeat(100_000);
        assertThatThrownBy(() -> EventJson.read(longToken, Sample.class))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(MessageLimits.MAX_REASON_CHARS + 50))
                .hasMessageContaining("Unrecognized token 'xxx")
                .hasMessageNotContaining("x".repeat(41));
        String secret = "{\"count\":3,\"value\":0.5,\"flag\":true,\"kind\":\"SECOND\",\"params\":{},\"note\":\"secret";
        assertThatThrownBy(() -> EventSchemas.parse("[" + secret + "\"}]", MarketBar.class))
                .hasMessage("MarketBar: expected a JSON object, got an array");
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedBeforeTheSchemaJudgesIt() {
        ObjectNode bar = EventJson.mapper().valueToTree(EventExamples.all().get(0));
        String json = bar.put("close", 1.0).toString().replace("\"close\":1.0", "\"close\":-1e400");
        assertThatThrownBy(() -> EventSchemas.parse(json, MarketBar.class))
                .hasMessage("MarketBar: not a finite number (at close)");
    }

    @Test
    void deepNestingIsRefusedBeforeItIsBuilt() {
        assertThatThrownBy(() -> EventSchemas.parse("[".repeat(100_000), MarketBar.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("MarketBar: not JSON")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void absentOrEmptyMessagesAreNamed() {
        assertThatThrownBy(() -> EventSchemas.parse(null, MarketBar.class)).hasMessage("MarketBar: no value (a tombstone)");
        assertThatThrownBy(() -> EventSchemas.parse("", MarketBar.class)).hasMessage("MarketBar: not JSON: empty");
        assertThatThrownBy(() -> EventSchemas.parse("null", MarketBar.class))
                .hasMessage("MarketBar: expected a JSON object, got null");
    }

    @Test
    void cappingKeepsCharacterPairsWhole() {
        String text = "a".repeat(MessageLimits.MAX_REASON_CHARS - 1) + "😀" + "b".repeat(10);
        String capped = MessageLimits.capped(text);
        assertThat(capped).startsWith("a".repeat(MessageLimits.MAX_REASON_CHARS - 1) + "…")
                .endsWith("(12 more characters)");
        assertThat(MessageLimits.capped("short")).isEqualTo("short");
    }
}
