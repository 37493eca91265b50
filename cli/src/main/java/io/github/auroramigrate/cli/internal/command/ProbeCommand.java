package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code aurora-migrate probe}: what a server is (flavour, version, Aurora), what the user may do, binlog settings,
 * schemas, engines and definers in use, for the source, the target or both.
 *
 * <pre>{@code
 * aurora-migrate probe --source root@10.0.0.5 --target admin@mycluster.cluster-xyz.rds.amazonaws.com
 * }</pre>
 */
@Command(name = "probe", description = "Show what the source and/or target server is: flavour, version, privileges,"
        + " binlog, schemas, engines and definers in use.",
        footer = {"", "Example:", "  aurora-migrate probe --source root@10.0.0.5 --target admin@mycluster.cluster-xyz.eu-west-1.rds.amazonaws.com"})
public final class ProbeCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Override
    protected int run(Context ctx) throws Exception {
        if (!source.given() && !target.given()) {
            throw new BadInput("give --source, --target or both");
        }
        if (source.given()) {
            Steps.probe(ctx, "source", source.endpoint(io()));
        }
        if (target.given()) {
            Steps.probe(ctx, "target", target.endpoint(io()));
        }
        return ctx.finish(ExitCode.OK, "SUCCEEDED", null);
    }
}
