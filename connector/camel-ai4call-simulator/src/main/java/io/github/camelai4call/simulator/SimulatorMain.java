package io.github.camelai4call.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone:
 * {@code java -jar camel-ai4call-simulator-<version>-standalone.jar --port 8089 [--host 127.0.0.1]
 * [--analytics-records N] [--seed S] [--call-duration-ms MS]}. Stops on Ctrl-C.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig.Builder b = SimulatorConfig.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> { b.port(Integer.parseInt(require(a, v))); i++; }
                case "--host" -> { b.host(require(a, v)); i++; }
                case "--analytics-records" -> { b.analyticsRecords(Integer.parseInt(require(a, v))); i++; }
                case "--seed" -> { b.seed(Long.parseLong(require(a, v))); i++; }
                case "--call-duration-ms" -> { b.callDuration(Duration.ofMillis(Long.parseLong(require(a, v)))); i++; }
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        Ai4callSimulator sim = Ai4callSimulator.start(b.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "ai4call-sim-shutdown"));
        System.out.println("AI4CALL simulator listening on " + sim.baseUrl());
        System.out.println("  demo customer: email=" + DemoData.DEMO_EMAIL + " portalApiKey=" + DemoData.DEMO_PORTAL_API_KEY
                + " assistants=" + DemoData.DEMO_ASSISTANT_SALES + "," + DemoData.DEMO_ASSISTANT_SUPPORT);
        System.out.println("  acme customer: email=" + DemoData.ACME_EMAIL + " portalApiKey=" + DemoData.ACME_PORTAL_API_KEY
                + " assistants=" + DemoData.ACME_ASSISTANT_RECEPTION);
        System.out.println("  admin: " + sim.baseUrl() + "/__admin/requests | /__admin/faults | /__admin/reset");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }

    private static void usage() {
        System.out.println("Usage: java -jar camel-ai4call-simulator-standalone.jar [--port 8089] [--host 127.0.0.1]"
                + " [--analytics-records 5000] [--seed 42] [--call-duration-ms 1000]");
    }
}
