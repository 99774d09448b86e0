package io.github.camelai4call.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

import io.github.camelai4call.simulator.Ai4callSimulator;

/**
 * A Spring Boot application on {@code camel-ai4call-starter}: the ai4call component is configured from
 * {@code application.properties} ({@code camel.component.ai4call.*}), the routes are {@link LeadsToCallsRoutes}.
 * By default (profile {@code simulator}) it runs against an embedded AI4CALL simulator; with any other profile
 * against the service named by AI4CALL_BASE_URL, AI4CALL_EMAIL and AI4CALL_PORTAL_API_KEY.
 */
@SpringBootApplication
public class Ai4callSpringBootExample {

    public static void main(String[] args) {
        SpringApplication.run(Ai4callSpringBootExample.class, args);
    }

    /** The simulator {@link EmbeddedSimulator} started, as a bean: stopped with the application. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(EmbeddedSimulator.ENABLED)
    public Ai4callSimulator ai4callSimulator(ConfigurableEnvironment environment) {
        return EmbeddedSimulator.of(environment);
    }
}
