package io.vixlab.kit.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A request parameter or body field that is invalid: a path, query or header parameter whose text is
 * not a value of its type, or a value a service refuses (e.g. data-ingest's file path). Answered 400
 * naming it ({@link HttpProblems}).
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
