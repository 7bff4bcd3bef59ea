package io.vixlab.kit.rest;

import jakarta.ws.rs.BadRequestException;

/** A path, query or header parameter whose text is not a value of its type: answered 400 naming it. */
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
