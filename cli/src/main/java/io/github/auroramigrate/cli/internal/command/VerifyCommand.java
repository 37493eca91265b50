package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate verify}: rows (chunked checksums, type-aware) and object definitions, source against target
 * or a dump's manifest against the target. Exit 3 on any difference.
 *
 * <pre>{@code
 * aurora-migrate verify --source root@10.0.0.5 --target admin@aurora --schemas shop --transform strip-definers
 * }</pre>
 */
@Command(name = "verify", description = "Compare rows (chunked checksums) and object definitions: source against target,"
        + " or a dump against the target. Exit 3 on any difference.",
        footer = {"", "Example:", "  aurora-migrate verify --source root@10.0.0.5 --target admin@aurora --schemas shop --transform strip-definers"})
public final class VerifyCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Option(names = "--dump", paramLabel = "STORE", description = "Compare the target with this dump's manifest instead of a live source.")
    String dump;

    @Option(names = "--schemas", split = ",", paramLabel = "NAME", description = "Schemas to compare. Default: all.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--transform", split = ",", paramLabel = "NAME", description = "The transforms the load applied, so"
            + " that what they changed on purpose is expected: " + Options.TRANSFORMS + ".")
    List<String> transforms = new ArrayList<>();

    @Override
    protected int run(Context ctx) throws Exception {
        if (source.given() == (dump != null)) {
            throw new BadInput("give either --source (a live server) or --dump (a dump), not both and not neither");
        }
        Endpoint t = target.endpoint(io());
        Transform tr = Options.transform("--transform", transforms);
        VerifyResult r;
        if (dump != null) {
            try (DumpStore store = Options.store("--dump", dump)) {
                Verify.Builder b = Verify.manifest(store).against(t);
                r = Steps.verify(ctx, options(b, tr).build());
            }
        } else {
            Endpoint s = source.endpoint(io());
            r = Steps.verify(ctx, options(Verify.between(s, t), tr).build());
        }
        return r.ok() ? ctx.finish(ExitCode.OK, "EQUAL", r.summary()) : ctx.finish(ExitCode.VERIFY_FAILED, "DIFFERENT", r.summary());
    }

    private Verify.Builder options(Verify.Builder b, Transform tr) {
        if (!schemas.isEmpty()) {
            b.schemas(schemas.toArray(String[]::new));
        }
        return tr == null ? b : b.transform(tr);
    }
}
