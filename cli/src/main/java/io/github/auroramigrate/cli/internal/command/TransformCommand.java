package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.TransformPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora-migrate transform}: rewrites a SQL file (.sql or .sql.gz) through transforms without loading it: the
 * handbook's {@code perl -pe 's/DEFINER...//'}, done by a real SQL lexer.
 *
 * <pre>{@code
 * aurora-migrate transform myschema_dump.sql.gz nodefiners.sql.gz --transform strip-definers
 * }</pre>
 */
@Command(name = "transform", description = "Rewrite a SQL file (.sql or .sql.gz) through transforms, without loading it.",
        footer = {"", "Example:", "  aurora-migrate transform myschema_dump.sql.gz nodefiners.sql.gz --transform strip-definers"})
public final class TransformCommand extends RunCommand {
    @Parameters(index = "0", paramLabel = "IN", description = "The file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (.gz: compressed).")
    Path out;

    @Option(names = "--transform", split = ",", required = true, paramLabel = "NAME", description = Options.TRANSFORMS)
    List<String> transforms = new ArrayList<>();

    @Override
    protected int run(Context ctx) throws Exception {
        if (!Files.isReadable(in)) {
            throw new BadInput(in + " does not exist or cannot be read");
        }
        Transform t = Options.transform("--transform", transforms);
        ctx.step("transform", "transform", () -> {
            TransformPipeline.of(t).run(in, out);
            return Files.size(out);
        }, size -> Outcome.ok(in + " -> " + out));
        return ctx.finish(ExitCode.OK, "SUCCEEDED", null);
    }
}
