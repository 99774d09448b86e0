package io.github.camelai4call.component.observe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.CamelContext;

/**
 * What the {@link Ai4callDevConsole} shows, kept in memory while Camel's dev consoles are on: per operation the calls
 * by outcome, the retries and the last status; the last {@value #ERRORS_KEPT} errors (masked); and per feed consumer
 * the records delivered and the watermark. One per Camel context (a context plugin), shared by every ai4call component
 * in it.
 */
public final class Activity implements Ai4callObserver {

    /** How many errors are kept. */
    public static final int ERRORS_KEPT = 20;

    private final ConcurrentMap<String, OperationStats> operations = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FeedStats> feeds = new ConcurrentHashMap<>();
    private final ArrayDeque<Error> errors = new ArrayDeque<>(ERRORS_KEPT);

    /** The context's activity, created the first time it is asked for. */
    public static Activity of(CamelContext context) {
        synchronized (context) {
            Activity activity = context.getCamelContextExtension().getContextPlugin(Activity.class);
            if (activity == null) {
                activity = new Activity();
                context.getCamelContextExtension().addContextPlugin(Activity.class, activity);
            }
            return activity;
        }
    }

    @Override
    public void called(String operation, String outcome, int status, String failure, long nanos, String error) {
        OperationStats stats = operations.computeIfAbsent(operation, k -> new OperationStats());
        stats.outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        stats.nanos.add(nanos);
        stats.lastStatus = status;
        stats.lastCall = Instant.now();
        if (error != null) {
            Error e = new Error(stats.lastCall, operation, outcome, status, failure, Redaction.text(error));
            synchronized (errors) {
                if (errors.size() == ERRORS_KEPT) {
                    errors.removeFirst();
                }
                errors.addLast(e);
            }
        }
    }

    @Override
    public void retrying(String operation, int status, String failure) {
        operations.computeIfAbsent(operation, k -> new OperationStats()).retries.increment();
    }

    @Override
    public FeedObserver feed(String feed, String routeId) {
        return feeds.computeIfAbsent(feed + " " + routeId, k -> new FeedStats(feed, routeId));
    }

    /** Per operation called, in name order. */
    public List<OperationView> operations() {
        List<OperationView> views = new ArrayList<>();
        new TreeMap<>(operations).forEach((name, s) -> {
            Map<String, Long> outcomes = new TreeMap<>();
            s.outcomes.forEach((k, v) -> outcomes.put(k, v.sum()));
            long calls = outcomes.values().stream().mapToLong(Long::longValue).sum();
            views.add(new OperationView(name, calls, outcomes, s.retries.sum(), s.lastStatus, s.lastCall,
                    calls == 0 ? 0 : s.nanos.sum() / calls / 1_000_000.0));
        });
        return views;
    }

    /** The last errors, oldest first. */
    public List<Error> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Per feed consumer, by feed and route. */
    public List<FeedView> feeds() {
        List<FeedView> views = new ArrayList<>();
        new TreeMap<>(feeds).values().forEach(f -> views.add(new FeedView(f.feed, f.routeId, f.records.sum(), f.watermark)));
        return Collections.unmodifiableList(views);
    }

    /** One operation's calls: by outcome, retries, the last status (0: no answer) and the mean duration. */
    public record OperationView(String operation, long calls, Map<String, Long> outcomes, long retries, int lastStatus,
                                Instant lastCall, double meanMillis) {
    }

    /** An error, its text masked (keys and phone numbers) and cut short. */
    public record Error(Instant time, String operation, String outcome, int status, String failure, String message) {
    }

    /** A feed consumer's progress; the watermark is null until its first write. */
    public record FeedView(String feed, String routeId, long records, Instant watermark) {
    }

    private static final class OperationStats {
        private final ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>(4);
        private final LongAdder retries = new LongAdder();
        private final LongAdder nanos = new LongAdder();
        private volatile int lastStatus;
        private volatile Instant lastCall;
    }

    private static final class FeedStats implements FeedObserver {
        private final String feed;
        private final String routeId;
        private final LongAdder records = new LongAdder();
        private volatile Instant watermark;

        private FeedStats(String feed, String routeId) {
            this.feed = feed;
            this.routeId = routeId;
        }

        @Override
        public void delivered(int count) {
            records.add(count);
        }

        @Override
        public void watermark(Instant watermark) {
            this.watermark = watermark;
        }
    }
}
