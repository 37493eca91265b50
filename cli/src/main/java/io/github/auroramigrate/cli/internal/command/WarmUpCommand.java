package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.event.Event;
import io.github.auroramigrate.cli.internal.event.JsonLines;
import io.github.auroramigrate.cli.internal.report.HtmlReport;
import io.github.auroramigrate.cli.internal.report.MarkdownReport;
import io.github.auroramigrate.cli.internal.report.RunReport;
import io.github.auroramigrate.cli.internal.terminal.Style;
import io.github.auroramigrate.cli.internal.terminal.TerminalView;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aurora-migrate warm-up} (hidden): loads the classes a real run needs without a server - every command's
 * options, the terminal view with a bar, the JSON and report renderers, a dump store, the driver and its pool through
 * a connection that is refused - so that {@code bin/aurora-migrate-cds} can archive them (AppCDS).
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=lib/aurora-migrate.jsa -jar lib/aurora-migrate-cli.jar warm-up
 * }</pre>
 */
@Command(name = "warm-up", hidden = true, description = "Load the classes a run needs (for bin/aurora-migrate-cds).")
public final class WarmUpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
        for (CommandLine sub : spec.root().commandLine().getSubcommands().values()) {
            sub.getUsageMessage();
        }
        List<Event> events = List.of(new Event("run.started", Instant.now(), 0, Map.of("command", "warm-up")),
                new Event("step.started", Instant.now(), 0, Map.of("step", "s", "title", "s")),
                new Event("dump.started", Instant.now(), 0, Map.of("estimatedBytes", 1L << 20)),
                new Event("dump.progress", Instant.now(), 0.5, Map.of("rows", 10L, "dataBytes", 1000L, "tablesDone", 0, "tablesTotal", 1)),
                new Event("step.finished", Instant.now(), 1, Map.of("step", "s", "title", "s", "status", "ok", "seconds", 1.0)),
                new Event("run.finished", Instant.now(), 1, Map.of("exitCode", 0, "outcome", "OK", "seconds", 1.0)));
        TerminalView view = new TerminalView(nowhere, new Style(true, true), TerminalView.Progress.BAR, false, 10);
        events.forEach(view::accept);
        view.close();
        events.forEach(e -> JsonLines.line(e, "warm-up"));
        RunReport r = RunReport.of(events);
        MarkdownReport.render(r);
        HtmlReport.render(r);
        Path dir = Files.createTempDirectory("aurora-migrate-warm-up");
        try (DumpStore store = DumpStores.directory(dir)) {
            store.describe();
        }
        Endpoint nobody = Endpoint.builder().host("127.0.0.1").port(1).user("warm-up").connectTimeout(Duration.ofMillis(200)).build();
        try (var pool = nobody.pool(1)) {
            pool.connection().close();
        } catch (RuntimeException expected) {
            // refused: the driver, the pool and the diagnosis catalogue are loaded
        }
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        return 0;
    }
}
