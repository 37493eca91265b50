package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.cli.internal.terminal.TerminalView;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command takes: output format, report, progress display, verbosity.
 *
 * <pre>{@code
 * @Mixin GlobalOptions global;
 * }</pre>
 */
public final class GlobalOptions {
    /** When to colour the output. */
    public enum When {
        /** On a terminal, unless NO_COLOR is set. */
        AUTO,
        /** Always. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    /** How progress is shown. */
    public enum ProgressOption {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A live bar. */
        BAR,
        /** A line every few seconds. */
        LINES,
        /** No progress while a step runs. */
        NONE
    }

    @Option(names = "--json", description = "Print one JSON object per line per event on standard output instead of the"
            + " human view (format: docs/cli.md, \"v\":1). Diagnoses also go to standard error.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Write a report of the run into DIR: report.md,"
            + " report.html (self-contained, with charts) and events.jsonl.")
    Path report;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto", description = "auto (a bar on a terminal,"
            + " lines otherwise), bar, lines or none. Default: ${DEFAULT-VALUE}.")
    ProgressOption progress;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10", description = "Seconds between two"
            + " progress lines in lines mode. Default: ${DEFAULT-VALUE}.")
    int progressInterval;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never."
            + " Default: ${DEFAULT-VALUE} (a terminal, and NO_COLOR unset).")
    When color;

    @Option(names = {"-q", "--quiet"}, description = "Print only failed or warning steps and the final line.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log the library's progress messages (INFO) to standard error;"
            + " -vv adds DEBUG.")
    boolean[] verbose = new boolean[0];

    /** @return whether {@code --json} was given */
    public boolean json() {
        return json;
    }

    /** @return the report directory, or null */
    public Path report() {
        return report;
    }

    /** @return how progress is shown on this output */
    public TerminalView.Progress progress(boolean terminal) {
        return switch (progress) {
            case AUTO -> terminal ? TerminalView.Progress.BAR : TerminalView.Progress.LINES;
            case BAR -> TerminalView.Progress.BAR;
            case LINES -> TerminalView.Progress.LINES;
            case NONE -> TerminalView.Progress.NONE;
        };
    }

    /** @return seconds between progress lines */
    public int progressInterval() {
        return Math.max(1, progressInterval);
    }

    /** @return whether to colour, given whether the output is a terminal and the environment */
    public boolean color(boolean terminal, java.util.Map<String, String> env) {
        return switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        };
    }

    /** @return whether {@code -q} was given */
    public boolean quiet() {
        return quiet;
    }
}
