package io.github.auroramigrate.cli.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.cli.internal.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's numbers come from the events: rates from cumulative counters, steps with their start and length. */
class RunReportTest {
    private static Event e(String name, double t, Object... kv) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put((String) kv[i], kv[i + 1]);
        }
        return new Event(name, Instant.EPOCH.plusMillis((long) (t * 1000)), t, f);
    }

    @Test
    void ratesComeFromCumulativeCountersAndStepsFromTheirEvents() {
        List<Event> events = new ArrayList<>();
        events.add(e("run.started", 0, "command", "dump", "runId", "r1"));
        events.add(e("step.started", 1, "step", "dump", "title", "dump"));
        events.add(e("dump.started", 1));
        for (int i = 1; i <= 10; i++) {   // 1,000 rows and 1 MiB per second for 10 seconds
            events.add(e("dump.progress", 1 + i, "rows", 1000L * i, "dataBytes", (long) i << 20));
        }
        events.add(e("step.finished", 11, "step", "dump", "title", "dump", "status", "ok", "seconds", 10.0, "summary", "10,000 rows"));
        events.add(e("replication.lag", 12, "heartbeatLag", 2.5, "secondsBehindSource", 3.0));
        events.add(e("replication.lag", 13, "heartbeatLag", 0.5, "secondsBehindSource", null));
        events.add(e("run.finished", 14, "exitCode", 0, "outcome", "SUCCEEDED", "seconds", 14.0));

        RunReport r = RunReport.of(events);

        assertThat(r.ok()).isTrue();
        assertThat(r.steps()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(1.0);
            assertThat(s.seconds()).isEqualTo(10.0);
        });
        List<RunReport.Point> rows = r.dumpRows();
        assertThat(rows.subList(1, rows.size() - 1)).allSatisfy(p -> assertThat(p.value()).isEqualTo(1000.0));
        assertThat(rows.get(0).value()).isZero();
        assertThat(r.heartbeatLag()).extracting(RunReport.Point::value).containsExactly(2.5, 0.5);
        String md = MarkdownReport.render(r);
        assertThat(md).contains("# aurora-migrate dump: SUCCEEDED", "| ✔ | dump | 10.00", "dump, rows/s: `", "peak 1,000",
                "replication lag (heartbeat), s: `█▂` max 2.50");
        assertThat(HtmlReport.render(r)).contains("\"heartbeatLag\":[{\"t\":12.0,\"value\":2.5}", "new Chart(");
    }
}
