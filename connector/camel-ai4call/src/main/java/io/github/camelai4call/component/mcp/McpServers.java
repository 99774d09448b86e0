package io.github.camelai4call.component.mcp;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

import io.modelcontextprotocol.server.McpStatelessServerFeatures;

/**
 * The MCP servers of one Camel context, one per path: a context service, so the servers end with the context.
 * A server starts with its first tool and stops with its last.
 */
final class McpServers extends ServiceSupport {

    private final CamelContext context;
    private final Map<String, McpPathServer> byPath = new HashMap<>();

    private McpServers(CamelContext context) {
        this.context = context;
    }

    /** The context's servers, created on first use. */
    static McpServers of(CamelContext context) throws Exception {
        synchronized (context) {
            McpServers servers = context.hasService(McpServers.class);
            if (servers == null) {
                servers = new McpServers(context);
                context.addService(servers, true, true);
            }
            return servers;
        }
    }

    synchronized void add(String path, McpPathServer.Signing signing, McpStatelessServerFeatures.SyncToolSpecification tool)
            throws Exception {
        McpPathServer server = byPath.get(path);
        if (server == null) {
            server = new McpPathServer(context, path, signing);
            byPath.put(path, server);
        } else if (!server.signing().equals(signing)) {
            throw new IllegalStateException("ai4call:" + McpToolOptions.NAME + "?toolName=" + tool.tool().name()
                                            + ": the tools at " + path + " must share one webhookSecret and signatureTolerance "
                                            + "(values not shown)");
        }
        server.add(tool);
    }

    synchronized void remove(String path, String toolName) {
        McpPathServer server = byPath.get(path);
        if (server != null && !server.remove(toolName)) {
            byPath.remove(path);
            server.close();
        }
    }


    @Override
    protected synchronized void doStop() {
        byPath.values().forEach(McpPathServer::close);
        byPath.clear();
    }
}
