package io.github.camelai4call.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** One page request of a feed: the [from, to) range, the cursor, the limit and the filters. */
final class FeedQuery {

    long from;
    long to;
    Feed.Key after;
    int limit;
    final Map<String, String> equals = new LinkedHashMap<>();
    String metadataKey;
    String metadataValue;

    /**
     * The one filter of feed records, synthetic or appended.
     *
     * @param property a record's property as text, or null when it has none
     * @param metadata the record's metadata, or null; only asked for when a metadata filter is set
     */
    boolean matches(Function<String, String> property, Supplier<Map<?, ?>> metadata) {
        for (Map.Entry<String, String> e : equals.entrySet()) {
            if (!e.getValue().equals(property.apply(e.getKey()))) return false;
        }
        if (metadataKey == null && metadataValue == null) return true;
        Map<?, ?> md = metadata.get();
        if (md == null) return false;
        if (metadataKey == null) return md.containsValue(metadataValue);
        if (!md.containsKey(metadataKey)) return false;
        return metadataValue == null || metadataValue.equals(String.valueOf(md.get(metadataKey)));
    }

    /** The filter on an appended record. */
    boolean matches(Map<String, Object> record) {
        return matches(name -> {
            Object v = record.get(name);
            return v == null ? null : String.valueOf(v);
        }, () -> record.get("metadata") instanceof Map<?, ?> m ? m : null);
    }
}
