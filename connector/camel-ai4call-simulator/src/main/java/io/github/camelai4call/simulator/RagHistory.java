package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The RAG feed: retrievals from the knowledge bases during calls. */
final class RagHistory extends SyntheticHistory {
    RagHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
    }

    @Override
    String ownField(long i, String name) {
        switch (name) {
            case "assistantApiKey": return assistantKey(i);
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
        g.writeNumberField("cost", Tariffs.ragRetrieval(tokens));
        g.writeEndObject();
    }
}
