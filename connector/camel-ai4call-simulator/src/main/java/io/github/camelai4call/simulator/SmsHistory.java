package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The SMS feed: messages the assistants sent during calls. */
final class SmsHistory extends SyntheticHistory {
    SmsHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
    }

    @Override
    String ownField(long i, String name) {
        switch (name) {
            case "assistantApiKey": return assistantKey(i);
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
        g.writeNumberField("cost", Tariffs.sms(segments));
        g.writeEndObject();
    }
}
