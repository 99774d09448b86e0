package io.github.camelai4call.benchmarks;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callOperation;

/**
 * Start-up of a CamelContext with one route per operation of the connector's catalog ({@link Ai4callOperation}) in
 * a fresh JVM, with and without ai4call endpoints (see {@link Routes}). Run each in its own JVM ({@link ColdStarts}
 * does, several times); the difference is what the component adds to a cold start. Prints
 * {@code cold-start-ms=<milliseconds from main() to the context started>}.
 * <p>
 * Nothing of the connector is touched before the clock starts: its catalog is read inside the timed part.
 */
public final class ColdStartComparison {

    /** The three options of each ai4call: URI, as a route that sets them per endpoint writes them. */
    private static final String BASE_URL = "http://127.0.0.1:1";
    private static final String EMAIL = "a@b.c";
    private static final String PORTAL_API_KEY = "x-xxxxxxxx";
    private static final String AI4CALL_OPTIONS = "?baseUrl=" + BASE_URL + "&email=" + EMAIL + "&portalApiKey=RAW("
                                                  + PORTAL_API_KEY + ")";

    /** The route sets, by their command-line argument. */
    enum Routes {
        /** Camel alone: {@code from("direct:r<i>").to("direct:next<i>")}. */
        DIRECT,
        /** {@code from("direct:r<i>").to("ai4call:<operation i>?baseUrl=...&email=...&portalApiKey=...")}. */
        AI4CALL,
        /**
         * Camel alone, each endpoint with three URI options of its own ({@code direct:next<i>?block=...}): what
         * Camel spends on parsing and binding endpoint options, which any component's options cost.
         */
        DIRECT_WITH_OPTIONS,
        /** The same three options set once on the component, as docs/getting-started.md does; {@code to("ai4call:<op>")}. */
        AI4CALL_COMPONENT_OPTIONS;

        String argument() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Routes of(String argument) {
            for (Routes r : values()) {
                if (r.argument().equals(argument)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no route set '" + argument + "'");
        }

        /** How the report names the route set, for {@code endpoints} operations. */
        String label(int endpoints) {
            return switch (this) {
                case DIRECT -> "Camel alone (" + endpoints + " `direct:` routes)";
                case AI4CALL -> endpoints + " `ai4call:` endpoints";
                case DIRECT_WITH_OPTIONS -> "Camel alone, 3 URI options per `direct:` endpoint";
                case AI4CALL_COMPONENT_OPTIONS -> endpoints + " `ai4call:` endpoints, options on the component";
            };
        }

        /** The endpoint route {@code i} sends to; {@code op} is the operation of that index. */
        String to(int i, Ai4callOperation op) {
            return switch (this) {
                case DIRECT -> "direct:next" + i;
                case AI4CALL -> "ai4call:" + op.name() + AI4CALL_OPTIONS;
                case DIRECT_WITH_OPTIONS -> "direct:next" + i + "?block=true&failIfNoConsumers=true&timeout=30000";
                case AI4CALL_COMPONENT_OPTIONS -> "ai4call:" + op.name();
            };
        }
    }

    private ColdStartComparison() {
    }

    public static void main(String[] args) throws Exception {
        Routes routes = args.length > 0 ? Routes.of(args[0]) : Routes.DIRECT;
        long started = System.nanoTime();
        try (CamelContext camel = new DefaultCamelContext()) {
            if (routes == Routes.AI4CALL_COMPONENT_OPTIONS) {
                Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
                config.setBaseUrl(BASE_URL);
                config.setEmail(EMAIL);
                config.setPortalApiKey(PORTAL_API_KEY);
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    Ai4callOperation[] ops = Ai4callOperation.values();
                    for (int i = 0; i < ops.length; i++) {
                        from("direct:r" + i).to(routes.to(i, ops[i]));
                    }
                }
            });
            camel.start();
            System.out.println("cold-start-ms=" + (System.nanoTime() - started) / 1_000_000.0);
        }
    }
}
