package io.github.camelai4call.component.mcp;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/** The routes of docs/mcp.md, word for word between the markers (McpDocsExampleTest checks the page). */
public class CrmToolRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // docs:begin
        // a tool of the MCP server at /ai4call/mcp: the arguments {number, metadata} arrive as a Map
        from("ai4call:mcpTool?toolName=crm_lookup&description=Looks up a customer by phone number")
            .process(e -> {
                Map<?, ?> args = e.getMessage().getBody(Map.class);
                e.getMessage().setBody(Map.of("number", args.get("number"), "customer", "Ada Lovelace", "tier", "gold"));
            }); // a Map or POJO becomes JSON text, a String stays as it is

        // once, at deployment: the assistant's pre-call MCP configuration points at this application
        from("timer:register-mcp?repeatCount=1")
            .setBody(simple("{\"enabled\":true,\"serverUrl\":\"${properties:app.public-url}/ai4call/mcp\",\"tools\":[\"crm_lookup\"]}"))
            .to("ai4call:updateMcpConfig?assistantApiKey=RAW({{ai4call.assistant}})")
            .log("pre-call MCP configuration: ${body}");
        // docs:end
    }
}
