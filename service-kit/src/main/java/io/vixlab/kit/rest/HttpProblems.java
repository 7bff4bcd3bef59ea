package io.vixlab.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vixlab.contracts.MessageLimits;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error JAX-RS raises, answered as problem+json with a detail a client can act on: malformed
 * or mistyped JSON bodies, parameters that do not convert, unknown paths, wrong methods and media
 * types, and anything unexpected (500 with an error id that the log carries with the stack trace).
 * The services' own mappers for their exceptions are more specific and take precedence.
 */
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);

    /**
     * Jackson's body reader throws these itself (it wraps its other failures in a 400, below). A
     * request without a body did not cause one: the service failed reading its own JSON.
     */
    @ServerExceptionMapper
    public Response mistypedBody(MismatchedInputException e, HttpHeaders headers) {
        boolean sentABody = headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null;
        return sentABody ? JsonBodyProblems.of(e) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problems.badRequest("the request is invalid", List.of(new Problems.InvalidParam(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response webError(WebApplicationException e, Request request, HttpHeaders headers) {
        Response refusal = e.getResponse();
        if (refusal.hasEntity()) {
            return refusal;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyProblems.of(json);
        }
        if (e.getCause() != null && (e instanceof NotFoundException || e instanceof BadRequestException)) {
            // JAX-RS's answer to a parameter that does not convert (404 for path and query ones).
            return Problems.of(Response.Status.BAD_REQUEST, "a path, query or header parameter is not a value of its type");
        }
        int status = refusal.getStatus();
        String detail = switch (status) {
            case 404 -> "there is no resource at this path";
            case 405 -> "method " + request.getMethod() + " is not allowed at this path";
            case 406 -> "no answer in a media type the request accepts (Accept: " + header(headers, HttpHeaders.ACCEPT) + ")";
            case 415 -> "the request body's media type " + header(headers, HttpHeaders.CONTENT_TYPE) + " is not supported here";
            default -> e.getMessage();
        };
        return Problems.of(status, refusal.getStatusInfo().getReasonPhrase(), detail, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "request failed unexpectedly, error id %s", errorId);
        return Problems.of(500, "Internal Server Error", "the service failed to answer; its log has the cause under error id " + errorId,
                Map.of("errorId", errorId));
    }

    private static String header(HttpHeaders headers, String name) {
        return Optional.ofNullable(headers.getHeaderString(name)).map(MessageLimits::quoted).orElse("(none)");
    }
}
