package io.github.camelai4call.examples.flows;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Flow 2, outcome tracking: the outcome of every call placed with a lead_id comes back from analytics and is
 * appended to {@code {{crm.dir}}/outcomes.csv} (lead_id,call_id,outcome,duration_seconds,cost), next to the leads.
 * Each record once, across restarts (file-backed watermark and delivered ids).
 * YAML twin: {@code routes/call-outcomes-to-crm.camel.yaml}.
 */
public class CallOutcomesToCrm extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{crm.dir}}");
        bindToRegistry("outcomeState", FileStateRepository.fileStateRepository(new File(dir, "outcomes.state")));
        // the consumer keeps one overlap window of ids: a plain map in memory, not an LRU cache (docs/consumers.md)
        bindToRegistry("outcomeIds",
                FileIdempotentRepository.fileIdempotentRepository(new File(dir, "outcomes.ids"), new ConcurrentHashMap<>()));

        from("ai4call:analyticsCallsOutbound?outputType=map&metadataKey=lead_id&startFrom={{crm.outcomes-since:P1D}}"
             + "&delay={{crm.outcomes-delay:60000}}&stateRepository=#outcomeState&idempotentRepository=#outcomeIds")
            .routeId("call-outcomes-to-crm")
            .setBody(simple("${body[metadata][lead_id]},${body[id]},${body[outcome]},${body[durationSeconds]},${body[cost]}\\n"))
            .to("file:{{crm.dir}}?fileName=outcomes.csv&fileExist=Append")
            .log("Lead outcome: ${body.trim()}");
    }
}
