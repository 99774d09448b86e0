package io.github.camelai4call.component;

import java.io.IOException;
import java.nio.file.Path;
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
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.catalog.ParameterSpec;
import io.github.camelai4call.component.feed.CamelRepositoriesFeedStateStore;
import io.github.camelai4call.component.feed.FeedState;
import io.github.camelai4call.component.feed.FeedStateStore;
import io.github.camelai4call.component.feed.FileFeedStateStore;
import io.github.camelai4call.component.feed.JdbcFeedStateStore;
import io.github.camelai4call.component.feed.MemoryFeedStateStore;
import io.github.camelai4call.component.feed.tx.StateTransaction;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.observe.Ai4callObserver.FeedObserver;
import io.github.camelai4call.component.support.Digests;

/**
 * Polls an analytics feed incrementally. Each poll reads every page from {@code watermark - overlap} to now, in the
 * feed's (timestamp, id) order, and hands each record not delivered before to the route (or each page, in batch
 * mode). A record counts as delivered only when its exchange completed: then its id is marked in the
 * {@link FeedState} and the watermark may pass its time; once the watermark is more than {@code overlap} past it, no
 * poll can read it again and its id is forgotten. The {@link FeedStateStore} writes watermark and ids as one unit,
 * every {@code stateWriteEvery} records, after each page and at the end of each poll; each poll starts from the state
 * the store holds then (another node may have written it). The first failure ends the poll without passing the
 * failed record, so the next poll delivers it again. Pages are parsed as they stream in; nothing accumulates across
 * pages.
 */
public class Ai4callFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callFeedConsumer.class);
    /** The earliest instant the contract's date-time (RFC 3339, four-digit years) can carry. */
    private static final Instant EARLIEST_START = Instant.parse("0000-01-01T00:00:00Z");
    private final Ai4callEndpoint endpoint;
    private final Ai4callOperation feed;
    private final ObjectMapper mapper;
    private final Class<?> recordType;
    private final Duration overlap;
    private FeedStateStore store;
    /** With transacted=true: the open transaction of the records routed since the last state write. */
    private StateTransaction transaction;
    private FeedState state;
    private String stateKey;
    private final ReentrantLock polling = new ReentrantLock();
    /** Told of records delivered and watermarks written; asked for at the first poll, not at start. */
    private FeedObserver observer;

    public Ai4callFeedConsumer(Ai4callEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = endpoint.getOperation();
        this.mapper = endpoint.getComponent().getObjectMapper();
        this.recordType = itemTypeOf(feed.responseType());
        this.overlap = parseDuration("overlap", endpoint.getOverlap());
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("ai4call:" + feed + ": option 'overlap' must not be negative (records arriving "
                                               + "late would be lost), not '" + endpoint.getOverlap() + "'");
        }
        if (endpoint.getStartFrom() != null) {
            checkStart(startInstant()); // fail at creation on a value no poll could use, not at every poll
        }
    }

    @Override
    protected void doStart() throws Exception {
        store = createStore();
        transaction = endpoint.isTransacted() ? new StateTransaction(endpoint.getStateDataSource()) : null;
        // started here, not with the context: a node that becomes master later reads the state as it is then
        store.start();
        stateKey = stateKey();
        state = null;
        observer = null;
        super.doStart();
    }

    /** One option says where the state lives: a file, a database, or the Camel repositories a user brings. */
    private FeedStateStore createStore() {
        boolean repositories = endpoint.getStateRepository() != null || endpoint.getIdempotentRepository() != null;
        int chosen = (endpoint.getStateFile() != null ? 1 : 0) + (endpoint.getStateDataSource() != null ? 1 : 0)
                     + (repositories ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("ai4call:" + feed + ": set one of stateFile, stateDataSource or "
                                               + "stateRepository/idempotentRepository, not several");
        }
        if (endpoint.isTransacted()) {
            if (endpoint.getStateDataSource() == null) {
                throw new IllegalArgumentException("ai4call:" + feed + ": option 'transacted' needs stateDataSource (the "
                                                   + "database whose transaction holds the route's writes and the feed state)");
            }
            if (!springJdbcPresent()) {
                throw new IllegalArgumentException("ai4call:" + feed + ": option 'transacted' needs spring-jdbc on the "
                                                   + "classpath (camel-sql brings it)");
            }
        }
        if (endpoint.getStateFile() != null) {
            return new FileFeedStateStore(Path.of(endpoint.getStateFile()));
        }
        if (endpoint.getStateDataSource() != null) {
            return new JdbcFeedStateStore(endpoint.getStateDataSource());
        }
        if (repositories) {
            // a missing one is kept in memory, in a plain map: Camel's LRU cache never fills under the removals of
            // forgotten ids, and then compacts its whole change log again for every new id
            return new CamelRepositoriesFeedStateStore(
                    endpoint.getStateRepository() != null ? endpoint.getStateRepository() : new MemoryStateRepository(),
                    endpoint.getIdempotentRepository() != null ? endpoint.getIdempotentRepository()
                            : MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>()));
        }
        return new MemoryFeedStateStore();
    }

    @Override
    protected void doStop() throws Exception {
        // a poll still running ends after its current record (run is no longer allowed) and saves the watermark;
        // wait for it before the scheduler is shut down, which would interrupt it in the middle of saving state
        if (polling.tryLock(30, TimeUnit.SECONDS)) {
            polling.unlock();
        }
        super.doStop();
        // stopped with the consumer so that file-backed repositories are flushed for the node that takes over
        store.stop();
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
        if (observer == null) {
            observer = endpoint.getComponent().observer().feed(feed.name(), String.valueOf(getRouteId()));
        }
        // the state as the store holds it now: unchanged unless another node wrote since (a takeover)
        state = store.load(stateKey, state);
        if (state.watermark() != null) {
            observer.watermark(state.watermark()); // as written before, by this node or another
        }
        Instant watermark = watermark();
        Instant from = watermark == null ? null : watermark.minus(overlap);
        String cursor = null;
        int count = 0;
        PollProgress progress = new PollProgress();
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
                write(progress);
            } while (cursor != null && mayDeliver());
        } finally {
            write(progress);
        }
        return count;
    }

    /** State of one poll: the exchanges so far, the records since the last write, and whether a record failed. */
    private static final class PollProgress {
        private int exchanges;
        private int sinceWrite;
        private boolean failed;
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
                        if (state.contains(idOf(record), time)) {
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
                        } else if (++progress.sinceWrite >= endpoint.getStateWriteEvery()) {
                            // every record up to this one is delivered: the state may be written mid-page
                            write(progress);
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
            route(exchange);
            if (exchange.getException() != null) {
                abandonTransaction();
                progress.failed = true;
                getExceptionHandler().handleException("ai4call:" + feed + " record " + id
                                                      + " failed; it is delivered again on the next poll",
                        exchange, exchange.getException());
                return false;
            }
            state.delivered(id, time);
            progress.exchanges++;
            observer.delivered(1);
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
            route(exchange);
            if (exchange.getException() != null) {
                abandonTransaction();
                progress.failed = true;
                getExceptionHandler().handleException("ai4call:" + feed + " page of " + records.size()
                                                      + " records failed; it is delivered again on the next poll",
                        exchange, exchange.getException());
                return;
            }
            for (JsonNode r : records) {
                Instant time = timeOf(r);
                state.delivered(idOf(r), time);
            }
            progress.exchanges++;
            observer.delivered(records.size());
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Routes the exchange, inside the open transaction when transacted (started by the first record after a write). */
    private void route(Exchange exchange) throws Exception {
        if (transaction == null) {
            getProcessor().process(exchange);
            return;
        }
        transaction.begin();
        try {
            getProcessor().process(exchange);
        } catch (Exception | Error e) {
            abandonTransaction();
            throw e;
        }
    }

    /**
     * A record failed inside the transaction: what the route wrote since the last state write is rolled back, and so
     * are the deliveries the state holds in memory since then (read again from the store by the next poll), which
     * delivers those records again.
     */
    private void abandonTransaction() {
        if (transaction != null && transaction.active()) {
            state = null;
            transaction.rollback();
        }
    }

    private static boolean springJdbcPresent() {
        try {
            Class.forName("org.springframework.jdbc.datasource.DataSourceTransactionManager", false,
                    Ai4callFeedConsumer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private Object convert(JsonNode record) throws IOException {
        return endpoint.getConfiguration().getOutputType().convert(record, recordType);
    }

    private Instant watermark() {
        if (state.watermark() != null) {
            return state.watermark();
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
     * Writes the state as one unit: the watermark, with the ids still needed by the next poll, which starts
     * {@code overlap} before it (older ones are forgotten in the same write). When another node wrote the state in
     * between, this node's deliveries since its last write are not recorded: the poll ends, and the next one reads the
     * state again.
     */
    private void write(PollProgress progress) throws Exception {
        progress.sinceWrite = 0;
        if (state == null || !state.changed()) {
            if (transaction != null) {
                transaction.commit(); // nothing of the state changed: what the route wrote, if anything, stands
            }
            return;
        }
        state.forgetBefore(state.watermark().minus(overlap));
        try {
            if (transaction != null) {
                writeInTransaction();
            } else {
                store.save(stateKey, state);
            }
        } catch (Exception e) {
            abandonTransaction();
            state = null; // read again from the store by the next poll
            throw e;
        }
        observer.watermark(state.watermark());
        LOG.debug("ai4call:{} watermark {} written with {} ids", feed, state.watermark(), state.ids().size());
    }

    /** The state write joins the transaction of the records routed since the last write, and commits it all. */
    private void writeInTransaction() throws Exception {
        transaction.begin();
        java.sql.Connection connection = transaction.connection();
        try {
            ((JdbcFeedStateStore) store).write(connection, stateKey, state);
        } finally {
            transaction.release(connection);
        }
        transaction.commit();
        state.written(state.version() + 1);
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

    /** The start must be in the past, and a date-time of the contract (RFC 3339: years 0000 to 9999). */
    private void checkStart(Instant start) {
        if (start.isAfter(Instant.now())) {
            throw new IllegalArgumentException("ai4call:" + feed + ": option 'startFrom' must be in the past (a period "
                                               + "back from now such as P7D), not '" + endpoint.getStartFrom() + "', which is " + start);
        }
        if (start.isBefore(EARLIEST_START)) {
            throw new IllegalArgumentException("ai4call:" + feed + ": option 'startFrom' goes back before the year 0000, "
                                               + "which no RFC 3339 date-time can say: '" + endpoint.getStartFrom() + "'");
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
