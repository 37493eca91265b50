package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.SameVersionSnapshot;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects a load finds on the target without having created them: adopted when identical and without rows the load
 * did not write, refused (OBJECT_EXISTS, naming the object and what differs) otherwise, replaced on request; objects
 * whose DDL changed between two runs of one load; a journal written by file and line (earlier versions) resumed.
 */
@ExtendWith(TestServersExtension.class)
class ExistingObjectsIT {

    private static String source(TestServer source) throws Exception {
        String s = source.createSchema("existing");
        LoadFixtures.createSourceTables(source, s, 2000);
        source.execute("CREATE VIEW " + q(s) + ".v1 AS SELECT id, name FROM " + q(s) + ".t_pk WHERE id < 10",
                "CREATE TABLE " + q(s) + ".legacy (id INT PRIMARY KEY, x INT) ENGINE=MyISAM",
                "INSERT INTO " + q(s) + ".legacy VALUES (1, 1), (2, 4)");
        return s;
    }

    private static Load.Builder load(TestServer target, Path dir) {
        return Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)));
    }

    /** Runs a dump's DDL file by hand on the target, as a user (or an earlier tool) would have. */
    private static void runDdl(TestServer target, String schema, Path dir, String key) throws Exception {
        try (Connection c = target.rootConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + q(schema));
            st.execute("USE " + q(schema));
            st.execute(Files.readString(dir.resolve(key), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anIdenticalEmptyTableIsAdoptedAndAnythingElseIsRefusedOrReplaced(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source(source);
        Manifest m = DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        runDdl(target, s, dir, m.table(s, "t_pk").orElseThrow().ddlFile());       // identical, empty: adopted
        target.execute("CREATE TABLE " + q(s) + ".t_nopk (grp INT NOT NULL, label VARCHAR(50), v INT)"); // v BIGINT on the source
        target.execute("CREATE VIEW " + q(s) + ".v1 AS SELECT 1 AS id");

        LoadException e = catchThrowableOfType(() -> load(target, dir).build().run(), LoadException.class);
        assertThat(e.code()).isEqualTo(DiagnosisCode.OBJECT_EXISTS);
        assertThat(e.getMessage()).contains("`" + s + "`.`t_nopk`", "not created by load job", "bigint");

        target.execute("DROP TABLE " + q(s) + ".t_nopk");
        LoadException view = catchThrowableOfType(() -> load(target, dir).build().run(), LoadException.class);
        assertThat(view.code()).isEqualTo(DiagnosisCode.OBJECT_EXISTS);
        assertThat(view.getMessage()).contains("view `" + s + "`.`v1`");

        LoadResult r = load(target, dir).existingObjects(ExistingObjects.REPLACE).build().run();
        // t_pk was adopted by the first run (which then stopped at t_nopk): it is this job's now, never replaced
        assertThat(r.warnings()).extracting(Diagnosis::message).anySatisfy(w -> assertThat(w).contains("v1", "replaced"))
                .noneSatisfy(w -> assertThat(w).startsWith("table `" + s + "`.`t_pk`"));
        assertThat(SameVersionSnapshot.of(target, s)).isEqualTo(SameVersionSnapshot.of(source, s));
    }

    @Test
    void aTableHoldingRowsTheLoadDidNotWriteIsRefused(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source(source);
        Manifest m = DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        runDdl(target, s, dir, m.table(s, "t_pk").orElseThrow().ddlFile());
        target.execute("INSERT INTO " + q(s) + ".t_pk (id, name) VALUES (-1, 'not from the dump')");

        LoadException e = catchThrowableOfType(() -> load(target, dir).build().run(), LoadException.class);
        assertThat(e.code()).isEqualTo(DiagnosisCode.OBJECT_EXISTS);
        assertThat(e.getMessage()).contains("t_pk", "holds rows this load did not write");
        assertThat(LoadFixtures.count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk")).isEqualTo(1);

        load(target, dir).existingObjects(ExistingObjects.REPLACE).build().run();
        assertThat(SameVersionSnapshot.of(target, s)).isEqualTo(SameVersionSnapshot.of(source, s));
    }

    @Test
    void aChangedTransformRecreatesObjectsWithoutDataAndRefusesLoadedTables(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source(source);
        source.execute("CREATE DEFINER = 'root'@'localhost' VIEW " + q(s) + ".v2 AS SELECT id FROM " + q(s) + ".legacy");
        DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        load(target, dir).build().run();

        // a rerun with stripDefiners: the views are created again as the new transform says; the tables did not change
        LoadResult again = load(target, dir).transform(Transforms.stripDefiners()).build().run();
        assertThat(again.chunksLoaded()).isZero();
        assertThat(again.statementsExecuted()).isEqualTo(2);
        assertThat(again.warnings()).extracting(Diagnosis::message).anySatisfy(w -> assertThat(w).contains("v2", "re-created"));

        // forceInnoDb changes the MyISAM table, which holds loaded rows: refused, nothing dropped
        LoadException e = catchThrowableOfType(() -> load(target, dir).transform(Transforms.forceInnoDb()).build().run(),
                LoadException.class);
        assertThat(e.code()).isEqualTo(DiagnosisCode.DDL_CHANGED);
        assertThat(e.getMessage()).contains("`" + s + "`.`legacy`", "holds loaded rows");
        assertThat(LoadFixtures.count(target, "SELECT COUNT(*) FROM " + q(s) + ".legacy")).isEqualTo(2);
    }

    @Test
    void aJournalByFileAndLineFromAnEarlierVersionResumesByAdoption(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source(source);
        Manifest m = DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        load(target, dir).build().run();
        String job = "dump-" + m.dumpId();
        // what 0.1.0's journal held: chunks, and DDL statements keyed by file and line
        target.execute("UPDATE aurora_migrate.load_progress SET chunk_id = CONCAT('ddl:', SUBSTRING(table_name, 1, 100), ':1')"
                + " WHERE job_id = '" + job + "' AND chunk_id LIKE 'obj:%'");

        LoadResult r = load(target, dir).build().run();

        assertThat(r.chunksLoaded()).isZero();
        assertThat(r.statementsExecuted()).isZero();
        assertThat(r.warnings()).extracting(Diagnosis::message).anySatisfy(w -> assertThat(w).contains("t_pk", "adopted"));
        assertThat(SameVersionSnapshot.of(target, s)).isEqualTo(SameVersionSnapshot.of(source, s));
    }
}
