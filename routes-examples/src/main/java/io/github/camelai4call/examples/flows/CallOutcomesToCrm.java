package io.github.camelai4call.examples.flows;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Flow 2, call outcomes pushed to the CRM: the outcome of every call placed with a lead_id is appended to
 * {@code {{crm.dir}}/outcomes.csv} (lead_id,call_id,outcome,duration_seconds,source), next to the leads, once per call.
 * It comes from two sources:
 * <ul>
 * <li>the call-ended webhook ({@code ai4call:callEnded}), seconds after the call: at start the
 * {@code call-outcomes-binding} route sets the assistant's hangup to post it to
 * {@code {{ai4call.callback-url}}/ai4call/call-ended};</li>
 * <li>the calls-outbound feed ({@code ai4call:analyticsCallsOutbound}), at every poll: it has every ended call, so
 * an outcome whose webhook was lost (refused, never sent, posted while this application was down) still arrives.</li>
 * </ul>
 * Whichever comes first is pushed; the other is dropped by an idempotent consumer on the call id, backed by
 * {@code {{crm.dir}}/pushed-outcomes.ids}, so each outcome reaches the CRM once, across restarts too. The feed also
 * keeps its own state ({@code outcomes.state}: watermark and delivered ids, replaced atomically), so that a poll
 * reads only what is new. YAML twin: {@code routes/call-outcomes-to-crm.camel.yaml}.
 */
public class CallOutcomesToCrm extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{crm.dir}}");
        bindToRegistry("pushedOutcomes", FileIdempotentRepository.fileIdempotentRepository(new File(dir, "pushed-outcomes.ids"), 100_000));

        from("timer:call-outcomes-binding?repeatCount=1&delay=0")
            .routeId("call-outcomes-binding")
            .setBody(simple("{\"action\":\"redirect\",\"redirectUrl\":\"{{ai4call.callback-url}}/ai4call/call-ended\"}"))
            .to("ai4call:updateHangup?assistantApiKey=RAW({{ai4call.assistant}})")
            .log("Call-ended events of the assistant now go to {{ai4call.callback-url}}/ai4call/call-ended");

        from("ai4call:callEnded?outputType=map")
            .routeId("call-ended-to-crm")
            .filter(simple("${body[metadata][lead_id]} != null"))              // the CRM's calls only
                .setHeader("callId", simple("${body[callId]}"))
                .setBody(simple("${body[metadata][lead_id]},${body[callId]},${body[outcome]},${body[durationSeconds]},webhook\\n"))
                .to("direct:crm-push-outcome");

        from("ai4call:analyticsCallsOutbound?outputType=map&metadataKey=lead_id&startFrom={{crm.outcomes-since:P1D}}"
             + "&delay={{crm.outcomes-delay:60000}}&stateFile={{crm.dir}}/outcomes.state")
            .routeId("call-outcomes-to-crm")
            .setHeader("callId", simple("${body[id]}"))
            .setBody(simple("${body[metadata][lead_id]},${body[id]},${body[outcome]},${body[durationSeconds]},feed\\n"))
            .to("direct:crm-push-outcome");

        from("direct:crm-push-outcome")
            .routeId("crm-push-outcome")
            .idempotentConsumer(header("callId")).idempotentRepository("pushedOutcomes")
                .to("file:{{crm.dir}}?fileName=outcomes.csv&fileExist=Append")
                .log("Lead outcome: ${body.trim()}");
    }
}
