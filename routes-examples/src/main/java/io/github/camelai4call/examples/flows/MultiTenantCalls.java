package io.github.camelai4call.examples.flows;

import org.apache.camel.builder.RouteBuilder;

import io.github.camelai4call.component.Ai4callConstants;

/**
 * Flow 6, multi-tenant: one route places calls for several customers. The header {@code tenant} names the
 * customer; its credentials and assistant come from the properties {@code tenant.<name>.email},
 * {@code tenant.<name>.portal-api-key} and {@code tenant.<name>.assistant} and travel as per-exchange headers (an
 * unknown tenant fails before any HTTP call). The body is the call: {"to": "+39...", "metadata": {...}}.
 * YAML twin: {@code routes/multi-tenant-calls.camel.yaml}.
 */
public class MultiTenantCalls extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:tenant-call")
            .routeId("multi-tenant-calls")
            .setHeader(Ai4callConstants.EMAIL, simple("${properties:tenant.${header.tenant}.email}"))
            .setHeader(Ai4callConstants.PORTAL_API_KEY, simple("${properties:tenant.${header.tenant}.portal-api-key}"))
            .setHeader(Ai4callConstants.ASSISTANT_API_KEY, simple("${properties:tenant.${header.tenant}.assistant}"))
            .to("ai4call:outboundCall?outputType=map")
            .removeHeaders("CamelAi4call(Email|PortalApiKey|AssistantApiKey)")   // no credentials travel further
            .log("Tenant ${header.tenant}: call ${body[callId]} ${body[status]}");
    }
}
