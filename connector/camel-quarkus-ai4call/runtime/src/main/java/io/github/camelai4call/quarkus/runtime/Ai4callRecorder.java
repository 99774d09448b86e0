package io.github.camelai4call.quarkus.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.CamelContextCustomizer;
import org.apache.camel.spi.ComponentCustomizer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.camelai4call.component.Ai4callComponent;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Applies the Quarkus configuration ({@link Ai4callRuntimeConfig}) to {@code ai4call} components: to those Camel
 * already created while binding {@code camel.component.*} properties, and, through a {@link ComponentCustomizer}, to
 * those created later. A setting that {@code camel.component.<name>.*} also gives is left alone: Camel's own property
 * wins whatever the order. Nothing is created eagerly.
 */
@Recorder
public class Ai4callRecorder {

    static final String CUSTOMIZER_BEAN = "ai4call-quarkus-config-customizer";
    private static final Logger LOG = Logger.getLogger(Ai4callRecorder.class);

    private final RuntimeValue<Ai4callRuntimeConfig> config;

    public Ai4callRecorder(RuntimeValue<Ai4callRuntimeConfig> config) {
        this.config = config;
    }

    public RuntimeValue<CamelContextCustomizer> quarkusConfigCustomizer() {
        return new RuntimeValue<>(new ApplyQuarkusConfig(config.getValue()));
    }

    static final class ApplyQuarkusConfig implements CamelContextCustomizer {
        private final Ai4callRuntimeConfig config;

        ApplyQuarkusConfig(Ai4callRuntimeConfig config) {
            this.config = config;
        }

        @Override
        public void configure(CamelContext context) {
            for (String name : context.getComponentNames()) {
                Component existing = context.hasComponent(name);
                if (existing instanceof Ai4callComponent ai4call) {
                    apply(name, ai4call);
                }
            }
            context.getRegistry().bind(CUSTOMIZER_BEAN, ComponentCustomizer.class,
                    ComponentCustomizer.forType(Ai4callComponent.class, c -> apply(componentName(context, c), c)));
        }

        private void apply(String componentName, Ai4callComponent component) {
            Ai4callConnectionSettings.apply(config, ConfigProvider.getConfig(), componentName,
                    component.getConfiguration());
            LOG.debugf("%s: base URL %s after the Quarkus configuration", componentName,
                    component.getConfiguration().getBaseUrl());
        }
    }

    private static String componentName(CamelContext context, Component component) {
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) == component) {
                return name;
            }
        }
        return "ai4call";
    }
}
