package io.github.auroramigrate.core.load;

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
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.Difference;
import io.github.auroramigrate.testkit.fidelity.ExpectedDifference;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaDiff;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL 8.0 torture schema into an Aurora-like MySQL 2 (5.7, master user without SUPER) through Dump and Load:
 * the pre-check (of the live source and of the dump) names every construct 5.7 would drop or reject, with its fix;
 * the load without the fixes refuses the first one before sending it; with them it completes, and the oracle and
 * Verify (given the same transform) find the target equal to the source but for exactly the declared changes. The
 * expression defaults of {@code defaults_t}, which no rewrite can carry to 5.7, are named by the pre-check as
 * blockers, and the source is changed as its advice says before the dump.
 */
@ExtendWith(TestServersExtension.class)
class Aurora2FromMySql80IT {
    private static final String DOWNGRADE = "Transforms.downgradeTo(TargetVersion.MYSQL_57)";
    static final Transform FIXES = Transforms.stripDefiners()
            .andThen(Transforms.mapCollations(TargetVersion.MYSQL_57))
            .andThen(Transforms.downgradeTo(TargetVersion.MYSQL_57));

    @Test
    void tortureSchemaWithThePrecheckFixes(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2, role = "aurora2-from-80") TestServer target,
            @TempDir Path dir) throws Exception {
        String db = source.createSchema("to_aurora2");
        TortureSchema.builder().bigRows(2000).largeValueBytes(64 * 1024).create(source, db);
        // as the DB parameter group would (a target of its own: the setting is global)
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        TargetProfile aurora2 = TargetProfile.probe(TestEndpoints.of(target));

        CompatibilityReport live = CompatibilityCheck.of(TestEndpoints.root(source)).schemas(db).target(aurora2).build().run();
        assertFindings(live, db);
        List<Finding> blockers = live.findings(Check.NEWER_DEFINITIONS).stream().filter(f -> f.fixingTransform().isEmpty()).toList();
        assertThat(blockers).singleElement().satisfies(f -> assertThat(f.objects())
                .containsExactly(db + ".defaults_t.u", db + ".defaults_t.j", db + ".defaults_t.tx"));

        // the blockers' advice: set those defaults elsewhere; the source without them
        source.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'", "ALTER TABLE " + q(db) + ".defaults_t ALTER COLUMN u DROP"
                + " DEFAULT, ALTER COLUMN j DROP DEFAULT, ALTER COLUMN tx DROP DEFAULT");
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(db).to(store).threads(2).build().run();
        CompatibilityReport fromDump = CompatibilityCheck.ofDump(store).target(aurora2).build().run();
        assertFindings(fromDump, db);
        assertThat(fromDump.findings(Check.NEWER_DEFINITIONS)).allSatisfy(f -> assertThat(f.fixingTransform()).isPresent());

        // without the downgrade the first table that 5.7 would degrade or reject is refused, and not sent
        Transform withoutDowngrade = Transforms.stripDefiners().andThen(Transforms.mapCollations(TargetVersion.MYSQL_57));
        assertThatThrownBy(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(2)
                .transform(withoutDowngrade).build().run()).isInstanceOfSatisfying(LoadException.class, e -> {
                    assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.DEFINITION_NOT_KEPT);
                    assertThat(e.getMessage()).contains(DOWNGRADE).containsAnyOf("INVISIBLE", "SRID", "CHECK", "DESC",
                            "GEOMCOLLECTION", "functional");
                    assertThat(e.diagnosis().sourceLocation()).isPresent();
                    assertThat(target.queryString("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db
                            + "' AND TABLE_NAME = '" + e.table().orElseThrow() + "'")).contains("0");
                });
        target.execute("DROP DATABASE " + q(db), "DROP DATABASE aurora_migrate");

        LoadResult load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(2).transform(FIXES)
                .build().run();
        assertThat(load.summary()).contains("(0 skipped");
        // what the downgrade dropped reaches the result, object by object
        assertThat(load.warnings()).filteredOn(w -> w.code() == DiagnosisCode.DEFINITION_NOT_KEPT)
                .extracting(io.github.auroramigrate.core.diagnose.Diagnosis::message)
                .anySatisfy(m -> assertThat(m).contains("checks.ck_price", "CHECK constraint dropped"))
                .anySatisfy(m -> assertThat(m).contains("gen_cols.secret", "made visible"));

        SchemaDiff diff = SchemaComparison.builder().expect(declared()).build()
                .diff(SchemaSnapshot.of(source, db), SchemaSnapshot.of(target, db));
        diff.assertEqual();
        assertThat(diff.accepted()).extracting(d -> d.object().name() + " " + d.aspect()).contains(
                "gen_cols column `secret` visibility", "idx_kinds index `ix_func`", "checks check `ck_price`",
                "idx_kinds column `pt` srid", "collations column `c_0900` collation");
        VerifyResult v = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(db).transform(FIXES)
                .build().run();
        assertThat(v.ok()).as(v.summary() + " " + v.objectDifferences()).isTrue();
        assertThat(v.objectsCompared()).isGreaterThan(50);
    }

    /** The changes the fixes make on purpose, and nothing else. */
    static List<ExpectedDifference> declared() {
        String why = "downgradeTo(MYSQL_57)";
        return List.of(
                ExpectedDifference.collation("utf8mb4_0900_ai_ci", "utf8mb4_unicode_520_ci"),
                ExpectedDifference.collation("utf8mb4_0900_as_cs", "utf8mb4_bin"),
                ExpectedDifference.of(SchemaObject.Kind.FUNCTION, "f_concat", "returns",
                        "varchar(120) charset utf8mb4 collate utf8mb4_0900_ai_ci",
                        "varchar(120) charset utf8mb4 collate utf8mb4_unicode_520_ci", "mapCollations: the result's collation"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "gen_cols", "column `(secret|inv_n)` visibility", "invisible",
                        "visible", why + ": INVISIBLE columns made visible"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "idx_kinds", "index `ix_invisible`", "BTREE (`b`) invisible",
                        "BTREE (`b`)", why + ": the invisible index made visible"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "idx_kinds", "index `ix_desc`", "BTREE (`a` DESC, `b`)",
                        "BTREE (`a`, `b`)", why + ": DESC dropped"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "idx_kinds", "index `ix_func2?`", null, Difference.ABSENT,
                        why + ": functional indexes dropped"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, "checks", "check `.*`", null, Difference.ABSENT,
                        why + ": CHECK constraints dropped"),
                ExpectedDifference.of(SchemaObject.Kind.TABLE, null, "column `(g0|g4326|pt)` srid", null, Difference.ABSENT,
                        why + ": SRID attributes dropped"));
    }

    private static void assertFindings(CompatibilityReport report, String db) {
        assertThat(one(report, Check.INVISIBLE_DEFINITIONS, true).objects()).containsExactlyInAnyOrder(
                db + ".gen_cols.secret (INVISIBLE column)", db + ".gen_cols.inv_n (INVISIBLE column)",
                db + ".idx_kinds.ix_invisible (invisible index)");
        assertThat(one(report, Check.CHECK_CONSTRAINTS, true).objects()).containsExactlyInAnyOrder(
                db + ".checks.checks_chk_1", db + ".checks.ck status ü", db + ".checks.ck_not_enforced", db + ".checks.ck_price");
        assertThat(one(report, Check.DESCENDING_INDEXES, true).objects()).containsExactly(db + ".idx_kinds.ix_desc");
        assertThat(one(report, Check.NEWER_DEFINITIONS, true).objects()).containsExactlyInAnyOrder(
                db + ".all_types.gc (GEOMCOLLECTION type name)", db + ".all_types.g4326 (SRID attribute)",
                db + ".all_types.g0 (SRID attribute)", db + ".idx_kinds.pt (SRID attribute)",
                db + ".idx_kinds.ix_func (functional index)", db + ".idx_kinds.ix_func2 (functional index)");
        Finding collations = report.findings(Check.COLLATIONS).get(0);
        assertThat(collations.fixingTransform()).contains("Transforms.mapCollations(TargetVersion.MYSQL_57)");
        assertThat(collations.objects()).contains("utf8mb4_0900_ai_ci", "utf8mb4_0900_as_cs");
        assertThat(report.toMarkdown()).contains("| ERROR | INVISIBLE_DEFINITIONS |", "`" + DOWNGRADE + "`");
    }

    /** The one finding of that check with a fix (or without). */
    private static Finding one(CompatibilityReport report, Check check, boolean fixable) {
        List<Finding> f = report.findings(check).stream().filter(x -> x.fixingTransform().isPresent() == fixable).toList();
        assertThat(f).as("%s findings of %s", fixable ? "fixable" : "unfixable", check).hasSize(1);
        if (fixable) {
            assertThat(f.get(0).fixingTransform()).contains(DOWNGRADE);
        }
        return f.get(0);
    }
}
