package io.github.camelai4call.examples.springboot;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The example's three routes. The component's credentials and address come from {@code camel.component.ai4call.*};
 * the routes name only operations.
 */
@Component
public class LeadsToCallsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // once at start: the assistants of the account
        from("timer:assistants?repeatCount=1").routeId("list-assistants")
                .to("ai4call:listAssistants")
                .split(simple("${body.items}"))
                    .log("Assistant ${body.name} (${body.language}): ${body.status}");

        // every CSV file dropped into the leads folder (lead_id,name,phone): one outbound call per lead, the lead id
        // sent as call metadata so that the call's outcome can be matched back to it
        from("file:{{example.leads-dir}}?include=.*\\.csv&noop=true").routeId("leads-to-calls")
                .split(body().tokenize("\n"))
                    .filter(body().contains(",+"))
                    .setHeader("leadId", body().regexReplaceAll(",.*", ""))
                    .setBody(e -> outboundCall(e.getMessage().getBody(String.class)))
                    .to("ai4call:outboundCall?assistantApiKey=RAW({{example.assistant}})&outputType=map")
                    .log("Lead ${header.leadId}: call ${body[callId]} is ${body[status]}");

        // each call once it has ended, from the outbound-calls analytics feed: the lead id in its metadata matches
        // the outcome back to the lead (every record once; across restarts with stateFile, see docs/consumers.md)
        from("ai4call:analyticsCallsOutbound?startFrom={{example.outcomes-start-from}}&delay={{example.outcomes-delay}}")
                .routeId("call-outcomes")
                .filter(simple("${body.metadata[lead_id]} != null"))
                    .log("Lead ${body.metadata[lead_id]}: call ${body.id} ended ${body.outcome} after ${body.durationSeconds} s");
    }

    /** The outboundCall request of one CSV line. */
    static Map<String, Object> outboundCall(String line) {
        String[] fields = line.split(",");
        return Map.of("to", fields[2].trim(), "metadata", Map.of("lead_id", fields[0].trim()));
    }
}
