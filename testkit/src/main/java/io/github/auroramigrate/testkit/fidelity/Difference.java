package io.github.auroramigrate.testkit.fidelity;

import java.util.Objects;

/**
 * One way in which an actual schema differs from the expected one.
 *
 * <pre>{@code
 * // table `t`: column `c` collation: expected utf8mb4_general_ci, actual utf8mb4_0900_ai_ci
 * Difference d = diff.differences().get(0);
 * d.object();    // table `t`
 * d.aspect();    // column `c` collation
 * }</pre>
 *
 * <p>Aspects of definitions are the names listed in {@link SchemaSnapshot} ({@code engine}, {@code column `c`
 * type}, {@code body}, {@code status}, ...); {@code object} when the whole object is missing or extra. Rows
 * use {@code row count}, {@code row (id=5)} (a row only one side has, by key), {@code row (id=5) column `c`}
 * (a value), {@code row {a=1, b='x'}} (a key-less table's row whose number of copies differs), {@code rows}
 * (rows could not be read, or more differences than are listed).
 *
 * @param object   the object, named without its schema
 * @param aspect   what about it differs
 * @param expected the expected side's value ({@link #ABSENT} if it has none)
 * @param actual   the actual side's value ({@link #ABSENT} if it has none)
 */
public record Difference(SchemaObject object, String aspect, String expected, String actual) {
    /** The value shown when one side has no such object, aspect or row. */
    public static final String ABSENT = "(absent)";

    /** Validates. */
    public Difference {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** True for differences of row data rather than of definitions. */
    public boolean isRowDifference() {
        return aspect.startsWith("row");
    }

    /** E.g. {@code table `t`: column `c` collation: expected utf8mb4_general_ci, actual utf8mb4_0900_ai_ci}. */
    @Override
    public String toString() {
        return object + ": " + aspect + ": expected " + expected + ", actual " + actual;
    }
}
