package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One analytics feed of one customer: a deterministic synthetic history computed on the fly from (seed, index) -
 * nothing is stored per record, so a million records cost no memory - plus the records appended later (accepted
 * outbound calls, late-arriving records), kept in a sorted map. Records are ordered by (timestamp, id); the paging
 * cursor is the key of the last record returned, so paging never skips or repeats a record.
 */
final class Feed {

    /** The order of a feed's records. */
    record Key(long ts, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(ts, o.ts);
            return c != 0 ? c : id.compareTo(o.id);
        }

        String toCursor() {
            return Cursor.encode("k", ts, id);
        }

        static Key fromCursor(String cursor) {
            String[] f = Cursor.decode(cursor, "k", 2, "feed");
            try {
                return new Key(Long.parseLong(f[0]), f[1]);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("cursor is not a cursor of this feed", "cursor");
            }
        }

        static Key of(Map<String, Object> record) {
            return new Key(Instant.parse((String) record.get("timestamp")).toEpochMilli(), (String) record.get("id"));
        }
    }

    final FeedKind kind;
    private final SyntheticHistory base;
    private final ConcurrentSkipListMap<Key, Map<String, Object>> appended = new ConcurrentSkipListMap<>();

    Feed(FeedKind kind, SyntheticHistory base) {
        this.kind = kind;
        this.base = base;
    }

    /** The synthetic history plus the appended records. */
    long size() {
        return (base == null ? 0 : base.n) + appended.size();
    }

    /** Appends a record normalized by {@link FeedKind#normalize}. */
    void append(Map<String, Object> normalized) {
        appended.put(Key.of(normalized), normalized);
    }

    /** Writes one page {items, page} of the feed. */
    void writePage(FeedQuery q, JsonGenerator g) throws IOException {
        List<Object> refs = new ArrayList<>(Math.min(q.limit, 1000) + 1);
        Key lowKey;
        boolean lowInclusive;
        if (q.after == null || q.after.ts() < q.from) {
            lowKey = new Key(q.from, "");
            lowInclusive = true;
        } else {
            lowKey = q.after;
            lowInclusive = false;
        }
        long i = 0;
        long n = 0;
        if (base != null) {
            n = base.n;
            i = lowInclusive ? base.firstAtOrAfter(lowKey.ts()) : base.firstAfter(lowKey);
        }
        NavigableMap<Key, Map<String, Object>> tail = appended.tailMap(lowKey, lowInclusive);
        Iterator<Map.Entry<Key, Map<String, Object>>> it = tail.entrySet().iterator();
        Map.Entry<Key, Map<String, Object>> nextAppended = it.hasNext() ? it.next() : null;
        while (refs.size() <= q.limit) {
            long bts = i < n ? base.ts(i) : Long.MAX_VALUE;
            boolean takeBase;
            if (i < n && nextAppended != null) {
                Key ek = nextAppended.getKey();
                takeBase = bts < ek.ts() || (bts == ek.ts() && base.id(i).compareTo(ek.id()) < 0);
            } else if (i < n) {
                takeBase = true;
            } else if (nextAppended != null) {
                takeBase = false;
            } else {
                break;
            }
            if (takeBase) {
                if (bts >= q.to) {
                    // the appended ones are all later too
                    break;
                }
                if (base.matches(i, q)) {
                    refs.add(i);
                }
                i++;
            } else {
                if (nextAppended.getKey().ts() >= q.to) break;
                if (q.matches(nextAppended.getValue())) {
                    refs.add(nextAppended.getValue());
                }
                nextAppended = it.hasNext() ? it.next() : null;
            }
        }
        boolean hasMore = refs.size() > q.limit;
        if (hasMore) refs.remove(refs.size() - 1);
        g.writeStartObject();
        g.writeArrayFieldStart("items");
        Key last = null;
        for (Object ref : refs) {
            if (ref instanceof Long idx) {
                base.write(g, idx);
                last = new Key(base.ts(idx), base.id(idx));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) ref;
                g.writeObject(m);
                last = Key.of(m);
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("page");
        if (hasMore && last != null) {
            g.writeStringField("nextCursor", last.toCursor());
        } else {
            g.writeNullField("nextCursor");
        }
        g.writeBooleanField("hasMore", hasMore);
        g.writeEndObject();
        g.writeEndObject();
    }
}
