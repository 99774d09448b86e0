package io.github.camelai4call.component.support;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The component's Jackson mapper: Java time (RFC 3339 date-times read by ITU), ISO dates, unknown properties
 * ignored, nulls left out. Created on first use (not when a CamelContext starts): loading Jackson is the largest
 * part of the component's start-up cost.
 */
public final class JsonMapper {

    private JsonMapper() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper get() {
        return Holder.MAPPER;
    }

    /**
     * A reader bound to one type, made once per type: Jackson then skips resolving the type and its root
     * deserializer on every call.
     */
    public static ObjectReader readerFor(Class<?> type) {
        return Holder.READERS.get(type);
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("ai4call-rfc3339")
                        .addDeserializer(OffsetDateTime.class, new Rfc3339DateTimeDeserializer()))
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return MAPPER.readerFor(type);
            }
        };
    }
}
