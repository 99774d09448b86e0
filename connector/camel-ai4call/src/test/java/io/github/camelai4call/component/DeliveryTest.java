package io.github.camelai4call.component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a request may have reached AI4CALL, in the exception and the CamelAi4callDelivery header, against the
 * simulator's fault injection: a route can tell a call that was never sent or was refused from one that may have been
 * placed.
 */
class DeliveryTest extends Ai4callTestSupport {

    private static final Map<String, Object> CALL = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES,
            "to", "+390810000001", "metadata", Map.of("lead_id", "L-1"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a long request timeout: on a loaded machine a cut answer must not become a late one instead
                from("direct:outboundCall").to("ai4call:outboundCall?requestTimeout=20000");
                from("direct:outboundCallPbx").to("ai4call:outboundCallPbx");
                from("direct:unreachable").to("ai4call:outboundCall?baseUrl=http://127.0.0.1:1&maxRetries=2");
                // what a route does with it: branch on the header
                from("direct:branch")
                    .doTry()
                        .to("ai4call:outboundCall?requestTimeout=20000")
                        .setBody(simple("placed ${header.CamelAi4callDelivery}"))
                    .doCatch(Ai4callException.class)
                        .choice()
                            .when(header(Ai4callConstants.DELIVERY).isEqualTo("UNKNOWN")).setBody(constant("wait for the feed"))
                            .otherwise().setBody(simple("not placed ${header.CamelAi4callDelivery}"))
                        .end()
                    .end();
            }
        };
    }

    private Exchange place(String route) {
        return send(route, CALL);
    }

    private Exchange send(String route, Object body) {
        return template.request(route, e -> e.getMessage().setBody(body));
    }

    private static Ai4callException failure(Exchange exchange) {
        return assertInstanceOf(Ai4callException.class, exchange.getException());
    }

    private static Object outcomeHeader(Exchange exchange) {
        return exchange.getMessage().getHeader(Ai4callConstants.DELIVERY);
    }

    @Test
    void aPlacedCallIsAccepted() {
        Exchange exchange = place("direct:outboundCall");
        assertEquals(null, exchange.getException());
        assertEquals("ACCEPTED", outcomeHeader(exchange));
    }

    @Test
    void aConnectionThatCannotBeOpenedIsNotSentAndTriedAgainSafely() {
        Exchange exchange = place("direct:unreachable");
        Ai4callException e = failure(exchange);
        assertEquals(Ai4callDelivery.NOT_SENT, e.getDelivery());
        assertEquals("NOT_SENT", outcomeHeader(exchange));
        assertEquals(0, e.getStatusCode());
        assertEquals(3, e.getAttempts(), "nothing left, so even an outbound call is tried again");
        assertTrue(e.getMessage().contains("NOT_SENT"), e.getMessage());
    }

    @Test
    void anErrorAnswerIsRejected() {
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        Exchange unavailable = place("direct:outboundCall");
        assertEquals(Ai4callDelivery.REJECTED, failure(unavailable).getDelivery());
        assertEquals("REJECTED", outcomeHeader(unavailable));
        assertEquals(503, failure(unavailable).getStatusCode());

        Exchange invalid = send("direct:outboundCall", Map.of("assistantApiKey", DemoData.ACME_ASSISTANT_RECEPTION,
                "to", "+390810000001"));
        Ai4callException e = failure(invalid);
        assertTrue(e.isClientError(), e.getMessage());
        assertEquals(Ai4callDelivery.REJECTED, e.getDelivery());
        assertEquals("REJECTED", outcomeHeader(invalid));
        assertEquals(0, simulator().outboundCalls().size(), "nothing placed");
    }

    @Test
    void aGatewayErrorMayHaveBeenCarriedOut() {
        simulator().faults().inject("outboundCall", Fault.status(504).times(1));
        Exchange exchange = place("direct:outboundCall");
        assertEquals(Ai4callDelivery.UNKNOWN, failure(exchange).getDelivery());
        assertEquals(504, failure(exchange).getStatusCode());
    }

    @Test
    void aConnectionDroppedAfterSendingIsUnknown() {
        simulator().faults().inject("outboundCall", Fault.dropConnection().times(1));
        Exchange exchange = place("direct:outboundCall");
        Ai4callException e = failure(exchange);
        assertEquals(Ai4callDelivery.UNKNOWN, e.getDelivery());
        assertEquals("UNKNOWN", outcomeHeader(exchange));
        assertEquals(1, e.getAttempts(), "may have been received, so never sent again");
        assertEquals(1, simulator().requestCount("outboundCall"));
    }

    @Test
    void aTruncatedAnswerIsUnknownAndTheCallWasPlaced() {
        simulator().faults().inject("outboundCall", Fault.truncateBody().times(1));
        Exchange exchange = place("direct:outboundCall");
        Ai4callException e = failure(exchange);
        assertEquals(Ai4callDelivery.UNKNOWN, e.getDelivery());
        assertEquals("UNKNOWN", outcomeHeader(exchange));
        assertTrue(e.getMessage().contains("may have reached AI4CALL"), e.getMessage());
        assertEquals(1, simulator().outboundCalls().size(), "the call was placed although the exchange failed");
    }

    @Test
    void aLateAnswerIsUnknown() {
        simulator().faults().inject("outboundCallPbx", Fault.delay(Duration.ofMillis(3000)).times(1));
        Throwable cause = failure("outboundCallPbx", CALL, null);
        assertEquals(Ai4callDelivery.UNKNOWN, assertInstanceOf(Ai4callException.class, cause).getDelivery());
    }

    @Test
    void aRouteBranchesOnTheHeader() {
        assertEquals("placed ACCEPTED", place("direct:branch").getMessage().getBody());
        simulator().faults().inject("outboundCall", Fault.truncateBody().times(1));
        assertEquals("wait for the feed", place("direct:branch").getMessage().getBody());
        simulator().faults().inject("outboundCall", Fault.status(429).times(1));
        assertEquals("not placed REJECTED", place("direct:branch").getMessage().getBody());
    }

    @Test
    void underRandomFaultsEveryPlacedCallIsAcceptedOrUnknown() {
        simulator().faults().inject("outboundCall", Fault.truncateBody().rate(0.1))
                .inject("outboundCall", Fault.dropConnection().rate(0.05))
                .inject("outboundCall", Fault.status(503).rate(0.05));
        Map<Ai4callDelivery, Integer> outcomes = new EnumMap<>(Ai4callDelivery.class);
        int calls = 200;
        for (int i = 0; i < calls; i++) {
            Exchange exchange = place("direct:outboundCall");
            outcomes.merge(Ai4callDelivery.valueOf(exchange.getMessage().getHeader(Ai4callConstants.DELIVERY, String.class)),
                    1, Integer::sum);
        }
        int accepted = outcomes.getOrDefault(Ai4callDelivery.ACCEPTED, 0);
        int unknown = outcomes.getOrDefault(Ai4callDelivery.UNKNOWN, 0);
        int placed = simulator().outboundCalls().size();
        assertEquals(calls, simulator().requestCount("outboundCall"), "one attempt per call: " + outcomes);
        assertTrue(unknown > 0 && outcomes.getOrDefault(Ai4callDelivery.REJECTED, 0) > 0, "faults happened: " + outcomes);
        assertTrue(placed >= accepted && placed <= accepted + unknown,
                "every placed call is ACCEPTED or UNKNOWN, none REJECTED or NOT_SENT: " + placed + " placed, " + outcomes);
    }
}
