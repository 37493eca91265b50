package io.github.auroramigrate.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.auroramigrate.core.sql.SqlOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A file of SQL statements (DDL of a dump, or a whole mysqldump file): a name for messages and the journal, and
 * its bytes.
 *
 * <pre>{@code
 * SqlScript ddl = SqlScript.of(Path.of("dump/shop-schema.sql"));
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe; {@link #open()} may be called more than once.
 */
public interface SqlScript {
    /** @return the name shown in diagnoses ({@code file line N}) and used as the journal key; at most 150 characters is best */
    String name();

    /**
     * @return session variables the script must run with, in the order to set them, e.g. the {@code sql_mode},
     *         {@code character_set_client}, {@code collation_connection} and {@code time_zone} a routine, trigger or
     *         event was created with on the source (they are part of the object: its body is parsed and run under
     *         them); restored after the script. Empty (the default): the load's own session
     */
    default Map<String, String> sessionVariables() {
        return Map.of();
    }

    /**
     * @return the collation the schema must have while the script runs (a routine, trigger or event records its
     *         schema's collation at creation and uses it for its parameters and variables), or empty
     */
    default Optional<String> databaseCollation() {
        return Optional.empty();
    }

    /**
     * @return how to read the script: {@link SqlOptions#DEFAULT} (the mysql client's rule, the default), or e.g.
     *         {@link io.github.auroramigrate.core.sql.SplitMode#WHOLE} for a file that is exactly one statement
     */
    default SqlOptions options() {
        return SqlOptions.DEFAULT;
    }

    /** @return the schema unqualified names in the script belong to ({@code USE} before it), or empty */
    default Optional<String> schema() {
        return Optional.empty();
    }

    /** @return the script's bytes (UTF-8 unless the statements say otherwise), uncompressed */
    InputStream open() throws IOException;

    /**
     * A script in a local file; {@code .gz} files are decompressed.
     *
     * @throws NullPointerException when file is null
     */
    static SqlScript of(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString();
        return new SqlScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = Files.newInputStream(file);
                return name.endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
            }

            @Override
            public String toString() {
                return "SqlScript{" + file + "}";
            }
        };
    }
}
