package io.github.auroramigrate.core.internal.ddl;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the collation of a schema, a table and every string column explicit in their DDL, so that a target with other
 * defaults keeps the source's semantics. {@code SHOW CREATE} leaves a collation out when it is its character set's
 * default on the source, and the defaults differ between servers: MySQL 5.7's {@code DEFAULT CHARSET=utf8mb4} means
 * {@code utf8mb4_general_ci}, loaded into 8.0 it would silently become {@code utf8mb4_0900_ai_ci} (other sorting,
 * comparison and uniqueness). The rule: every {@code CHARACTER SET x} / {@code CHARSET=x} that is not followed by a
 * {@code COLLATE} gets the collation the source reports for that column, table or schema in information_schema (not
 * a per-charset default: MariaDB 11's {@code character_set_collations} makes those differ); a column without either
 * inherits the table's, which is now explicit. Nested parentheses (expressions, defaults) are never touched.
 *
 * <pre>{@code
 * CREATE TABLE `t` (`a` varchar(5) CHARACTER SET latin1, `b` text) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
 *   -> CREATE TABLE `t` (`a` varchar(5) CHARACTER SET latin1 COLLATE latin1_swedish_ci, `b` text) ENGINE=InnoDB
 *      DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class ExplicitCollations {
    private ExplicitCollations() {
    }

    /**
     * @param ddl               a {@code SHOW CREATE TABLE} or {@code SHOW CREATE DATABASE} statement
     * @param collation         the table's (or schema's) collation on the source
     * @param columnCollations  each string column's collation on the source, by name (any case)
     * @return the statement with every character set followed by its collation
     */
    public static String pin(String ddl, String collation, Map<String, String> columnCollations) {
        Map<String, String> byColumn = new java.util.HashMap<>();
        columnCollations.forEach((k, v) -> byColumn.put(k.toLowerCase(Locale.ROOT), v));
        return pin(ddl, (column, charset) -> column == null ? collation : byColumn.get(column.toLowerCase(Locale.ROOT)));
    }

    /**
     * Pins every character set named without a collation in a CREATE TABLE, CREATE DATABASE, CREATE PROCEDURE or
     * CREATE FUNCTION (parameters and result only, never a body) to the collation {@code defaults} gives for that
     * character set: for DDL written by a server whose defaults are known (the header of a mysqldump file says which
     * server wrote it) and loaded into one whose defaults differ.
     *
     * <pre>{@code
     * ExplicitCollations.pinDefaults("CREATE TABLE t (a text) DEFAULT CHARSET=utf8mb4", false,
     *         Map.of("utf8mb4", "utf8mb4_general_ci"))
     *   -> CREATE TABLE t (a text) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
     * }</pre>
     *
     * @param routine  whether {@code ddl} creates a procedure or function
     * @param defaults collation by lower-case character set name; character sets not in it stay as they are
     */
    public static String pinDefaults(String ddl, boolean routine, Map<String, String> defaults) {
        if (routine) {
            return pinRoutine(ddl, (ordinal, charset) -> defaults.get(charset.toLowerCase(Locale.ROOT)));
        }
        return pin(ddl, (column, charset) -> defaults.get(charset.toLowerCase(Locale.ROOT)));
    }

    /** The collation to pin a character set to: by column (null: the table's or schema's own) and character set. */
    private interface Chooser<K> {
        String collation(K where, String charset);
    }

    private static String pin(String ddl, Chooser<String> chooser) {
        StatementEditor e = StatementEditor.of(Statement.of(ddl));
        List<Token> t = e.tokens();
        int depth = 0;
        String column = null;
        boolean elementStart = false;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (depth == 1 && elementStart) {
                column = k.isName() ? k.name() : null;   // a column definition starts with its name
                elementStart = false;
            }
            if (k.isOperator("(")) {
                depth++;
                elementStart = depth == 1;
            } else if (k.isOperator(")")) {
                depth--;
            } else if (depth == 1 && k.isOperator(",")) {
                elementStart = true;
            } else if (depth <= 1 && (k.isWord("CHARSET") || (k.isWord("CHARACTER") && isWord(e, e.next(i), "SET")))) {
                int name = e.next(k.isWord("CHARSET") ? i : e.next(i));
                boolean equals = name >= 0 && t.get(name).isOperator("=");
                if (equals) {
                    name = e.next(name);
                }
                if (name < 0 || !t.get(name).isName() || followedByCollate(e, name)) {
                    continue;
                }
                String wanted = depth == 0 ? chooser.collation(null, t.get(name).name())
                        : column == null ? null : chooser.collation(column, t.get(name).name());
                if (wanted != null) {
                    e.insertAfter(t.get(name), equals ? " COLLATE=" + wanted : " COLLATE " + wanted);
                }
                i = name;
            }
        }
        return e.text();
    }

    /**
     * The same for a {@code SHOW CREATE FUNCTION/PROCEDURE}: a parameter or function result declared with a
     * character set and no collation gets its collation on the source, which both 5.7 and 8.0 accept there
     * ({@code RETURNS varchar(10) CHARSET utf8mb4} is utf8mb4_general_ci on 5.7 and utf8mb4_0900_ai_ci on 8.0).
     *
     * @param ddl        the routine's CREATE statement
     * @param collations collation by {@code information_schema.PARAMETERS.ORDINAL_POSITION} (0: a function's result)
     * @return the statement with those collations named
     */
    public static String pinRoutine(String ddl, Map<Integer, String> collations) {
        return collations.isEmpty() ? ddl : pinRoutine(ddl, (ordinal, charset) -> collations.get(ordinal));
    }

    private static String pinRoutine(String ddl, Chooser<Integer> collations) {
        StatementEditor e = StatementEditor.of(Statement.of(ddl));
        List<Token> t = e.tokens();
        int open = -1;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            if (t.get(i).isOperator("(")) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return ddl;
        }
        int depth = 0;
        int ordinal = 1;
        int close = -1;
        for (int i = open; i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                depth++;
            } else if (k.isOperator(")") && --depth == 0) {
                close = i;
                break;
            } else if (depth == 1 && k.isOperator(",")) {
                ordinal++;
            } else if (depth == 1) {
                i = pinAfterCharset(e, i, collations, ordinal);
            }
        }
        int returns = close < 0 ? -1 : e.next(close);
        if (returns >= 0 && t.get(returns).isWord("RETURNS")) {
            int type = e.next(returns);
            int after = type < 0 ? -1 : e.next(type);
            if (after >= 0 && t.get(after).isOperator("(")) {
                while (after >= 0 && !t.get(after).isOperator(")")) {
                    after = e.next(after);
                }
                after = after < 0 ? -1 : e.next(after);
            }
            if (after >= 0) {
                pinAfterCharset(e, after, collations, 0);
            }
        }
        return e.text();
    }

    /** @return the last token looked at: a character set's name with a COLLATE inserted after it, or {@code i} */
    private static int pinAfterCharset(StatementEditor e, int i, Chooser<Integer> chooser, int ordinal) {
        List<Token> t = e.tokens();
        Token k = t.get(i);
        if (!(k.isWord("CHARSET") || (k.isWord("CHARACTER") && isWord(e, e.next(i), "SET")))) {
            return i;
        }
        int name = e.next(k.isWord("CHARSET") ? i : e.next(i));
        if (name < 0 || !t.get(name).isName() || followedByCollate(e, name)) {
            return i;
        }
        String collation = chooser.collation(ordinal, t.get(name).name());
        if (collation == null) {
            return i;
        }
        e.insertAfter(t.get(name), " COLLATE " + collation);
        return name;
    }

    private static boolean isWord(StatementEditor e, int i, String word) {
        return i >= 0 && e.tokens().get(i).isWord(word);
    }

    /** Whether a COLLATE follows the character set name (possibly after DEFAULT / a comma-less option list). */
    private static boolean followedByCollate(StatementEditor e, int name) {
        int next = e.next(name);
        if (next >= 0 && e.tokens().get(next).isWord("DEFAULT")) {
            next = e.next(next);
        }
        return isWord(e, next, "COLLATE");
    }
}
