package io.github.camelai4call.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the AI4CALL extension: the simulator dev service.
 */
@ConfigMapping(prefix = "quarkus.camel.ai4call")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface Ai4callBuildTimeConfig {

    /**
     * The AI4CALL simulator dev service.
     */
    DevServices devservices();

    interface DevServices {

        /**
         * Start the AI4CALL simulator in dev and test mode when no base URL and no credentials are configured
         * ({@code quarkus.camel.ai4call.*}, {@code ai4call.*} / {@code AI4CALL_*}, {@code camel.component.ai4call.*}).
         * It is never started in a packaged (prod) application.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Port of the simulator on 127.0.0.1; 0 picks a free port.
         */
        @WithDefault("0")
        int port();

        /**
         * Number of deterministic analytics records the simulator generates for the demo customer.
         */
        @WithDefault("200")
        int analyticsRecords();
    }
}
