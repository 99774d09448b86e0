package io.github.camelai4call.component.support;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task every period on a shared timer while there is work for it, and not at all otherwise: a context at
 * rest wakes no thread. {@link #wake()} says there is work (a tick is scheduled if none is); after each tick the next
 * is scheduled only while {@code busy} holds. A tick that fails is logged and the ticking goes on: the timer would
 * otherwise keep its exception where no one looks.
 */
public final class OnDemandTicker {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemandTicker.class);

    private final ScheduledExecutorService timer;
    private final long periodMillis;
    private final Runnable tick;
    private final BooleanSupplier busy;
    /** Whether a tick is scheduled: set by the wake that finds none, cleared by the tick that finds no work left. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ScheduledFuture<?> next;
    private volatile boolean closed;

    public OnDemandTicker(ScheduledExecutorService timer, long periodMillis, Runnable tick, BooleanSupplier busy) {
        this.timer = timer;
        this.periodMillis = periodMillis;
        this.tick = tick;
        this.busy = busy;
    }

    /** There is work: the task runs within one period, and every period while there still is. */
    public void wake() {
        if (!closed && !scheduled.get() && scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    /** Schedules no more ticks. */
    public void close() {
        closed = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule() {
        try {
            next = timer.schedule(this::tickAndReschedule, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            scheduled.set(false); // the timer is shutting down with its owner
        }
    }

    private void tickAndReschedule() {
        try {
            tick.run();
        } catch (RuntimeException e) {
            LOG.warn("ai4call: a periodic check failed and runs again at the next tick: {}", e.toString());
        } finally {
            if (busy.getAsBoolean() && !closed) {
                schedule();
            } else {
                scheduled.set(false);
                // work that came after the check above found the flag still set: schedule for it now
                if (busy.getAsBoolean()) {
                    wake();
                }
            }
        }
    }
}
