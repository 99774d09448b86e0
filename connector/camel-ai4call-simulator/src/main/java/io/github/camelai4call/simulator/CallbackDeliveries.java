package io.github.camelai4call.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The log of what the platform sent to the customers' URLs: one {@link Tracker} per delivery, in the order they started. */
final class CallbackDeliveries {

    private final List<Tracker> all = new CopyOnWriteArrayList<>();

    Tracker start(String deliveryId, String event, String customerEmail, String assistantApiKey, String callId, String toolId,
                  String url, String requestBody) {
        Tracker t = new Tracker(deliveryId, event, customerEmail, assistantApiKey, callId, toolId, url, requestBody);
        all.add(t);
        return t;
    }

    List<CallbackDelivery> list() {
        List<CallbackDelivery> out = new ArrayList<>(all.size());
        all.forEach(t -> out.add(t.snapshot()));
        return List.copyOf(out);
    }

    void clear() {
        all.clear();
    }

    /** One delivery while it is made; its snapshot is what the log shows. */
    static final class Tracker {
        private final String deliveryId;
        private final String event;
        private final String customerEmail;
        private final String assistantApiKey;
        private final String callId;
        private final String toolId;
        private final String url;
        private final String requestBody;
        private final Instant startedAt = Instant.now();
        private final List<CallbackDelivery.Attempt> attempts = new ArrayList<>();
        private CallbackDelivery.Status status = CallbackDelivery.Status.PENDING;
        private String answerBody;
        private String answerProblem;

        private Tracker(String deliveryId, String event, String customerEmail, String assistantApiKey, String callId, String toolId,
                        String url, String requestBody) {
            this.deliveryId = deliveryId;
            this.event = event;
            this.customerEmail = customerEmail;
            this.assistantApiKey = assistantApiKey;
            this.callId = callId;
            this.toolId = toolId;
            this.url = url;
            this.requestBody = requestBody;
        }

        synchronized void attempt(CallbackDelivery.Attempt a) {
            attempts.add(a);
        }

        synchronized int attemptCount() {
            return attempts.size();
        }

        synchronized void end(CallbackDelivery.Status s, String answer) {
            status = s;
            answerBody = answer;
        }

        synchronized void answerProblem(String problem) {
            answerProblem = problem;
        }

        synchronized CallbackDelivery snapshot() {
            Integer last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).httpStatus();
            // the duplicate's answer does not change the delivery's status: report the last attempt before it
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (!attempts.get(i).duplicate()) {
                    last = attempts.get(i).httpStatus();
                    break;
                }
            }
            return new CallbackDelivery(deliveryId, event, customerEmail, assistantApiKey, callId, toolId, url, status, last,
                    attempts.size(), List.copyOf(attempts), requestBody, answerBody, answerProblem, startedAt);
        }
    }
}
