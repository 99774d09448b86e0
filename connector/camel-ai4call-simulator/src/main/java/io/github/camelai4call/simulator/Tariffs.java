package io.github.camelai4call.simulator;

/** What the simulated platform charges, in one place: the synthetic history and the live answers use the same prices. */
final class Tariffs {

    static final String CURRENCY = "EUR";

    private Tariffs() {
    }

    static double call(int seconds) {
        return round(seconds * 0.0035, 2);
    }

    static double sms(int segments) {
        return round(0.07 * segments, 2);
    }

    static double ragRetrieval(int tokens) {
        return round(tokens * 0.0000025, 6);
    }

    static double ragIndexing(long tokens) {
        return round(tokens / 1_000_000.0, 4);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
