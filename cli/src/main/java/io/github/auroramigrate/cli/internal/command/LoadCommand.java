package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSource;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate load}: loads a dump of this tool, a mysqldump/mariadb-dump file, a mydumper directory or CSV
 * files into the target, exactly once: a rerun after any failure skips what was committed.
 *
 * <pre>{@code
 * aurora-migrate load --target admin@aurora --from shop_dump --transform strip-definers --verify
 * aurora-migrate load --target admin@aurora --sql-file myschema_dump.sql.gz --transform strip-definers
 * }</pre>
 */
@Command(name = "load", description = "Load a dump (ours, mysqldump/mariadb-dump .sql[.gz], mydumper, CSV) into the target,"
        + " exactly once: a rerun after a failure skips what was committed.",
        footer = {"", "Example:", "  aurora-migrate load --target admin@aurora --sql-file myschema_dump.sql.gz --transform strip-definers"})
public final class LoadCommand extends RunCommand {
    @Mixin
    TargetOptions target;

    @Mixin
    LoadOptions how;

    /** Exactly one input. */
    static final class Input {
        @Option(names = "--from", paramLabel = "STORE", description = "A dump of this tool: a directory or s3://bucket/prefix.")
        String from;

        @Option(names = "--sql-file", paramLabel = "FILE", description = "A mysqldump or mariadb-dump file (.sql or .sql.gz).")
        Path sqlFile;

        @Option(names = "--mydumper", paramLabel = "DIR", description = "A mydumper output directory.")
        Path mydumper;

        @Option(names = "--csv", paramLabel = "DIR", description = "A directory of CSV/TSV files, one per table (with --schema).")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--follow", description = "With --from: load while the dump is still being written.")
    boolean follow;

    @Option(names = "--schema", paramLabel = "NAME", description = "With --csv: the schema the files' tables belong to.")
    String schema;

    @Option(names = "--schema-file", paramLabel = "FILE", description = "With --csv: the CREATE TABLE statements (.sql).")
    Path schemaFile;

    @Option(names = "--threads", defaultValue = "2", description = "Load connections. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--verify", description = "With --from: compare the target with the dump's manifest afterwards (exit 3"
            + " on a difference).")
    boolean verify;

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint t = target.endpoint(io());
        if (follow && input.from == null || verify && input.from == null) {
            throw new BadInput("--follow and --verify need --from (a dump of this tool)");
        }
        if ((schema != null || schemaFile != null) && input.csv == null) {
            throw new BadInput("--schema and --schema-file go with --csv");
        }
        Steps.probe(ctx, "target", t);
        DumpStore store = input.from == null ? null : Options.store("--from", input.from);
        try {
            LoadSource src;
            if (store != null) {
                src = follow ? LoadSources.following(store) : LoadSources.dump(store);
            } else if (input.sqlFile != null) {
                src = LoadSources.sqlFile(input.sqlFile);
            } else if (input.mydumper != null) {
                src = LoadSources.mydumper(input.mydumper);
            } else {
                if (schema == null) {
                    throw new BadInput("--csv needs --schema NAME");
                }
                var b = LoadSources.flatFiles(input.csv, schema);
                if (schemaFile != null) {
                    b.schemaFile(schemaFile);
                }
                src = b.build();
            }
            LoadResult r = Steps.load(ctx, how.apply(Load.into(t).from(src), threads).verify(verify));
            VerifyResult v = r.verification().orElse(null);
            if (v != null) {
                Steps.report(ctx, v);
                if (!v.ok()) {
                    return ctx.finish(ExitCode.VERIFY_FAILED, "DIFFERENT", v.summary());
                }
            }
            return ctx.finish(ExitCode.OK, "SUCCEEDED", Human.count(r.rowsLoaded()) + " rows into " + t.describe()
                    + (v == null ? "" : ", verified equal"));
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
