package io.vixlab.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A message that cannot be read as the event its topic carries. Goes to the dead-letter topic. Its
 * message names the problem and is capped ({@link MessageLimits#capped}), so that it never carries
 * the poison message itself.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(MessageLimits.capped(message), cause);
    }

    public MalformedEventException(String message) {
        super(MessageLimits.capped(message));
    }

    /**
     * Jackson's reason why {@code type} cannot be read, with the field it concerns: Jackson's own
     * message without its source location and class names (and its excerpts of the input bounded by
     * Jackson's error-report limits).
     */
    static MalformedEventException of(String type, JsonProcessingException e) {
        StringBuilder reason = new StringBuilder(type).append(": ").append(e.getOriginalMessage());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            reason.append(" (at ").append(pathOf(mapping)).append(')');
        }
        return new MalformedEventException(reason.toString(), e);
    }

    /** {@code windows[2].values}: the field names and indexes Jackson went through. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }
}
