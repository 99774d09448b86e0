package io.github.camelai4call.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.github.camelai4call.component.Ai4callConstants;

/**
 * A small application: three producers behind direct: endpoints and a consumer of the outbound-calls analytics feed.
 * No base URL or credentials anywhere: in dev and test mode the extension's dev service provides them. With
 * {@code app.run-once.enabled=true} ({@link RunOnceAtStart}) a packaged run calls the three producers once at start
 * and logs their answers, with the assistant key {@code ai4call.assistant-api-key} (env AI4CALL_ASSISTANT_API_KEY).
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
                .log(LoggingLevel.DEBUG, "${routeId} record ${body}")
                .process(e -> feedRecords.add(e.getMessage().getBody()));
        from(RunOnceAtStart.ENDPOINT).routeId("run-once")
                .to("direct:listAssistants").log("listAssistants: ${body}")
                .setHeader(Ai4callConstants.ASSISTANT_API_KEY, simple("${properties:ai4call.assistant-api-key}"))
                .to("direct:getAssistant").log("getAssistant: ${body}")
                .removeHeader(Ai4callConstants.ASSISTANT_API_KEY)
                .setBody(simple("{\"assistantApiKey\":\"${properties:ai4call.assistant-api-key}\",\"to\":\"+390810000001\","
                        + "\"metadata\":{\"lead_id\":\"run-once\"}}"))
                .to("direct:outboundCall").log("outboundCall: ${body}")
                .log("${routeId} done");
    }

    /** What the feed route delivered so far. */
    public List<Object> feedRecords() {
        return feedRecords;
    }
}
