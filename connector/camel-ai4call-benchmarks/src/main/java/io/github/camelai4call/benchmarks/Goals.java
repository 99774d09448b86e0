package io.github.camelai4call.benchmarks;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The goals the report states and judges, each named here once: the report's goal tables and its reading are made
 * from these records, and no threshold is written anywhere else.
 */
final class Goals {

    /** The throughput goals are judged at this many concurrent callers. */
    static final int CALLERS = 8;

    /** {@code ai4call:} against a hand-written Apache HttpClient 5 loop: at least 0.9x its calls per second. */
    static final ThroughputRatio VS_RAW_HTTP_CLIENT_5 = new ThroughputRatio(ClientKind.AI4CALL, ClientKind.RAW_HC5, 0.9);

    /** {@code ai4call:} against the camel-rest-openapi route a Camel user would otherwise write: at least 1.5x. */
    static final ThroughputRatio VS_REST_OPENAPI = new ThroughputRatio(ClientKind.AI4CALL, ClientKind.REST_OPENAPI, 1.5);

    /** For information, no goal: against a rest-openapi route that validates and binds as ai4call: does. */
    static final ThroughputRatio VS_REST_OPENAPI_SAME_WORK = new ThroughputRatio(ClientKind.AI4CALL,
            ClientKind.REST_OPENAPI_SAME_WORK, Double.NaN);

    /** The ratios of the goal tables, in their order. */
    static final List<ThroughputRatio> THROUGHPUT = List.of(VS_RAW_HTTP_CLIENT_5, VS_REST_OPENAPI, VS_REST_OPENAPI_SAME_WORK);

    /**
     * Start-up judged as the connector's share: a context with one {@code ai4call:} endpoint per operation starts in
     * at most 1.10x the time of Camel alone with as many {@code direct:} routes, in the same run, with JVM defaults
     * and with an AppCDS archive (the AOT cache is shown for information).
     */
    static final StartupShare STARTUP_SHARE = new StartupShare(1.10,
            EnumSet.of(ColdStarts.ClassCache.NONE, ColdStarts.ClassCache.APP_CDS));

    /**
     * A tool call received through {@code from("ai4call:toolCall")} (signature checked, de-duplicated, answered within
     * its deadline and checked) against a plain platform-http route doing the same work without them: at least 0.9x
     * its requests per second, at 1 and {@link #CALLERS} concurrent clients ({@link CallbackBenchmark}).
     */
    static final double TOOL_CALL_VS_PLAIN_ROUTE = 0.9;

    private Goals() {
    }

    /**
     * Calls per second of {@code subject} divided by those of {@code anchor}, at {@link #CALLERS} callers, per
     * operation and server; a goal when {@code atLeast} is a number.
     */
    record ThroughputRatio(ClientKind subject, ClientKind anchor, double atLeast) {

        boolean isGoal() {
            return !Double.isNaN(atLeast);
        }

        boolean met(double ratio) {
            return ratio >= atLeast;
        }

        /** The goal (or the comparison) in words. */
        String statement() {
            String comparison = subject.label + " vs " + anchor.label;
            return isGoal() ? String.format(Locale.ROOT, "%s >= %.1fx", comparison, atLeast) : comparison + " (information)";
        }
    }

    /** The cold start of the connector's context divided by that of Camel alone, judged with these class caches. */
    record StartupShare(double atMost, Set<ColdStarts.ClassCache> judgedWith) {

        boolean judges(ColdStarts.ClassCache cache) {
            return judgedWith.contains(cache);
        }

        boolean met(double ratio) {
            return ratio <= atMost;
        }

        String statement() {
            return String.format(Locale.ROOT, "%d `ai4call:` endpoints start in <= %.2fx the time of Camel alone with %d "
                    + "`direct:` routes", ColdStarts.ENDPOINTS, atMost, ColdStarts.ENDPOINTS);
        }
    }
}
