package io.vixlab.kit.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 401 to a state-changing request without the right API key when keys are required.
 * Reading stays open: reports and progress are meant to be looked at. A service configured to
 * require a key but given none refuses every change rather than running open.
 */
public class ApiKeyFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SecurityConfig config;

    public ApiKeyFilter(SecurityConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (!config.apiKeyRequired() || !STATE_CHANGING.contains(request.getMethod())) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(config.header());
        if (config.apiKey().isEmpty()) {
            return Optional.of(unauthorized("this service requires an API key but none is configured"));
        }
        if (presented == null || !constantTimeEquals(presented, config.apiKey().get())) {
            return Optional.of(unauthorized("missing or wrong API key in header " + config.header()));
        }
        return Optional.empty();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401, "detail", detail))
                .build();
    }
}
