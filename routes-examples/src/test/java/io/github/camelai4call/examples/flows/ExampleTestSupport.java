package io.github.camelai4call.examples.flows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/** Runs example flows against the embedded simulator: one simulator per test class, reset before each test. */
abstract class ExampleTestSupport {

    // the CRM flow throttles to maxCallsPerHour over a shortened hour (crm.throttle-period), which the simulator's
    // real-hour call limits would refuse
    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0)
            .callDuration(Duration.ofMillis(200)).analyticsRecords(300).enforceCallLimits(false).build()).resetBeforeEach();

    @TempDir
    Path dir;

    private final List<CamelContext> contexts = new ArrayList<>();

    /** A started context with the demo customer's credentials, the given properties and flows. */
    CamelContext start(Dsl dsl, Properties props, ExampleFlow... flows) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(SIMULATOR.baseUrl());
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        camel.getPropertiesComponent().setInitialProperties(props);
        camel.getShutdownStrategy().setTimeout(5);
        for (ExampleFlow flow : flows) {
            flow.addTo(camel, dsl);
        }
        camel.start();
        contexts.add(camel);
        return camel;
    }

    @AfterEach
    void stopContexts() throws Exception {
        for (CamelContext camel : contexts) {
            camel.close();
        }
        contexts.clear();
    }

    static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** Replaces a file at once (as a checkout does), with a later modification time. */
    static void replace(Path file, String content) throws java.io.IOException {
        Path tmp = Files.writeString(file.resolveSibling("." + file.getFileName() + ".tmp"), content);
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
