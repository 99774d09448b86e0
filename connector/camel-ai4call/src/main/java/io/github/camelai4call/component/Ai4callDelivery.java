package io.github.camelai4call.component;

import java.io.IOException;

import io.github.camelai4call.component.http.RetryPolicy;

/**
 * What became of a request: whether it may have reached AI4CALL and been carried out. Every
 * {@link Ai4callException} carries one ({@link Ai4callException#getDelivery()}), and every exchange through an
 * {@code ai4call:} producer gets it as the {@code CamelAi4callDelivery} header (its name), on success and on failure, so
 * that a route can branch on it. For an outbound call it answers the question that matters: could a phone call have
 * been placed? (Not called "outcome": {@code CamelAi4callOutcome} is the analytics feeds' filter on a call's outcome.)
 */
public enum Ai4callDelivery {

    /** AI4CALL answered with success: the request was carried out (an exception says so only when the answer could not be read). */
    ACCEPTED,
    /**
     * AI4CALL answered with an error status (4xx, or a 5xx of its own): the request reached it and was not carried out.
     * The status and the API's error code say why; whether sending it again can help depends on them.
     */
    REJECTED,
    /**
     * The request never left: the connection could not be opened (refused, unknown host, no route, no pooled connection
     * in time). Nothing happened at AI4CALL; sending it again is safe.
     */
    NOT_SENT,
    /**
     * The request may have reached AI4CALL and been carried out, but no complete answer arrived: the connection dropped
     * after sending, the answer was late (request timeout) or cut short, or a gateway in front of AI4CALL answered 502 or
     * 504. Do not send a call again blindly: look for it first (the calls-outbound feed, by the client reference in its
     * metadata).
     */
    UNKNOWN;

    /** The outcome of an answer with that status. */
    public static Ai4callDelivery ofAnswer(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        // a gateway's answer: it passed the request on and got no (timely) answer from AI4CALL
        return status == 502 || status == 504 ? UNKNOWN : REJECTED;
    }

    /** The outcome of an attempt that got no complete answer. */
    public static Ai4callDelivery ofFailure(IOException failure) {
        return RetryPolicy.neverSent(failure) ? NOT_SENT : UNKNOWN;
    }

    /** The outcome of a call whose earlier attempts ended as this one and whose last attempt ended as {@code last}. */
    Ai4callDelivery then(Ai4callDelivery last) {
        // once an attempt may have been carried out, the call may have been, whatever came after
        return this == UNKNOWN && last != ACCEPTED ? UNKNOWN : last;
    }
}
