package io.github.camelai4call.component.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of one client and the request timeout they wait for answers with. The client calls
 * {@link #expireOverdue()} every {@link #CHECK_PERIOD_MILLIS} ms while any connection is open; a connection whose
 * answer is overdue is closed there (see {@link DeadlineConnection}), so a call fails at most that much after its
 * timeout.
 */
final class AnswerDeadlines {

    /** How often overdue answers are looked for: the precision of the request timeout. */
    static final long CHECK_PERIOD_MILLIS = 100;

    private final long timeoutNanos;
    private final Set<DeadlineConnection> open = ConcurrentHashMap.newKeySet();
    private final Runnable whenOpened;

    /** @param whenOpened told after each connection opens (the client's housekeeping starts) */
    AnswerDeadlines(long timeoutMillis, Runnable whenOpened) {
        this.timeoutNanos = timeoutMillis * 1_000_000;
        this.whenOpened = whenOpened;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    void opened(DeadlineConnection connection) {
        open.add(connection);
        whenOpened.run();
    }

    /** Whether any connection is open, idle in the pool or waiting for an answer. */
    boolean anyOpen() {
        return !open.isEmpty();
    }

    void closed(DeadlineConnection connection) {
        open.remove(connection);
    }

    /** Closes the connections whose answer is overdue; returns how many. */
    int expireOverdue() {
        if (open.isEmpty()) {
            return 0;
        }
        long now = System.nanoTime();
        int expired = 0;
        for (DeadlineConnection c : open) {
            if (c.expireIfOverdue(now)) {
                expired++;
            }
        }
        return expired;
    }
}
