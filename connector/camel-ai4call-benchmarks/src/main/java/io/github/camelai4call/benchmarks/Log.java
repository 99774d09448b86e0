package io.github.camelai4call.benchmarks;

/** The harness's progress lines on standard output (a client's fork passes its own through the harness). */
final class Log {

    private Log() {
    }

    static void line(String s) {
        System.out.println("[bench] " + s);
        System.out.flush();
    }
}
