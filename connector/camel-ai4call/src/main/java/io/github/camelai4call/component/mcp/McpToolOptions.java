package io.github.camelai4call.component.mcp;

import java.util.List;
import java.util.Map;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of {@code ai4call:mcpTool?toolName=...}, the route that answers one tool of the context's MCP server
 * (Streamable HTTP, served through platform-http), the server an assistant's pre-call MCP configuration
 * ({@code updateMcpConfig}, {@code serverUrl}) points to. Part of the component descriptor (label {@code mcp}); the
 * webhook secret and the signature tolerance are the ones the callback consumers use.
 */
@UriParams
public class McpToolOptions {

    /** The name after {@code ai4call:}. */
    public static final String NAME = "mcpTool";
    /** Where the tools are served unless {@code mcpPath} is set. */
    public static final String DEFAULT_PATH = "/ai4call/mcp";
    /** The header that carries the name of the tool called. */
    public static final String TOOL_NAME_HEADER = "CamelAi4callMcpToolName";

    @UriParam(label = "consumer,mcp",
              description = "mcpTool: the tool's name, as the MCP client lists and calls it (the name McpConfig.tools "
                            + "gives). Required for mcpTool.")
    @Metadata(displayName = "Tool name")
    private String toolName;
    @UriParam(label = "consumer,mcp", description = "mcpTool: what the tool does, for the assistant's model.")
    private String description;
    @UriParam(label = "consumer,mcp",
              description = "mcpTool: the JSON Schema (an object schema) of the tool's arguments, as JSON text or a "
                            + "resource (classpath:crm-lookup.json, file:...). Default: the {number, metadata} the "
                            + "platform sends, number required.")
    private String inputSchema;
    @UriParam(label = "consumer,mcp", defaultValue = DEFAULT_PATH,
              description = "mcpTool: the HTTP path of the MCP server; the tools of one context that name the same path "
                            + "are tools of one server, and share its webhookSecret and signatureTolerance.")
    private String mcpPath = DEFAULT_PATH;

    /**
     * The options of this class as the descriptor names them (label {@code mcp}); McpToolOptionsTest checks the list
     * against the generated descriptor, so a new option cannot be left out. A list rather than reflection: nothing to
     * register for a native image, nothing read at start-up.
     */
    static final List<String> OPTIONS = List.of("toolName", "description", "inputSchema", "mcpPath");

    /**
     * Refuses an option of {@code ai4call:mcpTool} in the URI of another endpoint, naming it as written. Matched the
     * way Camel binds options: ignoring case and dashes ({@code tool-name}, {@code toolname}).
     *
     * @param endpoint   the endpoint as the user wrote it, e.g. {@code ai4call:listAssistants}
     * @param parameters the options of its URI
     */
    public static void refuseOn(String endpoint, Map<String, Object> parameters) {
        for (String key : parameters.keySet()) {
            String bare = key.replace("-", "");
            for (String option : OPTIONS) {
                if (option.equalsIgnoreCase(bare)) {
                    throw new IllegalArgumentException(endpoint + ": option '" + key + "' is an option of ai4call:" + NAME
                                                       + " only");
                }
            }
        }
    }

    /** Refuses, naming the option, what no MCP client could use. */
    public void check() {
        if (toolName == null || toolName.isBlank()) {
            throw new IllegalArgumentException("ai4call:" + NAME + " needs the option toolName (the tool's name, e.g. crm_lookup)");
        }
        if (mcpPath == null || !mcpPath.startsWith("/")) {
            throw new IllegalArgumentException("ai4call:" + NAME + "?toolName=" + toolName + ": option 'mcpPath' must start with /");
        }
    }

    public String getToolName() {
        return toolName;
    }

    public void setToolName(String toolName) {
        this.toolName = toolName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInputSchema() {
        return inputSchema;
    }

    public void setInputSchema(String inputSchema) {
        this.inputSchema = inputSchema;
    }

    public String getMcpPath() {
        return mcpPath;
    }

    public void setMcpPath(String mcpPath) {
        this.mcpPath = mcpPath;
    }
}
