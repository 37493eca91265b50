package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.store.DumpStore;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate check}: the compatibility pre-check of a live source or of a dump against a live target or a
 * documented Aurora profile. Exit 5 when something would fail on the target.
 *
 * <pre>{@code
 * aurora-migrate check --source root@10.0.0.5 --schemas shop --target-profile aurora-mysql-2
 * }</pre>
 */
@Command(name = "check", description = "Pre-check: what in the source (or a dump) would fail or change on the target, and"
        + " the transform that fixes it. Exit 5 when something would fail.",
        footer = {"", "Example:", "  aurora-migrate check --source root@10.0.0.5 --schemas shop --target-profile aurora-mysql-2"})
public final class CheckCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Option(names = "--dump", paramLabel = "STORE", description = "Check a dump (directory or s3:// URI) instead of a live source.")
    String dump;

    @Option(names = "--target-profile", paramLabel = "PROFILE", description = "Check against aurora-mysql-2 or"
            + " aurora-mysql-3 instead of a live --target.")
    String profile;

    @Option(names = "--schemas", split = ",", paramLabel = "NAME", description = "Schemas to check (names or patterns). Default: all.")
    List<String> schemas = new ArrayList<>();

    @Override
    protected int run(Context ctx) throws Exception {
        if (source.given() == (dump != null)) {
            throw new BadInput("give either --source (a live server) or --dump (a dump), not both and not neither");
        }
        if (target.given() == (profile != null)) {
            throw new BadInput("give either --target (a live server) or --target-profile aurora-mysql-2|aurora-mysql-3");
        }
        TargetProfile tp;
        if (profile != null) {
            tp = switch (profile) {
                case "aurora-mysql-2" -> TargetProfile.AURORA_MYSQL_2;
                case "aurora-mysql-3" -> TargetProfile.AURORA_MYSQL_3;
                default -> throw new BadInput("--target-profile " + profile + ": use aurora-mysql-2 or aurora-mysql-3");
            };
        } else {
            Endpoint t = target.endpoint(io());
            Steps.probe(ctx, "target", t);
            tp = TargetProfile.probe(t);
        }
        CompatibilityReport r;
        if (dump != null) {
            try (DumpStore store = Options.store("--dump", dump)) {
                r = Steps.precheck(ctx, () -> CompatibilityCheck.ofDump(store).target(tp).build().run(), f -> null);
            }
        } else {
            Endpoint s = source.endpoint(io());
            Steps.probe(ctx, "source", s);
            CompatibilityCheck.Builder b = CompatibilityCheck.of(s).target(tp);
            if (!schemas.isEmpty()) {
                b.schemas(schemas.toArray(String[]::new));
            }
            r = Steps.precheck(ctx, () -> b.build().run(), f -> null);
        }
        return r.hasErrors() ? ctx.finish(ExitCode.PRECHECK_FAILED, "WOULD FAIL", "the pre-check found what would fail on the target")
                : ctx.finish(ExitCode.OK, "SUCCEEDED", null);
    }
}
