package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import static io.github.auroramigrate.core.load.CompoundBodiesIT.rows;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.precheck.Check;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.Finding;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.TargetVersion;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.Difference;
import io.github.auroramigrate.testkit.fidelity.ExpectedDifference;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB 11.4 torture schema into MySQL 8.0 through Dump + Load and through Copy, with
 * {@code mariaDbToMySql} (and through real mariadb-dump files, with and without --hex-blob; IGNORED indexes, expression defaults and TEXT defaults respelled), {@code mapMariaDbTypes}
 * (UUID, INET4, INET6 as their text), {@code mapCollations} and {@code fixSqlModes}: the pre-check names the MariaDB
 * definitions with their fixes, a load without the type mapping refuses the first UUID column, and with the fixes
 * both paths end EQUAL by the oracle (with exactly the declared differences; every UUID and address value arrives
 * as the same text) and by Verify given the same transform. MariaDB's JSON columns stay what they are on MariaDB,
 * LONGTEXT with a json_valid CHECK, which keeps every document byte for byte (MySQL's JSON type would round numbers
 * such as 3.14159265358979323846 to a double).
 */
@ExtendWith(TestServersExtension.class)
class MySql80FromMariaDbIT {
    static final Transform FIXES = Transforms.mariaDbToMySql().andThen(Transforms.mapMariaDbTypes())
            .andThen(Transforms.mapCollations(TargetVersion.MYSQL_80)).andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_80));
    private static String db;

    @BeforeAll
    static void torture(@Server(value = ServerKind.MARIADB_114, role = "maria-src") TestServer source) {
        db = source.createSchema("from_maria");
        TortureSchema.builder().bigRows(2000).largeValueBytes(64 * 1024).create(source, db);
    }

    @Test
    void dumpAndLoad(@Server(value = ServerKind.MARIADB_114, role = "maria-src") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "maria-dst-load") TestServer target, @TempDir Path dir) throws Exception {
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        CompatibilityReport live = CompatibilityCheck.of(TestEndpoints.root(source)).schemas(db)
                .target(TargetProfile.probe(TestEndpoints.of(target))).build().run();
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(db).to(store).threads(2).build().run();
        CompatibilityReport fromDump = CompatibilityCheck.ofDump(store).target(TargetProfile.probe(TestEndpoints.of(target)))
                .build().run();
        for (CompatibilityReport report : List.of(live, fromDump)) {
            assertThat(fix(report, "Transforms.mapMariaDbTypes()").objects())
                    .containsExactly(db + ".maria_types.u", db + ".maria_types.i4", db + ".maria_types.i6");
            assertThat(fix(report, "Transforms.mariaDbToMySql()").objects()).containsExactlyInAnyOrder(
                    db + ".defaults_t.u (expression default without parentheses)",
                    db + ".defaults_t.tx (literal default of a TEXT/BLOB column)", db + ".idx_kinds.ix_invisible (IGNORED index)");
            assertThat(report.findings(Check.COLLATIONS).get(0).objects()).contains("utf8mb4_uca1400_ai_ci");
        }

        Transform withoutTypes = Transforms.mariaDbToMySql().andThen(Transforms.mapCollations(TargetVersion.MYSQL_80))
                .andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_80));
        assertThatThrownBy(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1)
                .transform(withoutTypes).build().run()).isInstanceOfSatisfying(LoadException.class, e -> {
                    assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.DEFINITION_NOT_KEPT);
                    assertThat(e.getMessage()).contains("maria_types.u", "UUID", "Transforms.mapMariaDbTypes()");
                });
        target.execute("DROP DATABASE IF EXISTS " + q(db), "DROP DATABASE aurora_migrate");

        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(2).transform(FIXES).build().run();
        assertEqual(source, target);
    }

    @Test
    void copy(@Server(value = ServerKind.MARIADB_114, role = "maria-src") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "maria-dst-copy") TestServer target) throws Exception {
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        CopyResult copy = Copy.from(TestEndpoints.of(source)).to(TestEndpoints.of(target)).threads(2)
                .dump(d -> d.schemas(db)).load(l -> l.transform(FIXES).verify(true)).build().run();
        assertThat(copy.load().verification()).hasValueSatisfying(v -> assertThat(v.ok()).as(v.summary()).isTrue());
        assertEqual(source, target);
    }

    /** Real mariadb-dump files of the MariaDB source, with and without --hex-blob, imported with the same fixes. */
    @Test
    void mariadbDumpFiles(@Server(value = ServerKind.MARIADB_114, role = "maria-src") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "maria-dst-file") TestServer target, @TempDir Path dir) throws Exception {
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        for (String[] variant : new String[][] {{"raw.sql"}, {"hex.sql", "--hex-blob"}}) {
            target.execute("DROP DATABASE IF EXISTS " + q(db));
            Path file = ForeignSqlFilesIT.mariadbDump(source, db, dir.resolve(variant[0]),
                    java.util.Arrays.copyOfRange(variant, 1, variant.length));
            Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).transform(FIXES).build().run();
            assertEqual(source, target, FidelityMatrixIT.MARIADB_DUMP_LIMITS);
        }
    }

    private static void assertEqual(TestServer source, TestServer target) throws Exception {
        assertEqual(source, target, List.of());
    }

    /** @param fileLimits what the file itself does not hold (then Verify may see those rows differ, and nothing else) */
    private static void assertEqual(TestServer source, TestServer target, List<ExpectedDifference> fileLimits)
            throws Exception {
        List<ExpectedDifference> expected = new ArrayList<>(declared());
        expected.addAll(fileLimits);
        SchemaComparison.builder().expect(expected).build()
                .diff(SchemaSnapshot.of(source, db), SchemaSnapshot.of(target, db)).assertEqual();
        VerifyResult v = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(db).transform(FIXES)
                .build().run();
        if (fileLimits.isEmpty()) {
            assertThat(v.ok()).as(v.summary() + " " + v.objectDifferences()).isTrue();
        } else {
            assertThat(v.objectDifferences()).as(v.summary()).isEmpty();
            assertThat(v.differences()).allSatisfy(d -> assertThat(d.rows()).isNotEmpty()
                    .allSatisfy(r -> assertThat(d.table() + "." + r.column()).isIn("all_types.f", "all_types.d",
                            "all_types.dt", "all_types.dtm")));
        }
        // the values as text, exactly: the edges of each type
        assertThat(rows(target, "SELECT u, i4, i6 FROM " + q(db) + ".maria_types WHERE id = 4")).containsExactly(
                List.of("ffffffff-ffff-ffff-ffff-ffffffffffff", "255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertThat(rows(target, "SELECT i6 FROM " + q(db) + ".maria_types WHERE id = 5")).containsExactly(List.of("::ffff:1.2.3.4"));
        // the respelled defaults still do what they did: a new row gets a UUID and the TEXT default
        target.execute("INSERT INTO " + q(db) + ".defaults_t (id, created) VALUES (99, NOW(3))");
        assertThat(rows(target, "SELECT LENGTH(u), tx FROM " + q(db) + ".defaults_t WHERE id = 99"))
                .containsExactly(List.of("36", "text ü"));
        target.execute("DELETE FROM " + q(db) + ".defaults_t WHERE id = 99");
    }

    /** What the fixes change on purpose, and what MySQL prints differently for the same definition. */
    static List<ExpectedDifference> declared() {
        List<ExpectedDifference> d = new ArrayList<>(List.of(
                ExpectedDifference.collation("utf8mb4_uca1400_ai_ci", "utf8mb4_0900_ai_ci"),
                ExpectedDifference.columnType("uuid", "char(36)"),
                ExpectedDifference.columnType("inet4", "varchar(15)"),
                ExpectedDifference.columnType("inet6", "varchar(39)"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "maria_types", "column `(u|i4|i6)` charset", Difference.ABSENT,
                        "ascii", "mapMariaDbTypes: text in ascii"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "maria_types", "column `(u|i4|i6)` collation", Difference.ABSENT,
                        "ascii_general_ci", "mapMariaDbTypes: text in ascii"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "defaults_t", "column `tx` default", "'text ü'",
                        "expression 'text ü'", "mariaDbToMySql: MySQL takes a TEXT default only as an expression")));
        // MySQL names a column-level CHECK <table>_chk_<n>; MariaDB names it after its column
        d.addAll(checkRenamed("all_types", "j", "json_valid ( j )"));
        d.addAll(checkRenamed("big_rows", "j", "json_valid ( j )"));
        d.addAll(checkRenamed("gen_cols", "doc", "json_valid ( doc )"));
        d.addAll(checkRenamed("checks", "qty", "qty >= 0"));
        return d;
    }

    private static List<ExpectedDifference> checkRenamed(String table, String column, String clause) {
        String why = "column-level CHECK of " + table + "." + column + ": MySQL names it " + table + "_chk_1";
        return List.of(
                ExpectedDifference.of(SchemaObject.Kind.TABLE, table, "check `" + column + "`", clause, Difference.ABSENT, why),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, table, "check `" + table + "_chk_1`", Difference.ABSENT, clause, why));
    }

    private static Finding fix(CompatibilityReport report, String fix) {
        List<Finding> f = report.findings(Check.MARIADB_DEFINITIONS).stream()
                .filter(x -> x.fixingTransform().filter(fix::equals).isPresent()).toList();
        assertThat(f).as("MARIADB_DEFINITIONS fixed by %s in %s", fix, report.findings()).hasSize(1);
        return f.get(0);
    }
}
