package io.github.auroramigrate.core.sql;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.github.auroramigrate.core.sql.Fixtures.readAll;
import static io.github.auroramigrate.core.sql.Fixtures.readFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementReaderTest {
    private static final SqlOptions LATIN1 = SqlOptions.builder().charset(StandardCharsets.ISO_8859_1).build();
    private static final SqlOptions MYDUMPER = SqlOptions.builder().splitMode(SplitMode.MYDUMPER)
            .charset(StandardCharsets.ISO_8859_1).build();

    private static Statement find(List<Statement> all, String textPart) {
        return all.stream().filter(s -> s.text().contains(textPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement contains " + textPart));
    }

    @Test
    void mysqldumpViewIsOneStatementAtTheLineTheClientReports() {
        List<Statement> all = readFile(Fixtures.MYSQL80_DUMP, SqlOptions.DEFAULT);
        Statement view = find(all, "/*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER */");
        // the handbook's "ERROR 1227 at line 884" case: the line of /*!50001 CREATE ALGORITHM=UNDEFINED */
        List<String> lines = Fixtures.text(Fixtures.MYSQL80_DUMP).lines().toList();
        assertThat(lines.get((int) view.line() - 1)).isEqualTo("/*!50001 CREATE ALGORITHM=UNDEFINED */");
        assertThat(view.kind()).isEqualTo(StatementKind.CREATE_VIEW);
        assertThat(view.objectName()).contains(new ObjectName(null, "v1"));
        assertThat(view.text()).startsWith("/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER")
                .endsWith("where (`t1`.`s1` <> 'DEFINER=`x`@`y`') */");
        assertThat(view.delimiter()).isEqualTo(";");
        assertThat(view.leading()).isEqualTo("\n");
    }

    @Test
    void routinesAndTriggersUnderDelimiterStayWhole() {
        List<Statement> all = readFile(Fixtures.MYSQL80_DUMP, SqlOptions.DEFAULT);
        Statement trigger = find(all, "TRIGGER `trg_t1`");
        assertThat(trigger.kind()).isEqualTo(StatementKind.CREATE_TRIGGER);
        assertThat(trigger.tableNames()).containsExactly(new ObjectName(null, "t1"));
        assertThat(trigger.delimiter()).isEqualTo(";;");
        assertThat(trigger.leading()).isEqualTo("\nDELIMITER ;;\n");
        assertThat(trigger.text()).contains("SET NEW.s1 = 'x;y'; END IF;\nEND \n*/");

        Statement proc = find(all, "PROCEDURE `p_nested`");
        assertThat(proc.kind()).isEqualTo(StatementKind.CREATE_PROCEDURE);
        assertThat(proc.text()).contains("DEFAULT 'DEFINER=`x`@`y`; still a string';",
                "/* comment with DEFINER=`c`@`d`; and a semicolon */", "SELECT msg, 'end;' AS e;", "    END;\n",
                "  END IF;\nEND\n");
        Statement event = find(all, "EVENT `ev_cleanup`");
        assertThat(event.kind()).isEqualTo(StatementKind.CREATE_EVENT);
        assertThat(event.text()).contains("DO BEGIN DELETE FROM t1 WHERE id < 0; END \n*/ ");

        Statement after = all.get(all.indexOf(proc) + 1);
        assertThat(after.delimiter()).isEqualTo(";");
        assertThat(after.leading()).isEqualTo("\nDELIMITER ;\n");
        assertThat(after.text()).isEqualTo("/*!50003 SET sql_mode              = @saved_sql_mode */ ");
    }

    /**
     * Lines as the mysql client reports them. Measured with the mariadb 10.11 client: loading this fixture into
     * MySQL 8.0.31 as a user without SUPER/SET_USER_ID failed with "ERROR 1227 (42000) at line 211" (the trigger),
     * "--\n-- comment\n--\n\nSELECT * FROM nonexist.t;" with "ERROR 1049 (42000) at line 5" and
     * "SELECT 1;\n/* c *&#47;\nSELECT\n * FROM nonexist.t;" with "ERROR 1049 (42000) at line 3".
     */
    @Test
    void linesAreWhatTheMysqlClientReports() {
        Statement trigger = find(readFile(Fixtures.MYSQL80_DUMP, SqlOptions.DEFAULT), "TRIGGER `trg_t1`");
        assertThat(trigger.line()).isEqualTo(211);
        assertThat(readAll("--\n-- comment\n--\n\nSELECT * FROM nonexist.t;").get(0).line()).isEqualTo(5);
        assertThat(readAll("SELECT 1;\n/* c */\nSELECT\n * FROM nonexist.t;").get(1).line()).isEqualTo(3);
    }

    @Test
    void sandboxLineIsACommentAndStatementsKeepTheirKinds() {
        List<Statement> all = readFile(Fixtures.MARIADB114_DUMP, SqlOptions.DEFAULT);
        Statement first = all.get(0);
        assertThat(first.leading()).startsWith("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump");
        assertThat(first.text()).isEqualTo("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */");
        assertThat(first.line()).isEqualTo(8);
        assertThat(first.kind()).isEqualTo(StatementKind.SET);
        assertThat(find(all, "CHANGE MASTER TO MASTER_USE_GTID").kind())
                .isEqualTo(StatementKind.CHANGE_REPLICATION_SOURCE);
        assertThat(find(all, "CREATE SEQUENCE").kind()).isEqualTo(StatementKind.CREATE_SEQUENCE);
        assertThat(find(all, "ALTER TABLE `uca` DISABLE KEYS").kind()).isEqualTo(StatementKind.ALTER_TABLE);
        assertThat(find(all, "ALTER TABLE `uca` DISABLE KEYS").tableNames())
                .containsExactly(new ObjectName(null, "uca"));
        assertThat(find(all, "LOCK TABLES `weird``name` WRITE").tableNames())
                .containsExactly(new ObjectName(null, "weird`name"));
        assertThat(find(all, "USE `shop`").objectName()).contains(new ObjectName(null, "shop"));
        assertThat(find(all, "SET GLOBAL gtid_slave_pos").line()).isGreaterThan(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MYSQL80_DUMP, Fixtures.MARIADB114_DUMP, Fixtures.MYSQLDUMP80_GTID})
    void fixturesRoundTripByteForByteAndLinesMatchOffsets(String name) {
        String original = Fixtures.text(name);
        assertThat(Fixtures.roundTrip(original, SqlOptions.DEFAULT)).isEqualTo(original);
        assertLinesMatchOffsets(original, readAll(original));
    }

    @Test
    void mydumperFilesRoundTripAndRoutinesStayWholeInMydumperMode() throws IOException {
        try (var files = Files.list(Fixtures.path(Fixtures.MYDUMPER_DIR))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String original = Files.readString(f, StandardCharsets.ISO_8859_1);  // shop.bin_t.sql is binary
                assertThat(Fixtures.roundTrip(original, MYDUMPER)).as(f.toString()).isEqualTo(original);
                assertLinesMatchOffsets(original, readAll(original, MYDUMPER));
            }
        }
        String post = Fixtures.text(Fixtures.MYDUMPER_DIR + "/shop-schema-post.sql");
        assertThat(readAll(post, MYDUMPER)).filteredOn(s -> s.kind() == StatementKind.CREATE_FUNCTION).hasSize(1);
        List<Statement> mydumper = readAll(post, MYDUMPER);
        Statement proc = find(mydumper, "PROCEDURE `p_nested`");
        assertThat(proc.text()).endsWith("  END IF; \nEND");
        assertThat(mydumper).filteredOn(s -> s.kind() == StatementKind.CREATE_PROCEDURE).hasSize(1);
        // the mysql client's rule cuts the body at its first ';' - why MYDUMPER mode exists
        assertThat(find(readAll(post), "PROCEDURE `p_nested`").text()).doesNotContain("END IF");
        assertThat(readAll(post).size()).isGreaterThan(mydumper.size());
    }

    @Test
    void rawBinaryDumpIsRejectedAsUtf8AndKeptByteExactAsLatin1(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> readFile(Fixtures.MYSQL80_DUMP_RAW_BLOB, SqlOptions.DEFAULT))
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));

        Path out = dir.resolve("copy.sql");
        try (StatementReader r = StatementReader.open(Fixtures.path(Fixtures.MYSQL80_DUMP_RAW_BLOB), LATIN1);
             StatementWriter w = StatementWriter.open(out, LATIN1)) {
            for (Statement s : r) {
                w.write(s);
            }
            w.writeTrailer(r.trailer());
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(Fixtures.path(Fixtures.MYSQL80_DUMP_RAW_BLOB)));
        Statement blob = find(readFile(Fixtures.MYSQL80_DUMP_RAW_BLOB, LATIN1), "INSERT INTO `bin_t`");
        assertThat(blob.text()).endsWith("\\Z;/*')");   // ';' and '/*' inside the binary string did not split
    }

    @Test
    void gzipInAndOutRoundTrip(@TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.path(Fixtures.MARIADB114_DUMP));
        Path gz = dir.resolve("dump.sql.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(original);
        }
        Path out = dir.resolve("out.sql.gz");
        try (StatementReader r = StatementReader.open(gz); StatementWriter w = StatementWriter.open(out)) {
            for (Statement s : r) {
                w.write(s);
            }
            w.writeTrailer(r.trailer());
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
    }

    @Test
    void truncatedGzipIsCorruptFile(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write(Files.readAllBytes(Fixtures.path(Fixtures.MARIADB114_DUMP)));
        }
        Path gz = dir.resolve("cut.sql.gz");
        byte[] all = bytes.toByteArray();
        Files.write(gz, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> {
            try (StatementReader r = StatementReader.open(gz)) {
                r.forEach(s -> { });
            }
        }).isInstanceOfSatisfying(MigrationException.class,
                e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
    }

    @Test
    void unterminatedStringNamesTheLineWhereItStarted() {
        String sql = "SELECT 1;\nSELECT 2;\nINSERT INTO t VALUES (1,'abc);\nSELECT 3;\n";
        assertThatThrownBy(() -> readAll(sql)).isInstanceOfSatisfying(MigrationException.class, e -> {
            assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE);
            assertThat(e.diagnosis().location().file()).isEqualTo("test.sql");
            assertThat(e.diagnosis().location().line()).isEqualTo(3);
            assertThat(e.diagnosis().location().excerpt()).startsWith("'abc);");
        });
    }

    @Test
    void unterminatedCommentsAndIdentifiersAreCorruptFile() {
        for (String sql : List.of("SELECT 1;\n/* never closed ;\nSELECT 2;", "SELECT 1;\nSELECT /*!50001 x",
                "SELECT `col;\n", "\n\nSELECT \"abc")) {
            assertThatThrownBy(() -> readAll(sql)).as(sql).isInstanceOfSatisfying(MigrationException.class,
                    e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
        }
        MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class,
                () -> readAll("SELECT 1;\n\n/* open"));
        assertThat(e.diagnosis().location().line()).isEqualTo(3);
    }

    @Test
    void delimiterWithoutArgumentIsSyntaxError() {
        assertThatThrownBy(() -> readAll("SELECT 1;\nDELIMITER \nSELECT 2;"))
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.SQL_SYNTAX));
    }

    @Test
    void smallCases() {
        assertThat(readAll("a;b;c")).extracting(Statement::text).containsExactly("a", "b", "c");
        List<Statement> abc = readAll("a;b;c");
        assertThat(abc.get(2).terminated()).isFalse();
        assertThat(abc.get(1).terminated()).isTrue();
        // ';' after an executable comment and inside one both end the statement, as in the mysql client
        assertThat(readAll("/*!40101 SET NAMES utf8 */;\nSELECT 1;"))
                .extracting(Statement::text).containsExactly("/*!40101 SET NAMES utf8 */", "SELECT 1");
        // empty statements are skipped into the leading text
        List<Statement> empties = readAll(";;\n;SELECT 1;");
        assertThat(empties).hasSize(1);
        assertThat(empties.get(0).leading()).isEqualTo(";;\n;");
        // $$ delimiter glued to END
        List<Statement> dollar = readAll("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n"
                + "CALL p();");
        assertThat(dollar).extracting(Statement::text)
                .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; END", "CALL p()");
        assertThat(dollar.get(0).delimiter()).isEqualTo("$$");
        // CRLF files: lines counted on \n, \r kept
        List<Statement> crlf = readAll("SELECT 1;\r\n\r\nSELECT\r\n 2;\r\n");
        assertThat(crlf.get(1).line()).isEqualTo(3);
        assertThat(crlf.get(1).text()).isEqualTo("SELECT\r\n 2");
        // comments before a statement are leading text, and do not count for its line
        List<Statement> commented = readAll("-- header\n# hash\n/* block */\nSELECT 1;");
        assertThat(commented.get(0).line()).isEqualTo(4);
        assertThat(commented.get(0).leading()).isEqualTo("-- header\n# hash\n/* block */\n");
        // line comment inside a statement hides the delimiter until the end of the line
        assertThat(readAll("SELECT 1 -- ; not here\n;SELECT 2;")).extracting(Statement::text)
                .containsExactly("SELECT 1 -- ; not here\n", "SELECT 2");
        // a NO_BACKSLASH_ESCAPES file
        SqlOptions nbe = SqlOptions.builder().backslashEscapes(false).build();
        assertThat(readAll("INSERT INTO t VALUES ('C:\\');SELECT 1;", nbe)).hasSize(2);
        // trailer after the last statement
        try (StatementReader r = StatementReader.of(new StringReader("SELECT 1;\n-- end\n"), "x")) {
            assertThat(r.read().text()).isEqualTo("SELECT 1");
            assertThat(r.trailer()).isNull();
            assertThat(r.read()).isNull();
            assertThat(r.trailer()).isEqualTo("\n-- end\n");
        }
    }

    @Test
    void iteratesOnce() {
        try (StatementReader r = StatementReader.of(new StringReader("SELECT 1;"), "x")) {
            assertThat(r.stream().count()).isEqualTo(1);
            assertThatThrownBy(r::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void missingFileIsInvalidInput(@TempDir Path dir) {
        assertThatThrownBy(() -> StatementReader.open(dir.resolve("nope.sql")))
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT));
    }

    /** Each statement's line is 1 + the line breaks before where its text starts in the original. */
    static void assertLinesMatchOffsets(String original, List<Statement> statements) {
        int offset = 0;
        for (Statement s : statements) {
            offset += s.leading().length();
            assertThat(original.startsWith(s.text(), offset)).as("text at offset %d", offset).isTrue();
            long line = 1 + original.substring(0, offset).chars().filter(c -> c == '\n').count();
            assertThat(s.line()).as(s.toString()).isEqualTo(line);
            offset += s.text().length() + (s.terminated() ? s.delimiter().length() : 0);
        }
    }
}
