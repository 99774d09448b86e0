package io.github.camelai4call.component.callback;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer deadlines of one consumer's tool calls that are routed on the thread that received them. Each call is
 * watched until its route is done; {@link #sweep} (every {@link #TICK_MILLIS} ms on the component's timer, while any
 * call is watched) answers a call whose deadline has passed, at most one tick late. No thread is woken per call:
 * watching is one queue entry, and a consumer with no call in flight schedules nothing, so an idle context does not
 * wake. The calls of one consumer share its timeout, so the queue is in deadline order and a sweep looks at its head
 * only.
 */
public final class AnswerDeadlines {

    /** How often the deadlines are looked at; a late answer leaves at most this much after the deadline. */
    public static final long TICK_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(AnswerDeadlines.class);

    private final long timeoutNanos;
    private final Queue<Watch> watched = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer;
    /** Whether a sweep is scheduled: set by the call that finds none, cleared by the sweep that leaves the queue empty. */
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private volatile ScheduledFuture<?> nextSweep;
    private volatile boolean closed;

    /**
     * @param timer where the sweeps run while calls are watched; null for none (a caller that sweeps by itself)
     */
    public AnswerDeadlines(long timeoutMillis, ScheduledExecutorService timer) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.timer = timer;
    }

    /** One call, from its start to its route's end or its deadline, whichever comes first. */
    public static final class Watch {

        private final long deadline;
        private final Runnable atDeadline;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final CountDownLatch answeredAtDeadline = new CountDownLatch(1);

        private Watch(long deadline, Runnable atDeadline) {
            this.deadline = deadline;
            this.atDeadline = atDeadline;
        }

        /**
         * The route is done: true when it was in time. When it was not, returns once the deadline's answer has been
         * written, so that the caller never writes a second one over it.
         */
        public boolean routeDone() {
            if (settled.compareAndSet(false, true)) {
                return true;
            }
            try {
                answeredAtDeadline.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private void expire() {
            if (settled.compareAndSet(false, true)) {
                try {
                    atDeadline.run();
                } catch (RuntimeException e) {
                    LOG.warn("ai4call: the answer at a tool call's deadline failed: {}", e.toString());
                } finally {
                    answeredAtDeadline.countDown();
                }
            }
        }
    }

    /** Watches a call that starts now; {@code atDeadline} answers it if its route is not done in time. */
    public Watch watch(Runnable atDeadline) {
        Watch watch = new Watch(System.nanoTime() + timeoutNanos, atDeadline);
        watched.add(watch);
        scheduleSweepIfNone();
        return watch;
    }

    /** Schedules no more sweeps; the calls still watched are left to their routes. */
    public void close() {
        closed = true;
        ScheduledFuture<?> next = nextSweep;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void scheduleSweepIfNone() {
        if (timer != null && !closed && !sweepScheduled.get() && sweepScheduled.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    private void scheduleSweep() {
        try {
            nextSweep = timer.schedule(this::sweepAndReschedule, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            sweepScheduled.set(false); // the timer is shutting down with the component
        }
    }

    private void sweepAndReschedule() {
        sweep();
        if (!watched.isEmpty() && !closed) {
            scheduleSweep();
            return;
        }
        sweepScheduled.set(false);
        // a call watched after the check above found the flag still set: schedule for it now
        if (!watched.isEmpty()) {
            scheduleSweepIfNone();
        }
    }

    /** Answers the calls past their deadline and forgets the ones whose route is done. */
    public void sweep() {
        long now = System.nanoTime();
        for (Watch head = watched.peek(); head != null; head = watched.peek()) {
            if (!head.settled.get() && now - head.deadline < 0) {
                return;
            }
            watched.poll();
            head.expire();
        }
    }
}
