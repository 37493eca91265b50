package io.github.auroramigrate.core.internal.checksum;

import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a chunk's key range ({@code > lower AND <= upper}, lexicographic over a composite key) as an SQL
 * predicate that selects exactly the chunk's rows on any server holding the same data.
 *
 * <pre>{@code
 * String where = KeyRangePredicate.sql(table.chunking().key(), chunk.lower(), chunk.upper());
 * // `id` > 1000 AND `id` <= 2000
 * }</pre>
 *
 * <p>Literals use the key column's own character set ({@code _latin1 X'..'}) so that comparisons use the
 * column's collation, i.e. the index order the chunks were cut in. Values are validated, never pasted raw.
 * Stateless and thread-safe.
 */
public final class KeyRangePredicate {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern TEMPORAL = Pattern.compile("-?[0-9][0-9:. -]*");
    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})*");
    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9_]+");

    private KeyRangePredicate() {
    }

    /**
     * @param key   the key columns
     * @param lower exclusive lower bound, or null for none
     * @param upper inclusive upper bound, or null for none
     * @return the predicate, {@code 1=1} when both bounds are null
     * @throws IllegalArgumentException when a bound does not fit the key
     */
    public static String sql(List<KeyColumn> key, List<String> lower, List<String> upper) {
        String lo = lower == null ? null : bound(key, lower, true);
        String hi = upper == null ? null : bound(key, upper, false);
        if (lo == null && hi == null) {
            return "1=1";
        }
        return lo == null ? hi : hi == null ? lo : lo + " AND " + hi;
    }

    private static String bound(List<KeyColumn> key, List<String> values, boolean lower) {
        if (values.size() != key.size() || key.isEmpty()) {
            throw new IllegalArgumentException("bound " + values + " does not fit key of " + key.size() + " columns");
        }
        String first = quote(key.get(0).name()) + (lower ? " >= " : " <= ") + literal(key.get(0), values.get(0));
        String lex = lex(key, values, 0, lower);
        return key.size() == 1 ? lex : first + " AND " + lex;
    }

    private static String lex(List<KeyColumn> key, List<String> values, int i, boolean lower) {
        String col = quote(key.get(i).name());
        String lit = literal(key.get(i), values.get(i));
        if (i == key.size() - 1) {
            return col + (lower ? " > " : " <= ") + lit;
        }
        return "(" + col + (lower ? " > " : " < ") + lit + " OR (" + col + " = " + lit + " AND " + lex(key, values, i + 1, lower)
                + "))";
    }

    /**
     * The SQL literal for one bound value of a key column.
     *
     * @throws IllegalArgumentException when the value does not match the column's kind
     */
    public static String literal(KeyColumn column, String value) {
        KeyKind kind = column.kind();
        switch (kind) {
            case NUMBER -> {
                require(NUMBER, value, column);
                return value;
            }
            case TEMPORAL -> {
                require(TEMPORAL, value, column);
                return "'" + value + "'";
            }
            case STRING -> {
                require(HEX, value, column);
                String cs = column.charset() == null ? "binary" : column.charset();
                require(CHARSET, cs, column);
                return "_" + cs + " X'" + value + "'";
            }
            case BINARY -> {
                require(HEX, value, column);
                return "X'" + value + "'";
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static void require(Pattern p, String value, KeyColumn column) {
        if (value == null || !p.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid " + column.kind() + " bound for column " + column.name() + ": "
                    + value);
        }
    }

    private static String quote(String identifier) {
        return io.github.auroramigrate.core.sql.SqlText.quoteIdentifier(identifier);
    }
}
