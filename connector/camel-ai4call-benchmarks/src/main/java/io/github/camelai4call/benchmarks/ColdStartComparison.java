package io.github.camelai4call.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelai4call.component.Ai4callOperation;

/**
 * Start-up of a CamelContext with 55 routes in a fresh JVM, with and without ai4call endpoints: {@code direct}
 * routes to {@code direct:} (Camel alone) or to {@code ai4call:<operation>} (one endpoint per operation). Run each
 * mode in its own JVM ({@link ColdStarts} does, several times); the difference is what the component adds to a
 * cold start. Prints {@code cold-start-ms=<milliseconds from main() to the context started>}.
 */
public final class ColdStartComparison {

    private ColdStartComparison() {
    }

    public static void main(String[] args) throws Exception {
        boolean ai4call = args.length > 0 && args[0].equals("ai4call");
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
