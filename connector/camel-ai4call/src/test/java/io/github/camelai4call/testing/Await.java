package io.github.camelai4call.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits for what a test checks to become true, failing after a timeout (no fixed sleeps). */
public final class Await {

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        until(condition, timeout, () -> "the condition");
    }

    /** As {@link #until(BooleanSupplier, Duration)}, the failure naming what was waited for. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, () -> "not within " + timeout + ": " + what.get());
            Thread.sleep(20);
        }
    }
}
