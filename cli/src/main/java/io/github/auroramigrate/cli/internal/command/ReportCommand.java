package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Io;
import io.github.auroramigrate.cli.internal.event.JsonLines;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aurora-migrate report}: renders report.md and report.html again from a run's events (a report directory's
 * events.jsonl, or what {@code --json} printed), e.g. for a run that was killed before it could write them.
 *
 * <pre>{@code
 * aurora-migrate migrate ... --json > events.jsonl; aurora-migrate report events.jsonl --out report/
 * }</pre>
 */
@Command(name = "report", description = "Render report.md and report.html from a run's events (events.jsonl or the"
        + " output of --json).",
        footer = {"", "Example:", "  aurora-migrate report report/events.jsonl"})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EVENTS", description = "The events file.")
    Path events;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report. Default: the events file's directory.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Io io = ((Root) spec.root().userObject()).io();
        if (!Files.isReadable(events)) {
            throw new BadInput(events + " does not exist or cannot be read");
        }
        Path dir = out != null ? out : events.toAbsolutePath().getParent();
        try {
            Context.writeReport(dir, JsonLines.read(events));
        } catch (UncheckedIOException e) {
            throw new BadInput(e.getCause().getMessage());
        }
        io.out().println(dir.resolve("report.html"));
        io.out().println(dir.resolve("report.md"));
        return 0;
    }
}
