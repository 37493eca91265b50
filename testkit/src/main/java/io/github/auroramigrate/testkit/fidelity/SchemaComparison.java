package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.fidelity.internal.RowComparer;
import io.github.auroramigrate.testkit.fidelity.internal.SqlText;
import io.github.auroramigrate.testkit.fidelity.internal.TableRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares two {@link SchemaSnapshot}s exactly: every object, every aspect of its definition and every row,
 * by name, whatever the schemas are called and on whichever servers they live.
 *
 * <pre>{@code
 * SchemaSnapshot expected = SchemaSnapshot.of(source, sourceSchema);   // e.g. MySQL 5.7
 * SchemaSnapshot actual = SchemaSnapshot.of(target, targetSchema);     // e.g. MySQL 8.0, another name
 * SchemaComparison.builder()
 *         .expect(ExpectedDifference.engine("MyISAM", "InnoDB"))
 *         .build()
 *         .compare(expected, actual)
 *         .assertEqual();
 * }</pre>
 *
 * <p>What is treated as equal is exactly what {@link SchemaSnapshot} normalises while reading (listed there),
 * plus, here: {@code definer} aspects are skipped unless {@link Builder#ignoreDefiners(boolean)
 * ignoreDefiners(false)}; values of a column whose type differs between the sides compare integers with
 * decimals by value, FLOAT with DOUBLE when the float widens exactly, and a string with a JSON document when
 * it parses to it; a missing object or column is one difference (its aspects are not listed); and between a
 * MariaDB and a MySQL snapshot, expressions (view definitions, CHECK clauses, generated columns, expression
 * defaults, ON UPDATE, index expressions, partitioning) are compared without grouping parentheses
 * ({@link SqlText#withoutGroupingParens}: MySQL prints a pair around every operator, MariaDB only where
 * needed). Everything else that differs is reported, unless it matches a declared {@link ExpectedDifference}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaComparison {
    private static final Pattern EXPRESSION_ASPECTS = Pattern.compile(
            "definition|check .*|column .* (generated|default|extra)|index .*|partitioning|partition .*");
    private final boolean ignoreDefiners;
    private final boolean compareRows;
    private final List<ExpectedDifference> expected;

    private SchemaComparison(Builder b) {
        this.ignoreDefiners = b.ignoreDefiners;
        this.compareRows = b.compareRows;
        this.expected = List.copyOf(b.expected);
    }

    /** A new builder with the defaults: definers ignored, rows compared, no expected differences. */
    public static Builder builder() {
        return new Builder();
    }

    /** Compares with the defaults of {@link #builder()}. */
    public static SchemaDiff compare(SchemaSnapshot expected, SchemaSnapshot actual) {
        return builder().build().diff(expected, actual);
    }

    /** Compares {@code actual} against {@code expected}. */
    public SchemaDiff diff(SchemaSnapshot expectedSide, SchemaSnapshot actualSide) {
        Objects.requireNonNull(expectedSide, "expected");
        Objects.requireNonNull(actualSide, "actual");
        List<Difference> all = new ArrayList<>();
        TreeSet<SchemaObject> objects = new TreeSet<>(expectedSide.definitions().keySet());
        objects.addAll(actualSide.definitions().keySet());
        for (SchemaObject o : objects) {
            SortedMap<String, String> e = expectedSide.definitions().get(o);
            SortedMap<String, String> a = actualSide.definitions().get(o);
            if (e == null || a == null) {
                all.add(new Difference(o, "object", e == null ? Difference.ABSENT : "present", a == null ? Difference.ABSENT : "present"));
            } else {
                compareAspects(o, e, a, all, isMariaDb(expectedSide) != isMariaDb(actualSide));
            }
        }
        if (compareRows) {
            for (Map.Entry<SchemaObject, TableRows> r : expectedSide.rows().entrySet()) {
                TableRows other = actualSide.rows().get(r.getKey());
                if (other != null) {
                    all.addAll(RowComparer.compare(r.getKey(), r.getValue(), other));
                }
            }
        }
        List<Difference> open = new ArrayList<>();
        List<Difference> accepted = new ArrayList<>();
        for (Difference d : all) {
            (expected.stream().anyMatch(x -> x.matches(d)) ? accepted : open).add(d);
        }
        return new SchemaDiff(expectedSide.toString(), actualSide.toString(), open, accepted);
    }

    private static boolean isMariaDb(SchemaSnapshot s) {
        return s.serverVersion().contains("MariaDB");
    }

    private void compareAspects(SchemaObject o, SortedMap<String, String> e, SortedMap<String, String> a, List<Difference> out,
                                boolean acrossFlavours) {
        TreeMap<String, String[]> both = new TreeMap<>();
        e.forEach((k, v) -> both.computeIfAbsent(k, x -> new String[2])[0] = v);
        a.forEach((k, v) -> both.computeIfAbsent(k, x -> new String[2])[1] = v);
        List<String> missingParents = new ArrayList<>();
        for (Map.Entry<String, String[]> x : both.entrySet()) {
            String aspect = x.getKey();
            if (ignoreDefiners && aspect.equals("definer")) {
                continue;
            }
            if (missingParents.stream().anyMatch(p -> aspect.startsWith(p + " "))) {
                continue;
            }
            String ev = x.getValue()[0];
            String av = x.getValue()[1];
            if (ev != null && av != null && acrossFlavours && EXPRESSION_ASPECTS.matcher(aspect).matches()
                    && SqlText.withoutGroupingParens(ev).equals(SqlText.withoutGroupingParens(av))) {
                continue;
            }
            if (!Objects.equals(ev, av)) {
                if (ev == null || av == null) {
                    missingParents.add(aspect);
                }
                out.add(new Difference(o, aspect, ev == null ? Difference.ABSENT : ev, av == null ? Difference.ABSENT : av));
            }
        }
    }

    /**
     * Options of a comparison.
     *
     * <pre>{@code
     * SchemaComparison c = SchemaComparison.builder().ignoreDefiners(false).compareRows(true).build();
     * }</pre>
     *
     * <p>Not thread-safe; what it builds is.
     */
    public static final class Builder {
        private boolean ignoreDefiners = true;
        private boolean compareRows = true;
        private final List<ExpectedDifference> expected = new ArrayList<>();

        private Builder() {
        }

        /** Whether {@code definer} aspects are skipped; default true (a definer is usually rewritten on purpose). */
        public Builder ignoreDefiners(boolean ignore) {
            this.ignoreDefiners = ignore;
            return this;
        }

        /** Whether rows are compared (if both snapshots read them); default true. */
        public Builder compareRows(boolean compare) {
            this.compareRows = compare;
            return this;
        }

        /** Declares intended differences; may be called many times. */
        public Builder expect(java.util.Collection<ExpectedDifference> differences) {
            differences.forEach(this::expect);
            return this;
        }

        /** Declares intended differences; may be called many times. */
        public Builder expect(ExpectedDifference... differences) {
            for (ExpectedDifference d : differences) {
                expected.add(Objects.requireNonNull(d, "expected difference"));
            }
            return this;
        }

        /** Builds the comparison. */
        public SchemaComparison build() {
            return new SchemaComparison(this);
        }
    }
}
