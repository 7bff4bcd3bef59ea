package io.vixlab.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who may change state through a service's REST API. */
@ConfigMapping(prefix = "vixlab.security")
public interface SecurityConfig {

    /**
     * Whether state-changing requests (POST, PUT, PATCH, DELETE) need the API key. On in the
     * {@code prod} profile; off locally, where services listen on loopback only.
     */
    @WithDefault("true")
    boolean apiKeyRequired();

    /** The shared secret, from a Kubernetes Secret or the environment ({@code VIXLAB_SECURITY_API_KEY}). */
    Optional<String> apiKey();

    /** The request header that carries the key. */
    @WithDefault("X-API-Key")
    String header();
}
