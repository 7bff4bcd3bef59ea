package io.vixlab.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON form of vixlab's events, shared by every producer and consumer so that the bytes on a
 * topic are the same whichever service wrote them: ISO-8601 dates and instants, no nulls. Values are
 * read as exactly what they are: floating-point numbers only when finite ({@link FiniteNumbers}), an
 * integer field only from a JSON integer, a number or a boolean never from a string, an enum never
 * from its index.
 */
public final class EventJson {

    /** The value types a string is never coerced into. */
    private static final List<LogicalType> EXACT_TYPES = List.of(LogicalType.Integer, LogicalType.Float,
            LogicalType.Boolean);

    /** How much of an unreadable token a reason quotes. */

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private EventJson() {
    }

    /** A shared, thread-safe mapper configured for events. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies vixlab's event conventions to a mapper (also used to customise Quarkus's mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .registerModule(new ParameterNamesModule())
                .registerModule(FiniteNumbers.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Newer producers may add optional fields; the schema version tells breaking changes.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 1.5 epochs is an error, not 1; 3 for an enum is not its fourth value.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        for (LogicalType type : EXACT_TYPES) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // Jackson quotes an unreadable token in its message: a short excerpt names it, more would echo input.
        mapper.getFactory().setErrorReportConfiguration(ErrorReportConfiguration.builder()
                .maxErrorTokenLength(MessageLimits.MAX_QUOTED_CHARS).maxRawContentLength(0).build());
        return mapper;
    }

    public static String write(Object event) {
        return new String(writeBytes(event), StandardCharsets.UTF_8);
    }

    /** The event's JSON; fails naming the field when it holds what JSON cannot carry (NaN). */
    public static byte[] writeBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(MalformedEventException.of(
                    "cannot serialize " + event.getClass().getSimpleName(), e).getMessage(), e);
        }
    }

    /**
     * Reads an event, throwing {@link MalformedEventException} naming the type, Jackson's reason
     * and the field when the bytes are not a valid event of that type.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw MalformedEventException.of(type.getSimpleName(), e);
        } catch (IOException e) {
            throw new MalformedEventException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
