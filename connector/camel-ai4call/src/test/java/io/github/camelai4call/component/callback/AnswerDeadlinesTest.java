package io.github.camelai4call.component.callback;

import java.util.concurrent.CompletableFuture;
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
        AnswerDeadlines deadlines = new AnswerDeadlines(0);
        AtomicInteger answeredAtDeadline = new AtomicInteger();
        AnswerDeadlines.Watch watch = deadlines.watch(answeredAtDeadline::incrementAndGet);
        assertTrue(watch.routeDone(), "the route was done before any sweep");
        deadlines.sweep();
        assertEquals(0, answeredAtDeadline.get(), "no second answer at the deadline");
    }

    @Test
    void aLateRouteIsAnsweredAtTheDeadlineOnceAndLearnsItWasLate() throws Exception {
        AnswerDeadlines deadlines = new AnswerDeadlines(0);
        AtomicInteger answeredAtDeadline = new AtomicInteger();
        AnswerDeadlines.Watch watch = deadlines.watch(answeredAtDeadline::incrementAndGet);
        deadlines.sweep();
        deadlines.sweep();
        assertEquals(1, answeredAtDeadline.get());
        assertFalse(watch.routeDone(), "the route's answer comes after the deadline's");
    }

    @Test
    void aCallBeforeItsDeadlineIsLeftAloneAndTheOnesBehindItWait() {
        AnswerDeadlines deadlines = new AnswerDeadlines(60_000);
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
        AnswerDeadlines deadlines = new AnswerDeadlines(0);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
