package io.github.camelai4call.component.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code ai4call} dev console (Camel JBang {@code camel get console ai4call}, the management HTTP server's
 * {@code /q/dev/ai4call}, or {@code DevConsoleRegistry}): the operations called with their outcomes, retries, last
 * status and mean duration, the last errors (keys and phone numbers masked), and each feed consumer's records and
 * watermark with how far it is behind now. Reads the context's {@link Activity}, which is kept while dev consoles
 * are on.
 */
@DevConsole(name = "ai4call", displayName = "AI4CALL",
            description = "AI4CALL operations called, last errors (masked) and feed watermarks")
public class Ai4callDevConsole extends AbstractDevConsole {

    public Ai4callDevConsole() {
        super("camel", "ai4call", "AI4CALL", "AI4CALL operations called, last errors (masked) and feed watermarks");
    }

    private Activity activity() {
        return getCamelContext().getCamelContextExtension().getContextPlugin(Activity.class);
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        Activity activity = activity();
        StringBuilder sb = new StringBuilder();
        List<Activity.OperationView> operations = activity == null ? List.of() : activity.operations();
        sb.append("Operations called: ").append(operations.size()).append('\n');
        for (Activity.OperationView op : operations) {
            sb.append(String.format("    %s: %d calls %s, %d retries, last status %s at %s, mean %.1f ms%n", op.operation(),
                    op.calls(), op.outcomes(), op.retries(), op.lastStatus() == 0 ? "none" : op.lastStatus(),
                    op.lastCall(), op.meanMillis()));
        }
        List<Activity.Error> errors = activity == null ? List.of() : activity.errors();
        sb.append("\nLast errors: ").append(errors.size()).append('\n');
        for (Activity.Error e : errors) {
            sb.append("    ").append(e.time()).append(' ').append(e.operation()).append(' ').append(e.outcome())
                    .append(e.status() == 0 ? "" : " HTTP " + e.status())
                    .append(e.failure() == null ? "" : " " + e.failure()).append(": ").append(e.message()).append('\n');
        }
        List<Activity.FeedView> feeds = activity == null ? List.of() : activity.feeds();
        sb.append("\nFeeds: ").append(feeds.size()).append('\n');
        for (Activity.FeedView f : feeds) {
            sb.append("    ").append(f.feed()).append(" (route ").append(f.routeId()).append("): ")
                    .append(f.records()).append(" records, watermark ")
                    .append(f.watermark() == null ? "none yet" : f.watermark() + ", " + lagSeconds(f.watermark()) + " s behind")
                    .append('\n');
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Activity activity = activity();
        JsonObject root = new JsonObject();
        JsonArray operations = new JsonArray();
        JsonArray errors = new JsonArray();
        JsonArray feeds = new JsonArray();
        if (activity != null) {
            for (Activity.OperationView op : activity.operations()) {
                JsonObject jo = new JsonObject();
                jo.put("operation", op.operation());
                jo.put("calls", op.calls());
                jo.put("outcomes", new JsonObject(Map.copyOf(op.outcomes())));
                jo.put("retries", op.retries());
                jo.put("lastStatus", op.lastStatus());
                jo.put("lastCall", String.valueOf(op.lastCall()));
                jo.put("meanMillis", op.meanMillis());
                operations.add(jo);
            }
            for (Activity.Error e : activity.errors()) {
                JsonObject jo = new JsonObject();
                jo.put("time", e.time().toString());
                jo.put("operation", e.operation());
                jo.put("outcome", e.outcome());
                jo.put("status", e.status());
                if (e.failure() != null) {
                    jo.put("failure", e.failure());
                }
                jo.put("message", e.message());
                errors.add(jo);
            }
            for (Activity.FeedView f : activity.feeds()) {
                JsonObject jo = new JsonObject();
                jo.put("feed", f.feed());
                jo.put("routeId", f.routeId());
                jo.put("records", f.records());
                if (f.watermark() != null) {
                    jo.put("watermark", f.watermark().toString());
                    jo.put("lagSeconds", lagSeconds(f.watermark()));
                }
                feeds.add(jo);
            }
        }
        root.put("operations", operations);
        root.put("errors", errors);
        root.put("feeds", feeds);
        return root;
    }

    private static long lagSeconds(Instant watermark) {
        return Duration.between(watermark, Instant.now()).toSeconds();
    }
}
