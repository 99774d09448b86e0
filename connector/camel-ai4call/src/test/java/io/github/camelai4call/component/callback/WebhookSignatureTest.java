package io.github.camelai4call.component.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"callId\":\"call_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_764_662_400L);
    private final WebhookSignature signature = new WebhookSignature("whsec_test_secret", Duration.ofMinutes(5));

    @Test
    void signsAsTheContractStates() {
        // HMAC-SHA256("whsec_test_secret", "1764662400.{\"callId\":\"call_1\"}"), computed independently with openssl
        assertEquals("v1=" + OPENSSL_DIGEST, signature.sign("1764662400", BODY));
    }

    @Test
    void acceptsItsOwnSignatureWithinTheTolerance() {
        String header = signature.sign("1764662400", BODY);
        assertEquals(WebhookSignature.Verdict.VALID, signature.verify("1764662400", header, BODY, NOW));
        assertEquals(WebhookSignature.Verdict.VALID, signature.verify("1764662400", header, BODY, NOW.plusSeconds(300)));
    }

    @Test
    void refusesWhatWasNotSignedWithTheSecretOrIsTooOld() {
        String header = signature.sign("1764662400", BODY);
        byte[] otherBody = "{\"callId\":\"call_2\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(WebhookSignature.Verdict.WRONG_SIGNATURE, signature.verify("1764662400", header, otherBody, NOW));
        assertEquals(WebhookSignature.Verdict.WRONG_SIGNATURE,
                new WebhookSignature("whsec_other", Duration.ofMinutes(5)).verify("1764662400", header, BODY, NOW));
        assertEquals(WebhookSignature.Verdict.OUTSIDE_TOLERANCE, signature.verify("1764662400", header, BODY, NOW.plusSeconds(301)));
        assertEquals(WebhookSignature.Verdict.OUTSIDE_TOLERANCE, signature.verify("1764662400", header, BODY, NOW.minusSeconds(301)));
        assertEquals(WebhookSignature.Verdict.MISSING, signature.verify(null, header, BODY, NOW));
        assertEquals(WebhookSignature.Verdict.MISSING, signature.verify("1764662400", null, BODY, NOW));
        assertEquals(WebhookSignature.Verdict.BAD_TIMESTAMP, signature.verify("yesterday", header, BODY, NOW));
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(signature.toString().contains("whsec_test_secret"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("", Duration.ofMinutes(5)));
    }

    private static final String OPENSSL_DIGEST = "4416f3992ea354316e7a70cd196a4d9a6924a3d37f7dc09add023c7936647859";
}
