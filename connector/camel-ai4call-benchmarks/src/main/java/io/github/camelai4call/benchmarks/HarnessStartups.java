package io.github.camelai4call.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Start-up in the harness JVM, before anything else runs in it: milliseconds from {@code new DefaultCamelContext()}
 * to started, with one {@code direct:} to {@code ai4call:} route per operation, the first context of the JVM and
 * then {@code repeats} more.
 */
final class HarnessStartups {

    /** The first context of the JVM, and the next ones. */
    record Result(double firstMillis, Samples warm) {
    }

    private HarnessStartups() {
    }

    static Result measure(int repeats) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).build())) {
            for (int i = 0; i <= repeats; i++) {
                long t = System.nanoTime();
                DefaultCamelContext context = new DefaultCamelContext();
                CamelClients.configure(context, sim.baseUrl(), DemoData.DEMO_EMAIL, DemoData.DEMO_PORTAL_API_KEY);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        for (Ai4callOperation op : Ai4callOperation.values()) {
                            from("direct:" + op.name()).to("ai4call:" + op.name());
                        }
                    }
                });
                context.start();
                ms.add((System.nanoTime() - t) / 1e6);
                int routes = context.getRoutes().size();
                context.close();
                Log.line(String.format(Locale.ROOT, "start-up %d: %.1f ms (%d routes)", i, ms.get(i), routes));
            }
        }
        return new Result(ms.get(0), Samples.of(ms.subList(1, ms.size())));
    }
}
