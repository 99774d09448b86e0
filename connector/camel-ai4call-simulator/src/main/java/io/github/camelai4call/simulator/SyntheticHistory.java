package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** A history of n records spread over [start, end): record i lies in [start + i*step, start + (i+1)*step). */
abstract class SyntheticHistory {
    /** Who the synthetic records of a customer are about. */
    record Subjects(long seed, String customerTag, String[] assistantKeys, String[] assistantNames, String[] assistantNumbers,
                    String[] collections, String[] documentIds, String[] toolIds) {
    }

    /** A 64-bit mixing function (SplitMix64's finalizer): the pseudo-random source of every synthetic value. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    final Subjects ctx;
    final long n;
    final long start;
    final long step;
    final String prefix;
    final long idBase;
    final long fieldBase;

    SyntheticHistory(Subjects ctx, String prefix, long n, long start, long end) {
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
        return prefix + Ids.hex16(mix(idBase + i));
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

    long firstAfter(Feed.Key k) {
        long i = firstAtOrAfter(k.ts());
        while (i < n && ts(i) == k.ts() && id(i).compareTo(k.id()) <= 0) i++;
        return i;
    }

    boolean matches(long i, FeedQuery q) {
        return q.matches(name -> field(i, name), () -> metadata(i));
    }

    /** The value of a filterable field of record i, or null: the id, else the feed's own fields. */
    final String field(long i, String name) {
        return "id".equals(name) ? id(i) : ownField(i, name);
    }

    /** The value of a filterable field of this feed other than its id, or null. */
    abstract String ownField(long i, String name);

    /** The assistant a record is about, for the feeds whose records name one (field 1 of the record). */
    final String assistantKey(long i) {
        return ctx.assistantKeys()[pick(i, 1, ctx.assistantKeys().length)];
    }

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
        return FeedKind.CALLS.idPrefix + Ids.hex16(mix(r(i, k)));
    }
}
