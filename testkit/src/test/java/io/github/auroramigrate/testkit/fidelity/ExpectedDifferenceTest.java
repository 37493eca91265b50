package io.github.auroramigrate.testkit.fidelity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A declaration covers exactly the differences it names. */
class ExpectedDifferenceTest {
    private static final Difference ENGINE = new Difference(SchemaObject.table("t"), "engine", "MyISAM", "InnoDB");
    private static final Difference COLLATION = new Difference(SchemaObject.table("t"), "column `c` collation",
            "utf8mb4_general_ci", "utf8mb4_0900_ai_ci");

    @Test
    void matchesOnlyWhatItNames() {
        assertThat(ExpectedDifference.engine("MyISAM", "InnoDB").matches(ENGINE)).isTrue();
        assertThat(ExpectedDifference.engine("MyISAM", "Aria").matches(ENGINE)).isFalse();
        assertThat(ExpectedDifference.engine("MyISAM", "InnoDB").matches(COLLATION)).isFalse();
        assertThat(ExpectedDifference.collation("utf8mb4_general_ci", "utf8mb4_0900_ai_ci").matches(COLLATION)).isTrue();
        assertThat(ExpectedDifference.collation("utf8mb4_general_ci", "utf8mb4_0900_ai_ci").matches(
                new Difference(SchemaObject.schema(), "default collation", "utf8mb4_general_ci", "utf8mb4_0900_ai_ci"))).isTrue();
        assertThat(ExpectedDifference.collation("utf8mb4_general_ci", "utf8mb4_0900_ai_ci").matches(
                new Difference(SchemaObject.table("t"), "column `c` charset", "utf8mb4_general_ci", "utf8mb4_0900_ai_ci"))).isFalse();
        assertThat(ExpectedDifference.missing(SchemaObject.Kind.EVENT, "e").matches(
                new Difference(SchemaObject.of(SchemaObject.Kind.EVENT, "e"), "object", "present", Difference.ABSENT))).isTrue();
        assertThat(ExpectedDifference.missing(SchemaObject.Kind.EVENT, "e").matches(
                new Difference(SchemaObject.of(SchemaObject.Kind.EVENT, "e"), "object", Difference.ABSENT, "present"))).isFalse();
        assertThat(ExpectedDifference.aspect(SchemaObject.Kind.TABLE, "t", "column `c` .*", "why").matches(COLLATION)).isTrue();
        assertThat(ExpectedDifference.aspect(SchemaObject.Kind.TABLE, "u", "column `c` .*", "why").matches(COLLATION)).isFalse();
    }

    @Test
    void differencesReadWell() {
        assertThat(COLLATION.toString())
                .isEqualTo("table `t`: column `c` collation: expected utf8mb4_general_ci, actual utf8mb4_0900_ai_ci");
        assertThat(SchemaObject.of(SchemaObject.Kind.TABLE, "a`b").toString()).isEqualTo("table `a``b`");
        assertThat(SchemaObject.schema().toString()).isEqualTo("schema");
    }
}
