package io.github.camelai4call.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auto-configuration's switches and bean references, without a web server. */
class Ai4callComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
            .of(CamelAutoConfiguration.class, Ai4callComponentConverter.class, Ai4callComponentAutoConfiguration.class));

    @Test
    void objectOptionsAreBoundFromABeanReference() {
        runner.withBean("ai4callTls", SSLContextParameters.class, SSLContextParameters::new)
                .withPropertyValues("camel.component.ai4call.ssl-context-parameters=#bean:ai4callTls",
                        "camel.component.ai4call.use-global-ssl-context-parameters=true")
                .run(context -> {
                    Ai4callComponent component = context.getBean(CamelContext.class).getComponent("ai4call",
                            Ai4callComponent.class);
                    assertSame(context.getBean("ai4callTls"), component.getConfiguration().getSslContextParameters());
                    assertTrue(component.isUseGlobalSslContextParameters());
                });
    }

    @Test
    void disabledStarterLeavesTheComponentAsItIs() {
        runner.withPropertyValues("camel.component.ai4call.enabled=false", "camel.component.ai4call.email=you@example.com")
                .run(context -> {
                    assertFalse(context.containsBean("configureAi4callComponent"));
                    assertNull(configuration(context.getBean(CamelContext.class)).getEmail());
                });
    }

    @Test
    void disabledCustomizerLeavesTheComponentAsItIs() {
        runner.withPropertyValues("camel.component.ai4call.customizer.enabled=false",
                "camel.component.ai4call.email=you@example.com")
                .run(context -> assertNull(configuration(context.getBean(CamelContext.class)).getEmail()));
    }

    @Test
    void unsetPropertiesKeepTheComponentDefaults() {
        runner.withPropertyValues("camel.component.ai4call.email=you@example.com").run(context -> {
            Ai4callConfiguration config = configuration(context.getBean(CamelContext.class));
            assertEquals("you@example.com", config.getEmail());
            Ai4callConfiguration defaults = new Ai4callConfiguration();
            assertEquals(defaults.getBaseUrl(), config.getBaseUrl());
            assertEquals(defaults.getMaxRetries(), config.getMaxRetries());
            assertEquals(defaults.getOutputType(), config.getOutputType());
        });
    }

    private static Ai4callConfiguration configuration(CamelContext camel) {
        return camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
    }
}
