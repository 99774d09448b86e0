package io.github.camelai4call.quarkus.runtime;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.CamelContextCustomizer;
import org.apache.camel.spi.ComponentCustomizer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
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

    public RuntimeValue<CamelContextCustomizer> quarkusConfigCustomizer() {
        return new RuntimeValue<>(new ApplyQuarkusConfig());
    }

    static final class ApplyQuarkusConfig implements CamelContextCustomizer {
        @Override
        public void configure(CamelContext context) {
            for (String name : context.getComponentNames()) {
                Component existing = context.hasComponent(name);
                if (existing instanceof Ai4callComponent ai4call) {
                    apply(name, ai4call.getConfiguration());
                }
            }
            context.getRegistry().bind(CUSTOMIZER_BEAN, ComponentCustomizer.class,
                    ComponentCustomizer.forType(Ai4callComponent.class, c -> apply(componentName(context, c),
                            c.getConfiguration())));
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

    static void apply(String componentName, Ai4callConfiguration target) {
        Config config = ConfigProvider.getConfig();
        set(config, componentName, Ai4callConfigNames.BASE_URL, v -> {
            target.setBaseUrl(v);
            LOG.debugf("%s: base URL %s from the Quarkus configuration", componentName, v);
        });
        set(config, componentName, Ai4callConfigNames.EMAIL, target::setEmail);
        set(config, componentName, Ai4callConfigNames.PORTAL_API_KEY, target::setPortalApiKey);
    }

    private static void set(Config config, String componentName, String property, Consumer<String> setter) {
        if (Ai4callConfigNames.camelValue(config, componentName, property).isPresent()) {
            return; // Camel binds camel.component.<name>.<property> itself, and it wins
        }
        Ai4callConfigNames.quarkusValue(config, property).ifPresent(setter);
    }
}
