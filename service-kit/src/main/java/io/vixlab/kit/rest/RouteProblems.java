package io.vixlab.kit.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The errors HTTP answers before JAX-RS sees a request, as problem+json too: a body over
 * {@code quarkus.http.limits.max-body-size} (413, refused from its Content-Length before it is
 * read) and paths or methods no route serves.
 */
@ApplicationScoped
public class RouteProblems {

    private final long maxBodyBytes;

    public RouteProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus' own check of the same limit, which answers with an empty body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversizedBody);
        router.errorHandler(404, context -> answer(context, 404, "Not Found", "there is no resource at this path"));
        router.errorHandler(405, context -> answer(context, 405, "Method Not Allowed",
                "method " + context.request().method() + " is not allowed here"));
    }

    private void refuseOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodyBytes) {
            // The unread body would follow on the connection: close it once the answer is out.
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(sent -> context.request().connection().close());
            answer(context, 413, "Content Too Large",
                    "the request body has " + length + " bytes; the limit is " + maxBodyBytes);
            return;
        }
        context.next();
    }

    private static void answer(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Json.encode(Problems.body(status, title, detail, Map.of())));
    }
}
