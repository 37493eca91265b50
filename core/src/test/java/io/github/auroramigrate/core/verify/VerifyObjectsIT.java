package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verify.between compares object definitions: the same schema on two MySQL 8.0 servers is equal; each single change
 * on the target (a missing routine, trigger, event, view or index, a changed collation, a dropped INVISIBLE flag, a
 * changed default, event status or routine body) is reported as one difference naming the object, the part and the
 * aspect. All of these went unnoticed before (Verify compared rows only). Odd identifiers throughout: a reserved
 * word with a space and a backtick as table name, a non-ASCII column, a compound BEGIN ... END body with {@code ;}
 * inside a string.
 */
@ExtendWith(TestServersExtension.class)
class VerifyObjectsIT {
    static final String TABLE = "select `t";

    private static TestServer source;
    private static TestServer target;

    @BeforeAll
    static void servers(@Server(ServerKind.MYSQL_80) TestServer s,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer t) {
        source = s;
        target = t;
    }

    static void fill(TestServer srv, String s) {
        String q = "`" + s + "`.";
        String t = q + "`select ``t`";
        srv.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, `näme` VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,"
                        + " qty INT DEFAULT 1, hidden INT INVISIBLE, doubled INT AS (id * 2) VIRTUAL, created TIMESTAMP(3) NULL"
                        + " DEFAULT CURRENT_TIMESTAMP(3), KEY ix_name (`näme`(10) DESC), CONSTRAINT qty_positive CHECK (qty >= 0))"
                        + " DEFAULT CHARSET latin1 COLLATE latin1_swedish_ci",
                "INSERT INTO " + t + " (id, `näme`, qty, hidden, created) VALUES (1, 'a', 1, 1, '2024-01-01'), (2, 'b', 2, 2, NULL)",
                "CREATE VIEW " + q + "v AS SELECT id, `näme` FROM " + t + " WHERE qty > 0",
                "CREATE TABLE " + q + "parted (id INT NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at), KEY fx ((id * 2)))"
                        + " PARTITION BY RANGE (YEAR(at)) (PARTITION p2023 VALUES LESS THAN (2024),"
                        + " PARTITION pmax VALUES LESS THAN MAXVALUE)",
                "CREATE TABLE " + q + "child (id INT PRIMARY KEY, t_id INT, CONSTRAINT fk_t FOREIGN KEY (t_id) REFERENCES "
                        + t + " (id) ON DELETE CASCADE)",
                "CREATE PROCEDURE " + q + "p(IN x INT, OUT y VARCHAR(20)) COMMENT 'compound' BEGIN DECLARE z INT DEFAULT 1;"
                        + " IF x > 0 THEN SET y = 'semi;colon'; ELSE SET y = CONCAT(x, z); END IF; END",
                "CREATE FUNCTION " + q + "f(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
                "CREATE TRIGGER " + q + "tr BEFORE INSERT ON " + t + " FOR EACH ROW SET NEW.qty = NEW.qty + 1",
                "CREATE EVENT " + q + "ev ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM " + t
                        + " WHERE id < 0");
    }

    /** A fresh schema, equal on both servers, then {@code change} on the target. */
    private static VerifyResult afterChange(String... change) {
        String s = source.createSchema("objects");
        target.execute("CREATE DATABASE `" + s + "`");
        fill(source, s);
        fill(target, s);
        String[] sql = new String[change.length];
        for (int i = 0; i < change.length; i++) {
            sql[i] = change[i].replace("$s", "`" + s + "`").replace("$t", "`" + s + "`.`select ``t`");
        }
        target.execute(sql);
        return Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run();
    }

    private static ObjectDifference single(VerifyResult r) {
        assertThat(r.ok()).as(r.summary()).isFalse();
        assertThat(r.differences()).as("rows are equal").isEmpty();
        List<ObjectDifference> d = r.objectDifferences();
        assertThat(d).as(d.toString()).hasSize(1);
        return d.get(0);
    }

    @Test
    void equalSchemasAreEqual() {
        VerifyResult r = afterChange("DO 0");
        assertThat(r.objectDifferences()).isEmpty();
        assertThat(r.ok()).as(r.summary()).isTrue();
        // schema, three tables, view, procedure, function, trigger, event
        assertThat(r.objectsCompared()).isEqualTo(9);
    }

    @Test
    void aMissingRoutineIsNamed() {
        ObjectDifference d = single(afterChange("DROP PROCEDURE $s.p"));
        assertThat(d.kind()).isEqualTo(ObjectKind.PROCEDURE);
        assertThat(d.name()).isEqualTo("p");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.MISSING);
        assertThat(d.toString()).contains("PROCEDURE", "`p`", "missing");
    }

    @Test
    void aMissingTriggerIsNamed() {
        ObjectDifference d = single(afterChange("DROP TRIGGER $s.tr"));
        assertThat(d.kind()).isEqualTo(ObjectKind.TRIGGER);
        assertThat(d.name()).isEqualTo("tr");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.MISSING);
    }

    @Test
    void aMissingEventIsNamed() {
        ObjectDifference d = single(afterChange("DROP EVENT $s.ev"));
        assertThat(d.kind()).isEqualTo(ObjectKind.EVENT);
        assertThat(d.name()).isEqualTo("ev");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.MISSING);
    }

    @Test
    void aMissingViewIsNamed() {
        ObjectDifference d = single(afterChange("DROP VIEW $s.v"));
        assertThat(d.kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(d.name()).isEqualTo("v");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.MISSING);
    }

    @Test
    void aChangedCollationIsNamed() {
        ObjectDifference d = single(afterChange(
                "ALTER TABLE $t MODIFY `näme` VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci"));
        assertThat(d.kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(d.name()).isEqualTo(TABLE);
        assertThat(d.part()).isEqualTo("column `näme`");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.CHANGED);
        assertThat(d.aspect()).isEqualTo("collation");
        assertThat(d.expected()).isEqualTo("utf8mb4_general_ci");
        assertThat(d.actual()).isEqualTo("utf8mb4_0900_ai_ci");
    }

    @Test
    void aChangedTableCollationIsNamed() {
        ObjectDifference d = single(afterChange("ALTER TABLE $t COLLATE latin1_bin"));
        assertThat(d.part()).isNull();
        assertThat(d.aspect()).isEqualTo("collation");
        assertThat(d.expected()).isEqualTo("latin1_swedish_ci");
        assertThat(d.actual()).isEqualTo("latin1_bin");
    }

    @Test
    void aDroppedInvisibleFlagIsNamed() {
        ObjectDifference d = single(afterChange("ALTER TABLE $t MODIFY hidden INT VISIBLE"));
        assertThat(d.part()).isEqualTo("column `hidden`");
        assertThat(d.aspect()).isEqualTo("invisible");
        assertThat(d.expected()).isEqualTo("true");
        assertThat(d.actual()).isEqualTo("false");
    }

    @Test
    void aChangedDefaultIsNamed() {
        ObjectDifference d = single(afterChange("ALTER TABLE $t ALTER COLUMN qty SET DEFAULT 7"));
        assertThat(d.part()).isEqualTo("column `qty`");
        assertThat(d.aspect()).isEqualTo("default");
        assertThat(d.expected()).isEqualTo("1");
        assertThat(d.actual()).isEqualTo("7");
    }

    @Test
    void aMissingIndexIsNamed() {
        ObjectDifference d = single(afterChange("DROP INDEX ix_name ON $t"));
        assertThat(d.part()).isEqualTo("index `ix_name`");
        assertThat(d.type()).isEqualTo(ObjectDifference.Type.MISSING);
    }

    @Test
    void aChangedIndexOrderAndAMissingCheckAreNamed() {
        ObjectDifference asc = single(afterChange("DROP INDEX ix_name ON $t", "CREATE INDEX ix_name ON $t (`näme`(10))"));
        assertThat(asc.aspect()).isEqualTo("columns");
        assertThat(asc.expected()).contains("DESC");
        assertThat(asc.actual()).doesNotContain("DESC");
        ObjectDifference check = single(afterChange("ALTER TABLE $t DROP CHECK qty_positive"));
        assertThat(check.part()).startsWith("check ");
        assertThat(check.type()).isEqualTo(ObjectDifference.Type.MISSING);
    }

    @Test
    void partitionsGeneratedExpressionsForeignKeysAndFunctionalIndexesAreCompared() {
        ObjectDifference partition = single(afterChange("ALTER TABLE $s.parted REORGANIZE PARTITION pmax INTO"
                + " (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)"));
        assertThat(partition.name()).isEqualTo("parted");
        assertThat(partition.part()).isEqualTo("partition `p2024`");
        assertThat(partition.type()).isEqualTo(ObjectDifference.Type.EXTRA);

        ObjectDifference generated = single(afterChange("ALTER TABLE $t MODIFY doubled INT AS (id * 3) VIRTUAL"));
        assertThat(generated.part()).isEqualTo("column `doubled`");
        assertThat(generated.aspect()).isEqualTo("generation");

        ObjectDifference fk = single(afterChange("ALTER TABLE $s.child DROP FOREIGN KEY fk_t",
                "ALTER TABLE $s.child ADD CONSTRAINT fk_t FOREIGN KEY (t_id) REFERENCES $t (id) ON DELETE SET NULL"));
        assertThat(fk.part()).isEqualTo("foreign key `fk_t`");
        assertThat(fk.aspect()).isEqualTo("onDelete");
        assertThat(fk.expected()).isEqualTo("CASCADE");

        ObjectDifference functional = single(afterChange("DROP INDEX fx ON $s.parted",
                "CREATE INDEX fx ON $s.parted ((id * 3))"));
        assertThat(functional.part()).isEqualTo("index `fx`");
        assertThat(functional.aspect()).isEqualTo("columns");
    }

    @Test
    void aChangedEventStatusIsNamed() {
        ObjectDifference d = single(afterChange("ALTER EVENT $s.ev DISABLE"));
        assertThat(d.kind()).isEqualTo(ObjectKind.EVENT);
        assertThat(d.aspect()).isEqualTo("status");
        assertThat(d.expected()).isEqualTo("ENABLED");
        assertThat(d.actual()).isEqualTo("DISABLED");
    }

    @Test
    void aChangedRoutineBodyIsNamedButReformattingIsNot() {
        ObjectDifference d = single(afterChange("DROP PROCEDURE $s.p", "CREATE PROCEDURE $s.p(IN x INT, OUT y VARCHAR(20))"
                + " COMMENT 'compound' BEGIN DECLARE z INT DEFAULT 1; IF x > 0 THEN SET y = 'semi;colon!'; ELSE"
                + " SET y = CONCAT(x, z); END IF; END"));
        assertThat(d.kind()).isEqualTo(ObjectKind.PROCEDURE);
        assertThat(d.aspect()).isEqualTo("body");
        assertThat(d.actual()).contains("semi;colon!");

        VerifyResult reformatted = afterChange("DROP PROCEDURE $s.p", "CREATE PROCEDURE $s.`p`(IN x INT, OUT y VARCHAR(20))"
                + " COMMENT 'compound'\nbegin\n  declare z int default 1;\n  if x > 0 then set y = 'semi;colon';\n"
                + "  else set y = concat(x, z);\n  end if;\nend");
        assertThat(reformatted.objectDifferences()).as("case and whitespace outside quotes").isEmpty();
    }

    @Test
    void anExtraObjectAndAChangedRoutineCharacteristicAreNamed() {
        VerifyResult r = afterChange("CREATE PROCEDURE $s.extra_one() SELECT 1", "ALTER FUNCTION $s.f COMMENT 'changed'");
        assertThat(r.objectDifferences()).extracting(ObjectDifference::name, ObjectDifference::type, ObjectDifference::aspect)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("extra_one", ObjectDifference.Type.EXTRA, null),
                        org.assertj.core.groups.Tuple.tuple("f", ObjectDifference.Type.CHANGED, "comment"));
    }

    @Test
    void definersAreIgnoredUnlessAsked() {
        String s = source.createSchema("definers");
        target.execute("CREATE DATABASE `" + s + "`");
        // a table too: a verification that compares no table is never ok
        source.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY)",
                "CREATE DEFINER = 'root'@'localhost' VIEW `" + s + "`.dv AS SELECT 1 AS one");
        target.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY)", "CREATE USER IF NOT EXISTS 'other'@'%'",
                "CREATE DEFINER = 'other'@'%' VIEW `" + s + "`.dv AS SELECT 1 AS one");
        Verify.Builder b = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s);
        assertThat(b.build().run().ok()).isTrue();
        List<ObjectDifference> d = b.definers(true).build().run().objectDifferences();
        assertThat(d).extracting(ObjectDifference::aspect).containsExactly("definer");
        assertThat(d.get(0).actual()).contains("other");
    }

    @Test
    void accountsAndGrantsAreComparedWhenAsked() {
        String s = source.createSchema("grants");
        target.execute("CREATE DATABASE `" + s + "`");
        String user = "app_" + s.substring(s.length() - 3);
        source.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw1'",
                "GRANT SELECT, INSERT ON `" + s + "`.* TO '" + user + "'@'%'");
        Verify.Builder b = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).users(true);
        assertThat(b.build().run().objectDifferences()).filteredOn(d -> d.name().contains(user))
                .extracting(ObjectDifference::kind, ObjectDifference::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectKind.ACCOUNT, ObjectDifference.Type.MISSING));

        target.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'another password'",
                "GRANT INSERT ON `" + s + "`.* TO '" + user + "'@'%'");
        List<ObjectDifference> changed = b.build().run().objectDifferences().stream().filter(d -> d.name().contains(user))
                .toList();
        assertThat(changed).extracting(ObjectDifference::aspect).containsExactly("grants");
        assertThat(changed.get(0).actual()).doesNotContain("SELECT");

        target.execute("GRANT SELECT ON `" + s + "`.* TO '" + user + "'@'%'");
        assertThat(b.build().run().objectDifferences()).as("same grants in another order, another password")
                .filteredOn(d -> d.name().contains(user)).isEmpty();
        assertThat(Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run()
                .objectDifferences()).as("accounts only when asked").noneMatch(d -> d.kind() == ObjectKind.ACCOUNT);
        source.execute("DROP USER '" + user + "'@'%'");
        target.execute("DROP USER '" + user + "'@'%'");
    }
}
