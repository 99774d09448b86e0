package io.github.camelai4call.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Actuator side of the starter, when the application has Actuator: the ai4call keys are masked in
 * {@code /actuator/env} and {@code /actuator/configprops} (by name, by an assistant key's shape, and by the configured
 * portal key's value: {@link Ai4callSecretsSanitizingFunction}). (The component's producer health check reaches
 * {@code /actuator/health} through camel-spring-boot's Camel health indicator; see {@code docs/spring-boot.md}.)
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class Ai4callActuatorAutoConfiguration {

    @Bean
    public Ai4callSecretsSanitizingFunction ai4callSecretsSanitizingFunction(Environment environment) {
        return new Ai4callSecretsSanitizingFunction(environment);
    }
}
