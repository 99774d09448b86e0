package io.github.camelai4call.component.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import org.apache.camel.CamelContext;

/**
 * The component's meters in the {@code MeterRegistry} Camel binds (camel-micrometer's {@code metricsRegistry}, or the
 * only one in the registry). Names and tags (see docs/observability.md; Prometheus writes dots as underscores and
 * adds {@code _total} and {@code _seconds}):
 * <ul>
 * <li>{@value #CALLS} counter: operation, outcome, status, failure</li>
 * <li>{@value #CALL_DURATION} timer: operation, outcome</li>
 * <li>{@value #RETRIES} counter: operation, status, failure</li>
 * <li>{@value #FEED_RECORDS} counter: feed, routeId</li>
 * <li>{@value #FEED_LAG} time gauge in seconds: feed, routeId (now minus the watermark)</li>
 * </ul>
 * Tag values are operation names, the delivery outcomes, HTTP statuses ({@value #NONE} when no answer arrived) and
 * failure class names: never a key, a phone number or a record's content.
 */
final class MicrometerMeters implements Ai4callObserver {

    static final String CALLS = "ai4call.calls";
    static final String CALL_DURATION = "ai4call.call.duration";
    static final String RETRIES = "ai4call.retries";
    static final String FEED_RECORDS = "ai4call.feed.records";
    static final String FEED_LAG = "ai4call.feed.lag";
    /** camel-micrometer's name for the registry (MicrometerConstants.METRICS_REGISTRY_NAME). */
    static final String REGISTRY_NAME = "metricsRegistry";
    /** The tag value when there is no status or failure. */
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final ConcurrentMap<CallKey, Counter> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<CallKey, Counter> retries = new ConcurrentHashMap<>();
    private final ConcurrentMap<CallKey, Timer> durations = new ConcurrentHashMap<>();
    /** Per feed and route, kept here: a gauge holds its state weakly, and a restarted consumer asks again. */
    private final ConcurrentMap<String, FeedObserver> feeds = new ConcurrentHashMap<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters in the context's registry, or null when it holds no MeterRegistry. */
    static Ai4callObserver lookup(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? null : new MicrometerMeters(registry);
    }

    @Override
    public void called(String operation, String outcome, int status, String failure, long nanos, String error) {
        calls.computeIfAbsent(new CallKey(operation, outcome, status, failure), k -> Counter.builder(CALLS)
                .description("AI4CALL operations called, by outcome (delivery), HTTP status and failure")
                .tags("operation", k.operation, "outcome", k.outcome, "status", status(k.status),
                        "failure", k.failure == null ? NONE : k.failure)
                .register(registry)).increment();
        durations.computeIfAbsent(new CallKey(operation, outcome, 0, null), k -> Timer.builder(CALL_DURATION)
                .description("How long AI4CALL calls took, retries included")
                .tags("operation", k.operation, "outcome", k.outcome)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retrying(String operation, int status, String failure) {
        retries.computeIfAbsent(new CallKey(operation, null, status, failure), k -> Counter.builder(RETRIES)
                .description("AI4CALL attempts tried again, by the status or failure of the attempt before")
                .tags("operation", k.operation, "status", status(k.status), "failure", k.failure == null ? NONE : k.failure)
                .register(registry)).increment();
    }

    @Override
    public FeedObserver feed(String feed, String routeId) {
        return feeds.computeIfAbsent(feed + " " + routeId, k -> feedMeters(feed, routeId));
    }

    private FeedObserver feedMeters(String feed, String routeId) {
        Counter records = Counter.builder(FEED_RECORDS)
                .description("AI4CALL feed records delivered (their exchanges completed)")
                .tags("feed", feed, "routeId", routeId)
                .register(registry);
        AtomicReference<Instant> watermark = new AtomicReference<>();
        TimeGauge.builder(FEED_LAG, watermark, TimeUnit.SECONDS, MicrometerMeters::secondsBehind)
                .description("How far the feed's watermark is behind now")
                .tags("feed", feed, "routeId", routeId)
                .register(registry);
        return new FeedObserver() {
            @Override
            public void delivered(int count) {
                records.increment(count);
            }

            @Override
            public void watermark(Instant at) {
                watermark.set(at);
            }
        };
    }

    private static double secondsBehind(AtomicReference<Instant> watermark) {
        Instant at = watermark.get();
        return at == null ? Double.NaN : Duration.between(at, Instant.now()).toMillis() / 1000.0;
    }

    private static String status(int status) {
        return status == 0 ? NONE : Integer.toString(status);
    }

    private record CallKey(String operation, String outcome, int status, String failure) {
    }
}
