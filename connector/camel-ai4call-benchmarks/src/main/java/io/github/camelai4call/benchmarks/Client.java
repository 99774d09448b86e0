package io.github.camelai4call.benchmarks;

/** One way of doing the measured request: send it, read the whole answer and turn it into objects. */
interface Client extends AutoCloseable {

    /** The two operations measured. */
    enum Op { listAssistants, outboundCall }

    String name();

    /** True for the raw HTTP clients, the reference the others are compared to. */
    boolean raw();

    /** One complete call; returns the parsed answer (checked non-null so the work cannot be skipped). */
    Object call(Op op) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
