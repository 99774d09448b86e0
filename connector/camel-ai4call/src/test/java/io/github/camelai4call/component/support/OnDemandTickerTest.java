package io.github.camelai4call.component.support;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ticks while there is work, none otherwise, and a failing tick does not end the ticking. */
class OnDemandTickerTest {

    @Test
    void aFailingTickDoesNotStopTheTicksThatFollow() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            AtomicInteger ticks = new AtomicInteger();
            OnDemandTicker ticker = new OnDemandTicker(timer, 5, () -> {
                if (ticks.incrementAndGet() == 1) {
                    throw new IllegalStateException("first tick fails");
                }
            }, () -> ticks.get() < 3);
            assertTrue(timer.getQueue().isEmpty(), "no tick before any work");
            ticker.wake();
            Await.until(() -> ticks.get() >= 3, Duration.ofSeconds(5), () -> "three ticks");
            assertEquals(3, ticks.get(), "the ticks after the failed one ran until the work was done");
            timer.schedule(() -> { }, 20, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertTrue(timer.getQueue().isEmpty(), "no tick once there is no work");
            assertEquals(3, ticks.get());
        } finally {
            timer.shutdownNow();
        }
    }
}
