package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.DemoData;

class CallHistoryReportTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theHistoryIsLoadedIncrementallyAndSummarizedAsTextAndChart(Dsl dsl) throws Exception {
        start(dsl, props("report.dir", dir.toString(), "report.since", "P90D", "report.poll-delay", "300",
                "report.every", "300"), ExampleFlow.CALL_HISTORY_REPORT);
        long history = SIMULATOR.simulator().analytics().size(DemoData.DEMO_EMAIL, "analyticsCalls");
        assertTrue(history > 100, "history " + history);

        await("the whole history in the database", Duration.ofSeconds(30), () -> rows("SELECT COUNT(*) FROM calls") == history);
        Path report = dir.resolve("call-report.txt");
        await("the report", Duration.ofSeconds(10),
                () -> CallOutcomesToCrmTest.lines(report).stream().anyMatch(l -> l.startsWith("Call report: " + history + " calls")));
        assertTrue(Files.readString(report).contains("completed"));
        assertEquals(rows("SELECT COUNT(*) FROM calls WHERE outcome = 'completed'"),
                rows("SELECT COUNT(*) FROM calls WHERE outcome = 'completed' AND duration_seconds > 0"));
        // the route writes the chart after the text report: wait for it too
        Path chartFile = dir.resolve("calls-per-day.png");
        // read where it is awaited: the route replaces the chart every report.every ms
        AtomicReference<BufferedImage> chart = new AtomicReference<>();
        await("the chart", Duration.ofSeconds(10), () -> chart.updateAndGet(read -> read != null ? read : image(chartFile)) != null);
        assertEquals(900, chart.get().getWidth());

        // incremental: a new call appears in the history, only it is added
        SIMULATOR.simulator().analytics().append("analyticsCalls",
                Map.of("id", "call_new_one", "direction", "outbound", "outcome", "busy", "cost", 0.0));
        await("the new call in the database", Duration.ofSeconds(10), () -> rows("SELECT COUNT(*) FROM calls") == history + 1);
        assertEquals(1, rows("SELECT COUNT(*) FROM calls WHERE id = 'call_new_one' AND outcome = 'busy'"));
    }

    private static BufferedImage image(Path png) {
        try {
            return Files.exists(png) ? ImageIO.read(png.toFile()) : null;
        } catch (IOException e) {
            return null; // not there yet, or replaced while being read
        }
    }

    private long rows(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("calls").toAbsolutePath(), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}
