package io.github.camelai4call.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The calls feed: inbound and outbound calls of the assistants, with outcome, duration, cost and metadata. */
final class CallHistory extends SyntheticHistory {
    private static final String[] CAMPAIGNS = {"spring-promo", "renewals", "winback"};

    CallHistory(Subjects ctx, String idPrefix, long n, long start, long end) {
        super(ctx, idPrefix, n, start, end);
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
    String ownField(long i, String name) {
        switch (name) {
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
        g.writeNumberField("cost", Tariffs.call(duration));
        g.writeStringField("currency", Tariffs.CURRENCY);
        writeMetadata(g, metadata(i));
        g.writeEndObject();
    }
}
