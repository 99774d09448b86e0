package io.github.camelai4call.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of what the platform sends to a customer's URL, as the contract's {@code webhookSignature} scheme
 * states them: the event, a delivery id (the same on every redelivery), the Unix-seconds timestamp of this attempt
 * and {@code v1=} with the lowercase hex HMAC-SHA256 of {@code "<timestamp>.<raw body>"} keyed with the account's
 * webhook secret.
 */
final class WebhookSigner {

    static final String EVENT = "X-Ai4call-Event";
    static final String DELIVERY_ID = "X-Ai4call-Delivery-Id";
    static final String TIMESTAMP = "X-Ai4call-Timestamp";
    static final String SIGNATURE = "X-Ai4call-Signature";

    private WebhookSigner() {
    }

    /**
     * The four headers of one attempt, signed now.
     *
     * @param wrongKey sign with another key (the bad-signature fault): well-formed, but no receiver accepts it
     */
    static Map<String, String> headers(String secret, String event, String deliveryId, byte[] body, boolean wrongKey) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, String> h = new LinkedHashMap<>();
        h.put(EVENT, event);
        h.put(DELIVERY_ID, deliveryId);
        h.put(TIMESTAMP, timestamp);
        h.put(SIGNATURE, sign(wrongKey ? secret + "-not-the-account-secret" : secret, timestamp, body));
        return h;
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
