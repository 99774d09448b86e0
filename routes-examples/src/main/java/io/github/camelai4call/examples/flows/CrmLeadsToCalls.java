package io.github.camelai4call.examples.flows;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Flow 1, CRM/ERP leads to calls: every CSV file dropped in {@code {{crm.dir}}/inbox} (columns lead_id,name,phone)
 * becomes one outbound call per lead, with the lead_id as call metadata, throttled to the account's hourly call
 * limit, and each lead called once, also after a restart (file-backed idempotent repository on lead_id).
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
                .setBody(simple("{\"to\":\"${body[phone]}\",\"metadata\":{\"lead_id\":\"${body[lead_id]}\"}}"))
                .to("ai4call:outboundCall?outputType=map&assistantApiKey=RAW({{ai4call.assistant}})")
                .log("Lead ${header.CamelFileName}: call ${body[callId]} ${body[status]}");
    }
}
