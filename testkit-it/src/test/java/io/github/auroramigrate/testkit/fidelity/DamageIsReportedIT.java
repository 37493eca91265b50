package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each kind of damage to a hand-made copy of the torture schema makes the comparison fail, naming exactly
 * that difference (object, aspect, expected and actual value) and nothing else.
 */
class DamageIsReportedIT {
    private static final Map<ServerKind, Fixture> FIXTURES = new ConcurrentHashMap<>();
    private static final String ROUTINE_SESSION = "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'";
    private static final String ROUTINE_NAMES = "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci";

    private record Fixture(TestServer server, String schema, SchemaSnapshot snapshot) {
    }

    private static Fixture fixture(ServerKind kind) {
        return FIXTURES.computeIfAbsent(kind, k -> {
            TestServer server = TestServers.shared(k);
            String db = server.createSchema("damage_src");
            TortureSchema.create(server, db);
            return new Fixture(server, db, SchemaSnapshot.of(server, db));
        });
    }

    private static String copyOf(Fixture f, String prefix) throws Exception {
        String copy = f.server().createSchema(prefix);
        try (Connection c = f.server().rootConnection()) {
            ManualCopy.copy(c, f.schema(), copy);
        }
        return copy;
    }

    /** Copies the torture schema, runs {@code damage} in the copy (as default database) and compares. */
    private static SchemaDiff damaged(ServerKind kind, String... damage) throws Exception {
        Fixture f = fixture(kind);
        String copy = copyOf(f, "damaged");
        try (Connection c = f.server().rootConnection()) {
            try (var st = c.createStatement()) {
                st.execute("USE `" + copy + "`");
                for (String sql : damage) {
                    st.execute(sql);
                }
            }
        }
        SchemaDiff diff = SchemaComparison.compare(f.snapshot(), SchemaSnapshot.of(f.server(), copy));
        assertThat(diff.isEqual()).as("damage must be seen: %s", List.of(damage)).isFalse();
        assertThatThrownBy(diff::assertEqual).isInstanceOf(AssertionError.class)
                .hasMessageContaining(diff.differences().get(0).toString());
        return diff;
    }

    private static SchemaObject obj(SchemaObject.Kind kind, String name) {
        return SchemaObject.of(kind, name);
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void missingRoutine(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, "DROP PROCEDURE p_compound");
        assertThat(diff.differences()).containsExactly(
                new Difference(obj(SchemaObject.Kind.PROCEDURE, "p_compound"), "object", "present", Difference.ABSENT));
        assertThat(diff.describe()).contains("procedure `p_compound`: object: expected present, actual (absent)");
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void changedCollation(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind,
                "ALTER TABLE collations MODIFY c_general VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        assertThat(diff.differences()).containsExactly(new Difference(SchemaObject.table("collations"),
                "column `c_general` collation", "utf8mb4_general_ci", "utf8mb4_unicode_ci"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"MYSQL_80", "MARIADB_114"})
    void droppedInvisibleFlag(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, kind.isMariaDb()
                ? "ALTER TABLE gen_cols MODIFY secret VARCHAR(20) DEFAULT 'hidden'"
                : "ALTER TABLE gen_cols ALTER COLUMN secret SET VISIBLE");
        assertThat(diff.differences()).containsExactly(new Difference(SchemaObject.table("gen_cols"),
                "column `secret` visibility", "invisible", "visible"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void changedTriggerBody(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, ROUTINE_SESSION, ROUTINE_NAMES, "DROP TRIGGER `trg ad ü`",
                "CREATE TRIGGER `trg ad ü` AFTER DELETE ON trg_target FOR EACH ROW"
                        + " INSERT INTO trg_audit (action, target_id) VALUES ('deleted', OLD.id)");
        assertThat(diff.differences()).containsExactly(new Difference(obj(SchemaObject.Kind.TRIGGER, "trg ad ü"), "body",
                "INSERT INTO trg_audit (action, target_id) VALUES ('delete', OLD.id)",
                "INSERT INTO trg_audit (action, target_id) VALUES ('deleted', OLD.id)"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void eventDisabledInsteadOfEnabled(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, ROUTINE_SESSION, ROUTINE_NAMES, "SET time_zone = '+05:30'",
                "ALTER EVENT ev_every_enabled DISABLE");
        assertThat(diff.differences()).containsExactly(
                new Difference(obj(SchemaObject.Kind.EVENT, "ev_every_enabled"), "status", "ENABLED", "DISABLED"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void decimalChangedByOneUnit(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, "UPDATE big_rows SET amount = amount + 0.000001 WHERE id = 42");
        // the view summing the column shows it too, as a changed row of a multiset
        SchemaObject view = obj(SchemaObject.Kind.VIEW, "v_temptable");
        assertThat(diff.differences()).containsExactly(
                new Difference(SchemaObject.table("big_rows"), "row (id=42) column `amount`", "-958.999959", "-958.999958"),
                new Difference(view, "row {k=41, total=78754.130754, n=52}", "1 copy", Difference.ABSENT),
                new Difference(view, "row {k=41, total=78754.130755, n=52}", Difference.ABSENT, "1 copy"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void floatsDifferingBelowTheirPrintedPrecisionAndInTheSignOfZero(ServerKind kind) throws Exception {
        // every server prints both FLOAT values as 3.40282e38, and -0.0 as "-0" only sometimes
        SchemaDiff diff = damaged(kind, "UPDATE all_types SET f = 3.4028230e38 WHERE id = 3",
                "UPDATE all_types SET d = 0 WHERE id = 5");
        assertThat(diff.differences()).extracting(Difference::aspect)
                .containsExactly("row (id=3) column `f`", "row (id=5) column `d`");
        assertThat(diff.differences().get(0).expected()).isEqualTo("3.4028235E38 (bits 0x7f7fffff)");
        assertThat(diff.differences().get(0).actual()).startsWith("3.402823E38 (bits 0x7f7ffff");
        assertThat(diff.differences().get(1).expected()).isEqualTo("-0.0 (bits 0x8000000000000000)");
        assertThat(diff.differences().get(1).actual()).isEqualTo("0.0 (bits 0x0)");
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void duplicateRowMissingFromKeylessTable(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, "DELETE FROM no_key WHERE a = 7 LIMIT 1");
        assertThat(diff.differences()).extracting(Difference::object, Difference::aspect, Difference::expected, Difference::actual)
                .containsExactly(
                        tuple(SchemaObject.table("no_key"), "row count", "3002", "3001"),
                        tuple(SchemaObject.table("no_key"), "row {a=7, b='dup 7', c=1.75, d='2020-01-08 00:00:00'}",
                                "3 copies", "2 copies"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void jsonDocumentWithAChangedValue(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, "UPDATE big_rows SET j = JSON_SET(j, '$.half', 999) WHERE id = 10");
        assertThat(diff.differences()).hasSize(1);
        Difference d = diff.differences().get(0);
        assertThat(d.object()).isEqualTo(SchemaObject.table("big_rows"));
        assertThat(d.aspect()).isEqualTo("row (id=10) column `j`");
        assertThat(d.expected()).contains("\"half\":4.5").contains("\"n\":9");
        assertThat(d.actual()).contains("\"half\":999").contains("\"n\":9");
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void changedAutoIncrementCounter(ServerKind kind) throws Exception {
        SchemaDiff diff = damaged(kind, "ALTER TABLE big_rows AUTO_INCREMENT = 7777");
        assertThat(diff.differences()).containsExactly(
                new Difference(SchemaObject.table("big_rows"), "auto_increment", "6000", "7777"));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void declaredExpectedDifferencesAreAcceptedAndOnlyThose(ServerKind kind) throws Exception {
        Fixture f = fixture(kind);
        String copy = copyOf(f, "declared");
        f.server().execute("ALTER TABLE `" + copy + "`.collations MODIFY c_general VARCHAR(20) CHARACTER SET utf8mb4"
                + " COLLATE utf8mb4_unicode_ci", "DROP EVENT `" + copy + "`.ev_at_disabled");
        SchemaSnapshot actual = SchemaSnapshot.of(f.server(), copy);

        SchemaDiff declared = SchemaComparison.builder()
                .expect(ExpectedDifference.collation("utf8mb4_general_ci", "utf8mb4_unicode_ci"),
                        ExpectedDifference.missing(SchemaObject.Kind.EVENT, "ev_at_disabled"))
                .build().diff(f.snapshot(), actual);
        declared.assertEqual();
        assertThat(declared.accepted()).extracting(Difference::aspect).containsExactly("column `c_general` collation", "object");

        // a declaration for another mapping does not cover this one
        SchemaDiff other = SchemaComparison.builder()
                .expect(ExpectedDifference.collation("utf8mb4_general_ci", "utf8mb4_bin"))
                .build().diff(f.snapshot(), actual);
        assertThat(other.differences()).extracting(Difference::aspect).containsExactly("column `c_general` collation", "object");
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void engineChangeNeedsADeclaration(ServerKind kind) throws Exception {
        Fixture f = fixture(kind);
        String copy = copyOf(f, "engine");
        f.server().execute("ALTER TABLE `" + copy + "`.legacy_myisam ENGINE=InnoDB");
        SchemaSnapshot actual = SchemaSnapshot.of(f.server(), copy);
        SchemaDiff undeclared = SchemaComparison.compare(f.snapshot(), actual);
        assertThat(undeclared.differences()).contains(
                new Difference(SchemaObject.table("legacy_myisam"), "engine", "MyISAM", "InnoDB"));
        SchemaDiff declared = SchemaComparison.builder().expect(ExpectedDifference.engine("MyISAM", "InnoDB"))
                .build().diff(f.snapshot(), actual);
        assertThat(declared.accepted()).containsExactly(
                new Difference(SchemaObject.table("legacy_myisam"), "engine", "MyISAM", "InnoDB"));
        assertThat(declared.differences()).doesNotContain(
                new Difference(SchemaObject.table("legacy_myisam"), "engine", "MyISAM", "InnoDB"));
        assertThat(declared.differences()).hasSize(undeclared.differences().size() - 1);
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void definersAreComparedOnlyWhenAskedFor(ServerKind kind) throws Exception {
        Fixture f = fixture(kind);
        String copy = copyOf(f, "definer");
        f.server().execute("CREATE USER IF NOT EXISTS 'fidelity_other'@'%'", "USE `" + copy + "`", ROUTINE_SESSION,
                ROUTINE_NAMES, "DROP FUNCTION `f$$x`",
                "CREATE DEFINER = 'fidelity_other'@'%' FUNCTION `f$$x`() RETURNS INT DETERMINISTIC NO SQL RETURN 1");
        SchemaSnapshot actual = SchemaSnapshot.of(f.server(), copy);
        SchemaComparison.compare(f.snapshot(), actual).assertEqual();
        SchemaDiff strict = SchemaComparison.builder().ignoreDefiners(false).build().diff(f.snapshot(), actual);
        assertThat(strict.differences()).containsExactly(new Difference(obj(SchemaObject.Kind.FUNCTION, "f$$x"), "definer",
                "root@localhost", "fidelity_other@%"));
    }
}
