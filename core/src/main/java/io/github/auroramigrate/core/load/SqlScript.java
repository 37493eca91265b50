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

    /**
     * @return how a load journals the statements of this script so that a re-run runs each exactly once:
     *         {@link Journaling#BY_OBJECT} (the default) for scripts of this library's dumps, {@link
     *         Journaling#BY_STATEMENT} for a file another tool wrote
     */
    default Journaling journaling() {
        return Journaling.BY_OBJECT;
    }

    /** How a load remembers what of a script it ran, so that a re-run after a crash runs each statement exactly once. */
    enum Journaling {
        /**
         * Statements that create an object are journaled by the object (schema, kind, name) and adopted when the
         * object exists as they would create it, so a script may be edited or transformed differently between runs;
         * other statements by their place in the script. For DDL that creates each object once.
         */
        BY_OBJECT,
        /**
         * Every statement but {@code USE}, {@code SET} and {@code LOCK TABLES} is journaled by its place in the
         * script, a data statement in the same transaction as its journal row: for a file that creates, drops and
         * re-creates the same object and carries its rows as INSERTs (mysqldump, mariadb-dump). An object that exists
         * without having been journaled is adopted, replaced or refused as {@link ExistingObjects} says. A script
         * journaled so that holds no statement is an error.
         */
        BY_STATEMENT
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
