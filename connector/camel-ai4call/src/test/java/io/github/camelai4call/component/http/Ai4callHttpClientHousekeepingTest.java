package io.github.camelai4call.component.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.request.PreparedRequest;
import io.github.camelai4call.component.request.ServiceAddress;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.simulator.SimulatorConfig;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's housekeeping (the request timeout's deadlines, idle connections) runs while a connection is open and
 * stops once the last one is closed, so a context at rest wakes no thread; the request timeout still holds after it
 * stopped.
 */
class Ai4callHttpClientHousekeepingTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0).build());

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1); // one thread, as the component's
    private final Ai4callHttpClient client = new Ai4callHttpClient(new HttpClientSettings(2_000, 300, 4, null), null, timer);

    @AfterEach
    void close() {
        client.close();
        timer.shutdownNow();
    }

    @Test
    void housekeepingRunsWhileAConnectionIsOpenAndTheTimeoutHoldsAfterItStopped() throws Exception {
        assertTrue(timer.getQueue().isEmpty(), "a client that has not called schedules nothing");

        assertEquals(200, client.execute(health()).status());
        assertFalse(timer.getQueue().isEmpty(), "the pooled connection is looked after");
        Await.until(() -> timer.getQueue().isEmpty(), Duration.ofSeconds(10),
                () -> "the idle connection closed (after 2 s) and the housekeeping stopped");

        SIMULATOR.simulator().faults().inject("health", Fault.delay(Duration.ofSeconds(5)).times(1));
        long start = System.nanoTime();
        IOException late = assertThrows(IOException.class, () -> client.execute(health()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(late instanceof SocketTimeoutException, late::toString);
        assertTrue(millis < 2_000, "the 300 ms request timeout ended the call after " + millis + " ms");
    }

    private static PreparedRequest health() {
        return new PreparedRequest("GET", ServiceAddress.of(SIMULATOR.baseUrl()).host(), "/health", Map.of(), null, new String[0]);
    }
}
