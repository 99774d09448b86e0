package io.github.camelai4call.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * Ingests a whole analytics feed with the consumer ({@code from("ai4call:analyticsCalls")}, one exchange per
 * record, typed models) and reports records per second and the peak heap of the JVM (simulator included).
 * Writes the "Analytics ingestion" section of docs/performance.md.
 */
public final class FeedIngestBenchmark {

    private FeedIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("feed.records", 1_000_000);
        Path report = Path.of(System.getProperty("bench.report", "docs/performance.md"));
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(records).build());
             CamelContext camel = new DefaultCamelContext()) {
            Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
            config.setBaseUrl(sim.baseUrl());
            config.setEmail(DemoData.DEMO_EMAIL);
            config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
            AtomicLong delivered = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("ai4call:analyticsCalls?startFrom=P91D&limit=1000&delay=10").process(e -> delivered.incrementAndGet());
                }
            });
            resetPeaks();
            long started = System.nanoTime();
            camel.start();
            long last = -1;
            long lastChange = System.nanoTime();
            while (true) {
                Thread.sleep(200);
                long now = delivered.get();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > Duration.ofSeconds(2).toNanos()) {
                    break;
                }
            }
            double seconds = (lastChange - started) / 1e9;
            long peak = peakHeap();
            String section = "## Analytics ingestion (consumer)\n\n"
                    + "`from(\"ai4call:analyticsCalls?startFrom=P91D&limit=1000&delay=10\")`, one exchange per record as the typed "
                    + "`CallRecord`, against the simulator in the same JVM (heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB max).\n\n"
                    + "| records | seconds | records/s | peak heap (JVM, simulator included) |\n|---:|---:|---:|---:|\n"
                    + String.format("| %,d | %.1f | %,.0f | %,d MB |%n", last, seconds, last / seconds, peak / (1024 * 1024))
                    + "\nMeasured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs. Reproduce:\n\n"
                    + "```\nmvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pfeed-benchmark verify\n```\n";
            System.out.print(section);
            ReportSections.write(report, "feed-ingest", section);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
