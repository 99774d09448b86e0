package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The tool-responses feed: the answers of the tools the assistants called. */
final class ToolResponseHistory extends SyntheticHistory {
    ToolResponseHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
    }

    @Override
    String ownField(long i, String name) {
        switch (name) {
            case "assistantApiKey": return assistantKey(i);
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
