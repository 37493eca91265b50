package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps this library did not write: a real mydumper 0.10 directory (MySQL 8.0 source), the handbook's flat files
 * (SELECT INTO OUTFILE as CSV, a TSV with a header and a NULL marker, plus a schema-only SQL file), and a real
 * mariadb-dump file of a MariaDB 11.4 source; each imported and verified equal to the source by chunked checksums.
 */
@ExtendWith(TestServersExtension.class)
class ForeignDumpImportIT {
    private static final String DIGITS = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL "
            + "SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    /** Two tables of 3000 and 1000 rows with text (UTF-8, quotes, tabs, newlines), NULLs, decimals and dates. */
    private static void fill(TestServer source, String s) {
        source.execute("CREATE TABLE " + q(s) + ".items (id INT PRIMARY KEY, name VARCHAR(60) CHARACTER SET utf8mb4, "
                        + "note TEXT CHARACTER SET utf8mb4, price DECIMAL(10,2), made DATETIME, KEY by_name (name))",
                "CREATE TABLE " + q(s) + ".tags (item INT NOT NULL, tag VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL, "
                        + "weight INT NULL, PRIMARY KEY (item, tag))",
                "INSERT INTO " + q(s) + ".items SELECT n, CONCAT('itém \"', n, '\" it''s'), IF(n % 7 = 0, NULL, "
                        + "CONCAT('a\\tb\\nc ', REPEAT('x', n % 30))), n / 4, TIMESTAMPADD(MINUTE, n, '2024-03-01 10:00:00') "
                        + "FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d + 1 n FROM " + DIGITS + " a, " + DIGITS + " b, "
                        + DIGITS + " c, " + DIGITS + " e) x WHERE n <= 3000",
                "INSERT INTO " + q(s) + ".tags SELECT id, CONCAT('tag', id % 5), IF(id % 3 = 0, NULL, id) FROM " + q(s)
                        + ".items WHERE id <= 1000");
    }

    private static void assertEqual(TestServer source, TestServer target, String s) {
        VerifyResult v = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).chunkRows(1000)
                .build().run();
        assertThat(v.ok()).as(v.summary() + " " + v.differences()).isTrue();
        assertThat(v.tables()).extracting(t -> t.actualRows()).containsExactly(3000L, 1000L);
    }

    @Test
    void aMydumperDirectoryImportsInParallelExactlyOnce(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("mydumper");
        fill(source, s);
        source.execute("CREATE VIEW " + q(s) + ".cheap AS SELECT id, name FROM " + q(s) + ".items WHERE price < 10",
                "ANALYZE TABLE " + q(s) + ".items, " + q(s) + ".tags"); // mydumper -r splits by the row estimate
        run(List.of("mydumper", "-h", source.host(), "-P", String.valueOf(source.port()), "-u", source.rootUser(),
                "-t", "2", "-r", "1000", "-B", s, "-o", dir.toString()), null);
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names.stream().filter(n -> n.matches(".*\\.items\\.[0-9]+\\.sql")).count())
                .as("items split into several data files: %s", names).isGreaterThan(1);

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.mydumper(dir)).threads(2).build().run();

        assertEqual(source, target, s);
        assertThat(r.rowsLoaded()).isEqualTo(4000);
        assertThat(LoadFixtures.count(target, "SELECT COUNT(*) FROM " + q(s) + ".cheap")).isEqualTo(39);
        LoadResult again = Load.into(TestEndpoints.of(target)).from(LoadSources.mydumper(dir)).build().run();
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.chunksSkipped()).isEqualTo(r.chunksLoaded());

        LoadException notADump = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                .from(LoadSources.mydumper(dir.resolve("..").normalize().resolve("nowhere-" + s))).build().run(),
                LoadException.class);
        assertThat(notADump.code()).as("a directory that is not there is a wrong path").isEqualTo(DiagnosisCode.FILE_NOT_FOUND);
    }

    @Test
    void flatFilesWithASchemaFileImportEqual(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("flat");
        fill(source, s);
        // schema-only file, as mysqldump --no-data would write it
        StringBuilder ddl = new StringBuilder("-- schema of " + s + "\n/*!40101 SET NAMES utf8mb4 */;\n");
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            for (String t : List.of("items", "tags")) {
                try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + q(s) + "." + q(t))) {
                    rs.next();
                    ddl.append(rs.getString(2)).append(";\n\n");
                }
            }
            // the handbook's SELECT INTO OUTFILE, CSV style
            Path out = source.secureFilePriv().resolve(s + "-items.csv");
            st.execute("SELECT * INTO OUTFILE '" + out + "' FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' "
                    + "LINES TERMINATED BY '\\n' FROM " + q(s) + ".items");
            Files.move(out, dir.resolve("items.csv"), StandardCopyOption.REPLACE_EXISTING);
            // a TSV with a header in another column order and NULL written as the word NULL
            List<String> lines = new ArrayList<>(List.of("weight\ttag\titem"));
            try (ResultSet rs = st.executeQuery("SELECT weight, tag, item FROM " + q(s) + ".tags")) {
                while (rs.next()) {
                    lines.add((rs.getString(1) == null ? "NULL" : rs.getString(1)) + "\t" + rs.getString(2) + "\t" + rs.getInt(3));
                }
            }
            Files.write(dir.resolve("tags.tsv"), lines, StandardCharsets.UTF_8);
        }
        Path schemaFile = Files.writeString(dir.resolve("schema.sql.txt"), ddl.toString());

        // the two files differ in header and NULL marker: import each with its options
        Path items = Files.createDirectory(dir.resolve("items"));
        Path tags = Files.createDirectory(dir.resolve("tags"));
        Files.move(dir.resolve("items.csv"), items.resolve("items.csv"));
        Files.move(dir.resolve("tags.tsv"), tags.resolve("tags.tsv"));
        LoadResult a = Load.into(TestEndpoints.of(target))
                .from(LoadSources.flatFiles(items, s).schemaFile(schemaFile).build()).build().run();
        LoadResult b = Load.into(TestEndpoints.of(target))
                .from(LoadSources.flatFiles(tags, s).headerLine(true).nullMarker("NULL").build()).build().run();

        assertThat(a.rowsLoaded()).isEqualTo(3000);
        assertThat(b.rowsLoaded()).isEqualTo(1000);
        assertEqual(source, target, s);
        assertThat(Load.into(TestEndpoints.of(target)).from(LoadSources.flatFiles(items, s).schemaFile(schemaFile).build())
                .build().run().nothingToDo()).isTrue();
    }

    @Test
    void aMariadbDumpOfMariadb114ImportsEqual(@Server(ServerKind.MARIADB_114) TestServer source,
            @Server(value = ServerKind.MARIADB_114, role = "import-target") TestServer target, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("mdump");
        fill(source, s);
        source.execute("CREATE PROCEDURE " + q(s) + ".cnt(OUT n INT) BEGIN SELECT COUNT(*) INTO n FROM items; END");
        Path file = dir.resolve("dump.sql");
        run(List.of("mariadb-dump", "-h", source.host(), "-P", String.valueOf(source.port()), "-u", source.rootUser(),
                "--skip-ssl", "--hex-blob", "--routines", "--single-transaction", "--databases", s), file.toFile());
        assertThat(Files.readString(file)).contains("CREATE TABLE `items`");

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run();

        assertThat(r.statementsExecuted()).isGreaterThan(5);
        assertEqual(source, target, s);
        assertThat(LoadFixtures.count(target, "SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = '"
                + s + "'")).isEqualTo(1);
    }

    private static void run(List<String> command, File output) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (output != null) {
            pb.redirectOutput(output);
        }
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(p.exitValue()).as(command.get(0) + ": " + err).isZero();
    }
}
