package io.github.auroramigrate.cli.internal.report;

import io.github.auroramigrate.cli.internal.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says about a run, derived from its events alone (so {@code aurora-migrate report events.jsonl} renders
 * the same report later): the outcome, each step with its time, the throughput of dump and load over time, the
 * replication lag over time, the pre-check's findings, the results, warnings and the failure. Immutable once built.
 *
 * <pre>{@code
 * RunReport r = RunReport.of(JsonLines.read(Path.of("events.jsonl")));
 * }</pre>
 */
public final class RunReport {
    /**
     * A step of the run.
     *
     * @param title   its name for people
     * @param start   seconds since the run started
     * @param seconds how long it took
     * @param status  ok, warn, failed or skipped
     * @param summary one line on what it did, or null
     */
    public record Step(String title, double start, double seconds, String status, String summary) {
    }

    /**
     * A point of a time series.
     *
     * @param t     seconds since the run started
     * @param value the value
     */
    public record Point(double t, double value) {
    }

    /**
     * What happened to one table.
     *
     * @param table       {@code schema.table}
     * @param dumpedRows  rows dumped
     * @param dumpedBytes bytes dumped (uncompressed)
     * @param loadedRows  rows loaded by this run
     * @param loadSeconds time its chunks took to load (summed over the loading threads)
     */
    public record TableStats(String table, long dumpedRows, long dumpedBytes, long loadedRows, double loadSeconds) {
    }

    final Map<String, TableStats> tables = new LinkedHashMap<>();
    final Map<String, Object> run = new LinkedHashMap<>();
    final Map<String, Object> finished = new LinkedHashMap<>();
    final List<Map<String, Object>> endpoints = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<Step> cutOverSteps = new ArrayList<>();
    final List<Map<String, Object>> findings = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    final List<Point> dumpRows = new ArrayList<>();
    final List<Point> dumpBytes = new ArrayList<>();
    final List<Point> loadRows = new ArrayList<>();
    final List<Point> loadBytes = new ArrayList<>();
    final List<Point> heartbeatLag = new ArrayList<>();
    final List<Point> secondsBehind = new ArrayList<>();
    Map<String, Object> failure;

    private RunReport() {
    }

    /** @return the report of a run's events, in the order they were emitted */
    public static RunReport of(List<Event> events) {
        RunReport r = new RunReport();
        Map<String, Event> started = new LinkedHashMap<>();
        Rates dumpR = new Rates();
        Rates dumpB = new Rates();
        Rates loadR = new Rates();
        Rates scriptB = new Rates();
        for (Event e : events) {
            switch (e.name()) {
                case "run.started" -> r.run.putAll(e.fields());
                case "run.finished" -> r.finished.putAll(e.fields());
                case "run.failed" -> r.failure = new LinkedHashMap<>(e.fields());
                case "probe.result" -> r.endpoints.add(e.fields());
                case "step.started" -> started.put(e.text("step"), e);
                case "step.finished" -> r.steps.add(new Step(e.text("title"), start(started.get(e.text("step")), e), e.number("seconds").doubleValue(),
                        e.text("status"), e.text("summary")));
                case "cutover.step.finished" -> r.cutOverSteps.add(new Step(e.text("step"), e.seconds() - e.number("seconds").doubleValue(),
                        e.number("seconds").doubleValue(), e.text("outcome"), e.text("detail")));
                case "check.finding" -> r.findings.add(e.fields());
                case "run.warning" -> r.warnings.add(e.text("message"));
                case "dump.started" -> {
                    dumpR.add(e.seconds(), 0);
                    dumpB.add(e.seconds(), 0);
                }
                case "dump.chunk" -> r.table(e.text("table"), e.number("rows").longValue(), e.number("dataBytes").longValue(), 0, 0);
                case "dump.progress", "dump.finished" -> {
                    dumpR.add(e.seconds(), e.number("rows").doubleValue());
                    dumpB.add(e.seconds(), e.number("dataBytes").doubleValue());
                }
                case "load.started" -> loadR.add(e.seconds(), 0);
                case "load.chunk" -> {
                    loadR.add(e.seconds(), e.number("rowsTotal").doubleValue());
                    r.table(e.text("table"), 0, 0, e.flag("skipped") ? 0 : e.number("rows").longValue(), e.number("seconds").doubleValue());
                }
                case "load.script" -> {
                    scriptB.add(e.seconds(), e.number("bytesRead").doubleValue());
                    loadR.add(e.seconds(), e.number("rows").doubleValue());
                }
                case "replication.lag", "replication.caught-up" -> {
                    if (e.fields().get("heartbeatLag") instanceof Number n) {
                        r.heartbeatLag.add(new Point(e.seconds(), n.doubleValue()));
                    }
                    if (e.fields().get("secondsBehindSource") instanceof Number n) {
                        r.secondsBehind.add(new Point(e.seconds(), n.doubleValue()));
                    }
                }
                default -> {
                }
            }
            if (e.name().endsWith(".finished") && !e.name().startsWith("run.") && !e.name().startsWith("step.")
                    && !e.name().startsWith("cutover.step")) {
                r.results.put(e.name().substring(0, e.name().indexOf('.')), e.fields());
            }
        }
        r.dumpRows.addAll(dumpR.perSecond(1));
        r.dumpBytes.addAll(dumpB.perSecond(1 << 20));
        r.loadRows.addAll(loadR.perSecond(1));
        r.loadBytes.addAll(scriptB.perSecond(1 << 20));
        return r;
    }

    private void table(String name, long rows, long bytes, long loaded, double seconds) {
        if (name == null) {
            return;
        }
        TableStats t = tables.getOrDefault(name, new TableStats(name, 0, 0, 0, 0));
        tables.put(name, new TableStats(name, t.dumpedRows() + rows, t.dumpedBytes() + bytes, t.loadedRows() + loaded,
                t.loadSeconds() + seconds));
    }

    /** @return per table: rows and bytes dumped, rows loaded and the time their chunks took */
    public List<TableStats> tables() {
        return List.copyOf(tables.values());
    }

    private static double start(Event started, Event finished) {
        return started != null ? started.seconds() : finished.seconds() - finished.number("seconds").doubleValue();
    }

    /** @return the steps, in the order they ended */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** @return the cut-over's own steps */
    public List<Step> cutOverSteps() {
        return List.copyOf(cutOverSteps);
    }

    /** @return whether the run ended with exit code 0 */
    public boolean ok() {
        return finished.get("exitCode") instanceof Number n && n.intValue() == 0;
    }

    /** @return dump rows per second over time */
    public List<Point> dumpRows() {
        return List.copyOf(dumpRows);
    }

    /** @return load rows per second over time */
    public List<Point> loadRows() {
        return List.copyOf(loadRows);
    }

    /** @return heartbeat lag readings, seconds over time */
    public List<Point> heartbeatLag() {
        return List.copyOf(heartbeatLag);
    }

    /**
     * Cumulative samples turned into rates over time buckets: a bucket per second for runs of a few minutes, wider for
     * longer ones (at most ~200 points), so short bursts stay visible and long runs stay readable.
     */
    static final class Rates {
        private final List<Point> samples = new ArrayList<>();

        void add(double t, double cumulative) {
            samples.add(new Point(t, cumulative));
        }

        List<Point> perSecond(double unit) {
            List<Point> out = new ArrayList<>();
            if (samples.size() < 2) {
                return out;
            }
            double t0 = samples.get(0).t();
            double span = samples.get(samples.size() - 1).t() - t0;
            double bucket = Math.max(0.25, Math.ceil(span / 200 * 4) / 4);
            if (span < 4) {
                bucket = Math.max(0.1, span / 10);
            }
            Point prev = samples.get(0);
            out.add(new Point(round(t0), 0));
            double next = t0 + bucket;
            for (Point p : samples) {
                if (p.t() >= next || p == samples.get(samples.size() - 1)) {
                    double dt = p.t() - prev.t();
                    if (dt > 0) {
                        out.add(new Point(round(p.t()), round(Math.max(0, p.value() - prev.value()) / dt / unit)));
                        prev = p;
                        next = p.t() + bucket;
                    }
                }
            }
            out.add(new Point(round(prev.t() + 0.001), 0));
            return out;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
