package io.github.camelai4call.component.response;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.http.HttpCallResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorAnswerTest {

    private static HttpCallResult answer(int status, String body) {
        return new HttpCallResult(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theContractsErrorBodyIsReadWithKeysMasked() {
        ErrorAnswer e = ErrorAnswer.of(answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"No assistant ast_acme_1234 "
                + "for portal_secret_key_1\",\"field\":\"assistantApiKey\"}"), "portal_secret_key_1");
        assertEquals("NOT_FOUND", e.code());
        assertEquals("No assistant xxxxxx for xxxxxx", e.message());
        assertEquals("assistantApiKey", e.field());
        assertFalse(e.body().contains("ast_acme_1234"), e.body());
        assertFalse(e.body().contains("portal_secret_key_1"), e.body());
    }

    @Test
    void aBodyThatIsNotJsonIsKeptAsText() {
        ErrorAnswer e = ErrorAnswer.of(answer(502, "<html>Bad gateway</html>"));
        assertNull(e.code());
        assertNull(e.message());
        assertEquals("<html>Bad gateway</html>", e.body());
    }

    @Test
    void aLongBodyIsCutAtFourKilobytes() {
        ErrorAnswer e = ErrorAnswer.of(answer(500, "x".repeat(10_000)));
        assertEquals(4096, e.body().length());
        assertTrue(ErrorAnswer.of(answer(500, "")).body().isEmpty());
    }
}
