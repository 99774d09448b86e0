package io.github.camelai4call.examples.flows;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Flow 3, reporting: the call history is loaded incrementally (one record per exchange, only what is new since the
 * last poll, also across restarts; MERGE makes a replay harmless) into an embedded H2 database; every {@code report.every} ms a summary (calls
 * per day, per outcome, cost) is logged, written to {@code {{report.dir}}/call-report.txt} and drawn as
 * {@code {{report.dir}}/calls-per-day.png}. YAML twin: {@code routes/call-history-report.camel.yaml}.
 */
public class CallHistoryReport extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{report.dir}}");
        bindToRegistry("reportDb", JdbcConnectionPool.create("jdbc:h2:file:" + new File(dir, "calls").getAbsolutePath()
                + ";INIT=RUNSCRIPT FROM 'classpath:report/schema.sql'", "sa", ""));   // the table, created if missing

        from("ai4call:analyticsCalls?outputType=map&startFrom={{report.since:P30D}}"
             + "&delay={{report.poll-delay:60000}}&stateFile={{report.dir}}/history.state")
            .routeId("call-history-to-db")
            .to("sql:classpath:report/merge-call.sql?dataSource=#reportDb");

        from("timer:call-report?delay={{report.every:60000}}&period={{report.every:60000}}")
            .routeId("call-history-report")
            .to("sql:classpath:report/calls-per-day.sql?dataSource=#reportDb")
            .setProperty("perDay", body())
            .to("sql:classpath:report/calls-per-outcome.sql?dataSource=#reportDb")
            .setProperty("perOutcome", body())
            .bean(io.github.camelai4call.examples.support.CallReport.class, "text")
            .log("${body}")
            // written under a temporary name, then renamed: a reader finds the previous report until the new one is whole
            .to("file:{{report.dir}}?fileName=call-report.txt&tempPrefix=.writing-&eagerDeleteTargetFile=false")
            .bean(io.github.camelai4call.examples.support.CallReport.class, "chart")
            .to("file:{{report.dir}}?fileName=calls-per-day.png&tempPrefix=.writing-&eagerDeleteTargetFile=false");
    }
}
