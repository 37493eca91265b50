package io.github.auroramigrate.cli.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's report as one self-contained HTML file: no network, no other file. The page ({@code report.html} in this
 * package's resources) draws its tables and charts (time per step, throughput of dump and load over time, replication
 * lag over time) from the report's data, embedded as JSON, with Chart.js embedded inline (from its WebJar, MIT licence).
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("report.html"), HtmlReport.render(RunReport.of(events)));
 * }</pre>
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/io/github/auroramigrate/cli/internal/report/";

    private HtmlReport() {
    }

    /** @return the HTML page */
    public static String render(RunReport r) {
        String page = resource("report.html");
        String chartJs = resource("chartjs/chart.umd.js");
        String data;
        try {
            data = JSON.writeValueAsString(data(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // JSON inside a script element: no "</" may close it early
        data = data.replace("</", "<\\/");
        String title = "aurora-migrate " + r.run.getOrDefault("command", "") + ": " + r.finished.getOrDefault("outcome", "DID NOT FINISH");
        return page.replace("{{TITLE}}", escape(title))
                .replace("/*{{CHARTJS}}*/", chartJs.replace("</script", "<\\/script"))
                .replace("/*{{DATA}}*/", data);
    }

    static Map<String, Object> data(RunReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.run);
        m.put("finished", r.finished);
        m.put("failure", r.failure);
        m.put("endpoints", r.endpoints);
        m.put("steps", r.steps);
        m.put("cutOverSteps", r.cutOverSteps);
        m.put("findings", r.findings);
        m.put("tables", r.tables.values());
        m.put("warnings", r.warnings);
        m.put("results", r.results);
        m.put("dumpRows", r.dumpRows);
        m.put("dumpBytes", r.dumpBytes);
        m.put("loadRows", r.loadRows);
        m.put("loadBytes", r.loadBytes);
        m.put("heartbeatLag", r.heartbeatLag);
        m.put("secondsBehind", r.secondsBehind);
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name + " (the build unpacks Chart.js from its WebJar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
