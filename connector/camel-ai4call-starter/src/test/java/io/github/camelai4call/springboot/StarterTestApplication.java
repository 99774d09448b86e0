package io.github.camelai4call.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The application the starter's tests start: one route per kind of ai4call endpoint they look at. */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    public RouteBuilder assistantsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:assistants").routeId("assistants").to("ai4call:listAssistants");
            }
        };
    }
}
