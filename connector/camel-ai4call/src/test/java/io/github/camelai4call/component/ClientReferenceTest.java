package io.github.camelai4call.component;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * clientReferenceKey: each outbound call carries a client reference in its metadata, so that a call whose delivery is
 * UNKNOWN can be looked up in the calls-outbound feed instead of being placed again.
 */
class ClientReferenceTest extends Ai4callTestSupport {

    private static final Map<String, Object> CALL = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES,
            "to", "+390810000001", "metadata", Map.of("lead_id", "L-1"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("ai4call:outboundCall?clientReferenceKey=client_ref");
                from("direct:plain").to("ai4call:outboundCall");
            }
        };
    }

    private Exchange call(String route, Object body, String reference) {
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            if (reference != null) {
                e.getMessage().setHeader(Ai4callConstants.CLIENT_REFERENCE, reference);
            }
        });
    }

    private Map<String, Object> metadataOfCall(int index) {
        return simulator().outboundCalls().get(index).metadata();
    }

    /** The calls-outbound feed's records with that reference. */
    private JsonNode feedRecords(String reference) {
        return template.requestBodyAndHeader("ai4call:analyticsCallsOutbound?outputType=jsonNode&metadataKey=client_ref",
                null, Ai4callConstants.METADATA_VALUE, reference, JsonNode.class).path("items");
    }

    @Test
    void eachCallCarriesTheReferenceOfTheHeaderOrElseTheExchangeId() {
        call("direct:call", CALL, "lead-42");
        assertEquals(Map.of("lead_id", "L-1", "client_ref", "lead-42"), metadataOfCall(0), "the route's metadata is kept");

        Exchange generated = call("direct:call", CALL, null);
        String reference = generated.getMessage().getHeader(Ai4callConstants.CLIENT_REFERENCE, String.class);
        assertEquals(generated.getExchangeId(), reference, "the reference used is left in the header");
        assertEquals(reference, metadataOfCall(1).get("client_ref"));

        call("direct:call", Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "+390810000001",
                "metadata", Map.of("client_ref", "own")), "lead-43");
        assertEquals("own", metadataOfCall(2).get("client_ref"), "a reference in the body is not replaced");

        call("direct:call", "{\"assistantApiKey\":\"" + DemoData.DEMO_ASSISTANT_SALES + "\",\"to\":\"+390810000001\"}",
                "lead-44");
        assertEquals(Map.of("client_ref", "lead-44"), metadataOfCall(3), "a body without metadata gets it");

        Exchange plain = call("direct:plain", CALL, null);
        assertEquals(Map.of("lead_id", "L-1"), metadataOfCall(4), "without clientReferenceKey the body is sent as it is");
        assertNull(plain.getMessage().getHeader(Ai4callConstants.CLIENT_REFERENCE));
    }

    @Test
    void anUnknownDeliveryIsReconciledFromTheCallsOutboundFeed() throws Exception {
        simulator().faults().inject("outboundCall", Fault.truncateBody().times(1));
        Exchange placed = call("direct:call", CALL, "lead-7");
        assertNotNull(placed.getException());
        assertEquals("UNKNOWN", placed.getMessage().getHeader(Ai4callConstants.DELIVERY));

        simulator().faults().inject("outboundCall", Fault.dropConnection().times(1));
        Exchange dropped = call("direct:call", CALL, "lead-8");
        assertEquals("UNKNOWN", dropped.getMessage().getHeader(Ai4callConstants.DELIVERY));

        // the feed has a record once the call has ended (1 s in the simulator): wait for it, within a window
        long deadline = System.currentTimeMillis() + 15_000;
        while (feedRecords("lead-7").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        JsonNode found = feedRecords("lead-7");
        assertEquals(1, found.size(), "the UNKNOWN call was placed: mark it done, do not call again");
        assertEquals("lead-7", found.get(0).path("metadata").path("client_ref").asText());
        assertEquals(0, feedRecords("lead-8").size(), "absent after the window: not placed, safe to call again");
        assertEquals(1, simulator().outboundCalls().size());
    }
}
