package io.github.camelai4call.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one simulator per test class on a random port of 127.0.0.1:
 * <pre>
 * &#64;RegisterExtension
 * static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();
 * ... SIMULATOR.baseUrl() ... SIMULATOR.simulator().faults() ...
 * </pre>
 * Registered on a static field it starts before all tests and stops after them; on an instance field it starts
 * before the first test. {@link #resetBeforeEach()} makes every test start from the demo data, without faults and
 * with zero request counts.
 */
public final class Ai4callSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final SimulatorConfig config;
    private boolean resetBeforeEach;
    private volatile Ai4callSimulator simulator;

    public Ai4callSimulatorExtension() {
        this(SimulatorConfig.builder().port(0).build());
    }

    public Ai4callSimulatorExtension(SimulatorConfig config) {
        this.config = config;
    }

    /** Resets state, faults and request counts before each test. */
    public Ai4callSimulatorExtension resetBeforeEach() {
        this.resetBeforeEach = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean fresh = simulator == null;
        ensureStarted();
        if (resetBeforeEach && !fresh) simulator.resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Ai4callSimulator s = simulator;
        simulator = null;
        if (s != null) s.close();
    }

    private synchronized void ensureStarted() {
        if (simulator == null) simulator = Ai4callSimulator.start(config);
    }

    /** The running simulator (started on first use if JUnit has not started it yet). */
    public Ai4callSimulator simulator() {
        ensureStarted();
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public int port() {
        return simulator().port();
    }
}
