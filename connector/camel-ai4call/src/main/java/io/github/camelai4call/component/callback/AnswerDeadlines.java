package io.github.camelai4call.component.callback;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.support.OnDemandTicker;

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
    /** The sweeps, while any call is watched; null when the caller sweeps by itself. */
    private final OnDemandTicker sweeps;

    /**
     * @param timer where the sweeps run while calls are watched; null for none (a caller that sweeps by itself)
     */
    public AnswerDeadlines(long timeoutMillis, ScheduledExecutorService timer) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.sweeps = timer == null ? null : new OnDemandTicker(timer, TICK_MILLIS, this::sweep, () -> !watched.isEmpty());
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
        if (sweeps != null) {
            sweeps.wake();
        }
        return watch;
    }

    /** Schedules no more sweeps; the calls still watched are left to their routes. */
    public void close() {
        if (sweeps != null) {
            sweeps.close();
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
