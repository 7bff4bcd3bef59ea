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
 * A request body over {@code quarkus.http.limits.max-body-size} is refused from its Content-Length
 * before it is read, with 413 problem+json. (Quarkus checks the same limit but answers with an
 * empty body; JAX-RS never sees the request.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBodyBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversizedBody);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        // HTTP decoding has already refused a Content-Length that is not a number.
        if (length != null && Long.parseLong(length) > maxBodyBytes) {
            // The unread body would follow on the connection: close it once the answer is out.
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(sent -> context.request().connection().close());
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .end(Json.encode(Problems.body(413, "Content Too Large",
                            "the request body has " + length + " bytes; the limit is " + maxBodyBytes, Map.of())));
            return;
        }
        context.next();
    }
}
