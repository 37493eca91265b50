package io.github.auroramigrate.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * @return the session sql_mode the script must run with (routines and triggers keep the mode they were
     *         created with), or empty to run with the load's own
     */
    default Optional<String> sqlMode() {
        return Optional.empty();
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
