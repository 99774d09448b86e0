package io.github.camelai4call.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * Ingests a whole analytics feed with the consumer ({@code from("ai4call:analyticsCalls")}, one exchange per
 * record, typed models) and reports records per second and the peak heap of the JVM (simulator included): with the
 * consumer's in-memory defaults, with the crash-safe state file ({@code stateFile}), and with Camel's file-backed
 * repositories.
 * Writes the "Analytics ingestion" section of docs/performance.md.
 */
public final class FeedIngestBenchmark {

    private FeedIngestBenchmark() {
    }

    /** One ingest: the records delivered, the seconds until the last of them, the peak heap in bytes. */
    /** Where the consumer keeps its state. */
    private enum Store {
        IN_MEMORY("in memory (defaults)"),
        STATE_FILE("`stateFile` (crash-safe: atomic rename, fsync)"),
        CAMEL_FILE_REPOSITORIES("Camel file repositories (not crash-safe)");

        private final String label;

        Store(String label) {
            this.label = label;
        }
    }

    private record Result(String repositories, long records, double seconds, long peakHeap) {
        double rate() {
            return records / seconds;
        }

        String row() {
            return String.format("| %s | %,d | %.1f | %,.0f | %,d MB |%n", repositories, records, seconds, records / seconds,
                    peakHeap / (1024 * 1024));
        }
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("feed.records", 1_000_000);
        int fileRecords = Integer.getInteger("feed.fileRecords", 100_000);
        Path report = Path.of(System.getProperty("bench.report", "docs/performance.md"));
        Result inMemory = ingest(records, Store.IN_MEMORY);
        Result stateFile = ingest(records, Store.STATE_FILE);
        Result fileBacked = ingest(fileRecords, Store.CAMEL_FILE_REPOSITORIES);
        String section = "## Analytics ingestion (consumer)\n\n"
                + "`from(\"ai4call:analyticsCalls?startFrom=P91D&limit=1000&delay=10\")`, one exchange per record as the typed "
                + "`CallRecord`, against the simulator in the same JVM (heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB max): with the consumer's in-memory defaults; with `&stateFile=...`, the crash-safe store of "
                + "`docs/consumers.md` (the watermark and the ids of the overlap window written as one file, forced to disk "
                + "and renamed atomically, every 500 records and after each page); and with Camel's file-backed "
                + "repositories (`&stateRepository=#state&idempotentRepository=#ids`: a `FileStateRepository` and a "
                + "`FileIdempotentRepository` with a `ConcurrentHashMap`), which a kill can leave inconsistent.\n\n"
                + "| state | records | seconds | records/s | peak heap (JVM, simulator included) |\n|---|---:|---:|---:|---:|\n"
                + inMemory.row() + stateFile.row() + fileBacked.row()
                + String.format("%nThe state file ingests at %.0f%% of the in-memory rate in the same run.%n",
                        100 * stateFile.rate() / inMemory.rate())
                + "\nMeasured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs. Reproduce:\n\n"
                + "```\nmvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pfeed-benchmark verify\n```\n";
        System.out.print(section);
        ReportSections.write(report, "feed-ingest", section);
    }

    /** Ingests a feed of that many records with the state in that store. */
    private static Result ingest(int records, Store store) throws Exception {
        Path dir = Files.createTempDirectory("feed-ingest");
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(records).build());
             CamelContext camel = new DefaultCamelContext()) {
            Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
            config.setBaseUrl(sim.baseUrl());
            config.setEmail(DemoData.DEMO_EMAIL);
            config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
            String uri = "ai4call:analyticsCalls?startFrom=P91D&limit=1000&delay=10";
            if (store == Store.STATE_FILE) {
                uri += "&stateFile=" + dir.resolve("feed.state");
            } else if (store == Store.CAMEL_FILE_REPOSITORIES) {
                camel.getRegistry().bind("state", FileStateRepository.fileStateRepository(dir.resolve("feed.state").toFile()));
                camel.getRegistry().bind("ids", FileIdempotentRepository.fileIdempotentRepository(
                        dir.resolve("feed.ids").toFile(), new ConcurrentHashMap<>()));
                uri += "&stateRepository=#state&idempotentRepository=#ids";
            }
            AtomicLong delivered = new AtomicLong();
            String from = uri;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).process(e -> delivered.incrementAndGet());
                }
            });
            System.gc();
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
                } else if (now > 0 && System.nanoTime() - lastChange > Duration.ofSeconds(2).toNanos()) {
                    // idle for 2 s after the first record (on a loaded machine the first poll can take longer)
                    break;
                }
            }
            return new Result(store.label, last, (lastChange - started) / 1e9,
                    peakHeap());
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
