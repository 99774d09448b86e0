package io.github.camelai4call.benchmarks;

/**
 * One way of doing the measured request: send it, read the whole answer and turn it into objects. Its name and
 * role in the report come from its {@link ClientKind}.
 */
interface Client extends AutoCloseable {

    /** The two operations measured. */
    enum Op { listAssistants, outboundCall }

    /** One complete call; returns the parsed answer (checked non-null so the work cannot be skipped). */
    Object call(Op op) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
