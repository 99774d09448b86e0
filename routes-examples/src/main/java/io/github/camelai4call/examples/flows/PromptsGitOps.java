package io.github.camelai4call.examples.flows;

import org.apache.camel.builder.RouteBuilder;

import io.github.camelai4call.examples.support.PromptFiles;

/**
 * Flow 4, GitOps for prompts: {@code {{prompts.dir}}/prompt.md} and {@code {{prompts.dir}}/first-message.txt} (a
 * folder of a Git checkout) are the assistant's prompt and first message; whenever one of them changes (name and
 * modification time), the assistant {@code {{prompts.assistant}}} is updated. Applied again on start (a PATCH to
 * the same text is harmless). YAML twin: {@code routes/prompts-gitops.camel.yaml}.
 */
public class PromptsGitOps extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{prompts.dir}}?noop=true&include=prompt\\.md|first-message\\.txt"
             + "&idempotentKey=${file:name}-${file:modified}&delay={{prompts.poll-delay:5000}}")
            .routeId("prompts-gitops")
            .bean(PromptFiles.class, "update")                    // {"prompt": ...} or {"firstMessage": ...}
            .to("ai4call:updateAssistantPrompt?outputType=map&assistantApiKey=RAW({{prompts.assistant}})")
            .log("Assistant updated from ${header.CamelFileName} (${body[updatedAt]})");
    }
}
