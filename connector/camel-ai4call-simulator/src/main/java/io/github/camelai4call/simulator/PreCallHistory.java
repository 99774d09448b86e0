package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pre-call feed: the checks run before outbound calls. */
final class PreCallHistory extends SyntheticHistory {
    PreCallHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
    }

    @Override
    String ownField(long i, String name) {
        switch (name) {
            case "assistantApiKey": return assistantKey(i);
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
