package io.github.auroramigrate.testkit.fidelity;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of a {@link SchemaComparison}: every difference found (definitions first, then rows), and those
 * that matched an {@link ExpectedDifference}.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaComparison.compare(expected, actual);
 * diff.assertEqual();                                   // AssertionError naming the first differences
 * assertThat(diff.differences()).extracting(Difference::aspect).containsExactly("column `c` collation");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaDiff {
    private static final int SHOWN = 25;
    private final String expectedName;
    private final String actualName;
    private final List<Difference> differences;
    private final List<Difference> accepted;

    SchemaDiff(String expectedName, String actualName, List<Difference> differences, List<Difference> accepted) {
        this.expectedName = Objects.requireNonNull(expectedName, "expectedName");
        this.actualName = Objects.requireNonNull(actualName, "actualName");
        this.differences = List.copyOf(differences);
        this.accepted = List.copyOf(accepted);
    }

    /** True if no difference remains after the declared expected ones. */
    public boolean isEqual() {
        return differences.isEmpty();
    }

    /** Differences not covered by an expected difference. */
    public List<Difference> differences() {
        return differences;
    }

    /** Differences that matched a declared {@link ExpectedDifference}. */
    public List<Difference> accepted() {
        return accepted;
    }

    /** Differences concerning one object. */
    public List<Difference> differencesOf(SchemaObject object) {
        return differences.stream().filter(d -> d.object().equals(object)).toList();
    }

    /**
     * Throws if any difference remains.
     *
     * @throws AssertionError listing the number of differences and the first 25
     */
    public void assertEqual() {
        if (!isEqual()) {
            throw new AssertionError(describe());
        }
    }

    /** A readable report: a headline and the first differences, one per line. */
    public String describe() {
        if (isEqual()) {
            return expectedName + " and " + actualName + " are EQUAL"
                    + (accepted.isEmpty() ? "" : " (" + accepted.size() + " expected differences accepted)");
        }
        String lines = differences.stream().limit(SHOWN).map(d -> "  - " + d).collect(Collectors.joining("\n"));
        return actualName + " differs from " + expectedName + " in " + differences.size() + " way"
                + (differences.size() == 1 ? "" : "s") + (differences.size() > SHOWN ? " (first " + SHOWN + " shown)" : "")
                + ":\n" + lines;
    }

    @Override
    public String toString() {
        return describe();
    }
}
