package io.github.camelai4call.component.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

import io.github.camelai4call.component.Ai4callComponent;

/**
 * A Camel context whose routes serve three tools through ai4call:mcpTool on platform-http (Vert.x) at a free
 * loopback port, with a webhook secret on the component: crm_lookup (the default schema, answers a Map),
 * book_appointment (its schema from the classpath, answers a String) and crm_down (fails).
 */
final class McpTestServer implements AutoCloseable {

    static final String SECRET = "whsec_test_5f2c0d9e8b7a6f5e4d3c2b1a";

    final AtomicInteger routed = new AtomicInteger();
    final int port = AvailablePortFinder.getNextAvailable();
    final CamelContext context = new DefaultCamelContext();

    McpTestServer() throws Exception {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        context.getComponent("ai4call", Ai4callComponent.class).getConfiguration().setWebhookSecret(SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:mcpTool?toolName=crm_lookup&description=Looks up a customer by phone number")
                        .process(e -> {
                            routed.incrementAndGet();
                            Map<?, ?> arguments = e.getMessage().getBody(Map.class);
                            Map<String, Object> customer = new LinkedHashMap<>();
                            customer.put("number", arguments.get("number"));
                            customer.put("name", "Ada Lovelace");
                            customer.put("tool", e.getMessage().getHeader(McpToolOptions.TOOL_NAME_HEADER));
                            customer.put("leadId", ((Map<?, ?>) arguments.get("metadata")).get("lead_id"));
                            e.getMessage().setBody(customer);
                        });
                from("ai4call:mcpTool?toolName=book_appointment&description=Books an appointment"
                     + "&inputSchema=classpath:mcp/book-appointment-schema.json")
                        .process(e -> routed.incrementAndGet())
                        .setBody(simple("Booked ${body[day]} for ${body[number]}"));
                from("ai4call:mcpTool?toolName=crm_down&description=Always fails")
                        .process(e -> routed.incrementAndGet())
                        .throwException(new IllegalStateException("the CRM is down"));
            }
        });
        context.start();
    }

    String url() {
        return "http://127.0.0.1:" + port + McpToolOptions.DEFAULT_PATH;
    }

    @Override
    public void close() {
        context.stop();
    }
}
