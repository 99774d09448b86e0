package io.github.camelai4call.component.masking;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Found by Camel through {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin} when a context is
 * built, before any configuration is logged or any route is created: registers the AI4CALL keys with Camel's
 * masking ({@link LogMasking#beforeRoutes(CamelContext)}).
 */
public final class Ai4callContextServicePlugin implements ContextServicePlugin {

    @Override
    public void load(CamelContext camelContext) {
        LogMasking.beforeRoutes(camelContext);
    }
}
