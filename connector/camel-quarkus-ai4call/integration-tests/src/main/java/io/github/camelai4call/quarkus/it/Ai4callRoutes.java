package io.github.camelai4call.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.apache.camel.builder.RouteBuilder;

/**
 * A small application: three producers behind direct: endpoints and a consumer of the outbound-calls analytics feed.
 * No base URL or credentials anywhere: in dev and test mode the extension's dev service provides them.
 */
@Singleton
public class Ai4callRoutes extends RouteBuilder {

    private final List<Object> feedRecords = new CopyOnWriteArrayList<>();

    @Override
    public void configure() {
        from("direct:listAssistants").routeId("list-assistants")
                .to("ai4call:listAssistants?outputType=map");
        from("direct:getAssistant").routeId("get-assistant")
                .to("ai4call:getAssistant");
        from("direct:outboundCall").routeId("outbound-call")
                .to("ai4call:outboundCall");
        from("ai4call:analyticsCallsOutbound?startFrom=P1D&delay=1000").routeId("outbound-feed")
                .autoStartup("{{app.feed.enabled}}")
                .process(e -> feedRecords.add(e.getMessage().getBody()));
    }

    /** What the feed route delivered so far. */
    public List<Object> feedRecords() {
        return feedRecords;
    }
}
