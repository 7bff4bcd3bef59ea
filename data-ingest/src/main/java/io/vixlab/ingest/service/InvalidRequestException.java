package io.vixlab.ingest.service;

/** A request that cannot start a run or a query, naming the bad parameter; the API answers 400. */
public class InvalidRequestException extends RuntimeException {

    private final String parameter;

    public InvalidRequestException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
