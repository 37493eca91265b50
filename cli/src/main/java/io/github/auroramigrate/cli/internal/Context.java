package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.event.Event;
import io.github.auroramigrate.cli.internal.event.EventSink;
import io.github.auroramigrate.cli.internal.event.Events;
import io.github.auroramigrate.cli.internal.event.JsonLines;
import io.github.auroramigrate.cli.internal.event.Relay;
import io.github.auroramigrate.cli.internal.report.HtmlReport;
import io.github.auroramigrate.cli.internal.report.MarkdownReport;
import io.github.auroramigrate.cli.internal.report.RunReport;
import io.github.auroramigrate.cli.internal.terminal.Style;
import io.github.auroramigrate.cli.internal.terminal.TerminalView;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One run of a command: its events and their sinks (terminal or {@code --json}, and the report), its steps, and how it
 * ends (the exit code, the final event, the report files). Commands do their work through {@link #step}; a failure
 * anywhere ends the run through {@link #fail}, which maps it to an {@link ExitCode} and shows the diagnosis.
 *
 * <pre>{@code
 * try (Context ctx = Context.open("dump", global, io)) {
 *     DumpResult r = ctx.step("dump", "dump", () -> dump.run(), r -> Outcome.ok(r.rows() + " rows"));
 *     return ctx.finish(ExitCode.OK, "SUCCEEDED", null);
 * }
 * }</pre>
 */
public final class Context implements AutoCloseable {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Io io;
    private final String command;
    private final Events events = new Events();
    private final Relay relay = new Relay(events);
    private final Path reportDir;
    private final List<Event> recorded = new ArrayList<>();
    private final boolean json;
    private boolean finished;

    private Context(String command, GlobalOptions options, Io io) {
        this.io = io;
        this.command = command;
        this.json = options.json();
        this.reportDir = options.report();
        if (json) {
            events.to(JsonLines.sink(io.out(), events.runId()));
        } else {
            boolean color = options.color(io.terminal(), io.env());
            events.to(new TerminalView(io.out(), new Style(color, unicode()), options.progress(io.terminal()), options.quiet(),
                    options.progressInterval()));
        }
        if (reportDir != null) {
            events.to(recorder());
        }
    }

    /** Opens a run and emits {@code run.started}. */
    public static Context open(String command, GlobalOptions options, Io io) {
        Context c = new Context(command, options, io);
        c.events.emit("run.started", "command", command, "version", version(), "runId", c.events.runId(),
                "startedAt", STARTED.format(c.events.start()), "pid", ProcessHandle.current().pid(),
                "jvmStartMillis", Math.round(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()));
        return c;
    }

    /** @return the version of this build (from the jar's manifest), or "dev" */
    public static String version() {
        String v = Context.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static boolean unicode() {
        String enc = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding",
                java.nio.charset.Charset.defaultCharset().name()));
        return enc.toUpperCase(java.util.Locale.ROOT).replace("-", "").equals("UTF8");
    }

    /** @return the streams, environment and terminal */
    public Io io() {
        return io;
    }

    /** @return the run's events */
    public Events events() {
        return events;
    }

    /** @return the listener for the library's dump, load, replication and cut-over events */
    public Relay relay() {
        return relay;
    }

    /**
     * Runs one step: emits {@code step.started}, does the work, emits {@code step.finished} with how it went (or
     * {@code failed} when the work throws, and rethrows).
     *
     * @param id      the step's stable name in events ({@code dump}, {@code pre-check}, ...)
     * @param title   its name for people
     * @param outcome how the result reads
     */
    public <T> T step(String id, String title, Callable<T> work, Function<T, Outcome> outcome) throws Exception {
        events.emit("step.started", "step", id, "title", title);
        double start = events.elapsed();
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            events.emit("step.finished", "step", id, "title", title, "status", "failed", "seconds", secondsSince(start),
                    "summary", e instanceof MigrationException m ? m.code().name() : e.getClass().getSimpleName());
            throw e;
        }
        Outcome o = outcome.apply(result);
        events.emit("step.finished", "step", id, "title", title, "status", o.status(), "seconds", secondsSince(start),
                "summary", o.summary());
        return result;
    }

    private double secondsSince(double start) {
        return Math.round((events.elapsed() - start) * 1000) / 1000.0;
    }

    /** Emits a warning a person should read (shown under the current step). */
    public void warning(String message) {
        events.emit("run.warning", "message", message);
    }

    /**
     * Ends the run: emits {@code run.finished}, writes the report, closes the sinks.
     *
     * @param outcome  one word for people: SUCCEEDED, FAILED, DIFFERENT, ...
     * @param headline one line on what matters most (downtime, rows), or null
     * @return the exit status
     */
    public int finish(ExitCode code, String outcome, String headline) {
        if (finished) {
            return code.code();
        }
        finished = true;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("command", command);
        f.put("outcome", outcome);
        f.put("exitCode", code.code());
        f.put("exitName", code.name());
        f.put("seconds", Math.round(events.elapsed() * 1000) / 1000.0);
        f.put("headline", headline);
        if (reportDir != null) {
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("html", reportDir.resolve("report.html").toAbsolutePath().toString());
            paths.put("markdown", reportDir.resolve("report.md").toAbsolutePath().toString());
            f.put("report", paths);
        }
        events.emit("run.finished", f);
        events.close();
        if (reportDir != null) {
            writeReport();
        }
        return code.code();
    }

    /**
     * Ends the run on a failure: shows the diagnosis, maps the failure to an exit code.
     *
     * @return the exit status
     */
    public int fail(Throwable t) {
        ExitCode code;
        Map<String, Object> f = new LinkedHashMap<>();
        if (t instanceof MigrationException m) {
            code = ExitCode.of(m);
            Diagnosis d = m.diagnosis();
            f.put("code", d.code().name());
            f.put("message", d.message().replaceAll("\\s*\\R\\s*", " ").trim());
            String where = d.sourceLocation().map(l -> l.file() + " line " + l.line()).orElse(null);
            String on = d.endpointDescription().orElse(null);
            f.put("where", where == null ? on : on == null ? where : where + " on " + on);
            f.put("statement", d.sourceLocation().map(l -> l.excerpt()).orElse(null));
            f.put("vendorCode", d.vendorCode() == 0 ? null : d.vendorCode());
            f.put("remedy", d.remedy());
            f.put("retryable", d.isRetryable());
        } else if (t instanceof BadInput || t instanceof IllegalArgumentException || t instanceof NullPointerException) {
            code = ExitCode.BAD_INPUT;
            f.put("code", "BAD_INPUT");
            f.put("message", t.getMessage());
            f.put("remedy", "Correct the command line; aurora-migrate " + command + " --help lists the options.");
            f.put("retryable", false);
        } else if (t instanceof InterruptedException) {
            code = ExitCode.INTERRUPTED;
            f.put("code", "INTERRUPTED");
            f.put("message", "interrupted");
            f.put("remedy", "Rerun the same command to go on.");
            f.put("retryable", true);
        } else {
            code = ExitCode.FAILED;
            f.put("code", "UNEXPECTED");
            f.put("message", t.toString());
            f.put("remedy", "This is a bug in aurora-migrate or a failure it does not recognise: rerun with -vv and report the"
                    + " output (it holds no password).");
            f.put("retryable", false);
            org.slf4j.LoggerFactory.getLogger(Context.class).error("{} failed", command, t);
        }
        f.put("resume", "rerun the same command: what was committed is kept and skipped");
        f.put("exitCode", code.code());
        events.emit("run.failed", f);
        if (json) {
            io.err().println("aurora-migrate " + command + ": [" + f.get("code") + "] " + f.get("message"));
        }
        return finish(code, code == ExitCode.INTERRUPTED ? "INTERRUPTED" : "FAILED", null);
    }

    private EventSink recorder() {
        try {
            Files.createDirectories(reportDir);
            PrintStream file = new PrintStream(Files.newOutputStream(reportDir.resolve("events.jsonl")), false, StandardCharsets.UTF_8);
            EventSink lines = JsonLines.sink(file, events.runId());
            return new EventSink() {
                @Override
                public void accept(Event e) {
                    recorded.add(e);
                    lines.accept(e);
                }

                @Override
                public void close() {
                    file.close();
                }
            };
        } catch (IOException e) {
            throw new BadInput("--report " + reportDir + " cannot be written: " + e.getMessage());
        }
    }

    private void writeReport() {
        try {
            writeReport(reportDir, recorded);
        } catch (UncheckedIOException e) {
            io.err().println("aurora-migrate: the report could not be written to " + reportDir + ": " + e.getCause().getMessage());
        }
    }

    /** Writes report.md and report.html for {@code events} into {@code dir}. */
    public static void writeReport(Path dir, List<Event> events) {
        RunReport r = RunReport.of(events);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), MarkdownReport.render(r), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), HtmlReport.render(r), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a run that was not finished (a bug): closes the sinks. */
    @Override
    public void close() {
        if (!finished) {
            finish(ExitCode.FAILED, "DID NOT FINISH", null);
        }
    }
}
