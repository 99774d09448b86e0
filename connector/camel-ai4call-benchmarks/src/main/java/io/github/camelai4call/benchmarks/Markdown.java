package io.github.camelai4call.benchmarks;

import java.util.Locale;

/** How the report writes values: numbers in the root locale, sizes, verdicts, code spans. */
final class Markdown {

    private Markdown() {
    }


    static String steady(ForkProtocol.Warmed w) {
        return w.steady() ? "" : " (not steady)";
    }

    static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    static String artifactId(String ga) {
        return ga.substring(ga.indexOf(':') + 1);
    }

    static String json(Object value) {
        try {
            return RawClients.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String mb(long bytes) {
        return format("%.2f MB", bytes / (1024.0 * 1024.0));
    }

    static String kb(long bytes) {
        return format("%,.0f KB", bytes / 1024.0);
    }

    static String code(String text) {
        return "`" + text + "`";
    }
}
