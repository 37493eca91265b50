package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate cutover}: stop writes through your hook, let the target catch up, verify, stop replication,
 * switch the applications; a failure before the switch resumes writes on the source.
 *
 * <pre>{@code
 * aurora-migrate cutover --source root@10.0.0.5 --target admin@aurora --schemas shop --transform strip-definers \
 *     --stop-writes 'app-ctl pause' --resume-writes 'app-ctl resume' --switch 'app-ctl use aurora'
 * }</pre>
 */
@Command(name = "cutover", description = "Cut over: stop writes (your hook), catch up, verify, stop replication, switch"
        + " (your hook); a failure before the switch resumes writes on the source.%n%nExample:%n"
        + "  aurora-migrate cutover --source root@10.0.0.5 --target admin@aurora --schemas shop \\%n"
        + "      --stop-writes 'app-ctl pause' --resume-writes 'app-ctl resume' --switch 'app-ctl use aurora'")
public final class CutOverCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    CutOverOptions cut;

    @Mixin
    ReplicationUserOptions user;

    @Option(names = "--schemas", split = ",", paramLabel = "NAME", description = "Schemas to verify. Default: all.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--transform", split = ",", paramLabel = "NAME", description = "The transforms the load applied (what"
            + " the verification expects to differ): " + Options.TRANSFORMS + ".")
    List<String> transforms = new ArrayList<>();

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint src = source.endpoint(io());
        Endpoint dst = target.endpoint(io());
        cut.validate();
        try (Replication r = Replication.of(dst).source(src, user.existing(io())).listener(ctx.relay()).build()) {
            CutOverReport report = cut.run(ctx, r, src, dst, schemas, Options.transform("--transform", transforms));
            return CutOverOptions.end(ctx, report, null);
        }
    }
}
