package io.github.camelai4call.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.github.camelai4call.component.Ai4callComponent;

/**
 * Configures the {@code ai4call} component from {@code camel.component.ai4call.*}: a {@link ComponentCustomizer}
 * copies every set property of {@link Ai4callComponentConfiguration} onto the component when Camel creates it.
 * Switched off by {@code camel.component.ai4call.enabled=false} (or {@code camel.component.enabled=false}), the
 * customizer alone by {@code camel.component.ai4call.customizer.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, Ai4callComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, Ai4callComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.ai4call" })
public class Ai4callComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Ai4callComponentConfiguration configuration;

    public Ai4callComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                             Ai4callComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureAi4callComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.ai4call.customizer") && target instanceof Ai4callComponent;
            }
        };
    }
}
