package io.github.auroramigrate.cli.internal.report;

import io.github.auroramigrate.cli.internal.terminal.Human;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report as Markdown: outcome first, then the steps with their times, throughput and lag as sparklines, the
 * pre-check's findings, the cut-over, results, warnings and the failure. For a ticket, a chat message or a terminal.
 *
 * <pre>{@code
 * String md = MarkdownReport.render(RunReport.of(events));
 * }</pre>
 */
public final class MarkdownReport {
    private static final String SPARKS = "▁▂▃▄▅▆▇█";

    private MarkdownReport() {
    }

    /** @return the report as Markdown */
    public static String render(RunReport r) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> run = r.run;
        Map<String, Object> fin = r.finished;
        md.append("# aurora-migrate ").append(run.getOrDefault("command", "?")).append(": ")
                .append(fin.getOrDefault("outcome", "DID NOT FINISH")).append("\n\n");
        md.append("Run `").append(run.getOrDefault("runId", "?")).append("`, aurora-migrate ").append(run.getOrDefault("version", "?"))
                .append(", started ").append(run.getOrDefault("startedAt", "?")).append(", took ")
                .append(Human.seconds(num(fin.get("seconds")))).append(", exit code ").append(fin.getOrDefault("exitCode", "?"))
                .append(" (").append(fin.getOrDefault("exitName", "?")).append(").\n\n");
        if (fin.get("headline") != null) {
            md.append("**").append(fin.get("headline")).append("**\n\n");
        }
        if (!r.endpoints.isEmpty()) {
            md.append("| side | endpoint | server |\n|---|---|---|\n");
            for (Map<String, Object> e : r.endpoints) {
                md.append("| ").append(e.get("side")).append(" | `").append(e.get("endpoint")).append("` | ")
                        .append(cell(e.get("summary"))).append(" |\n");
            }
            md.append('\n');
        }
        if (r.failure != null) {
            md.append("## Failure\n\n**[").append(r.failure.get("code")).append("]** ").append(r.failure.get("message")).append("\n\n");
            for (String k : List.of("where", "statement", "remedy", "resume")) {
                if (r.failure.get(k) != null) {
                    md.append("- ").append(k.equals("remedy") ? "what to do" : k).append(": ").append(r.failure.get(k)).append('\n');
                }
            }
            md.append('\n');
        }
        md.append("## Steps\n\n| | step | seconds | what happened |\n|---|---|---:|---|\n");
        double longest = r.steps.stream().mapToDouble(RunReport.Step::seconds).max().orElse(1);
        for (RunReport.Step s : r.steps) {
            md.append("| ").append(mark(s.status())).append(" | ").append(s.title()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", s.seconds())).append(" ").append(bar(s.seconds(), longest))
                    .append(" | ").append(cell(s.summary())).append(" |\n");
        }
        md.append('\n');
        if (!r.cutOverSteps.isEmpty()) {
            md.append("### Cut-over\n\n| | step | seconds | detail |\n|---|---|---:|---|\n");
            for (RunReport.Step s : r.cutOverSteps) {
                md.append("| ").append(mark(s.status())).append(" | ").append(s.title()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", s.seconds())).append(" | ").append(cell(s.summary())).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.dumpRows.isEmpty() || !r.loadRows.isEmpty() || !r.heartbeatLag.isEmpty()) {
            md.append("## Over time\n\n");
            series(md, "dump, rows/s", r.dumpRows, false);
            series(md, "dump, MiB/s", r.dumpBytes, false);
            series(md, "load, rows/s", r.loadRows, false);
            series(md, "SQL file read, MiB/s", r.loadBytes, false);
            series(md, "replication lag (heartbeat), s", r.heartbeatLag, true);
            series(md, "replication lag (Seconds_Behind_Source), s", r.secondsBehind, true);
            md.append('\n');
        }
        if (!r.tables.isEmpty()) {
            md.append("## Tables\n\n| table | rows dumped | bytes dumped | rows loaded | load time | rows/s |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (RunReport.TableStats t : r.tables.values()) {
                md.append("| ").append(t.table()).append(" | ").append(Human.count(t.dumpedRows())).append(" | ")
                        .append(Human.bytes(t.dumpedBytes())).append(" | ").append(Human.count(t.loadedRows())).append(" | ")
                        .append(Human.seconds(t.loadSeconds())).append(" | ")
                        .append(t.loadSeconds() > 0 ? Human.count(Math.round(t.loadedRows() / t.loadSeconds())) : "").append(" |\n");
            }
            md.append('\n');
        }
        if (!r.findings.isEmpty()) {
            md.append("## Pre-check findings\n\n| severity | check | finding | fix | handled |\n|---|---|---|---|---|\n");
            for (Map<String, Object> f : r.findings) {
                md.append("| ").append(f.get("severity")).append(" | ").append(f.get("check")).append(" | ").append(cell(f.get("message")))
                        .append(" | ").append(cell(f.get("fix"))).append(" | ").append(cell(f.get("handled"))).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.warnings.isEmpty()) {
            md.append("## Warnings\n\n");
            r.warnings.forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        if (!r.results.isEmpty()) {
            md.append("## Results\n\n");
            r.results.forEach((k, v) -> {
                md.append("- **").append(k).append("**: ");
                StringBuilder line = new StringBuilder();
                v.forEach((f, x) -> {
                    if (x != null && !(x instanceof List<?> l && l.isEmpty()) && !"summary".equals(f)) {
                        line.append(line.length() == 0 ? "" : ", ").append(f).append(' ').append(x);
                    }
                });
                md.append(line).append('\n');
            });
            md.append('\n');
        }
        return md.toString();
    }

    private static void series(StringBuilder md, String name, List<RunReport.Point> points, boolean showMax) {
        if (points.size() < 2) {
            return;
        }
        double max = points.stream().mapToDouble(RunReport.Point::value).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (RunReport.Point p : points) {
            int i = max <= 0 ? 0 : (int) Math.round(p.value() / max * (SPARKS.length() - 1));
            s.append(SPARKS.charAt(i));
        }
        md.append("- ").append(name).append(": `").append(s).append("` ").append(showMax ? "max " : "peak ")
                .append(String.format(Locale.ROOT, max >= 100 ? "%,.0f" : "%.2f", max)).append(", ")
                .append(String.format(Locale.ROOT, "%.1f", points.get(0).t())).append(" s to ")
                .append(String.format(Locale.ROOT, "%.1f", points.get(points.size() - 1).t())).append(" s\n");
    }

    private static String bar(double v, double max) {
        int n = max <= 0 ? 0 : (int) Math.round(v / max * 12);
        return "`" + "█".repeat(n) + "`";
    }

    private static String mark(String status) {
        return switch (status == null ? "" : status) {
            case "ok", "SUCCEEDED" -> "✔";
            case "warn" -> "⚠";
            case "skipped", "SKIPPED" -> "○";
            default -> "✖";
        };
    }

    private static String cell(Object o) {
        return o == null ? "" : o.toString().replace("|", "\\|").replace("\n", "<br>");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
