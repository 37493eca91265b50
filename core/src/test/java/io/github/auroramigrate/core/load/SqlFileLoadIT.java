package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.SourceLocation;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Imports files written by the real {@code mariadb-dump} client (Debian's, 10.11) from a MySQL 5.7 source. */
@ExtendWith(TestServersExtension.class)
class SqlFileLoadIT {

    static Path mariadbDump(TestServer source, String schema, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mariadb-dump", "-h127.0.0.1", "-P" + source.port(), "-u" + source.rootUser(),
                "--databases", schema, "--single-transaction", "--hex-blob", "--routines", "--triggers"));
        if (!source.rootPassword().isEmpty()) {
            cmd.add("-p" + source.rootPassword());
        }
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out.resolveSibling(out.getFileName() + ".err"))).isZero();
        assertThat(Files.readString(out, StandardCharsets.ISO_8859_1)).startsWith("/*M!999999\\- enable the sandbox mode */");
        return out;
    }

    @Test
    void aRealMariadbDumpOfMySql57LoadsIntoMySql80WithTheSameContent(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path tmp) throws Exception {
        String schema = source.createSchema("imp_copy");
        LoadFixtures.createSourceTables(source, schema, 2000);
        Path sql = mariadbDump(source, schema, tmp.resolve("dump.sql"));
        Path gz = tmp.resolve("dump.sql.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(sql, o);
        }

        List<ScriptProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(gz)).listener(new LoadListener() {
            @Override
            public void scriptProgress(ScriptProgress p) {
                progress.add(p);
            }
        }).build().run();

        assertThat(r.jobId()).startsWith("sql-dump.sql.gz-");
        // progress through the file as stored (compressed bytes, as pv counts them), ending with the whole file
        assertThat(progress).isNotEmpty();
        ScriptProgress last = progress.get(progress.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(progress.stream().filter(ScriptProgress::finished)).hasSize(1);
        assertThat(last.script()).isEqualTo("dump.sql.gz");
        assertThat(last.jobId()).isEqualTo(r.jobId());
        assertThat(last.bytesTotal()).isEqualTo(Files.size(gz));
        assertThat(last.bytesRead()).isEqualTo(Files.size(gz));
        assertThat(last.fraction()).hasValue(1.0);
        assertThat(last.rows()).isEqualTo(r.rowsLoaded());
        assertThat(last.statements()).isGreaterThanOrEqualTo(r.statementsExecuted());
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i).bytesRead()).isGreaterThanOrEqualTo(progress.get(i - 1).bytesRead());
        }
        assertThat(r.statementsExecuted()).isGreaterThan(5);
        assertThat(r.rowsLoaded()).as("rows written by the file's INSERTs").isEqualTo(LoadFixtures.count(source,
                "SELECT (SELECT COUNT(*) FROM " + q(schema) + ".t_pk) + (SELECT COUNT(*) FROM " + q(schema) + ".t_nopk)"));
        assertThat(r.warnings()).as("no LOAD DATA warning for a file without chunks").isEmpty();
        for (String table : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, schema, table)).as(table).isEqualTo(content(source, schema, table));
        }
    }

    /** The handbook's "ERROR 1227 (42000) at line 884" on Aurora MySQL 2, and the 1449 variant on Aurora MySQL 3. */
    @Test
    void aDefinerViewFailsOnAurora2AtItsLineAndLoadsOnAurora3ButFailsWhenUsed(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer aurora2,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer aurora3,
            @TempDir Path tmp) throws Exception {
        String schema = source.createSchema("imp_definer");
        source.execute("CREATE TABLE " + q(schema) + ".t1 (id INT PRIMARY KEY, s1 VARCHAR(10))",
                "INSERT INTO " + q(schema) + ".t1 VALUES (1, 'a'), (2, 'b')",
                "CREATE ALGORITHM=UNDEFINED DEFINER=`someuser`@`%` SQL SECURITY DEFINER VIEW " + q(schema)
                        + ".v1 AS SELECT id, s1 FROM " + q(schema) + ".t1");
        Path dump = mariadbDump(source, schema, tmp.resolve("myschema_dump.sql"));
        List<String> lines = Files.readAllLines(dump, StandardCharsets.ISO_8859_1);
        int definerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("DEFINER=`someuser`")) {
                definerLine = i + 1;
            }
        }
        assertThat(definerLine).isPositive();

        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(aurora2)).from(LoadSources.sqlFile(dump)).build().run(),
                LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.SUPER_PRIVILEGE_REQUIRED);
        assertThat(e.diagnosis().vendorCode()).isEqualTo(1227);
        SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
        assertThat(at.file()).isEqualTo("myschema_dump.sql");
        // the statement starts with "/*!50001 CREATE ALGORITHM=UNDEFINED */" on the line before the DEFINER line
        assertThat(at.line()).isEqualTo(definerLine - 1);
        assertThat(lines.get((int) at.line() - 1)).contains("CREATE ALGORITHM");
        assertThat(at.excerpt()).contains("DEFINER=`someuser`@`%`").contains("VIEW `v1`");
        assertThat(e.getMessage()).contains("line " + at.line()).contains("someuser");

        LoadResult stripped = Load.into(TestEndpoints.of(aurora2)).from(LoadSources.sqlFile(dump)).transform(Transforms.stripDefiners())
                .build().run();
        assertThat(stripped.statementsExecuted()).isPositive();
        assertThat(LoadFixtures.count(aurora2, "SELECT COUNT(*) FROM " + q(schema) + ".v1")).isEqualTo(2);
        try (Connection c = aurora2.connection(); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(schema) + ".v1")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the view works for the master user").isEqualTo(2);
        }

        LoadResult r3 = Load.into(TestEndpoints.of(aurora3)).from(LoadSources.sqlFile(dump)).build().run();
        assertThat(r3.statementsExecuted()).isPositive();
        // Selecting the view: 1449 for an account allowed to act as another user (root here); MySQL 8.0.31 answers
        // the master user, who lacks SUPER, with 1045 "Access denied for user 'master'" instead (measured).
        try (Connection c = aurora3.rootConnection(); Statement st = c.createStatement()) {
            SQLException used = catchThrowableOfType(() -> st.executeQuery("SELECT * FROM " + q(schema) + ".v1"),
                    SQLException.class);
            assertThat(ErrorCatalog.diagnose(used, null).code()).as(used.getMessage()).isEqualTo(DiagnosisCode.DEFINER_MISSING);
        }
        try (Connection c = aurora3.connection(); Statement st = c.createStatement()) {
            SQLException used = catchThrowableOfType(() -> st.executeQuery("SELECT * FROM " + q(schema) + ".v1"),
                    SQLException.class);
            assertThat(used.getErrorCode()).as(used.getMessage()).isEqualTo(1045);
        }
    }
}
