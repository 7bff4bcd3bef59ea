package io.vixlab.kit.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vixlab.contracts.MessageLimits;
import jakarta.ws.rs.core.Response;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A request body that Jackson could not read, as a 400 problem: where the JSON is broken, or which
 * field has a value of the wrong kind. The body itself is never echoed, nor Java type names.
 */
final class JsonBodyProblems {

    private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, Long.class, Short.class, Byte.class,
            BigInteger.class);

    private JsonBodyProblems() {
    }

    static Response of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = MessageLimits.quoted(fieldPath(mapping.getPath()));
            String reason = reason(mapping);
            return Problems.badRequest("the request body has an invalid field", List.of(new Problems.InvalidParam(field, reason)));
        }
        return Problems.of(Response.Status.BAD_REQUEST, "the request body " + bodyProblem(e));
    }

    private static String bodyProblem(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            // Jackson's text names the limit and the size; it ends with the Java getter that sets it.
            return "exceeds a JSON parser limit: " + MessageLimits.capped(e.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        }
        String problem = e instanceof JsonEOFException ? "ends before its JSON is complete" : "is not valid JSON";
        JsonLocation where = e.getLocation();
        return where == null ? problem : problem + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            // The record's own check refused the value; its message is written for the client.
            return MessageLimits.capped(e.getCause().getMessage());
        }
        return "has a value that cannot be read";
    }

    /** {@code architectures[0].units}: the JSON path of the bad value. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What JSON a field of this Java type takes, in JSON's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of JSON value";
        }
        Class<?> boxed = MethodType.methodType(type).wrap().returnType();
        if (INTEGERS.contains(boxed)) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "a finite number";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
            return "a string";
        }
        if (boxed.isEnum()) {
            return "one of " + Arrays.toString(boxed.getEnumConstants());
        }
        if (boxed == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(boxed)) {
            return "an ISO-8601 date-time";
        }
        if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
            return "an array";
        }
        return "an object";
    }
}
