package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate copy}: the handbook's {@code mysqldump | mysql} in one step, in parallel, with no files, with
 * binlog coordinates, and verified if asked.
 *
 * <pre>{@code
 * aurora-migrate copy --source root@10.0.0.5 --target admin@aurora --schemas shop --transform strip-definers --verify
 * }</pre>
 */
@Command(name = "copy", description = "Dump and load in one step, in parallel, without files (the handbook's"
        + " mysqldump | mysql).",
        footer = {"", "Example:", "  aurora-migrate copy --source root@10.0.0.5 --target admin@aurora --schemas shop --transform strip-definers"})
public final class CopyCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    DumpOptions what;

    @Mixin
    LoadOptions how;

    @Option(names = "--threads", defaultValue = "2", description = "Dump and load connections each. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--verify", description = "Compare the target with what was dumped afterwards (exit 3 on a difference).")
    boolean verify;

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint s = source.endpoint(io());
        Endpoint t = target.endpoint(io());
        Options.positive("--threads", threads);
        Steps.probe(ctx, "source", s);
        Steps.probe(ctx, "target", t);
        Copy copy = Copy.from(s).to(t).threads(threads)
                .dump(d -> what.apply(d).listener(ctx.relay()))
                .load(l -> how.apply(l, threads).listener(ctx.relay()).verify(verify)).build();
        CopyResult r = ctx.step("copy", "copy", copy::run, c -> Outcome.ok(Human.count(c.load().rowsLoaded()) + " rows, "
                + Human.bytes(c.dump().dataBytes()) + "; " + c.dump().consistency()
                + c.binlogPosition().map(p -> " at " + p).orElse("")));
        VerifyResult v = r.load().verification().orElse(null);
        if (v != null) {
            Steps.report(ctx, v);
            if (!v.ok()) {
                return ctx.finish(ExitCode.VERIFY_FAILED, "DIFFERENT", v.summary());
            }
        }
        return ctx.finish(ExitCode.OK, "SUCCEEDED", Human.count(r.load().rowsLoaded()) + " rows copied"
                + (v == null ? "" : ", verified equal"));
    }
}
