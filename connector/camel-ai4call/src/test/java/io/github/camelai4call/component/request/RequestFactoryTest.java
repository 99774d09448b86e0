package io.github.camelai4call.component.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callOperation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request stage alone: input to HTTP request, no Camel and no network. */
class RequestFactoryTest {

    private static final String BASE = "https://api.example.test/base/";
    private static final String KEY = "ast_sales_0123456789";

    private final RequestFactory factory = new RequestFactory(new BodySchemaValidator());

    @Test
    void pathKeysQueryAndCredentialsGoWhereTheContractSays() {
        PreparedRequest r = factory.prepare(Ai4callOperation.getRuntimeSettings, BASE, true,
                new MapInput().with("assistantApiKey", KEY));
        assertEquals("GET", r.method());
        assertEquals("api.example.test", r.host().getHostName());
        assertEquals("/base/api/v1/assistants/" + KEY + "/runtime/settings", r.target());
        assertEquals("demo@ai4call.local", r.headers().get("x-client-email"));
        assertEquals("portal_demo_key_123456789", r.headers().get("x-portal-api-key"));
        assertEquals("api.example.test", r.headers().get("Host"));
        assertNull(r.entity());
        assertTrue(java.util.List.of(r.secrets()).contains(KEY), "the path key is masked in error texts");

        PreparedRequest page = factory.prepare(Ai4callOperation.analyticsCalls, BASE, true,
                new MapInput().with("from", Instant.parse("2026-01-01T00:00:00Z")).with("cursor", "c 1"));
        assertEquals("/base/api/v1/account/analytics/calls?from=2026-01-01T00%3A00%3A00Z&cursor=c+1", page.target());
    }

    @Test
    void missingOrMalformedParametersAreRefusedBeforeAnyCall() {
        InvalidRequest missing = assertThrows(InvalidRequest.class,
                () -> factory.prepare(Ai4callOperation.getRuntimeSettings, BASE, true, new MapInput()));
        assertEquals("assistantApiKey", missing.parameter());
        assertEquals("is required: set <assistantApiKey>", missing.problem());

        InvalidRequest malformed = assertThrows(InvalidRequest.class, () -> factory.prepare(
                Ai4callOperation.getRuntimeSettings, BASE, true, new MapInput().with("assistantApiKey", "not-a-key-secret")));
        assertEquals("assistantApiKey", malformed.parameter());
        assertFalse(malformed.getMessage().contains("not-a-key-secret"), "a key is never shown: " + malformed.getMessage());

        InvalidRequest noCredentials = assertThrows(InvalidRequest.class, () -> factory.prepare(
                Ai4callOperation.listAssistants, BASE, true, new MapInput().credentials(" ", null)));
        assertEquals("email", noCredentials.parameter());

        // validateRequest=false: the pattern is the service's business
        PreparedRequest unchecked = factory.prepare(Ai4callOperation.getRuntimeSettings, BASE, false,
                new MapInput().with("assistantApiKey", "bad key"));
        assertEquals("/base/api/v1/assistants/bad%20key/runtime/settings", unchecked.target());
    }

    @Test
    void jsonBodyIsValidatedAgainstItsSchemaAndTakesTheAssistantKeyOption() throws IOException {
        InvalidRequest e164 = assertThrows(InvalidRequest.class, () -> factory.prepare(Ai4callOperation.outboundCall,
                BASE, true, new MapInput().body(Map.of("assistantApiKey", KEY, "to", "0810000001"))));
        assertEquals("to", e164.parameter());
        assertTrue(e164.problem().contains("E.164"), e164.problem());

        PreparedRequest call = factory.prepare(Ai4callOperation.outboundCall, BASE, true,
                new MapInput().with("assistantApiKey", KEY).body("{\"to\":\"+390810000001\"}"));
        assertEquals("POST", call.method());
        String json = text(call);
        assertTrue(json.contains("\"assistantApiKey\":\"" + KEY + "\""), json);
        assertTrue(json.contains("\"to\":\"+390810000001\""), json);

        InvalidRequest notJson = assertThrows(InvalidRequest.class, () -> factory.prepare(Ai4callOperation.outboundCall,
                BASE, true, new MapInput().body("{not json")));
        assertEquals("body", notJson.parameter());
    }

    @Test
    void callsThatPlaceAPhoneCallCarryTheClientReferenceInTheirMetadata() throws IOException {
        Map<String, Object> call = Map.of("assistantApiKey", KEY, "to", "+390810000001", "metadata", Map.of("lead_id", "L-1"));
        String json = text(factory.prepare(Ai4callOperation.outboundCall, BASE, true,
                new MapInput().body(call).clientReference("ref", "R-1")));
        assertTrue(json.contains("\"metadata\":{\"lead_id\":\"L-1\",\"ref\":\"R-1\"}"), json);

        String own = text(factory.prepare(Ai4callOperation.outboundCallPbx, BASE, true, new MapInput()
                .body(Map.of("assistantApiKey", KEY, "to", "+390810000001", "metadata", Map.of("ref", "mine")))
                .clientReference("ref", "R-2")));
        assertTrue(own.contains("\"ref\":\"mine\"") && !own.contains("R-2"), own);

        String none = text(factory.prepare(Ai4callOperation.outboundCall, BASE, true, new MapInput().body(call)));
        assertFalse(none.contains("ref"), "no key, no reference: " + none);

        String notACall = text(factory.prepare(Ai4callOperation.createAssistant, BASE, true,
                new MapInput().body(Map.of("name", "Sales")).clientReference("ref", "R-3")));
        assertFalse(notACall.contains("R-3"), notACall);
    }

    @Test
    void multipartUploadNeedsAFileNameUnlessTheBodyIsAFile() {
        InvalidRequest noName = assertThrows(InvalidRequest.class, () -> factory.prepare(
                Ai4callOperation.uploadRagDocument, BASE, true,
                new MapInput().with("collectionName", "kb").body("text".getBytes(StandardCharsets.UTF_8))));
        assertEquals("fileName", noName.parameter());

        PreparedRequest upload = factory.prepare(Ai4callOperation.uploadRagDocument, BASE, true,
                new MapInput().with("collectionName", "kb").fileName("faq.txt").body("text".getBytes(StandardCharsets.UTF_8)));
        assertTrue(upload.entity().getContentType().startsWith("multipart/form-data"), upload.entity().getContentType());
    }

    private static String text(PreparedRequest r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.entity().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
