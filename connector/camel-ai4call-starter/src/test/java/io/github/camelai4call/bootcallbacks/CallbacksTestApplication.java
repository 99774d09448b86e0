package io.github.camelai4call.bootcallbacks;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application answering two tools of a live call: one in time, one too slow for its deadline. In a
 * package of its own, out of reach of the other test application's component scan.
 */
@SpringBootApplication
public class CallbacksTestApplication {

    static final String FALLBACK = "Let me check and call you back.";

    @Bean
    public RouteBuilder toolRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=check_slot")
                        .setBody(simple("Tomorrow at 10:30 is free, ${body.arguments[name]}."));
                from("ai4call:toolCall?toolId=slow_crm&answerTimeout=300&fallbackAnswer=" + FALLBACK)
                        .delay(3000).setBody(constant("too late"));
            }
        };
    }
}
