package io.github.camelai4call.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** The one ISO-8601 date-time parser of the simulator: query parameters and appended analytics timestamps. */
final class Times {

    private Times() {
    }

    /** An ISO-8601 instant ({@code 2026-01-02T03:04:05Z}) or offset date-time ({@code ...+01:00}). */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("not an ISO-8601 date-time: " + text);
            }
        }
    }

    /** An Instant, OffsetDateTime, Date, epoch millis or ISO-8601 text as an instant. */
    static Instant toInstant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof Date d) return d.toInstant();
        if (value instanceof Number n) return Instant.ofEpochMilli(n.longValue());
        return parse(value.toString());
    }
}
