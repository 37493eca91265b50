package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.dump.Dump;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What to dump and how: the options {@code dump}, {@code copy} and {@code migrate} share.
 *
 * <pre>{@code
 * @Mixin DumpOptions what;   // what.apply(Dump.from(source))
 * }</pre>
 */
public final class DumpOptions {
    @Option(names = "--schemas", split = ",", paramLabel = "NAME", description = "Schemas to move (names or patterns"
            + " such as shop_%%). Default: every user schema.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", description = "Only these tables (schema.table or patterns).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE", description = "Leave these tables out (schema.table or patterns).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--chunk-size", paramLabel = "SIZE", description = "Target size of a data chunk, e.g. 64MiB. Default:"
            + " the library's (64 MiB).")
    String chunkSize;

    @Option(names = "--compression", paramLabel = "ALGO", description = "ZSTD, GZIP or NONE. Default: ZSTD.")
    Compression compression;

    @Option(names = "--users", description = "Also dump accounts and grants.")
    boolean users;

    /** Applies the options to a dump builder. */
    Dump.Builder apply(Dump.Builder b) {
        if (!schemas.isEmpty()) {
            b.schemas(schemas.toArray(String[]::new));
        }
        if (!tables.isEmpty()) {
            b.tables(tables.toArray(String[]::new));
        }
        if (!exclude.isEmpty()) {
            b.exclude(exclude.toArray(String[]::new));
        }
        if (chunkSize != null) {
            b.chunkSize(Options.size("--chunk-size", chunkSize));
        }
        if (compression != null) {
            b.compression(compression);
        }
        return b.users(users);
    }

    /** @return the schemas asked for (empty: all) */
    List<String> schemas() {
        return schemas;
    }
}
