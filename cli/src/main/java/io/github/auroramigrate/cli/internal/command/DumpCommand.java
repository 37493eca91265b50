package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpPlan;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate dump}: a consistent, parallel, chunked dump with binlog coordinates into a directory or S3.
 *
 * <pre>{@code
 * aurora-migrate dump --source root@10.0.0.5 --schemas shop --to shop_dump --threads 4
 * }</pre>
 */
@Command(name = "dump", description = "Dump schemas consistently, in parallel chunks, with the binlog coordinates of the"
        + " snapshot, into a directory or s3://bucket/prefix.",
        footer = {"", "Example:", "  aurora-migrate dump --source root@10.0.0.5 --schemas shop --to shop_dump --threads 4"})
public final class DumpCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    DumpOptions what;

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "Where: a directory or s3://bucket/prefix.")
    String to;

    @Option(names = "--threads", defaultValue = "4", description = "Worker connections. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--overwrite", description = "Replace a complete dump already in the store.")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Show what would be dumped (tables, estimated rows and bytes, how each is"
            + " split, the consistency that can be had) and stop: nothing is locked or written.")
    boolean dryRun;

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint s = source.endpoint(io());
        Options.positive("--threads", threads);
        Steps.probe(ctx, "source", s);
        try (DumpStore store = Options.store("--to", to)) {
            if (dryRun) {
                DumpPlan plan = ctx.step("plan", "dump plan", () -> {
                    DumpPlan p = what.apply(Dump.from(s)).to(store).threads(threads).overwrite(overwrite).build().dryRun();
                    for (DumpPlan.PlannedTable t : p.tables()) {
                        ctx.events().emit("step.detail", "text", t.table() + ": ~" + Human.count(t.estimatedRows()) + " rows, ~"
                                + Human.bytes(t.estimatedBytes()) + ", " + t.estimatedChunks() + " chunk(s) by " + t.method()
                                + (t.index() == null ? "" : " on " + t.index()), "table", t.table().toString(),
                                "estimatedRows", t.estimatedRows(), "estimatedBytes", t.estimatedBytes(), "method", t.method().name());
                    }
                    p.warnings().forEach(ctx::warning);
                    return p;
                }, p -> io.github.auroramigrate.cli.internal.Outcome.ok(p.tables().size() + " tables, ~" + Human.bytes(p.estimatedBytes())
                        + ", " + p.views().size() + " views, " + p.routines() + " routines, " + p.triggers() + " triggers; "
                        + p.consistency() + ": " + p.consistencyNote()));
                return ctx.finish(ExitCode.OK, "PLANNED", "dry run: nothing was locked or written (" + plan.tables().size()
                        + " tables would go to " + store.describe() + ")");
            }
            DumpResult r = Steps.dump(ctx, what.apply(Dump.from(s)).to(store).threads(threads).overwrite(overwrite));
            return ctx.finish(ExitCode.OK, "SUCCEEDED", Human.count(r.rows()) + " rows in " + store.describe()
                    + r.binlogPosition().map(p -> ", binlog " + p).orElse(""));
        }
    }
}
