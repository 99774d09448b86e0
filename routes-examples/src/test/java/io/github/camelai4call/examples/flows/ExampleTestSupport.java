package io.github.camelai4call.examples.flows;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.CallbackDelivery;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * Runs example flows against the embedded simulator: one simulator per test class, reset before each test. Each
 * context serves HTTP (platform-http on Vert.x, as camel-platform-http-main runs it) at {@link #HTTP_PORT}, which the
 * flows know as {@code ai4call.callback-url}: where the simulated platform posts tool calls and call events, signed
 * with the demo account's webhook secret.
 */
abstract class ExampleTestSupport {

    static final int HTTP_PORT = freePort();
    static final String CALLBACK_URL = "http://127.0.0.1:" + HTTP_PORT;

    // the CRM flow throttles to maxCallsPerHour over a shortened hour (crm.throttle-period), which the simulator's
    // real-hour call limits would refuse
    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0)
            .callDuration(Duration.ofMillis(200)).analyticsRecords(300).enforceCallLimits(false).build()).resetBeforeEach();

    @TempDir
    Path dir;

    private final List<CamelContext> contexts = new ArrayList<>();

    /**
     * A started context with the demo customer's credentials and webhook secret, the given properties and flows,
     * serving HTTP; returned once the flows' routes that configure the assistant at start (route ids ending in
     * {@code -binding}) have done so.
     */
    CamelContext start(Dsl dsl, Properties props, ExampleFlow... flows) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(SIMULATOR.baseUrl());
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        config.setWebhookSecret(DemoData.DEMO_WEBHOOK_SECRET);
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(HTTP_PORT);
        camel.addService(new VertxPlatformHttpServer(http));
        Properties all = new Properties();
        all.setProperty("ai4call.callback-url", CALLBACK_URL);
        all.putAll(props);
        camel.getPropertiesComponent().setInitialProperties(all);
        camel.getShutdownStrategy().setTimeout(5);
        for (ExampleFlow flow : flows) {
            flow.addTo(camel, dsl);
        }
        long bindings = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions().stream()
                .filter(r -> r.getRouteId() != null && r.getRouteId().endsWith("-binding")).count();
        CountDownLatch bound = new CountDownLatch((int) bindings);
        if (bindings > 0) {
            camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof ExchangeCompletedEvent done && !done.getExchange().isFailed()
                        && String.valueOf(done.getExchange().getFromRouteId()).endsWith("-binding")) {
                        bound.countDown();
                    }
                }
            });
        }
        contexts.add(camel);
        camel.start();
        if (!bound.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("The flows' binding routes did not configure the assistant");
        }
        return camel;
    }

    /** The deliveries of one event of one call the simulated platform sent, oldest first. */
    static List<CallbackDelivery> deliveries(String callId, String event) {
        return SIMULATOR.simulator().callbackDeliveries().stream()
                .filter(d -> callId.equals(d.callId()) && event.equals(d.event())).toList();
    }

    /** The first delivery of the event once it has ended (delivered, rejected or failed). */
    static CallbackDelivery awaitDelivery(String callId, String event) throws InterruptedException {
        await(event + " of " + callId + " delivered", Duration.ofSeconds(20), () -> {
            List<CallbackDelivery> d = deliveries(callId, event);
            return !d.isEmpty() && d.get(0).status() != CallbackDelivery.Status.PENDING;
        });
        return deliveries(callId, event).get(0);
    }

    /** POSTs JSON to this application's HTTP server, as a CRM would. */
    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(CALLBACK_URL + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
