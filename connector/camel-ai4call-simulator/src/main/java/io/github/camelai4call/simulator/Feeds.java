package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Analytics feeds: a deterministic synthetic history computed on the fly from (seed, index) - nothing is stored per
 * record, so a million records cost no memory - plus the records appended later (accepted outbound calls,
 * late-arriving records), kept in a sorted map. Records are ordered by (timestamp, id); the paging cursor is the
 * key of the last record returned, so paging never skips or repeats a record.
 */
final class Feeds {

    static final String CALLS = "calls";
    static final String RECHARGES = "recharges";
    static final String RAG = "rag";
    static final String SMS = "sms";
    static final String TOOLS = "toolResponses";
    static final String PRECALL = "preCall";

    private Feeds() {
    }

    /** The feed of an analytics operationId, or null. */
    static String feedOf(String operationId) {
        switch (operationId) {
            case "analyticsCalls":
            case "analyticsCallsOutbound":
                return CALLS;
            case "analyticsRecharges":
                return RECHARGES;
            case "analyticsRag":
                return RAG;
            case "analyticsSms":
                return SMS;
            case "analyticsToolResponses":
                return TOOLS;
            case "analyticsPreCall":
                return PRECALL;
            default:
                return null;
        }
    }

    record Key(long ts, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(ts, o.ts);
            return c != 0 ? c : id.compareTo(o.id);
        }

        String toCursor() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("k|" + ts + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Key fromCursor(String cursor) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = s.split("\\|", 3);
                if (parts.length != 3 || !parts[0].equals("k")) throw new IllegalArgumentException();
                return new Key(Long.parseLong(parts[1]), parts[2]);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("cursor is not a cursor of this feed", "cursor");
            }
        }
    }

    /** Who the synthetic records are about. */
    record Context(long seed, String customerTag, String[] assistantKeys, String[] assistantNames, String[] assistantNumbers,
                   String[] collections, String[] documentIds, String[] toolIds) {
    }

    /** One feed of one customer. */
    static final class Feed {
        final String name;
        final Synthetic base;
        final ConcurrentSkipListMap<Key, Map<String, Object>> extra = new ConcurrentSkipListMap<>();

        Feed(String name, Synthetic base) {
            this.name = name;
            this.base = base;
        }

        long baseCount() {
            return base == null ? 0 : base.n;
        }

        void append(Map<String, Object> normalized) {
            extra.put(new Key(Instant.parse((String) normalized.get("timestamp")).toEpochMilli(), (String) normalized.get("id")), normalized);
        }
    }

    static final class Query {
        long from;
        long to;
        Key after;
        int limit;
        final Map<String, String> equals = new LinkedHashMap<>();
        String metadataKey;
        String metadataValue;
    }

    /** Builds the six feeds of a customer. */
    static Map<String, Feed> build(Context ctx, long calls, long now) {
        long end = now - 60_000L;
        long start = now - 89L * 24 * 3600 * 1000;
        Map<String, Feed> out = new LinkedHashMap<>();
        out.put(CALLS, new Feed(CALLS, calls == 0 ? null : new CallsFeed(ctx, calls, start, end)));
        out.put(RECHARGES, new Feed(RECHARGES, scaled(calls, 200) == 0 ? null : new RechargesFeed(ctx, scaled(calls, 200), start, end)));
        out.put(RAG, new Feed(RAG, scaled(calls, 5) == 0 ? null : new RagFeed(ctx, scaled(calls, 5), start, end)));
        out.put(SMS, new Feed(SMS, scaled(calls, 10) == 0 ? null : new SmsFeed(ctx, scaled(calls, 10), start, end)));
        out.put(TOOLS, new Feed(TOOLS, scaled(calls, 4) == 0 ? null : new ToolsFeed(ctx, scaled(calls, 4), start, end)));
        out.put(PRECALL, new Feed(PRECALL, scaled(calls, 5) == 0 ? null : new PreCallFeed(ctx, scaled(calls, 5), start, end)));
        return out;
    }

    private static long scaled(long calls, int divisor) {
        return calls == 0 ? 0 : Math.max(1, calls / divisor);
    }

    /** Writes one page {items, page} of a feed. */
    static void writePage(Feed feed, Query q, JsonGenerator g) throws IOException {
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
        Synthetic base = feed.base;
        long i = 0;
        long n = 0;
        if (base != null) {
            n = base.n;
            i = lowInclusive ? base.firstAtOrAfter(lowKey.ts()) : base.firstAfter(lowKey);
        }
        NavigableMap<Key, Map<String, Object>> tail = feed.extra.tailMap(lowKey, lowInclusive);
        Iterator<Map.Entry<Key, Map<String, Object>>> it = tail.entrySet().iterator();
        Map.Entry<Key, Map<String, Object>> nextExtra = it.hasNext() ? it.next() : null;
        while (refs.size() <= q.limit) {
            long bts = i < n ? base.ts(i) : Long.MAX_VALUE;
            boolean takeBase;
            if (i < n && nextExtra != null) {
                Key ek = nextExtra.getKey();
                takeBase = bts < ek.ts() || (bts == ek.ts() && base.id(i).compareTo(ek.id()) < 0);
            } else if (i < n) {
                takeBase = true;
            } else if (nextExtra != null) {
                takeBase = false;
            } else {
                break;
            }
            if (takeBase) {
                if (bts >= q.to) {
                    // the extra ones are all later too
                    break;
                }
                if (base.matches(i, q)) {
                    refs.add(i);
                }
                i++;
            } else {
                Key ek = nextExtra.getKey();
                if (ek.ts() >= q.to) break;
                if (matches(nextExtra.getValue(), q)) {
                    refs.add(nextExtra.getValue());
                }
                nextExtra = it.hasNext() ? it.next() : null;
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
                last = new Key(Instant.parse((String) m.get("timestamp")).toEpochMilli(), (String) m.get("id"));
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

    static boolean matches(Map<String, Object> rec, Query q) {
        for (Map.Entry<String, String> e : q.equals.entrySet()) {
            Object v = rec.get(e.getKey());
            if (v == null || !e.getValue().equals(String.valueOf(v))) return false;
        }
        if (q.metadataKey != null) {
            Object md = rec.get("metadata");
            if (!(md instanceof Map<?, ?> m) || !m.containsKey(q.metadataKey)) return false;
            if (q.metadataValue != null && !q.metadataValue.equals(String.valueOf(m.get(q.metadataKey)))) return false;
        } else if (q.metadataValue != null) {
            Object md = rec.get("metadata");
            if (!(md instanceof Map<?, ?> m) || !m.containsValue(q.metadataValue)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ normalizing

    /** A copy of an appended record with id and timestamp first, the timestamp as ISO-8601 and required defaults. */
    static Map<String, Object> normalize(String operationId, Map<String, ?> record, String defaultId) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object id = record.get("id");
        out.put("id", id == null ? defaultId : String.valueOf(id));
        out.put("timestamp", timestamp(record.get("timestamp")));
        record.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("timestamp")) out.put(k, v instanceof Instant ? v.toString() : v);
        });
        switch (operationId) {
            case "analyticsCallsOutbound" -> {
                out.put("direction", "outbound");
                out.putIfAbsent("outcome", "completed");
            }
            case "analyticsCalls" -> {
                out.putIfAbsent("direction", "inbound");
                out.putIfAbsent("outcome", "completed");
            }
            case "analyticsRecharges" -> {
                out.putIfAbsent("amount", 10.0);
                out.putIfAbsent("currency", "EUR");
            }
            case "analyticsSms" -> out.putIfAbsent("status", "delivered");
            case "analyticsToolResponses" -> {
                out.putIfAbsent("toolId", DemoData.TOOL_BOOK_APPOINTMENT);
                out.putIfAbsent("success", Boolean.TRUE);
            }
            case "analyticsPreCall" -> {
                out.putIfAbsent("check", "number-validation");
                out.putIfAbsent("result", "passed");
            }
            default -> {
                // analyticsRag: id and timestamp only
            }
        }
        return out;
    }

    private static String timestamp(Object ts) {
        if (ts == null) return Instant.now().toString();
        if (ts instanceof Instant i) return i.toString();
        if (ts instanceof OffsetDateTime o) return o.toInstant().toString();
        if (ts instanceof java.util.Date d) return d.toInstant().toString();
        if (ts instanceof Number n) return Instant.ofEpochMilli(n.longValue()).toString();
        try {
            return Instant.parse(ts.toString()).toString();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(ts.toString()).toInstant().toString();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("timestamp is not ISO-8601: " + ts);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ synthetic

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String hex16(long v) {
        char[] c = new char[16];
        for (int k = 15; k >= 0; k--) {
            c[k] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** A history of n records spread over [start, end): record i lies in [start + i*step, start + (i+1)*step). */
    abstract static class Synthetic {
        final Context ctx;
        final long n;
        final long start;
        final long step;
        final String prefix;
        final long idBase;
        final long fieldBase;

        Synthetic(Context ctx, String prefix, long n, long start, long end) {
            this.ctx = ctx;
            this.prefix = prefix;
            this.n = n;
            this.start = start;
            this.step = Math.max(1, (end - start) / n);
            long tag = mix(ctx.seed() ^ ctx.customerTag().hashCode() * 0x9E3779B97F4A7C15L ^ prefix.hashCode());
            this.idBase = tag;
            this.fieldBase = mix(tag + 0x632BE59BD9B4E019L);
        }

        final long ts(long i) {
            return start + i * step + Math.floorMod(r(i, 0), step);
        }

        final String id(long i) {
            return prefix + hex16(mix(idBase + i));
        }

        /** A non-negative pseudo-random number for field k of record i. */
        final long r(long i, int k) {
            return mix(fieldBase + i * 0x9E3779B97F4A7C15L + k * 0xD1B54A32D192ED03L) >>> 1;
        }

        final int pick(long i, int k, int size) {
            return (int) (r(i, k) % size);
        }

        final String mobile(long i, int k) {
            return "+393" + (100_000_000L + r(i, k) % 900_000_000L);
        }

        long firstAtOrAfter(long t) {
            if (t <= start) return 0;
            long i = Math.min(n, (t - start) / step);
            while (i > 0 && ts(i - 1) >= t) i--;
            while (i < n && ts(i) < t) i++;
            return i;
        }

        long firstAfter(Key k) {
            long i = firstAtOrAfter(k.ts());
            while (i < n && ts(i) == k.ts() && id(i).compareTo(k.id()) <= 0) i++;
            return i;
        }

        boolean matches(long i, Query q) {
            for (Map.Entry<String, String> e : q.equals.entrySet()) {
                if (!e.getValue().equals(field(i, e.getKey()))) return false;
            }
            if (q.metadataKey != null || q.metadataValue != null) {
                Map<String, String> md = metadata(i);
                if (md == null) return false;
                if (q.metadataKey != null) {
                    if (!md.containsKey(q.metadataKey)) return false;
                    if (q.metadataValue != null && !q.metadataValue.equals(md.get(q.metadataKey))) return false;
                } else if (!md.containsValue(q.metadataValue)) {
                    return false;
                }
            }
            return true;
        }

        /** The value of a filterable field, or null. */
        abstract String field(long i, String name);

        Map<String, String> metadata(long i) {
            return null;
        }

        abstract void write(JsonGenerator g, long i) throws IOException;

        final void writeHead(JsonGenerator g, long i) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", id(i));
            g.writeStringField("timestamp", Instant.ofEpochMilli(ts(i)).toString());
        }

        final void writeMetadata(JsonGenerator g, Map<String, String> md) throws IOException {
            g.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> e : md.entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
        }

        final String callId(long i, int k) {
            return "call_" + hex16(mix(r(i, k)));
        }
    }

    static final class CallsFeed extends Synthetic {
        private static final String[] CAMPAIGNS = {"spring-promo", "renewals", "winback"};

        CallsFeed(Context ctx, long n, long start, long end) {
            super(ctx, "call_", n, start, end);
        }

        int assistant(long i) {
            return pick(i, 1, ctx.assistantKeys().length);
        }

        String direction(long i) {
            return r(i, 2) % 100 < 55 ? "outbound" : "inbound";
        }

        String outcome(long i) {
            long p = r(i, 4) % 100;
            if (p < 62) return "completed";
            if (p < 76) return "no_answer";
            if (p < 82) return "busy";
            if (p < 90) return "voicemail";
            if (p < 96) return "transferred";
            return "failed";
        }

        int duration(long i, String outcome) {
            long x = r(i, 5);
            switch (outcome) {
                case "completed": return (int) (20 + x % 400);
                case "transferred": return (int) (60 + x % 300);
                case "voicemail": return (int) (15 + x % 30);
                default: return 0;
            }
        }

        @Override
        String field(long i, String name) {
            switch (name) {
                case "id": return id(i);
                case "assistantApiKey": return ctx.assistantKeys()[assistant(i)];
                case "direction": return direction(i);
                case "outcome": return outcome(i);
                default: return null;
            }
        }

        @Override
        Map<String, String> metadata(long i) {
            Map<String, String> md = new LinkedHashMap<>();
            if ("outbound".equals(direction(i))) {
                md.put("lead_id", String.valueOf(1000 + r(i, 6) % 9000));
                md.put("campaign", CAMPAIGNS[pick(i, 7, CAMPAIGNS.length)]);
            } else if (r(i, 6) % 10 < 3) {
                md.put("ticket", "TCK-" + (10000 + r(i, 7) % 90000));
            }
            return md;
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            int a = assistant(i);
            String dir = direction(i);
            String outcome = outcome(i);
            int duration = duration(i, outcome);
            String company = ctx.assistantNumbers()[a];
            String other = mobile(i, 3);
            writeHead(g, i);
            g.writeStringField("assistantApiKey", ctx.assistantKeys()[a]);
            g.writeStringField("assistantName", ctx.assistantNames()[a]);
            g.writeStringField("direction", dir);
            g.writeStringField("from", "outbound".equals(dir) ? company : other);
            g.writeStringField("to", "outbound".equals(dir) ? other : company);
            g.writeNumberField("durationSeconds", duration);
            g.writeStringField("outcome", outcome);
            g.writeNumberField("cost", round(duration * 0.0035, 2));
            g.writeStringField("currency", "EUR");
            writeMetadata(g, metadata(i));
            g.writeEndObject();
        }
    }

    static final class RechargesFeed extends Synthetic {
        private static final int[] AMOUNTS = {20, 50, 100, 200};
        private static final String[] METHODS = {"card", "card", "bank_transfer", "voucher"};

        RechargesFeed(Context ctx, long n, long start, long end) {
            super(ctx, "rch_", n, start, end);
        }

        @Override
        String field(long i, String name) {
            return "id".equals(name) ? id(i) : null;
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            int amount = AMOUNTS[pick(i, 1, AMOUNTS.length)];
            writeHead(g, i);
            g.writeNumberField("amount", (double) amount);
            g.writeStringField("currency", "EUR");
            g.writeStringField("method", METHODS[pick(i, 2, METHODS.length)]);
            g.writeNumberField("balanceAfter", round(amount + (r(i, 3) % 5000) / 100.0, 2));
            g.writeEndObject();
        }
    }

    static final class RagFeed extends Synthetic {
        RagFeed(Context ctx, long n, long start, long end) {
            super(ctx, "rag_", n, start, end);
        }

        @Override
        String field(long i, String name) {
            switch (name) {
                case "id": return id(i);
                case "assistantApiKey": return ctx.assistantKeys()[pick(i, 1, ctx.assistantKeys().length)];
                case "collectionName": return ctx.collections().length == 0 ? null : ctx.collections()[pick(i, 2, ctx.collections().length)];
                case "callId": return callId(i, 3);
                default: return null;
            }
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            int tokens = (int) (200 + r(i, 4) % 1300);
            writeHead(g, i);
            g.writeStringField("assistantApiKey", field(i, "assistantApiKey"));
            g.writeStringField("callId", callId(i, 3));
            if (ctx.collections().length > 0) {
                g.writeStringField("collectionName", field(i, "collectionName"));
            }
            if (ctx.documentIds().length > 0) {
                g.writeStringField("documentId", ctx.documentIds()[pick(i, 5, ctx.documentIds().length)]);
            }
            g.writeNumberField("tokens", tokens);
            g.writeNumberField("cost", round(tokens * 0.0000025, 6));
            g.writeEndObject();
        }
    }

    static final class SmsFeed extends Synthetic {
        SmsFeed(Context ctx, long n, long start, long end) {
            super(ctx, "sms_", n, start, end);
        }

        @Override
        String field(long i, String name) {
            switch (name) {
                case "id": return id(i);
                case "assistantApiKey": return ctx.assistantKeys()[pick(i, 1, ctx.assistantKeys().length)];
                case "callId": return callId(i, 3);
                default: return null;
            }
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            int a = pick(i, 1, ctx.assistantKeys().length);
            long p = r(i, 4) % 100;
            int segments = (int) (1 + r(i, 5) % 3);
            writeHead(g, i);
            g.writeStringField("assistantApiKey", ctx.assistantKeys()[a]);
            g.writeStringField("callId", callId(i, 3));
            g.writeStringField("from", ctx.assistantNumbers()[a]);
            g.writeStringField("to", mobile(i, 6));
            g.writeStringField("status", p < 85 ? "delivered" : p < 95 ? "sent" : "failed");
            g.writeNumberField("segments", segments);
            g.writeNumberField("cost", round(0.07 * segments, 2));
            g.writeEndObject();
        }
    }

    static final class ToolsFeed extends Synthetic {
        ToolsFeed(Context ctx, long n, long start, long end) {
            super(ctx, "tlr_", n, start, end);
        }

        @Override
        String field(long i, String name) {
            switch (name) {
                case "id": return id(i);
                case "assistantApiKey": return ctx.assistantKeys()[pick(i, 1, ctx.assistantKeys().length)];
                case "toolId": return ctx.toolIds()[pick(i, 2, ctx.toolIds().length)];
                case "callId": return callId(i, 3);
                default: return null;
            }
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            boolean ok = r(i, 4) % 100 < 93;
            writeHead(g, i);
            g.writeStringField("assistantApiKey", field(i, "assistantApiKey"));
            g.writeStringField("callId", callId(i, 3));
            g.writeStringField("toolId", field(i, "toolId"));
            g.writeBooleanField("success", ok);
            g.writeNumberField("httpStatus", ok ? 200 : (r(i, 5) % 2 == 0 ? 500 : 504));
            g.writeNumberField("durationMs", (int) (50 + r(i, 6) % 1950));
            g.writeEndObject();
        }
    }

    static final class PreCallFeed extends Synthetic {
        PreCallFeed(Context ctx, long n, long start, long end) {
            super(ctx, "pre_", n, start, end);
        }

        @Override
        String field(long i, String name) {
            switch (name) {
                case "id": return id(i);
                case "assistantApiKey": return ctx.assistantKeys()[pick(i, 1, ctx.assistantKeys().length)];
                default: return null;
            }
        }

        @Override
        Map<String, String> metadata(long i) {
            Map<String, String> md = new LinkedHashMap<>();
            md.put("lead_id", String.valueOf(1000 + r(i, 6) % 9000));
            return md;
        }

        @Override
        void write(JsonGenerator g, long i) throws IOException {
            long p = r(i, 4) % 100;
            writeHead(g, i);
            g.writeStringField("assistantApiKey", field(i, "assistantApiKey"));
            g.writeStringField("number", mobile(i, 3));
            g.writeStringField("check", r(i, 2) % 100 < 70 ? "number-validation" : "mcp-config");
            g.writeStringField("result", p < 88 ? "passed" : p < 97 ? "blocked" : "error");
            writeMetadata(g, metadata(i));
            g.writeEndObject();
        }
    }
}
