package io.github.auroramigrate.testkit.fidelity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A difference a test declares as intended, e.g. a transform that turns MyISAM into InnoDB. A
 * {@link SchemaComparison} reports a difference matched by a declaration under {@link SchemaDiff#accepted()}
 * instead of {@link SchemaDiff#differences()}. Nothing is ever accepted without a declaration.
 *
 * <pre>{@code
 * SchemaComparison.builder()
 *         .expect(ExpectedDifference.engine("MyISAM", "InnoDB"))
 *         .expect(ExpectedDifference.collation("utf8mb4_0900_ai_ci", "utf8mb4_general_ci"))
 *         .expect(ExpectedDifference.columnType("uuid", "char(36)"))
 *         .expect(ExpectedDifference.missing(SchemaObject.Kind.EVENT, "ev_nightly"))
 *         .build();
 * }</pre>
 *
 * <p>A declaration matches a {@link Difference} when each of its parts that is set matches: the object's
 * kind, the object's name, the aspect (a regular expression over the whole aspect name), the expected value
 * and the actual value (exact text, or regular expressions with {@link #matching}). Immutable and thread-safe.
 */
public final class ExpectedDifference {
    private final SchemaObject.Kind kind;
    private final String name;
    private final Pattern aspect;
    private final Pattern expected;
    private final Pattern actual;
    private final String reason;

    private ExpectedDifference(SchemaObject.Kind kind, String name, Pattern aspect, Pattern expected, Pattern actual,
                               String reason) {
        this.kind = kind;
        this.name = name;
        this.aspect = Objects.requireNonNull(aspect, "aspect");
        this.expected = expected;
        this.actual = actual;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * The general form.
     *
     * @param kind     the object kind, or null for any
     * @param name     the object name, or null for any
     * @param aspect   a regular expression the whole aspect name must match
     * @param expected the expected side's value, or null for any ({@link Difference#ABSENT} for none)
     * @param actual   the actual side's value, or null for any
     * @param reason   why this difference is intended, shown in reports
     * @throws java.util.regex.PatternSyntaxException if {@code aspect} is not a regular expression
     */
    public static ExpectedDifference of(SchemaObject.Kind kind, String name, String aspect, String expected,
                                        String actual, String reason) {
        return new ExpectedDifference(kind, name, Pattern.compile(aspect), literal(expected), literal(actual), reason);
    }

    /**
     * Like {@link #of}, with regular expressions (each matching the whole value) for the values too.
     *
     * @throws java.util.regex.PatternSyntaxException if a pattern is not a regular expression
     */
    public static ExpectedDifference matching(SchemaObject.Kind kind, String name, String aspect, String expectedRegex,
                                              String actualRegex, String reason) {
        return new ExpectedDifference(kind, name, Pattern.compile(aspect),
                expectedRegex == null ? null : Pattern.compile(expectedRegex),
                actualRegex == null ? null : Pattern.compile(actualRegex), reason);
    }

    private static Pattern literal(String value) {
        return value == null ? null : Pattern.compile(Pattern.quote(value));
    }

    /**
     * MariaDB's JSON column {@code table.column} (LONGTEXT utf8mb4_bin with a {@code json_valid} CHECK named
     * after the column) became a MySQL JSON column: exactly its type, charset, collation and CHECK. Its values
     * compare as documents on both sides, so rows need no declaration.
     */
    public static List<ExpectedDifference> mariaDbJsonColumn(String table, String column) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        String c = "column `" + column.replace("`", "``") + "` ";
        String why = "MariaDB JSON " + table + "." + column + " becomes MySQL JSON";
        String check = "json_valid ( " + (column.matches("[A-Za-z0-9_$]+") ? column.toLowerCase(java.util.Locale.ROOT)
                : "`" + column.toLowerCase(java.util.Locale.ROOT).replace("`", "``") + "`") + " )";
        return List.of(
                of(SchemaObject.Kind.TABLE, table, Pattern.quote(c + "type"), "longtext", "json", why),
                of(SchemaObject.Kind.TABLE, table, Pattern.quote(c + "charset"), "utf8mb4", Difference.ABSENT, why),
                of(SchemaObject.Kind.TABLE, table, Pattern.quote(c + "collation"), "utf8mb4_bin", Difference.ABSENT, why),
                of(SchemaObject.Kind.TABLE, table, Pattern.quote("check `" + column.replace("`", "``") + "`"), check,
                        Difference.ABSENT, why));
    }

    /** Any table's engine {@code from} became {@code to} (e.g. MyISAM to InnoDB). */
    public static ExpectedDifference engine(String from, String to) {
        return of(SchemaObject.Kind.TABLE, null, "engine", from, to, "engine " + from + " becomes " + to);
    }

    /**
     * Collation {@code from} became {@code to} wherever a collation is named: schema default, table, column,
     * parameter context ({@code collation_connection}, {@code database_collation}). Parameter and function
     * result collations are inside {@code parameters}/{@code returns} and need {@link #of}.
     */
    public static ExpectedDifference collation(String from, String to) {
        return of(null, null, "(.* )?collation|collation_connection|database_collation", from, to,
                "collation " + from + " becomes " + to);
    }

    /** Charset {@code from} became {@code to} wherever a charset is named (schema default, column, client). */
    public static ExpectedDifference charset(String from, String to) {
        return of(null, null, "(.* )?charset|character_set_client", from, to, "charset " + from + " becomes " + to);
    }

    /**
     * Column type {@code from} became {@code to} in any table (types as snapshots print them, e.g. {@code int}).
     * The column's charset and collation are aspects of their own and need their own declarations.
     */
    public static ExpectedDifference columnType(String from, String to) {
        return of(SchemaObject.Kind.TABLE, null, "column `.*` type", from, to, "type " + from + " becomes " + to);
    }

    /** The object is intentionally not in the actual schema. */
    public static ExpectedDifference missing(SchemaObject.Kind kind, String name) {
        return of(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(name, "name"), "object", "present",
                Difference.ABSENT, kind + " " + name + " is not migrated");
    }

    /** Any difference in aspects of one object matching {@code aspectRegex}, whatever the values. */
    public static ExpectedDifference aspect(SchemaObject.Kind kind, String name, String aspectRegex, String reason) {
        return of(kind, name, aspectRegex, null, null, reason);
    }

    /** True if this declaration covers {@code d}. */
    public boolean matches(Difference d) {
        return (kind == null || kind == d.object().kind())
                && (name == null || name.equals(d.object().name()))
                && aspect.matcher(d.aspect()).matches()
                && (expected == null || expected.matcher(d.expected()).matches())
                && (actual == null || actual.matcher(d.actual()).matches());
    }

    /** Why the difference is intended. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "expected difference [" + reason + "]: " + (kind == null ? "any object" : kind + " " + (name == null ? "*" : name))
                + ", aspect /" + aspect + "/" + (expected == null ? "" : ", from " + expected)
                + (actual == null ? "" : ", to " + actual);
    }
}
