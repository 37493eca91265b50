package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.ObjectName;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableFilterTransformTest {

    private static long count(List<Statement> all, StatementKind kind) {
        return all.stream().filter(s -> s.kind() == kind).count();
    }

    @Test
    void excludeDropsDdlDataLocksAndKeysOfTheTable() {
        TransformTesting r = TransformTesting.fixture(Transforms.excludeTables("shop.legacy"), Fixtures.MYSQL80_DUMP);
        List<Statement> out = r.statements();
        assertThat(out).noneMatch(s -> s.tableNames().contains(new ObjectName(null, "legacy")));
        assertThat(r.output).doesNotContain("`legacy`").contains("CREATE TABLE `t1`");
        // DROP, CREATE, LOCK, DISABLE KEYS, INSERT, ENABLE KEYS, UNLOCK
        assertThat(r.report.count("excludeTables", "statement dropped")).isEqualTo(7);
        assertThat(count(out, StatementKind.LOCK_TABLES)).isEqualTo(count(out, StatementKind.UNLOCK_TABLES));
    }

    @Test
    void includeKeepsTheTableItsTriggerAndEverythingThatIsNotATable() {
        TransformTesting r = TransformTesting.fixture(Transforms.includeTables("shop.t1"), Fixtures.MYSQL80_DUMP);
        List<Statement> out = r.statements();
        assertThat(out).filteredOn(s -> s.kind() == StatementKind.CREATE_TABLE)
                .extracting(s -> s.objectName().orElseThrow().name()).containsExactly("t1");
        assertThat(out).anyMatch(s -> s.kind() == StatementKind.CREATE_TRIGGER)
                .anyMatch(s -> s.kind() == StatementKind.CREATE_PROCEDURE)
                .noneMatch(s -> s.kind() == StatementKind.CREATE_VIEW);
        assertThat(count(out, StatementKind.LOCK_TABLES)).isEqualTo(1).isEqualTo(count(out, StatementKind.UNLOCK_TABLES));
    }

    @Test
    void globsSchemasAndDefaultSchema() {
        TableFilterTransform f = new TableFilterTransform(false, "shop.leg*", "*.tmp_?", "audit");
        assertThat(f.keeps("shop", "legacy")).isFalse();
        assertThat(f.keeps("other", "legacy")).isTrue();
        assertThat(f.keeps("x", "tmp_1")).isFalse();
        assertThat(f.keeps("x", "tmp_12")).isTrue();
        assertThat(f.keeps("any", "audit")).isFalse();
        assertThat(f.keeps(null, "legacy")).isTrue();     // schema unknown: only "*" schema patterns apply
        assertThatThrownBy(() -> Transforms.excludeTables()).isInstanceOf(IllegalArgumentException.class);

        // mydumper data file: the schema comes from the file name, given as the session's default
        String data = Fixtures.text(Fixtures.MYDUMPER_DIR + "/shop.t1.sql");
        TransformSession session = TransformSession.open(Transforms.excludeTables("shop.t1"), "shop.t1.sql", "shop");
        long kept = Fixtures.readAll(data).stream().mapToLong(s -> session.apply(s).size()).sum();
        assertThat(kept).isEqualTo(3);                    // the three SETs; the INSERT is gone
        // a multi-table statement with a mix is kept and reported
        TransformTesting mixed = TransformTesting.run(Transforms.excludeTables("a"), "DROP TABLE a, b;");
        assertThat(mixed.output).isEqualTo("DROP TABLE a, b;");
        assertThat(mixed.report.findings()).hasSize(1);
    }
}
