package io.github.camelai4call.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
        assertEquals(Map.of(), simulator().requestCounts().entrySet().stream().filter(c -> c.getValue() > 0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "no request reached AI4CALL");
    }

    /** Where a bad input is caught: adding a producer route, adding a consumer route, or sending an exchange. */
    private enum Stage { PRODUCER_START, CONSUMER_START, SEND }

    /**
     * One bad input and the message it is refused with, before any HTTP call.
     *
     * @param stage    where it is caught
     * @param uri      the endpoint (for SEND, the operation's route, with these headers)
     * @param headers  the message headers (SEND only)
     * @param expected the whole message, or the part of it that names operation, parameter and problem
     */
    private record Row(Stage stage, String uri, Map<String, Object> headers, String expected) {
        static Row producer(String uri, String expected) {
            return new Row(Stage.PRODUCER_START, uri, Map.of(), expected);
        }

        static Row consumer(String uri, String expected) {
            return new Row(Stage.CONSUMER_START, uri, Map.of(), expected);
        }

        static Row send(String operation, Map<String, Object> headers, String expected) {
            return new Row(Stage.SEND, operation, headers, expected);
        }
    }

    private static final List<Row> BAD_INPUTS = List.of(
            Row.producer("ai4call:analyticsCalls?limit=100000",
                    "ai4call:analyticsCalls: option 'limit' must be an integer from 1 to 1000, not '100000'"),
            Row.producer("ai4call:analyticsCalls?limit=-1",
                    "ai4call:analyticsCalls: option 'limit' must be an integer from 1 to 1000, not '-1'"),
            Row.send("analyticsCalls", Map.of(Ai4callConstants.LIMIT, 100000),
                    "ai4call:analyticsCalls: parameter 'limit' must be an integer from 1 to 1000, not '100000'"),
            Row.send("analyticsCalls", Map.of(Ai4callConstants.LIMIT, "0"),
                    "ai4call:analyticsCalls: parameter 'limit' must be an integer from 1 to 1000, not '0'"),
            Row.producer("ai4call:analyticsCalls?from=last-week",
                    "ai4call:analyticsCalls: option 'from' must be an RFC 3339 date-time such as 2026-01-01T00:00:00Z, "
                    + "not 'last-week'"),
            Row.send("analyticsCalls", Map.of(Ai4callConstants.FROM, "last-week"),
                    "ai4call:analyticsCalls: parameter 'from' must be an RFC 3339 date-time such as 2026-01-01T00:00:00Z, "
                    + "not 'last-week'"),
            Row.send("analyticsCalls", Map.of(Ai4callConstants.TO, "2026-02-01T00:00:00Z\n"),
                    "ai4call:analyticsCalls: parameter 'to' must be an RFC 3339 date-time such as 2026-01-01T00:00:00Z, "
                    + "not '2026-02-01T00:00:00Z\\n'"),
            Row.send("analyticsCalls", Map.of(Ai4callConstants.FROM, "+10000-01-01T00:00:00Z"),
                    "ai4call:analyticsCalls: parameter 'from' must be an RFC 3339 date-time such as 2026-01-01T00:00:00Z, "
                    + "not '+10000-01-01T00:00:00Z'"),
            Row.producer("ai4call:analyticsRecharges?metadataKey=lead_id",
                    "ai4call:analyticsRecharges: option 'metadataKey' is not a parameter of analyticsRecharges; it belongs to "
                    + "analyticsCalls, analyticsCallsOutbound"),
            Row.producer("ai4call:listAssistants?assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES,
                    "ai4call:listAssistants: option 'assistantApiKey' is not a parameter of listAssistants; it belongs to "),
            Row.producer("ai4call:analyticsCalls?assistantApiKey=not_a_key_secret",
                    "ai4call:analyticsCalls: option 'assistantApiKey' has the value which does not match the pattern"),
            Row.consumer("ai4call:analyticsCalls?overlap=PT-5M",
                    "ai4call:analyticsCalls: option 'overlap' must not be negative (records arriving late would be lost), "
                    + "not 'PT-5M'"),
            Row.consumer("ai4call:analyticsCalls?startFrom=P-1D",
                    "ai4call:analyticsCalls: option 'startFrom' must be in the past (a period back from now such as P7D), "
                    + "not 'P-1D'"),
            Row.consumer("ai4call:analyticsCalls?startFrom=2999-01-01T00:00:00Z",
                    "ai4call:analyticsCalls: option 'startFrom' must be in the past"),
            Row.consumer("ai4call:analyticsCalls?startFrom=P1000000000D",
                    "ai4call:analyticsCalls: option 'startFrom' goes back before the year 0000, which no RFC 3339 date-time "
                    + "can say: 'P1000000000D'"),
            Row.producer("ai4call:listAssistants?maxRetries=-5",
                    "ai4call:listAssistants: option 'maxRetries' must be a number of retries (0: none), not -5"),
            Row.producer("ai4call:listAssistants?retryInitialDelay=-1000",
                    "ai4call:listAssistants: option 'retryInitialDelay' must be a number of milliseconds, not -1000"),
            Row.producer("ai4call:listAssistants?retryMaxDelay=-1",
                    "ai4call:listAssistants: option 'retryMaxDelay' must be a number of milliseconds, not -1"),
            Row.producer("ai4call:listAssistants?baseUrl=http://127.0.0.1.nip.io:9",
                    "ai4call:listAssistants: option 'baseUrl' uses plain http on 127.0.0.1.nip.io; credentials would "
                    + "travel unencrypted. Use https, or set allowInsecureHttp=true"),
            Row.producer("ai4call:listAssistants?baseUrl=http://127.0.0.1.example.com:9",
                    "ai4call:listAssistants: option 'baseUrl' uses plain http on 127.0.0.1.example.com"));

    /** One test per row: the input is refused with its message, naming operation and parameter, never a key. */
    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedBeforeHttp() {
        return BAD_INPUTS.stream().map(row -> DynamicTest.dynamicTest(row.stage() + " " + row.uri() + " " + row.headers(),
                () -> {
                    String messages = switch (row.stage()) {
                        case PRODUCER_START -> refusalOf(row.uri());
                        case CONSUMER_START -> consumerRefusalOf(row.uri());
                        case SEND -> {
                            Ai4callInvalidRequestException e = invalid(row.uri(), null, row.headers());
                            yield e.getMessage();
                        }
                    };
                    assertTrue(messages.contains(row.expected()), messages);
                    for (String key : List.of(DemoData.DEMO_PORTAL_API_KEY, DemoData.DEMO_ASSISTANT_SALES, "not_a_key_secret")) {
                        assertFalse(messages.contains(key), "the message shows a key: " + messages);
                    }
                    nothingWasSent();
                }));
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

    @Test
    void aFeedPollsOnceAMinuteUnlessDelayIsSet() throws Exception {
        Ai4callEndpoint endpoint = context.getEndpoint("ai4call:analyticsCalls", Ai4callEndpoint.class);
        Ai4callFeedConsumer consumer = (Ai4callFeedConsumer) endpoint.createConsumer(e -> { });
        assertEquals(60_000, consumer.getDelay(), "not Camel's 500 ms: each poll is a request to a billed API");
        Ai4callEndpoint set = context.getEndpoint("ai4call:analyticsCalls?delay=5000", Ai4callEndpoint.class);
        assertEquals(5_000, ((Ai4callFeedConsumer) set.createConsumer(e -> { })).getDelay());
    }

    /** Routes added so far: each refused route gets its own names. */
    private int refusals;

    /** The messages of the exception (and its causes) that adding a route from {@code uri} fails with. */
    private String consumerRefusalOf(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("refused-consumer" + ++refusals).to("log:never");
            }
        }));
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join("\n", messages);
    }

    /** The messages of the exception (and its causes) that adding a route to {@code uri} fails with. */
    private String refusalOf(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:refused" + ++refusals).to(uri);
            }
        }));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
