package io.github.camelai4call.benchmarks;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

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

    /** The two route sets, by their command-line argument. */
    enum Routes {
        /** Camel alone: {@code from("direct:r<i>").to("direct:next<i>")}. */
        DIRECT,
        /** {@code from("direct:r<i>").to("ai4call:<operation i>")}: one endpoint per operation. */
        AI4CALL;

        String argument() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How the report names the route set, for {@code endpoints} operations. */
        String label(int endpoints) {
            return this == AI4CALL ? endpoints + " `ai4call:` endpoints" : "Camel alone (" + endpoints + " `direct:` routes)";
        }
    }

    private ColdStartComparison() {
    }

    public static void main(String[] args) throws Exception {
        boolean ai4call = args.length > 0 && args[0].equals(Routes.AI4CALL.argument());
        long started = System.nanoTime();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    Ai4callOperation[] ops = Ai4callOperation.values();
                    for (int i = 0; i < ops.length; i++) {
                        from("direct:r" + i).to(ai4call
                                ? "ai4call:" + ops[i].name() + "?baseUrl=http://127.0.0.1:1&email=a@b.c&portalApiKey=RAW(x-xxxxxxxx)"
                                : "direct:next" + i);
                    }
                }
            });
            camel.start();
            System.out.println("cold-start-ms=" + (System.nanoTime() - started) / 1_000_000.0);
        }
    }
}
