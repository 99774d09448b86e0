package io.github.camelai4call.component;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.catalog.ParameterSpec;
import io.github.camelai4call.component.feed.DeliveredIds;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.support.Digests;

/**
 * Polls an analytics feed incrementally. Each poll reads every page from {@code watermark - overlap} to now, in the
 * feed's (timestamp, id) order, and hands each record not delivered before to the route (or each page, in batch
 * mode). A record counts as delivered only when its exchange completed: then its id goes into the idempotent
 * repository and the watermark may pass its time; once the saved watermark is more than {@code overlap} past it, no
 * poll can read it again and its id is removed ({@link DeliveredIds}). The first failure ends the poll without
 * passing the failed record, so the next poll delivers it again. Pages are parsed as they stream in; nothing
 * accumulates across pages.
 */
public class Ai4callFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callFeedConsumer.class);
    /**
     * Records delivered one by one between two saves of the watermark (and so between two clean-ups of the ids the
     * next poll cannot read again), besides the save after each page: the ids of up to this many records wait in the
     * repository, and a FileIdempotentRepository reads and rewrites its file once per id it adds and removes.
     */
    private static final int COMMIT_EVERY_RECORDS = 25;

    private final Ai4callEndpoint endpoint;
    private final Ai4callOperation feed;
    private final ObjectMapper mapper;
    private final Class<?> recordType;
    private final Duration overlap;
    private StateRepository<String, String> state;
    private IdempotentRepository repository;
    private DeliveredIds delivered;
    private String stateKey;
    private final ReentrantLock polling = new ReentrantLock();

    public Ai4callFeedConsumer(Ai4callEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = endpoint.getOperation();
        this.mapper = endpoint.getComponent().getObjectMapper();
        this.recordType = itemTypeOf(feed.responseType());
        this.overlap = parseDuration("overlap", endpoint.getOverlap());
        if (endpoint.getStartFrom() != null) {
            startInstant(); // fail at creation on a malformed value, not at the first poll
        }
    }

    @Override
    protected void doStart() throws Exception {
        state = endpoint.getStateRepository() != null ? endpoint.getStateRepository() : new MemoryStateRepository();
        // the default holds one overlap window of ids (DeliveredIds removes older ones) in a plain map: Camel's LRU
        // cache never fills under such removals, and then compacts its whole change log again for every new id
        repository = endpoint.getIdempotentRepository() != null ? endpoint.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>());
        delivered = new DeliveredIds(repository);
        // started here, not with the context: a node that becomes master later reads the state as it is then
        ServiceHelper.startService(state, repository);
        stateKey = stateKey();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        // a poll still running ends after its current record (run is no longer allowed) and saves the watermark;
        // wait for it before the scheduler is shut down, which would interrupt it in the middle of saving state
        if (polling.tryLock(30, TimeUnit.SECONDS)) {
            polling.unlock();
        }
        super.doStop();
        // stopped with the consumer so that file-backed state is flushed for the node that takes over
        ServiceHelper.stopService(state, repository);
    }

    @Override
    protected int poll() throws Exception {
        polling.lock();
        try {
            return pollFeed();
        } finally {
            polling.unlock();
        }
    }

    private int pollFeed() throws Exception {
        Instant watermark = watermark();
        Instant from = watermark == null ? null : watermark.minus(overlap);
        String cursor = null;
        int count = 0;
        PollProgress progress = new PollProgress(watermark);
        try {
            do {
                Map<String, Object> paging = new HashMap<>(2);
                if (from != null) {
                    paging.put("from", from.toString());
                }
                if (cursor != null) {
                    paging.put("cursor", cursor);
                }
                HttpCallResult page = endpoint.call(feed, paging, null, true);
                PageEnd end = readPage(page.body(), progress);
                count = progress.exchanges;
                if (progress.failed) {
                    break;
                }
                cursor = end.hasMore ? end.nextCursor : null;
                commit(progress.watermark);
            } while (cursor != null && mayDeliver());
        } finally {
            commit(progress.watermark);
        }
        return count;
    }

    /** State of one poll: the watermark reached so far, and whether a record failed. */
    private static final class PollProgress {
        private Instant watermark;
        private int exchanges;
        private int sinceCommit;
        private boolean failed;

        PollProgress(Instant watermark) {
            this.watermark = watermark;
        }

        void passed(Instant time) {
            if (watermark == null || time.isAfter(watermark)) {
                watermark = time;
            }
        }
    }

    private record PageEnd(String nextCursor, boolean hasMore) {
    }

    /** Streams through the page: each item is delivered (or batched) as soon as it is parsed. */
    private PageEnd readPage(byte[] body, PollProgress progress) throws Exception {
        String nextCursor = null;
        boolean hasMore = false;
        List<JsonNode> batch = endpoint.isBatch() ? new ArrayList<>() : null;
        try (JsonParser parser = mapper.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = parser.readValueAsTree();
                        Instant time = timeOf(record);
                        if (delivered.contains(idOf(record), time)) {
                            continue;
                        }
                        if (!mayDeliver()) {
                            progress.failed = true; // stopping or suspended: start no new exchange
                            return new PageEnd(null, false);
                        }
                        if (batch != null) {
                            batch.add(record);
                        } else if (!deliver(record, time, progress)) {
                            return new PageEnd(null, false);
                        } else if (++progress.sinceCommit == COMMIT_EVERY_RECORDS) {
                            // every record up to this one is delivered: the watermark may be saved mid-page
                            commit(progress.watermark);
                            progress.sinceCommit = 0;
                        }
                    }
                } else if ("page".equals(field) && value == JsonToken.START_OBJECT) {
                    JsonNode page = parser.readValueAsTree();
                    JsonNode next = page.path("nextCursor");
                    nextCursor = next.isTextual() ? next.asText() : null;
                    hasMore = page.path("hasMore").asBoolean(false);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw Ai4callException.invalidAnswer(feed.name(), 200, "the page", e);
        }
        if (batch != null && !batch.isEmpty()) {
            deliverBatch(batch, progress);
        }
        return new PageEnd(nextCursor, hasMore);
    }

    private boolean deliver(JsonNode record, Instant time, PollProgress progress) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            String id = idOf(record);
            Message message = exchange.getMessage();
            message.setHeader(Ai4callConstants.FEED, feed.name());
            message.setHeader(Ai4callConstants.RECORD_ID, id);
            message.setHeader(Ai4callConstants.RECORD_TIME, time.toString());
            message.setBody(convert(record));
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                progress.failed = true;
                getExceptionHandler().handleException("ai4call:" + feed + " record " + id
                                                      + " failed; it is delivered again on the next poll",
                        exchange, exchange.getException());
                return false;
            }
            delivered.add(id, time);
            progress.passed(time);
            progress.exchanges++;
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void deliverBatch(List<JsonNode> records, PollProgress progress) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            List<Object> bodies = new ArrayList<>(records.size());
            for (JsonNode r : records) {
                bodies.add(convert(r));
            }
            exchange.getMessage().setHeader(Ai4callConstants.FEED, feed.name());
            exchange.getMessage().setBody(bodies);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                progress.failed = true;
                getExceptionHandler().handleException("ai4call:" + feed + " page of " + records.size()
                                                      + " records failed; it is delivered again on the next poll",
                        exchange, exchange.getException());
                return;
            }
            for (JsonNode r : records) {
                Instant time = timeOf(r);
                delivered.add(idOf(r), time);
                progress.passed(time);
            }
            progress.exchanges++;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private Object convert(JsonNode record) throws IOException {
        return endpoint.getConfiguration().getOutputType().convert(record, recordType);
    }

    private Instant watermark() {
        String saved = state.getState(stateKey);
        if (saved != null) {
            return Instant.parse(saved);
        }
        return endpoint.getStartFrom() == null ? null : startInstant().plus(overlap);
    }

    /**
     * Whether a new exchange may start. Not while the consumer is being suspended or stopped: Camel's graceful
     * shutdown suspends consumers first and then waits for the exchanges in flight, and {@code isRunAllowed()} is
     * still true for a suspended service, so a poll checking only that went on through the rest of the feed (a
     * whole backfill) before the route could stop.
     */
    private boolean mayDeliver() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    /**
     * Saves the watermark, then forgets the delivered ids that the next poll, which starts {@code overlap} before
     * it, cannot read again.
     */
    private void commit(Instant watermark) {
        if (watermark == null) {
            return;
        }
        if (!watermark.toString().equals(state.getState(stateKey))) {
            state.setState(stateKey, watermark.toString());
            LOG.debug("ai4call:{} watermark {}", feed, watermark);
        }
        delivered.forgetBefore(watermark.minus(overlap));
    }

    private Instant startInstant() {
        String value = endpoint.getStartFrom().trim();
        try {
            if (value.startsWith("P") || value.startsWith("-P")) {
                Instant now = Instant.now();
                return value.contains("T") ? now.minus(Duration.parse(value))
                        : now.atOffset(ZoneOffset.UTC).minus(Period.parse(value)).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ai4call:" + feed + ": option 'startFrom' must be an ISO-8601 instant "
                                               + "(2026-01-01T00:00:00Z) or period (P7D, PT12H), not '" + value + "'");
        }
    }

    private Duration parseDuration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ai4call:" + feed + ": option '" + option
                                               + "' must be an ISO-8601 duration such as PT5M, not '" + value + "'");
        }
    }

    /**
     * The key of this endpoint's watermark: the feed, the account and the filters. Hashed, because the filters may
     * hold an assistant key and state files are plain text.
     */
    private String stateKey() {
        Map<String, Object> identity = new TreeMap<>();
        identity.put("email", endpoint.getConfiguration().getEmail());
        identity.put("baseUrl", endpoint.getConfiguration().getBaseUrl());
        for (ParameterSpec p : feed.parameters()) {
            if (!List.of("from", "to", "cursor", "limit").contains(p.name())) {
                identity.put(p.name(), endpoint.getApiParameters().valueOf(p.name()));
            }
        }
        return "ai4call:" + feed.name() + ":" + Digests.sha256Hex(identity.toString()).substring(0, 24);
    }

    private static String idOf(JsonNode record) {
        return record.path("id").asText();
    }

    private static Instant timeOf(JsonNode record) {
        return OffsetDateTime.parse(record.path("timestamp").asText()).toInstant();
    }

    private void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but got " + actual);
        }
    }

    /** The element type of the page model's {@code items} list (e.g. CallRecord for CallRecordPage). */
    static Class<?> itemTypeOf(Class<?> pageType) {
        try {
            ParameterizedType items = (ParameterizedType) pageType.getMethod("getItems").getGenericReturnType();
            return (Class<?>) items.getActualTypeArguments()[0];
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
