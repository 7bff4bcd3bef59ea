package io.vixlab.kit.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * RFC 9457 problem details for every service: an invalid request answers 400 with one entry per
 * bad field ({@code invalid-params}), so a client can fix all of them at once.
 */
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field of a request and why. */
    public record InvalidParam(String name, String reason) {
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new InvalidParam(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(InvalidParam::name).thenComparing(InvalidParam::reason))
                .toList();
        return badRequest("the request is invalid", params);
    }

    /**
     * A 400 problem naming each bad field, in {@code invalid-params} for programs and after the
     * detail for people: "the request is invalid: limit must be greater than or equal to 1".
     */
    public static Response badRequest(String detail, List<InvalidParam> params) {
        String named = params.stream().map(param -> param.name() + " " + param.reason()).collect(Collectors.joining("; "));
        return of(400, "Bad Request", detail + ": " + named, Map.of("invalid-params", params));
    }

    /** A problem with any status, e.g. 404 or 409. */
    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail, Map.of());
    }

    /**
     * A problem with a status that {@link Response.Status} does not name (e.g. 422) and extension
     * members, e.g. {@code instance}: the URI of the resource the problem happened to.
     */
    public static Response of(int status, String title, String detail, Map<String, Object> extensions) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, title, detail, extensions)).build();
    }

    /** The problem document itself, for answers written outside JAX-RS (Vert.x routes). */
    public static Map<String, Object> body(int status, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    /** {@code create.spec.trialsPerArchitecture} -> {@code trialsPerArchitecture}. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
