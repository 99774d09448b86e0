package io.github.camelai4call.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the keys of the demo data in a text, such as what an application printed while it ran against the
 * simulator: the portal keys and webhook secrets of {@link DemoData}, and any assistant key ({@code ast_...}). For tests that check that
 * no key reaches a log; what they report shows the lines with the keys masked, since test reports are read by many.
 * <p>
 * The shape of an assistant key is the contract's ({@code ^ast_[A-Za-z0-9_-]{3,64}$}), written here on purpose
 * rather than taken from the connector's own masking, which is what such a test checks.
 */
public final class DemoKeys {

    private static final Pattern ANY_ASSISTANT_KEY = Pattern.compile("ast_[A-Za-z0-9_-]+");
    /** Each fixed key of the demo data, with what a report shows instead. */
    private static final Map<String, String> FIXED_KEYS = Map.of(
            DemoData.DEMO_PORTAL_API_KEY, "<PORTAL KEY>",
            DemoData.ACME_PORTAL_API_KEY, "<PORTAL KEY>",
            DemoData.DEMO_WEBHOOK_SECRET, "<WEBHOOK SECRET>",
            DemoData.ACME_WEBHOOK_SECRET, "<WEBHOOK SECRET>");
    /** Longer lines are cut in a report: a log line can hold a whole message body. */
    private static final int SHOWN_CHARACTERS = 600;

    private DemoKeys() {
    }

    /**
     * Each line of the text that holds a key, as {@code where:line number: the line, masked}.
     *
     * @param where what the text is, for the report (a file name, an HTTP path)
     */
    public static List<String> linesWithKeys(String where, String text) {
        List<String> found = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (hasKey(line)) {
                String shown = line.length() > SHOWN_CHARACTERS ? line.substring(0, SHOWN_CHARACTERS) : line;
                found.add(where + ":" + (i + 1) + ": " + masked(shown));
            }
        }
        return found;
    }

    /** The text with every key replaced by {@code <PORTAL KEY>}, {@code <WEBHOOK SECRET>} or {@code <ASSISTANT KEY>}. */
    public static String masked(String text) {
        String fixedMasked = text;
        for (Map.Entry<String, String> key : FIXED_KEYS.entrySet()) {
            fixedMasked = fixedMasked.replace(key.getKey(), key.getValue());
        }
        Matcher m = ANY_ASSISTANT_KEY.matcher(fixedMasked);
        return m.replaceAll("<ASSISTANT KEY>");
    }

    /** The last lines of the text, masked: what a failure message shows of an application's output. */
    public static String maskedTail(String text, int lines) {
        List<String> all = text.lines().toList();
        return masked(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())));
    }

    private static boolean hasKey(String line) {
        for (String key : FIXED_KEYS.keySet()) {
            if (line.contains(key)) {
                return true;
            }
        }
        return ANY_ASSISTANT_KEY.matcher(line).find();
    }
}
