package io.github.camelai4call.examples.springboot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import io.github.camelai4call.simulator.Ai4callSimulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulator starts only when the simulator profile asks for it, so a live profile never talks to one. */
class EmbeddedSimulatorTest {

    private final EmbeddedSimulator postProcessor = new EmbeddedSimulator();

    @Test
    void startsNothingUnlessEnabled() {
        MockEnvironment environment = new MockEnvironment();
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertNull(environment.getProperty(EmbeddedSimulator.BASE_URL));
        assertThrows(IllegalStateException.class, () -> EmbeddedSimulator.of(environment));
    }

    @Test
    void publishesTheAddressOfTheSimulatorItStarted() {
        MockEnvironment environment = new MockEnvironment().withProperty(EmbeddedSimulator.ENABLED, "true");
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        try (Ai4callSimulator simulator = EmbeddedSimulator.of(environment)) {
            assertEquals(simulator.baseUrl(), environment.getProperty(EmbeddedSimulator.BASE_URL));
            // a second pass (a refreshed environment) keeps the one simulator
            postProcessor.postProcessEnvironment(environment, new SpringApplication());
            assertEquals(simulator, EmbeddedSimulator.of(environment));
        }
    }
}
