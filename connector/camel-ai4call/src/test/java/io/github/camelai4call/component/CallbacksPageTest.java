package io.github.camelai4call.component;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.component.support.JsonMapper;

import static io.github.camelai4call.component.CallbackPlatform.SECRET;
import static io.github.camelai4call.component.CallbackPlatform.callEnded;
import static io.github.camelai4call.component.CallbackPlatform.conversationSaved;
import static io.github.camelai4call.component.CallbackPlatform.toolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every snippet of docs/callbacks.md: the java blocks compiled as the bodies of RouteBuilder.configure() and run on
 * platform-http with the test playing the platform; the properties block's key checked against the descriptor.
 */
class CallbacksPageTest {

    private static final Path PAGE = Path.of(System.getProperty("committed.docs.dir", "../../docs"), "callbacks.md");

    @Test
    void everySnippetCompilesAndAnswersWhatThePageSays(@TempDir Path dir) throws Exception {
        List<String> java = blocks("java");
        assertEquals(4, java.size(), "the page's java snippets");
        ClassLoader loader = compile(dir, java);
        String cluster = java.stream().filter(s -> s.contains("JdbcMessageIdRepository")).findFirst().orElseThrow();

        CallbackPlatform platform = new CallbackPlatform();
        CamelContext node = node(platform, null);
        for (int i = 0; i < java.size(); i++) {
            if (!java.get(i).equals(cluster)) {
                node.addRoutes(snippet(loader, i));
            }
        }
        node.start();
        try {
            HttpResponse<String> booked = platform.post("/ai4call/tool-call", "toolCall", "p1",
                    toolCall("call_p", "book_appointment", "{\"date\":\"2026-12-03\"}"));
            JsonNode answer = JsonMapper.get().readTree(booked.body());
            assertEquals("Booked for 2026-12-03.", answer.get("result").asText(), booked.body());
            assertEquals("call_p", answer.get("callId").asText());
            assertEquals("apt_call_p", answer.get("data").get("appointmentId").asText());
            assertEquals("Two in stock in the Milan shop.", JsonMapper.get().readTree(platform.post("/ai4call/tool-call",
                    "toolCall", "p2", toolCall("call_q", "check_stock", "{}")).body()).get("result").asText());
            assertEquals(200, platform.post("/ai4call/call-ended", "callEnded", "p3", callEnded("call_p")).statusCode());
            assertEquals(200, platform.post("/ai4call/conversation-saved", "conversationSaved", "p4",
                    conversationSaved("call_p")).statusCode());
        } finally {
            node.stop();
        }

        // the cluster snippet on two nodes sharing one database: a delivery redelivered to the other node is not routed
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:callbacks-page;DB_CLOSE_DELAY=-1");
        AtomicInteger routed = new AtomicInteger();
        CallbackPlatform a = new CallbackPlatform();
        CallbackPlatform b = new CallbackPlatform();
        CamelContext nodeA = node(a, db);
        CamelContext nodeB = node(b, db);
        for (CamelContext n : List.of(nodeA, nodeB)) {
            n.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeCompletedEvent e
                        && e.getExchange().getMessage().getHeader(Ai4callConstants.CALLBACK_EVENT) != null) {
                        routed.incrementAndGet();
                    }
                }
            });
            n.addRoutes(snippet(loader, java.indexOf(cluster)));
            n.start();
        }
        try {
            assertEquals(200, a.post("/hooks/call-ended", "callEnded", "dlv_shared", callEnded("call_n")).statusCode());
            assertEquals(200, b.post("/hooks/call-ended", "callEnded", "dlv_shared", callEnded("call_n")).statusCode());
            assertEquals(200, b.post("/hooks/call-ended", "callEnded", "dlv_other", callEnded("call_o")).statusCode());
            assertEquals(2, routed.get(), "dlv_shared routed once over the two nodes, dlv_other once");
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
    }

    @Test
    void thePropertiesSnippetNamesTheComponentOption() throws Exception {
        List<String> properties = blocks("properties");
        assertEquals(1, properties.size());
        String key = properties.get(0).trim().split("=")[0];
        assertEquals("camel.component.ai4call.webhook-secret", key);
        String descriptor = new String(Ai4callComponent.class.getResourceAsStream(
                "/META-INF/io/github/camelai4call/component/ai4call.json").readAllBytes(), StandardCharsets.UTF_8);
        JsonNode option = JsonMapper.get().readTree(descriptor).get("componentProperties").get("webhookSecret");
        assertTrue(option != null && option.get("secret").asBoolean(), "webhookSecret is a secret component option");
    }

    private static CamelContext node(CallbackPlatform platform, DataSource db) throws Exception {
        CamelContext context = new DefaultCamelContext();
        platform.serve(context);
        java.util.Properties props = new java.util.Properties();
        props.setProperty("ai4call.webhook-secret", SECRET);
        context.getPropertiesComponent().setInitialProperties(props);
        // what camel.component.ai4call.webhook-secret does on Camel Main and Spring Boot
        context.getComponent("ai4call", Ai4callComponent.class).getConfiguration().setWebhookSecret(SECRET);
        if (db != null) {
            context.getRegistry().bind("dataSource", DataSource.class, db);
        }
        return context;
    }

    private static RoutesBuilder snippet(ClassLoader loader, int i) throws Exception {
        return (RoutesBuilder) loader.loadClass("snippets.Snippet" + i).getDeclaredConstructor().newInstance();
    }

    private static ClassLoader compile(Path dir, List<String> snippets) throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Path file = dir.resolve("snippets/Snippet" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package snippets;\n\n"
                                    + "import java.util.Map;\nimport javax.sql.DataSource;\n"
                                    + "import org.apache.camel.builder.RouteBuilder;\n"
                                    + "import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;\n"
                                    + "import io.github.camelai4call.model.*;\n\n"
                                    + "public class Snippet" + i + " extends RouteBuilder {\n"
                                    + "    @Override\n    public void configure() throws Exception {\n"
                                    + snippets.get(i).indent(8) + "    }\n}\n");
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")));
        args.addAll(files);
        assertEquals(0, compiler.run(null, null, null, args.toArray(String[]::new)), "the page's snippets compile");
        return new URLClassLoader(new URL[] { dir.toUri().toURL() }, CallbacksPageTest.class.getClassLoader());
    }

    private static List<String> blocks(String language) throws IOException {
        List<String> found = new ArrayList<>();
        StringBuilder block = null;
        boolean inBlock = false;
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            if (inBlock) {
                if (line.startsWith("```")) {
                    if (block != null) {
                        found.add(block.toString());
                    }
                    inBlock = false;
                } else if (block != null) {
                    block.append(line).append('\n');
                }
            } else if (line.startsWith("```")) {
                inBlock = true;
                block = line.substring(3).trim().equals(language) ? new StringBuilder() : null;
            }
        }
        return found;
    }
}
