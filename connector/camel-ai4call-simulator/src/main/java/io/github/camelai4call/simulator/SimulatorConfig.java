package io.github.camelai4call.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Start-up configuration of an {@link Ai4callSimulator}. Immutable; build it with {@link #builder()}.
 */
public final class SimulatorConfig {

    private final String host;
    private final int port;
    private final int analyticsRecords;
    private final Duration callDuration;
    private final long seed;
    private final int threads;
    private final int backlog;
    private final int maxStoredDocumentBytes;
    private final boolean enforceCallLimits;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.analyticsRecords = b.analyticsRecords;
        this.callDuration = b.callDuration;
        this.seed = b.seed;
        this.threads = b.threads;
        this.backlog = b.backlog;
        this.maxStoredDocumentBytes = b.maxStoredDocumentBytes;
        this.enforceCallLimits = b.enforceCallLimits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 127.0.0.1, random port, 5,000 call records, 1 s calls, seed 42. */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public String host() { return host; }
    public int port() { return port; }
    /** Size of the demo customer's call history; the other feeds and customers are proportional. */
    public int analyticsRecords() { return analyticsRecords; }
    /** How long an accepted outbound call takes before its record appears in analytics. */
    public Duration callDuration() { return callDuration; }
    /** The seed of the synthetic analytics history and of the fault rates; ids handed out at run time do not depend on it. */
    public long seed() { return seed; }
    public int threads() { return threads; }
    public int backlog() { return backlog; }
    /** Uploaded RAG documents up to this size keep their content in memory; larger ones only metadata. */
    public int maxStoredDocumentBytes() { return maxStoredDocumentBytes; }
    /** Whether outbound calls beyond the account's call limits are refused with 429 (true by default). */
    public boolean enforceCallLimits() { return enforceCallLimits; }

    @Override
    public String toString() {
        return "SimulatorConfig[host=" + host + ", port=" + port + ", analyticsRecords=" + analyticsRecords
                + ", callDuration=" + callDuration + ", seed=" + seed + ", threads=" + threads + ", backlog=" + backlog
                + ", enforceCallLimits=" + enforceCallLimits + "]";
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int analyticsRecords = 5_000;
        private Duration callDuration = Duration.ofSeconds(1);
        private long seed = 42L;
        private int threads = 16;
        private int backlog = 256;
        private int maxStoredDocumentBytes = 1024 * 1024;
        private boolean enforceCallLimits = true;

        private Builder() {
        }

        /** The address to bind; 127.0.0.1 by default. */
        public Builder host(String host) { this.host = Objects.requireNonNull(host, "host"); return this; }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        public Builder analyticsRecords(int records) {
            if (records < 0) throw new IllegalArgumentException("analyticsRecords must be >= 0");
            this.analyticsRecords = records;
            return this;
        }

        public Builder callDuration(Duration d) {
            Objects.requireNonNull(d, "callDuration");
            if (d.isNegative()) throw new IllegalArgumentException("callDuration must be >= 0");
            this.callDuration = d;
            return this;
        }

        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
            this.threads = threads;
            return this;
        }

        public Builder backlog(int backlog) { this.backlog = backlog; return this; }

        public Builder maxStoredDocumentBytes(int bytes) { this.maxStoredDocumentBytes = Math.max(0, bytes); return this; }

        /**
         * Whether outboundCall and outboundCallPbx answer 429 (RATE_LIMITED, with Retry-After) once the account's
         * maxConcurrentCalls, maxCallsPerHour or maxCallsPerDay is reached, as the service does. True by default;
         * false for load tests that place thousands of calls.
         */
        public Builder enforceCallLimits(boolean enforce) { this.enforceCallLimits = enforce; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
