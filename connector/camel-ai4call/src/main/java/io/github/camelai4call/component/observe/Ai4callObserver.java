package io.github.camelai4call.component.observe;

import java.time.Instant;

/**
 * What the component reports as it works: each call that ended (with its outcome), each attempt about to be made
 * again, and each feed consumer's progress. Implemented by the Micrometer meters ({@link MicrometerMeters}) and by
 * the record the dev console shows ({@link Activity}); {@link #NONE} when neither is in use. Only operation names,
 * outcomes, HTTP statuses and failure class names come in as tags; a text (an error message) only with its keys
 * already masked, and the receivers mask phone numbers too before they keep it.
 */
public interface Ai4callObserver {

    /** The observer when neither metrics nor the dev console are on: does nothing. */
    Ai4callObserver NONE = new Ai4callObserver() {
        @Override
        public void called(String operation, String outcome, int status, String failure, long nanos, String error) {
        }

        @Override
        public void retrying(String operation, int status, String failure) {
        }

        @Override
        public FeedObserver feed(String feed, String routeId) {
            return FeedObserver.NONE;
        }
    };

    /**
     * A call ended.
     *
     * @param operation the operationId
     * @param outcome   the delivery: ACCEPTED, REJECTED, NOT_SENT or UNKNOWN
     * @param status    the HTTP status of the last answer, or 0 when none arrived (or nothing was sent)
     * @param failure   the simple class name of the failure that ended it without an answer
     *                  ({@code SocketTimeoutException}, {@code InvalidRequest}), or null
     * @param nanos     how long the call took, every attempt and wait included
     * @param error     the failure's text with its keys masked, or null on success
     */
    void called(String operation, String outcome, int status, String failure, long nanos, String error);

    /** An attempt failed (with that status, or 0 and the failure's class name) and the operation is tried again. */
    void retrying(String operation, int status, String failure);

    /** The observer of one feed consumer (feed operation and route), asked for once, at its first poll. */
    FeedObserver feed(String feed, String routeId);

    /** One feed consumer's progress. */
    interface FeedObserver {

        /** Does nothing. */
        FeedObserver NONE = new FeedObserver() {
            @Override
            public void delivered(int records) {
            }

            @Override
            public void watermark(Instant watermark) {
            }
        };

        /** Records whose exchanges completed. */
        void delivered(int records);

        /** The watermark now written: every record up to it was delivered. */
        void watermark(Instant watermark);
    }
}
