package io.github.camelai4call.benchmarks;

/** The HTTP server the clients talk to; each client's fork starts both in its own JVM. */
enum Server {
    /** Answers recorded from the simulator, replayed at almost no CPU cost: the clients' own cost shows. */
    RECORDED("recorded-answer server"),
    /** The simulator itself: routing and validating every request by the contract costs more than any client. */
    SIMULATOR("simulator");

    final String label;

    Server(String label) {
        this.label = label;
    }
}
