package io.github.camelai4call.component.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of one client and the request timeout they wait for answers with. The component calls
 * {@link #expireOverdue()} every {@link #CHECK_PERIOD_MILLIS} ms; a connection whose answer is overdue is closed
 * there (see {@link DeadlineConnection}), so a call fails at most that much after its timeout.
 */
final class AnswerDeadlines {

    /** How often overdue answers are looked for: the precision of the request timeout. */
    static final long CHECK_PERIOD_MILLIS = 100;

    private final long timeoutNanos;
    private final Set<DeadlineConnection> open = ConcurrentHashMap.newKeySet();

    AnswerDeadlines(long timeoutMillis) {
        this.timeoutNanos = timeoutMillis * 1_000_000;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    void opened(DeadlineConnection connection) {
        open.add(connection);
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
