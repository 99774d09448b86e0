package io.github.camelai4call.examples.flows;

import org.apache.camel.builder.RouteBuilder;

/**
 * Flow 2, outcome tracking: the outcome of every call placed with a lead_id comes back from analytics and is
 * appended to {@code {{crm.dir}}/outcomes.csv} (lead_id,call_id,outcome,duration_seconds,cost), next to the leads.
 * Each record once, across restarts and crashes ({@code outcomes.state}: the watermark and delivered ids, replaced
 * atomically; docs/consumers.md, "Crashes", says which few records a crash can deliver again).
 * YAML twin: {@code routes/call-outcomes-to-crm.camel.yaml}.
 */
public class CallOutcomesToCrm extends RouteBuilder {

    @Override
    public void configure() {
        from("ai4call:analyticsCallsOutbound?outputType=map&metadataKey=lead_id&startFrom={{crm.outcomes-since:P1D}}"
             + "&delay={{crm.outcomes-delay:60000}}&stateFile={{crm.dir}}/outcomes.state")
            .routeId("call-outcomes-to-crm")
            .setBody(simple("${body[metadata][lead_id]},${body[id]},${body[outcome]},${body[durationSeconds]},${body[cost]}\\n"))
            .to("file:{{crm.dir}}?fileName=outcomes.csv&fileExist=Append")
            .log("Lead outcome: ${body.trim()}");
    }
}
