package io.github.camelai4call.examples.flows;

import java.io.File;
import java.util.LinkedHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.component.Ai4callException;

/**
 * Flow 1, CRM/ERP leads to calls, through two doors that share one memory of the leads already called:
 * <ul>
 * <li>every CSV file dropped in {@code {{crm.dir}}/inbox} (columns lead_id,name,phone) becomes one outbound call per
 * lead, throttled to the account's hourly call limit;</li>
 * <li>a CRM posts one lead as JSON ({@code {"lead_id": ..., "name": ..., "phone": ...}}) to
 * {@code {{crm.leads-path:/crm/leads}}} (platform-http) and is answered with the call it placed, or
 * {@code duplicate} when it posts the same lead again (a retry, a second click).</li>
 * </ul>
 * Each lead is called once, also after a restart and whichever door it came through (file-backed idempotent
 * repository on lead_id); the lead_id goes with the call as metadata. The contract defines no idempotency key for
 * outboundCall, so the lead_id in the metadata is the reference a call is found again by.
 * <p>
 * A call whose delivery is UNKNOWN (no complete answer: it may have been placed) is not called again blindly: the lead
 * stays in the repository, and after {@code crm.reconcile-window} (longer than the longest call: the feed has a call
 * once it has ended) the calls-outbound feed is asked for a call with its lead_id. Found: it was placed, done. Absent:
 * it was not, and the lead is forgotten so that the next drop of the file (or post) calls it. A call that was NOT_SENT
 * or REJECTED fails the file, or answers the post with 500, and the lead is forgotten at once.
 * YAML twin: {@code routes/crm-leads-to-calls.camel.yaml}.
 */
public class CrmLeadsToCalls extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{crm.dir}}");
        bindToRegistry("calledLeads", FileIdempotentRepository.fileIdempotentRepository(new File(dir, "called-leads.ids"), 100_000));

        from("file:{{crm.dir}}/inbox?include=.*\\.csv&move=done&moveFailed=failed&delay={{crm.poll-delay:1000}}")
            .routeId("crm-leads-to-calls")
            .unmarshal(dataFormat().csv().useMaps(true).end())          // List<Map>, keys from the header line
            .setProperty("leads", body())
            .to("ai4call:getCallLimits?outputType=map")                    // the account's limits, read per file
            .setHeader("maxCallsPerHour", simple("${body[maxCallsPerHour]}"))
            .setBody(exchangeProperty("leads"))
            .split(body())
                .idempotentConsumer(simple("${body[lead_id]}")).idempotentRepository("calledLeads")
                .throttle(header("maxCallsPerHour")).totalRequestsMode()
                    .timePeriodMillis("{{crm.throttle-period:3600000}}")
                .to("direct:crm-call-lead");

        // a posted lead is not throttled: over the account's limits AI4CALL refuses the call (REJECTED), the CRM gets
        // 500 and the lead is forgotten, so the CRM's retry calls it
        from("platform-http:{{crm.leads-path:/crm/leads}}?httpMethodRestrict=POST&muteException=true")
            .routeId("crm-lead-posted")
            .unmarshal().json(JsonLibrary.Jackson, LinkedHashMap.class)
            .setProperty("leadId", simple("${body[lead_id]}"))
            .idempotentConsumer(simple("${body[lead_id]}")).idempotentRepository("calledLeads")
                .to("direct:crm-call-lead")
            .end()
            .choice()
                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                    .setBody(simple("{\"lead_id\":\"${exchangeProperty.leadId}\",\"status\":\"duplicate\"}"))
                .when(header(Ai4callConstants.DELIVERY).isEqualTo("UNKNOWN"))
                    .setBody(simple("{\"lead_id\":\"${exchangeProperty.leadId}\",\"status\":\"unknown\"}"))
                .otherwise()
                    .setBody(simple("{\"lead_id\":\"${exchangeProperty.leadId}\",\"status\":\"${body[status]}\","
                                    + "\"callId\":\"${body[callId]}\"}"))
            .end()
            .removeHeaders("*")                                             // nothing of the call goes back to the CRM
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));

        // one lead (a Map with lead_id and phone) becomes one call
        from("direct:crm-call-lead")
            .routeId("crm-call-lead")
            .setHeader("leadId", simple("${body[lead_id]}"))
            .setBody(simple("{\"to\":\"${body[phone]}\",\"metadata\":{\"lead_id\":\"${body[lead_id]}\"}}"))
            .doTry()
                .to("ai4call:outboundCall?outputType=map&assistantApiKey=RAW({{ai4call.assistant}})")
                .log("Lead ${header.leadId}: call ${body[callId]} ${body[status]}")
            .doCatch(Ai4callException.class).onWhen(header(Ai4callConstants.DELIVERY).isEqualTo("UNKNOWN"))
                // it may have been placed: keep the lead (never call it twice) and look for the call later
                .log(LoggingLevel.WARN, "Lead ${header.leadId}: delivery UNKNOWN, looking for its call in the feed")
                .to("seda:crm-reconcile-lead")
            .end();

        from("seda:crm-reconcile-lead")
            .routeId("crm-reconcile-lead")
            .delay(constant("{{crm.reconcile-window:900000}}"))              // the feed has a call once it has ended
            .setHeader(Ai4callConstants.METADATA_VALUE, header("leadId"))
            .to("ai4call:analyticsCallsOutbound?metadataKey=lead_id&outputType=map")
            .choice()
                .when(simple("${body[items].size()} == 0"))
                    .log("Lead ${header.leadId}: no call after the window, so none was placed; called on the next drop")
                    .bean("calledLeads", "remove(${header.leadId})")
                .otherwise()
                    .log("Lead ${header.leadId}: placed as ${body[items][0][id]}, done")
            .end();
    }
}
