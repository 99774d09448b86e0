package io.github.camelai4call.kamelets.it;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.OutboundCall;
import io.github.camelai4call.simulator.SimulatorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code camel run} of Camel JBang (its commands from camel-jbang-core, in a child JVM) on a YAML route that places a
 * call through {@code kamelet:ai4call-outbound-call-sink} and lists the assistants through {@code ai4call:}, with
 * the Kamelets folder as {@code --local-kamelet-dir}, against the simulator: once with the component's jar as an
 * argument and once as {@code --dep=}, as docs/tooling.md shows. What camel run downloads comes from the build's local
 * repository (a {@code file:} repository, Maven Central off once that repository has it), into a local repository
 * of its own under target/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CamelJBangTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).build()).resetBeforeEach();

    static final String VERSION = System.getProperty("project.version");
    static final String MARKER = "ai4call-jbang ";
    static final Path DIR = Repository.MODULE.resolve("target/camel-jbang");

    /** The route of docs/tooling.md. */
    static final String ROUTE = """
            - route:
                id: call-a-lead
                from:
                  uri: "timer:lead?repeatCount=1"
                  steps:
                    - setBody:
                        constant: '{"to":"+390810000021","metadata":{"lead_id":"JB-1"}}'
                    - to:
                        uri: "kamelet:ai4call-outbound-call-sink"
                        parameters:
                          email: "{{ai4call.email}}"
                          portalApiKey: "{{ai4call.portal-api-key}}"
                          assistantApiKey: "{{ai4call.assistant}}"
                          baseUrl: "{{ai4call.base-url}}"
                    - log: "ai4call-jbang call ${body}"
                    - to: "ai4call:listAssistants"
                    - log: "ai4call-jbang assistants ${body}"
            """;

    /** The command of docs/tooling.md; {@code <component>} is the jar argument or {@code --dep=...}. */
    static final String COMMAND = "camel run ai4call.camel.yaml <component> --local-kamelet-dir=<kamelets>"
            + " --properties=application.properties --max-messages=1";

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("ai4call.camel.yaml"), ROUTE);
        Files.writeString(DIR.resolve("application.properties"), """
                ai4call.base-url = %1$s
                ai4call.email = %2$s
                ai4call.portal-api-key = %3$s
                ai4call.assistant = %4$s
                camel.component.ai4call.base-url = {{ai4call.base-url}}
                camel.component.ai4call.email = {{ai4call.email}}
                camel.component.ai4call.portal-api-key = {{ai4call.portal-api-key}}
                """.formatted(SIMULATOR.baseUrl(), DemoData.DEMO_EMAIL, DemoData.DEMO_PORTAL_API_KEY,
                DemoData.DEMO_ASSISTANT_SALES));
    }

    @Test
    @Order(1)
    void componentJarAsArgument() throws Exception {
        Path jar = componentJar();
        // a local repository without the component: the jar argument alone brings it. The build's own when what
        // camel run downloads from Central is not there yet: it keeps those release artifacts for the next runs.
        Path buildRepository = Path.of(System.getProperty("build.local.repository"));
        String log = camelRun("jar", jar.toString(),
                hasWhatCamelRunDownloads(buildRepository) ? DIR.resolve("jar-m2") : buildRepository);
        assertTrue(log.contains("Additional jars added to classpath: " + jar), "the jar was not added:\n" + tail(log));
        aCallPlacedAndAssistantsListed(log);
    }

    @Test
    @Order(2)
    void componentAsDependency() throws Exception {
        // the local repository mvn install would leave (invoker:install put this build's camel-ai4call there)
        Path m2 = Path.of(System.getProperty("jbang.local.repository"));
        assertTrue(Files.isDirectory(m2.resolve("io/github/camel-ai4call/camel-ai4call/" + VERSION)),
                "invoker:install did not fill " + m2);
        String log = camelRun("dep", "--dep=io.github.camel-ai4call:camel-ai4call:" + VERSION, m2);
        assertFalse(log.contains("Error downloading"), "a dependency did not resolve:\n" + tail(log));
        aCallPlacedAndAssistantsListed(log);
    }

    /** docs/tooling.md shows the route and both commands this test runs (paths relative to the repository root). */
    @Test
    void docsShowWhatTheTestRuns() throws Exception {
        String page = Files.readString(Repository.ROOT.resolve("docs/tooling.md"));
        String kamelets = Repository.ROOT.relativize(Repository.KAMELETS).toString();
        String jar = Repository.ROOT.relativize(componentJar()).toString();
        for (String component : List.of(jar, "--dep=io.github.camel-ai4call:camel-ai4call:" + VERSION)) {
            String shown = COMMAND.replace("<component>", component).replace("<kamelets>", kamelets);
            assertTrue(page.contains("\n" + shown + "\n"), "docs/tooling.md does not show: " + shown);
        }
        assertTrue(page.contains(ROUTE), "docs/tooling.md does not show the route:\n" + ROUTE);
    }

    private static void aCallPlacedAndAssistantsListed(String log) {
        assertTrue(log.contains("Apache Camel 4.18.0 (ai4call) started"), "not the Camel 4.18.0 runtime:\n" + tail(log));
        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(List.of("+390810000021"), calls.stream().map(OutboundCall::to).toList(), "one call placed");
        assertEquals(Map.of("lead_id", "JB-1"), calls.get(0).metadata());
        assertEquals(DemoData.DEMO_ASSISTANT_SALES, calls.get(0).assistantApiKey());
        assertEquals(1, SIMULATOR.simulator().requestCount("outboundCall"), "the call was sent once");
        assertTrue(log.contains(MARKER + "call {\"callId\":\"" + calls.get(0).callId()), "no call line:\n" + tail(log));
        assertTrue(log.contains(MARKER + "assistants AssistantPage{items=[Assistant{assistantApiKey=xxxxxx, name="
                + DemoData.DEMO_ASSISTANT_SALES_NAME), "no assistants line:\n" + tail(log));
        assertFalse(log.contains(DemoData.DEMO_PORTAL_API_KEY), "the portal key in the output");
    }

    /** Runs the command of docs/tooling.md in its own JVM; what it printed. */
    private static String camelRun(String name, String component, Path localRepository) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // camel run writes its state under ~/.camel: a home of its own under target/
                "-Duser.home=" + DIR.resolve("home"),
                "-Dmaven.repo.local=" + localRepository,
                "-cp", jbangClasspath(), CamelJBang.class.getName()));
        for (String arg : COMMAND.split(" ")) {
            if (!arg.equals("camel")) {
                command.add(arg.replace("<component>", component).replace("<kamelets>", Repository.KAMELETS.toString()));
            }
        }
        // what the test adds: downloads from the build's local repository, not from Maven Central; plain output
        Path buildRepository = Path.of(System.getProperty("build.local.repository"));
        command.addAll(List.of("--repos=" + buildRepository.toUri(),
                "--maven-central-enabled=" + !hasWhatCamelRunDownloads(buildRepository), "--logging-color=false"));
        Path out = DIR.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("camel run did not stop in 150 s:\n" + tail(Files.readString(out)));
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "camel run failed:\n" + tail(log));
        return log;
    }

    /**
     * Whether the build's local repository holds what camel run downloads for the Kamelets' {@code camel:core}
     * dependency (camel-core 4.18.0 resolved on its own, with Jackson 2.19.4, not the project's 2.19.2): after one
     * online run it does. Until then Maven Central stays on (camel run asks Central first, which costs some 40 s).
     */
    private static boolean hasWhatCamelRunDownloads(Path repository) {
        boolean all = List.of("org/apache/camel/camel-dependencies/4.18.0/camel-dependencies-4.18.0.pom",
                "org/apache/camel/camel-core/4.18.0/camel-core-4.18.0.jar",
                "com/fasterxml/jackson/core/jackson-databind/2.19.4/jackson-databind-2.19.4.jar",
                "com/fasterxml/jackson/dataformat/jackson-dataformat-yaml/2.19.4/jackson-dataformat-yaml-2.19.4.jar",
                "org/glassfish/jaxb/jaxb-runtime/4.0.6/jaxb-runtime-4.0.6.jar")
                .stream().allMatch(f -> Files.isRegularFile(repository.resolve(f)));
        if (!all) {
            System.out.println("NOTE: " + repository + " lacks what camel run downloads for camel:core;"
                    + " Maven Central stays on for this run");
        }
        return all;
    }

    /** This test's classpath without the project's own jars and the test engine: Camel JBang and the Camel runtime. */
    private static String jbangClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().startsWith(Repository.ROOT))
                .filter(e -> !e.contains("junit") && !e.contains("opentest4j"))
                .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator
                + Repository.MODULE.resolve("target/test-classes");
    }

    private static Path componentJar() {
        Path jar = Repository.ROOT.resolve("connector/camel-ai4call/target/camel-ai4call-" + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": the component is packaged before this module's tests");
        return jar;
    }

    private static String tail(String log) {
        List<String> lines = log.lines().filter(l -> !l.startsWith("\tat ")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
