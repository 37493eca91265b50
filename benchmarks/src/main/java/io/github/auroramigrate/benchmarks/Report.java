package io.github.auroramigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Turns the runs into the Markdown report (per-suite table, ratios of ours to each peer and ceiling, the issue's
 * targets) and the PNG chart of the ratios.
 *
 * <pre>{@code
 * Report r = new Report(results, sizes, machine, "scripts/bench.sh", 12.5);
 * Files.writeString(dir.resolve("results.md"), r.markdown());
 * r.chart(dir.resolve("ratios.png"));
 * }</pre>
 *
 * <p>Immutable once built; not thread-safe while building.
 */
final class Report {
    /** One tool in one suite, over all repetitions. */
    record Row(String suite, String tool, double median, double min, double max, double rssMb, boolean ok, String detail,
            double heapPeakMb, int runs) {
        boolean ours() {
            return tool.startsWith("ours");
        }
    }

    /** A speed ratio of ours to another tool: the other's time over ours (above 1: ours is faster). */
    record Ratio(String suite, String ours, String other, double value) {
    }

    private final Map<String, List<Row>> bySuite = new LinkedHashMap<>();
    private final Map<String, long[]> sizes;
    private final Machine machine;
    private final String command;
    private final double minutes;
    private final String loadAtEnd = Machine.loadAvgNow();

    Report(List<Result> results, Map<String, long[]> sizes, Machine machine, String command, double minutes) {
        this.sizes = sizes;
        this.machine = machine;
        this.command = command;
        this.minutes = minutes;
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.rep() > 0) {
                groups.computeIfAbsent(r.suite() + "\u0000" + r.tool(), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<Result> g : groups.values()) {
            double[] s = g.stream().mapToDouble(Result::seconds).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            Result first = g.get(0);
            String detail = g.stream().map(Result::detail).filter(d -> !d.isEmpty()).findFirst().orElse("");
            bySuite.computeIfAbsent(first.suite(), k -> new ArrayList<>()).add(new Row(first.suite(), first.tool(), median, s[0],
                    s[s.length - 1], g.stream().mapToDouble(Result::rssMb).max().orElse(Double.NaN), g.stream().allMatch(Result::ok),
                    detail, g.stream().mapToDouble(Result::heapPeakMb).max().orElse(Double.NaN), g.size()));
        }
    }

    List<Ratio> ratios() {
        List<Ratio> out = new ArrayList<>();
        bySuite.forEach((suite, rows) -> {
            for (Row o : rows) {
                if (o.ours()) {
                    for (Row p : rows) {
                        if (!p.ours()) {
                            out.add(new Ratio(suite, o.tool(), p.tool(), p.median() / o.median()));
                        }
                    }
                }
            }
        });
        return out;
    }

    Optional<Row> row(String suite, String tool) {
        return bySuite.getOrDefault(suite, List.of()).stream().filter(r -> r.tool().equals(tool)).findFirst();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Benchmark results\n\n");
        sb.append(String.format(Locale.ROOT, "- date: %s; total run time %.1f min%n", machine.date(), minutes));
        sb.append(String.format(Locale.ROOT, "- machine: %d cores (%s), %.1f GB memory; load average at start %s, at end %s%n",
                machine.cores(), machine.cpu(), machine.memoryGb(), machine.loadAvg(), loadAtEnd));
        sb.append("- command: `").append(command).append("`\n");
        sb.append("- tools: ").append(machine.versions()).append('\n');
        sb.append("- servers: MySQL 8.0.31 source and target (testkit, private), binlog ROW on, sql_log_bin on for every load\n");
        sb.append("- every tool runs as a child process under `/usr/bin/time` (ours in a child JVM with default heap unless noted): wall"
                + " time and peak RSS are measured the same way; the ceilings run inside the server (no client RSS)\n");
        sb.append("- wall time: median over repetitions (min-max); rows/s and MB/s from the median; MB = the dataset as the"
                + " server's own TSV (`SELECT INTO OUTFILE` bytes), the same figure for every tool\n");
        sb.append("- correct: every load is compared with the source table by table (row count, BIT_XOR and SUM of CRC32 of"
                + " each row); a dump is correct when its own load is (ours, tuned: its manifest checksums against the source)\n\n");
        bySuite.forEach((suite, rows) -> {
            long[] size = sizes.get(suite);
            sb.append(String.format(Locale.ROOT, "### %s (%,d rows, %.1f MB)%n%n", suite, size[0], size[1] / 1e6));
            sb.append("| tool | wall s (median; min-max) | rows/s | MB/s | peak RSS MB | heap peak MB | correct |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---|\n");
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f-%.2f) | %,.0f | %.1f | %s | %s | %s |%n", r.tool(), r.median(),
                        r.min(), r.max(), size[0] / r.median(), size[1] / 1e6 / r.median(), num(r.rssMb(), "%.0f"),
                        num(r.heapPeakMb(), "%.0f"), r.ok() ? "OK" : "**FAILED** " + r.detail()));
            }
            sb.append('\n');
        });
        sb.append("### Ratios (speed of ours / speed of the other; above 1.00 ours is faster)\n\n");
        sb.append("| suite | ours | vs | ratio |\n|---|---|---|---:|\n");
        for (Ratio r : ratios()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2fx |%n", r.suite(), r.ours(), r.other(), r.value()));
        }
        sb.append("\n### Targets of issue #7\n\n| target | measured | met |\n|---|---|---|\n");
        for (String[] t : targets()) {
            sb.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n");
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The targets: description, measured value, met (yes / no / not run). */
    List<String[]> targets() {
        List<String[]> out = new ArrayList<>();
        out.add(speedTarget("load >= 0.95x the LOAD DATA ceiling (big table)", "load-big", BenchMain.OURS_LOAD, BenchMain.CEIL_LOAD, 0.95));
        out.add(speedTarget("load >= 1.3x myloader (whole dataset)", "load", BenchMain.OURS_LOAD, BenchMain.MYLOADER, 1.3));
        out.add(speedTarget("dump >= 1.0x mydumper at equal compression (none)", "dump", BenchMain.OURS_TUNED, BenchMain.MYDUMPER, 1.0));
        Optional<Row> copy = row("copy", BenchMain.OURS_COPY);
        Optional<Row> ceil = row("load", BenchMain.CEIL_LOAD);
        if (copy.isPresent() && ceil.isPresent()) {
            double x = copy.get().median() / ceil.get().median();
            out.add(new String[] {"one-step copy <= 1.1x the load ceiling's time",
                    String.format(Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", x, copy.get().median(), ceil.get().median()),
                    met(x <= 1.1, copy.get(), ceil.get())});
        } else {
            out.add(new String[] {"one-step copy <= 1.1x the load ceiling's time", "-", "not run (needs suites copy and load)"});
        }
        out.add(speedTarget("one-step copy >= 1.5x faster than mydumper then myloader", "copy", BenchMain.OURS_COPY, BenchMain.PEER_COPY, 1.5));
        Optional<Row> mem = row("memory", BenchMain.OURS_MEMORY);
        out.add(mem.map(m -> new String[] {"heap <= 256 MB (-Xmx256m dumps and loads the BLOB table)",
                String.format(Locale.ROOT, "heap high-water %.0f MB, peak RSS %.0f MB", m.heapPeakMb(), m.rssMb()),
                met(m.heapPeakMb() <= 256, m)}).orElse(new String[] {"heap <= 256 MB", "-", "not run"}));
        return out;
    }

    private String[] speedTarget(String what, String suite, String ours, String other, double goal) {
        Optional<Row> o = row(suite, ours);
        Optional<Row> p = row(suite, other);
        if (o.isEmpty() || p.isEmpty()) {
            return new String[] {what, "-", "not run"};
        }
        double x = p.get().median() / o.get().median();
        return new String[] {what, String.format(Locale.ROOT, "%.2fx (%.1f s vs %.1f s)", x, o.get().median(), p.get().median()),
                met(x >= goal, o.get(), p.get())};
    }

    private static String met(boolean good, Row... involved) {
        for (Row r : involved) {
            if (!r.ok()) {
                return "no (" + r.tool() + " FAILED)";
            }
        }
        return good ? "yes" : "**no**";
    }

    private static String num(double v, String fmt) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v);
    }

    void chart(Path png) throws IOException {
        List<Ratio> ratios = ratios();
        if (ratios.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(1200).height(720)
                .title("aurora-migrate: speed ratio to each peer and ceiling (above 1 = ours faster), " + machine.date())
                .xAxisTitle("").yAxisTitle("speed ratio (other's time / our time)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.00");
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Ratio r : ratios) {
            labels.add(r.suite() + ": " + shortName(r.ours()) + " / " + shortName(r.other()));
            values.add(r.value());
        }
        chart.addSeries("ours / other", labels, values);
        chart.addAnnotation(new AnnotationLine(1.0, false, false)); // parity
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** e.g. "ours-tuned", "mydumper", "ceiling". */
    static String shortName(String tool) {
        if (tool.startsWith("ours, defaults")) {
            return "ours-default";
        }
        if (tool.startsWith("ours, tuned")) {
            return "ours-tuned";
        }
        if (tool.startsWith("ours")) {
            return "ours";
        }
        if (tool.startsWith("ceiling")) {
            return "ceiling";
        }
        if (tool.startsWith("mydumper -t 2, then")) {
            return "mydumper+myloader";
        }
        return tool.split(" ")[0];
    }
}
