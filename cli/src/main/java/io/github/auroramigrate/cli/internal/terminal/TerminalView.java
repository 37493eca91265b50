package io.github.auroramigrate.cli.internal.terminal;

import io.github.auroramigrate.cli.internal.event.Event;
import io.github.auroramigrate.cli.internal.event.EventSink;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a person sees: one line per step as it ends ({@code ✔ dump  1.2 s  12,345 rows ...}), a live progress bar
 * while a step runs (on a terminal), or a progress line every few seconds (in a log), the findings and warnings under
 * their step, and at the end one line that says how it went, or the diagnosis. Called by {@link
 * io.github.auroramigrate.cli.internal.event.Events} one event at a time.
 *
 * <pre>{@code
 * events.to(new TerminalView(System.out, new Style(true, true), TerminalView.Progress.BAR, false, 10));
 * }</pre>
 *
 * <p>Why ~300 lines: one method per kind of event keeps what a person sees for each in one place.
 */
public final class TerminalView implements EventSink {
    /** How running steps show progress. */
    public enum Progress {
        /** A live bar redrawn in place (a terminal). */
        BAR,
        /** A line every interval (a log file, a pipe, CI). */
        LINES,
        /** Nothing while a step runs. */
        NONE
    }

    private static final int TITLE_WIDTH = 18;

    private final PrintStream out;
    private final Style style;
    private final Progress progress;
    private final boolean quiet;
    private final long lineIntervalNanos;
    private final List<String> details = new ArrayList<>();
    private ProgressBar bar;
    private String barKind;
    private String stepTitle = "";
    private long lastLine = System.nanoTime();

    /**
     * @param out                 where to print
     * @param style               colours and symbols
     * @param progress            how running steps show progress
     * @param quiet               print only the final line and failures
     * @param lineIntervalSeconds in {@link Progress#LINES} mode, the least time between two progress lines
     */
    public TerminalView(PrintStream out, Style style, Progress progress, boolean quiet, int lineIntervalSeconds) {
        this.out = out;
        this.style = style;
        this.progress = quiet ? Progress.NONE : progress;
        this.quiet = quiet;
        this.lineIntervalNanos = lineIntervalSeconds * 1_000_000_000L;
    }

    @Override
    public void accept(Event e) {
        switch (e.name()) {
            case "run.started" -> println(style.bold("aurora-migrate " + e.text("version")) + "  " + e.text("command")
                    + style.dim("  run " + e.text("runId")));
            case "step.started" -> stepStarted(e);
            case "dump.started" -> openBytesBar("dump", e.number("estimatedBytes").longValue());
            case "dump.progress" -> dumpProgress(e);
            case "load.started" -> {
                if (e.number("chunksTotal").intValue() > 0) {
                    openBar("load", e.number("chunksTotal").longValue(), " chunks", 1);
                }
            }
            case "load.chunk" -> loadChunk(e);
            case "load.script" -> loadScript(e);
            case "replication.lag" -> lag(e);
            case "check.finding" -> finding(e);
            case "run.warning" -> details.add(style.warn() + " " + e.text("message"));
            case "step.detail" -> details.add(style.bullet() + " " + e.text("text"));
            case "verify.difference" -> details.add(style.failed() + " " + e.text("what"));
            case "cutover.step.finished" -> cutOverStep(e);
            case "step.finished" -> stepFinished(e);
            case "run.finished" -> runFinished(e);
            case "run.failed" -> runFailed(e);
            default -> {
            }
        }
    }

    private void stepStarted(Event e) {
        stepTitle = e.text("title");
        details.clear();
        if (progress == Progress.BAR) {
            openBar("step", -1, "", 1);
        } else if (progress == Progress.LINES) {
            println("  " + style.bullet() + " " + stepTitle + " ...");
            lastLine = System.nanoTime();
        }
    }

    private void dumpProgress(Event e) {
        long bytes = e.number("dataBytes").longValue();
        String extra = e.number("tablesDone") + "/" + e.number("tablesTotal") + " tables · " + Human.count(e.number("rows").longValue())
                + " rows";
        if (bar != null && "dump".equals(barKind)) {
            bar.maxHint(Math.max(e.number("estimatedBytes").longValue(), bytes));
            bar.stepTo(bytes);
            bar.setExtraMessage(" " + extra);
        } else {
            line(e, "dump: " + extra + ", " + Human.bytes(bytes) + ", " + Human.bytes(e.number("bytesPerSecond").doubleValue())
                    + "/s" + (e.fields().get("etaSeconds") == null ? "" : ", eta " + Human.seconds(e.number("etaSeconds").doubleValue())));
        }
    }

    private void loadChunk(Event e) {
        String extra = Human.count(e.number("rowsTotal").longValue()) + " rows";
        if (bar != null && "load".equals(barKind)) {
            bar.maxHint(e.number("chunksTotal").longValue());
            bar.stepTo(e.number("chunksDone").longValue());
            bar.setExtraMessage(" " + extra);
        } else {
            line(e, "load: " + e.number("chunksDone") + "/" + e.number("chunksTotal") + " chunks, " + extra);
        }
    }

    private void loadScript(Event e) {
        long total = e.number("bytesTotal").longValue();
        if (progress == Progress.BAR && !"script".equals(barKind)) {
            openBytesBar("script", total);
        }
        String extra = Human.count(e.number("statements").longValue()) + " statements · " + Human.count(e.number("rows").longValue())
                + " rows";
        if (bar != null && "script".equals(barKind)) {
            bar.stepTo(e.number("bytesRead").longValue());
            bar.setExtraMessage(" " + extra);
        } else {
            line(e, e.text("script") + ": " + Human.bytes(e.number("bytesRead").doubleValue()) + " of "
                    + (total < 0 ? "?" : Human.bytes(total)) + ", " + extra);
        }
    }

    private void lag(Event e) {
        String extra = "lag " + lagText(e) + (e.number("bytesBehind").longValue() > 0
                ? " · " + Human.bytes(e.number("bytesBehind").doubleValue()) + " of binlog behind" : "");
        if (bar != null) {
            bar.setExtraMessage(" " + extra);
        } else {
            line(e, "replication: " + extra);
        }
    }

    /** @return the heartbeat lag if known, else Seconds_Behind_Source, else "unknown" */
    static String lagText(Event e) {
        Object hb = e.fields().get("heartbeatLag");
        Object sbs = e.fields().get("secondsBehindSource");
        if (hb instanceof Number n) {
            return Human.seconds(n.doubleValue()) + " (heartbeat)";
        }
        return sbs instanceof Number n ? Human.seconds(n.doubleValue()) + " (Seconds_Behind_Source)" : "unknown";
    }

    private void finding(Event e) {
        String sev = e.text("severity");
        String handled = e.text("handled");
        String mark = "ERROR".equals(sev) && handled == null ? style.failed() : "INFO".equals(sev) ? style.bullet() : style.warn();
        StringBuilder sb = new StringBuilder(mark).append(' ').append(style.bold(e.text("check"))).append("  ").append(e.text("message"));
        if (handled != null) {
            sb.append("\n      ").append(style.dim("handled: ")).append(handled);
        } else if (e.fields().get("fix") != null) {
            sb.append("\n      ").append(style.dim("fix: ")).append(e.text("fix"));
        }
        details.add(sb.toString());
    }

    private void cutOverStep(Event e) {
        String outcome = e.text("outcome");
        String mark = "SUCCEEDED".equals(outcome) ? style.ok() : "FAILED".equals(outcome) ? style.failed() : style.skipped();
        details.add(mark + " " + String.format(Locale.ROOT, "%-18s %8s  ", e.text("step"), Human.seconds(e.number("seconds").doubleValue()))
                + style.dim(String.valueOf(e.text("detail"))));
    }

    private void stepFinished(Event e) {
        closeBar();
        String status = e.text("status");
        String mark = switch (status) {
            case "ok" -> style.ok();
            case "warn" -> style.warn();
            case "skipped" -> style.skipped();
            default -> style.failed();
        };
        if (!quiet || !"ok".equals(status)) {
            String summary = e.text("summary");
            println(" " + mark + " " + String.format(Locale.ROOT, "%-" + TITLE_WIDTH + "s %8s", e.text("title"),
                    Human.seconds(e.number("seconds").doubleValue())) + (summary == null ? "" : "  " + summary));
            for (String d : details) {
                println("     " + d);
            }
        }
        details.clear();
    }

    private void runFinished(Event e) {
        closeBar();
        String outcome = e.text("outcome");
        boolean ok = e.number("exitCode").intValue() == 0;
        String headline = (ok ? style.ok() : style.failed()) + " " + style.bold(e.text("command") + " " + outcome) + " in "
                + Human.seconds(e.number("seconds").doubleValue())
                + (ok ? "" : style.dim("  (exit " + e.number("exitCode") + " " + e.text("exitName") + ")"));
        String extra = e.text("headline");
        println("");
        println(headline + (extra == null ? "" : "  " + style.dim("·") + " " + extra));
        if (e.fields().get("report") instanceof Map<?, ?> report) {
            report.forEach((kind, path) -> println("  " + style.dim("report " + kind + ": ") + path));
        }
    }

    private void runFailed(Event e) {
        closeBar();
        println("");
        StringBuilder sb = new StringBuilder();
        sb.append(style.failed()).append(' ').append(style.bold(style.red("[" + e.text("code") + "]"))).append(' ')
                .append(e.text("message"));
        field(sb, "where", e.text("where"));
        field(sb, "statement", e.text("statement"));
        field(sb, "what to do", e.text("remedy"));
        field(sb, "retry", e.flag("retryable") ? "may succeed: " + e.text("resume") : "will not help until the cause is fixed");
        println(sb.toString());
    }

    private void field(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("\n  ").append(style.dim(String.format(Locale.ROOT, "%-11s", name + ":"))).append(' ').append(value);
        }
    }

    /** A bar counting bytes, in KiB below 10 MiB so that a small total does not read 0/0. */
    private void openBytesBar(String kind, long max) {
        boolean small = max >= 0 && max < 10L << 20;
        openBar(kind, max, small ? " KiB" : " MiB", small ? 1 << 10 : 1 << 20);
    }

    private void openBar(String kind, long max, String unit, long unitSize) {
        if (progress != Progress.BAR) {
            return;
        }
        closeBar();
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "   %-" + (TITLE_WIDTH + 1) + "s", stepTitle))
                .setInitialMax(max).setUpdateIntervalMillis(200).continuousUpdate().clearDisplayOnFinish()
                .setStyle(style.unicode() ? (style.color() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
                        : ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out));
        if (max > 0) {
            b.setUnit(unit, unitSize);
            if (unitSize > 1) {
                b.showSpeed(new DecimalFormat("0.0"));
            }
        }
        bar = b.build();
        barKind = kind;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            barKind = null;
            // the library ends a cleared bar with a line break: go back up so the next line takes its place
            out.print("\u001b[1A\r\u001b[2K");
            out.flush();
        }
    }

    /** A progress line in LINES mode, at most one per interval. */
    private void line(Event e, String text) {
        if (progress != Progress.LINES || System.nanoTime() - lastLine < lineIntervalNanos) {
            return;
        }
        lastLine = System.nanoTime();
        println("    " + style.dim(String.format(Locale.ROOT, "[%s]", Human.seconds(e.seconds()))) + " " + text);
    }

    private void println(String s) {
        // a live bar is redrawn on its own line after this one: clear what it drew first
        out.print(bar != null ? "\r\u001b[2K" + s + "\n" : s + "\n");
        out.flush();
    }

    @Override
    public void close() {
        closeBar();
        out.flush();
    }
}
