package io.github.camelai4call.component.callback;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One answer per tool call: the route's when it is in time, the deadline's when it is not, never both. */
class AnswerDeadlinesTest {

    @Test
    void aRouteInTimeKeepsItsAnswerAndTheSweepForgetsIt() throws Exception {
        AnswerDeadlines deadlines = new AnswerDeadlines(0, null);
        AtomicInteger answeredAtDeadline = new AtomicInteger();
        AnswerDeadlines.Watch watch = deadlines.watch(answeredAtDeadline::incrementAndGet);
        assertTrue(watch.routeDone(), "the route was done before any sweep");
        deadlines.sweep();
        assertEquals(0, answeredAtDeadline.get(), "no second answer at the deadline");
    }

    @Test
    void aLateRouteIsAnsweredAtTheDeadlineOnceAndLearnsItWasLate() throws Exception {
        AnswerDeadlines deadlines = new AnswerDeadlines(0, null);
        AtomicInteger answeredAtDeadline = new AtomicInteger();
        AnswerDeadlines.Watch watch = deadlines.watch(answeredAtDeadline::incrementAndGet);
        deadlines.sweep();
        deadlines.sweep();
        assertEquals(1, answeredAtDeadline.get());
        assertFalse(watch.routeDone(), "the route's answer comes after the deadline's");
    }

    @Test
    void aCallBeforeItsDeadlineIsLeftAloneAndTheOnesBehindItWait() {
        AnswerDeadlines deadlines = new AnswerDeadlines(60_000, null);
        AtomicInteger answeredAtDeadline = new AtomicInteger();
        AnswerDeadlines.Watch first = deadlines.watch(answeredAtDeadline::incrementAndGet);
        AnswerDeadlines.Watch second = deadlines.watch(answeredAtDeadline::incrementAndGet);
        deadlines.sweep();
        assertEquals(0, answeredAtDeadline.get());
        assertTrue(second.routeDone());
        assertTrue(first.routeDone());
    }

    @Test
    void aRouteEndingWhileTheDeadlineAnswersWaitsForThatAnswer() throws Exception {
        AnswerDeadlines deadlines = new AnswerDeadlines(0, null);
        CompletableFuture<Void> writing = new CompletableFuture<>();
        CompletableFuture<Void> written = new CompletableFuture<>();
        AnswerDeadlines.Watch watch = deadlines.watch(() -> {
            writing.complete(null);
            sleep(200);
            written.complete(null);
        });
        CompletableFuture<Void> sweep = CompletableFuture.runAsync(deadlines::sweep);
        writing.get(5, TimeUnit.SECONDS);
        assertFalse(watch.routeDone());
        assertTrue(written.isDone(), "routeDone returned before the deadline's answer was written");
        sweep.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theTimerSweepsWhileCallsAreWatchedAndIsLeftIdleOtherwise() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1); // one thread, as the component's
        try {
            AnswerDeadlines deadlines = new AnswerDeadlines(100, timer);
            assertTrue(timer.getQueue().isEmpty(), "a consumer with no call schedules nothing");

            CountDownLatch answeredAtDeadline = new CountDownLatch(1);
            AnswerDeadlines.Watch late = deadlines.watch(answeredAtDeadline::countDown);
            assertEquals(1, timer.getQueue().size(), "a watched call has one sweep scheduled");
            assertTrue(answeredAtDeadline.await(5, TimeUnit.SECONDS), "answered at the deadline");
            assertFalse(late.routeDone());
            afterTheSweepsDue(timer);
            assertTrue(timer.getQueue().isEmpty(), "no sweep is scheduled once no call is watched");

            AtomicInteger answers = new AtomicInteger();
            AnswerDeadlines.Watch inTime = deadlines.watch(answers::incrementAndGet);
            assertTrue(inTime.routeDone());
            afterTheSweepsDue(timer);
            assertTrue(timer.getQueue().isEmpty(), "the sweep that forgot the call in time scheduled no other");
            assertEquals(0, answers.get(), "the call in time got no answer at its deadline");
        } finally {
            timer.shutdownNow();
        }
    }

    /** Returns once the sweeps due within two ticks have run: the timer runs its tasks in time order, on one thread. */
    private static void afterTheSweepsDue(ScheduledThreadPoolExecutor timer) throws Exception {
        timer.schedule(() -> { }, 2 * AnswerDeadlines.TICK_MILLIS, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
