package io.github.auroramigrate.core.sql;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: fixture files under src/test/resources/sql and small read/write shortcuts. */
public final class Fixtures {
    public static final String MYSQL80_DUMP = "mariadb-dump-10.11_mysql-8.0.31_hex-blob.sql";
    public static final String MYSQL80_DUMP_RAW_BLOB = "mariadb-dump-10.11_mysql-8.0.31.sql";
    public static final String MARIADB114_DUMP = "mariadb-dump-11.4.5_mariadb-11.4.5.sql";
    public static final String MYSQLDUMP80_GTID = "mysqldump-8.0-format_gtid_handwritten.sql";
    public static final String MYDUMPER_DIR = "mydumper-0.10.0_mysql-8.0.31";

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/sql/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Statement> readAll(String sql) {
        return readAll(sql, SqlOptions.DEFAULT);
    }

    public static List<Statement> readAll(String sql, SqlOptions options) {
        try (StatementReader r = StatementReader.of(new StringReader(sql), "test.sql", options)) {
            List<Statement> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        }
    }

    public static List<Statement> readFile(String name, SqlOptions options) {
        try (StatementReader r = StatementReader.open(path(name), options)) {
            List<Statement> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        }
    }

    /** Reads and writes back unchanged. */
    public static String roundTrip(String sql, SqlOptions options) {
        StringWriter sw = new StringWriter();
        try (StatementReader r = StatementReader.of(new StringReader(sql), "test.sql", options);
             StatementWriter w = StatementWriter.of(sw, options)) {
            for (Statement s : r) {
                w.write(s);
            }
            w.writeTrailer(r.trailer());
        }
        return sw.toString();
    }
}
