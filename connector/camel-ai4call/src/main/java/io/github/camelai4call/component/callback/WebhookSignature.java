package io.github.camelai4call.component.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of AI4CALL's callbacks, as the contract's {@code webhookSignature} security scheme states it:
 * {@code X-Ai4call-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}, with
 * {@code X-Ai4call-Timestamp} in Unix seconds. One instance holds one webhook secret; it never prints it.
 */
public final class WebhookSignature {

    /** The version prefix of the signature header's value. */
    public static final String VERSION_PREFIX = "v1=";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration tolerance;

    /**
     * @param secret    the account's webhook secret (not empty)
     * @param tolerance how far the signed timestamp may be from this machine's clock, either way
     */
    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("the signature tolerance must be zero or positive");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
    }

    /** The header value that signs {@code body} at {@code timestampSeconds}: what the platform sends. */
    public String sign(String timestampSeconds, byte[] body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(mac(timestampSeconds, body));
    }

    /** Whether {@code signatureHeader} signs {@code body} at {@code timestampHeader} and that time is within the tolerance of {@code now}. */
    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return Verdict.OUTSIDE_TOLERANCE;
        }
        byte[] expected = sign(timestampHeader.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        // constant time: MessageDigest.isEqual compares every byte whatever the first difference
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.WRONG_SIGNATURE;
    }

    private byte[] mac(String timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestampSeconds.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code other} checks with the same secret and tolerance (consumers sharing a path must agree). */
    public boolean sameAs(WebhookSignature other) {
        return other != null && tolerance.equals(other.tolerance) && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    /** How far a signed timestamp may be from this machine's clock. */
    public Duration tolerance() {
        return tolerance;
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret=xxxxxx, tolerance=" + tolerance + "]";
    }

    /** What a check found; only {@link #VALID} lets a callback through. */
    public enum Verdict {
        VALID,
        MISSING,
        BAD_TIMESTAMP,
        OUTSIDE_TOLERANCE,
        WRONG_SIGNATURE
    }
}
