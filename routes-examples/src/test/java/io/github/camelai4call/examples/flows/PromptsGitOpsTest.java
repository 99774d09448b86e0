package io.github.camelai4call.examples.flows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.model.AssistantPrompt;
import io.github.camelai4call.simulator.DemoData;

class PromptsGitOpsTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void promptFilesUpdateTheAssistantWhenTheyChange(Dsl dsl) throws Exception {
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("prompt.md"), "You are the sales assistant of Demo S.r.l.\n");
        Files.writeString(prompts.resolve("first-message.txt"), "Hello from Demo!\n");
        Files.writeString(prompts.resolve("README.md"), "not a prompt\n");
        CamelContext camel = start(dsl, props("prompts.dir", prompts.toString(), "prompts.poll-delay", "100",
                "prompts.assistant", DemoData.DEMO_ASSISTANT_SUPPORT), ExampleFlow.PROMPTS_GITOPS);
        ProducerTemplate template = camel.createProducerTemplate();

        await("the prompt and first message", Duration.ofSeconds(10), () -> {
            AssistantPrompt p = prompt(template);
            return "You are the sales assistant of Demo S.r.l.".equals(p.getPrompt()) && "Hello from Demo!".equals(p.getFirstMessage());
        });

        // a commit changes the prompt
        ExampleTestSupport.replace(prompts.resolve("prompt.md"), "You are the support assistant of Demo S.r.l. Be brief.\n");
        await("the new prompt", Duration.ofSeconds(10),
                () -> "You are the support assistant of Demo S.r.l. Be brief.".equals(prompt(template).getPrompt()));
        org.junit.jupiter.api.Assertions.assertEquals("Hello from Demo!", prompt(template).getFirstMessage());
        org.junit.jupiter.api.Assertions.assertEquals(3, SIMULATOR.simulator().requestCount("updateAssistantPrompt"));
    }

    private static AssistantPrompt prompt(ProducerTemplate template) {
        return template.requestBodyAndHeader("ai4call:getAssistantPrompt", null, Ai4callConstants.ASSISTANT_API_KEY,
                DemoData.DEMO_ASSISTANT_SUPPORT, AssistantPrompt.class);
    }
}
