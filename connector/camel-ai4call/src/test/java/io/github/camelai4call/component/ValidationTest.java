package io.github.camelai4call.component;

import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input fails before any HTTP call, naming the operation and the parameter. */
class ValidationTest extends Ai4callTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, simulator().requestCount("outboundCall"));
        assertEquals(0, simulator().requestCount("getAssistant"));
        assertEquals(0, simulator().requestCount("updateTts"));
    }

    private Ai4callInvalidRequestException invalid(String op, Object body, Map<String, Object> headers) {
        return assertInstanceOf(Ai4callInvalidRequestException.class, failure(op, body, headers));
    }

    @Test
    void unknownOperationListsTheClosestNames() {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("ai4call:outboundCal"));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("Unknown AI4CALL operation 'outboundCal'"), message);
        assertTrue(message.contains("Did you mean outboundCall, outboundCallPbx"), message);
    }

    @Test
    void unknownOperationInTheHeaderIsNamed() {
        Ai4callInvalidRequestException e = invalid("listAssistants", null,
                Map.of(Ai4callConstants.OPERATION, "listAssistant"));
        assertEquals(Ai4callConstants.OPERATION, e.getParameter());
        assertTrue(e.getMessage().contains("Did you mean listAssistants"), e.getMessage());
    }

    @Test
    void missingRequiredParameterIsNamed() {
        Ai4callInvalidRequestException e = invalid("getAssistant", null, null);
        assertEquals("assistantApiKey", e.getParameter());
        assertEquals("ai4call:getAssistant: parameter 'assistantApiKey' is required: set the assistantApiKey option "
                     + "or the CamelAi4callAssistantApiKey header", e.getMessage());
    }

    @Test
    void phoneNumberMustBeE164() {
        Ai4callInvalidRequestException e = invalid("outboundCall",
                Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "081 000 0001"), null);
        assertEquals("to", e.getParameter());
        assertTrue(e.getMessage().startsWith("ai4call:outboundCall: parameter 'to' must be a phone number in E.164 format"),
                e.getMessage());
    }

    @Test
    void missingBodyPropertyIsNamed() {
        Ai4callInvalidRequestException e = invalid("outboundCall", Map.of("to", "+390810000001"), null);
        assertEquals("assistantApiKey", e.getParameter());
        Ai4callInvalidRequestException tts = invalid("updateTts", "{\"provider\":\"elevenlabs\"}",
                assistant(DemoData.DEMO_ASSISTANT_SALES));
        assertEquals("voiceId", tts.getParameter());
        assertTrue(tts.getMessage().contains("updateTts"));
    }

    @Test
    void bodyThatIsNotJsonIsReported() {
        Ai4callInvalidRequestException e = invalid("updateTts", "provider=elevenlabs",
                assistant(DemoData.DEMO_ASSISTANT_SALES));
        assertEquals("body", e.getParameter());
    }

    @Test
    void malformedAssistantKeyIsRejectedWithoutEchoingIt() {
        Ai4callInvalidRequestException e = invalid("getAssistant", null, assistant("not-a-key-secret"));
        assertEquals("assistantApiKey", e.getParameter());
        assertFalse(e.getMessage().contains("not-a-key-secret"), e.getMessage());
    }

    @Test
    void missingCredentialsAreNamed() {
        Ai4callComponent withoutKey = new Ai4callComponent();
        withoutKey.getConfiguration().setBaseUrl(SIMULATOR.baseUrl());
        withoutKey.getConfiguration().setEmail(DemoData.DEMO_EMAIL);
        context.addComponent("ai4call-nokey", withoutKey);
        Throwable cause = template.request("ai4call-nokey:getAssistant", x -> x.getMessage()
                .setHeader(Ai4callConstants.ASSISTANT_API_KEY, DemoData.DEMO_ASSISTANT_SALES)).getException();
        Ai4callInvalidRequestException e = assertInstanceOf(Ai4callInvalidRequestException.class, cause);
        assertEquals("portalApiKey", e.getParameter());
        assertTrue(e.getMessage().contains("CamelAi4callPortalApiKey"), e.getMessage());
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        String messages = refusalOf("ai4call:listAssistants?baseUrl=http://client-api.ai4call.com");
        assertTrue(messages.contains("option 'baseUrl' uses plain http"), messages);
    }

    @Test
    void aBaseUrlWithoutSchemeIsRefusedNamingTheOperationAndOption() {
        String messages = refusalOf("ai4call:listAssistants?baseUrl=client-api.ai4call.com");
        assertTrue(messages.contains("ai4call:listAssistants: option 'baseUrl' must be an absolute URL"), messages);
    }

    @Test
    void aNegativeTimeoutIsRefusedNamingTheOperationAndOption() {
        String messages = refusalOf("ai4call:listAssistants?requestTimeout=-1");
        assertTrue(messages.contains("ai4call:listAssistants: option 'requestTimeout' must be 0 (no timeout)"), messages);
    }

    /** The messages of the exception (and its causes) that adding a route to {@code uri} fails with. */
    private String refusalOf(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refused").to(uri);
            }
        }));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
