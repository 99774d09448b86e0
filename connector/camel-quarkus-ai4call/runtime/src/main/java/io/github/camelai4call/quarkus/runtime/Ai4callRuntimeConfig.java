package io.github.camelai4call.quarkus.runtime;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time configuration of the {@code ai4call:} component through Quarkus. Each value falls back to
 * {@code ai4call.<name>} (so the environment variables {@code AI4CALL_BASE_URL}, {@code AI4CALL_EMAIL} and
 * {@code AI4CALL_PORTAL_API_KEY} work as they are), and Camel's own {@code camel.component.ai4call.<name>}, when set,
 * wins over both (see {@link Ai4callConnectionSettings}). The fallback is each property's default, an expression
 * that expands to nothing when {@code ai4call.<name>} is unset, which SmallRye Config reads as no value.
 */
@ConfigMapping(prefix = "quarkus.camel.ai4call")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface Ai4callRuntimeConfig {

    /**
     * Base URL of the AI4CALL API, for example {@code https://client-api.ai4call.com} (the component's default).
     * Plain {@code http} is accepted on loopback addresses only.
     */
    @WithDefault("${ai4call.base-url:}")
    Optional<String> baseUrl();

    /**
     * The customer's e-mail, sent as {@code x-client-email}.
     */
    @WithDefault("${ai4call.email:}")
    Optional<String> email();

    /**
     * The customer's portal API key, sent as {@code x-portal-api-key}. A secret: take it from the environment
     * ({@code AI4CALL_PORTAL_API_KEY} or {@code QUARKUS_CAMEL_AI4CALL_PORTAL_API_KEY}) or a secret config source.
     */
    @WithDefault("${ai4call.portal-api-key:}")
    Optional<String> portalApiKey();
}
