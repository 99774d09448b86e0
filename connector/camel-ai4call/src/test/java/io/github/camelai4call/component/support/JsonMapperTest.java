package io.github.camelai4call.component.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.model.Assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The models' date-times read the way jackson-datatype-jsr310 reads them, through the faster RFC 3339 parser. */
class JsonMapperTest {

    private static OffsetDateTime createdAt(String json) throws Exception {
        return JsonMapper.readerFor(Assistant.class).<Assistant>readValue("{\"createdAt\":" + json + "}").getCreatedAt();
    }

    @Test
    void anOffsetIsKeptAsTheSameInstantInUtc() throws Exception {
        OffsetDateTime t = createdAt("\"2026-03-01T10:15:30.250+01:00\"");
        assertEquals(OffsetDateTime.of(2026, 3, 1, 9, 15, 30, 250_000_000, ZoneOffset.UTC), t);
        assertEquals(ZoneOffset.UTC, t.getOffset());
    }

    @Test
    void utcAndNanosecondsAreRead() throws Exception {
        assertEquals(OffsetDateTime.of(2026, 3, 1, 9, 15, 30, 123_456_789, ZoneOffset.UTC),
                createdAt("\"2026-03-01T09:15:30.123456789Z\""));
    }

    @Test
    void whatRfc3339RefusesStillGoesThroughJsr310() throws Exception {
        // epoch seconds: not RFC 3339, accepted by jsr310 as before
        assertEquals(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), createdAt("1772323200"));
        assertNull(createdAt("\"\""));
        assertThrows(InvalidFormatException.class, () -> createdAt("\"yesterday\""));
    }
}
