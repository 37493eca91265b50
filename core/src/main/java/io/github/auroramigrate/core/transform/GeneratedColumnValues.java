package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.ObjectName;
import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves generated columns out of INSERT and REPLACE statements, knowing a table's columns from the CREATE TABLE
 * earlier in the same stream. mysqldump and mariadb-dump write a value for every column of a MySQL 8.0 table,
 * generated ones included, and the server refuses them (ERROR 3105 "The value specified for generated column ... is
 * not allowed"). A statement without a column list gets one, naming the columns that keep their values; values are
 * cut out of each row tuple by a scanner that respects quotes, so multi-megabyte INSERTs are never lexed whole. An
 * INSERT without a column list into a table with INVISIBLE columns carries no values for them (the tool that wrote
 * the file read {@code SELECT *}): logged as a warning, since the data is not in the file. Built by
 * {@link Transforms#dropGeneratedColumnValues()}.
 *
 * <pre>{@code
 * CREATE TABLE `g` (`id` int, `a` int, `b` int GENERATED ALWAYS AS ((`a` * 2)) VIRTUAL, `n` text);
 * INSERT INTO `g` VALUES (1,10,20,'x'),(2,NULL,NULL,'y');
 *   -> INSERT INTO `g` (`id`,`a`,`n`) VALUES (1,10,'x'),(2,NULL,'y');
 * }</pre>
 *
 * <p>Report counter: {@code "generated column value dropped"}. Statements whose rows do not match the table's column
 * count pass unchanged (the server then says what is wrong). Immutable and thread-safe.
 */
final class GeneratedColumnValues implements Transform {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedColumnValues.class);
    private static final Object STATE = new Object();
    private static final Object WARNED = new Object();

    /** A table's columns in order, which of them are generated, which invisible. */
    private record Columns(List<String> names, List<Boolean> generated, List<Boolean> invisible) {
        boolean anyGenerated() {
            return generated.contains(true);
        }

        boolean anyInvisible() {
            return invisible.contains(true);
        }
    }

    @Override
    public String name() {
        return "dropGeneratedColumnValues";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        Map<String, Columns> tables = ctx.state(STATE, HashMap::new);
        if (s.kind() == StatementKind.CREATE_TABLE) {
            s.objectName().ifPresent(n -> {
                Columns c = columns(s);
                if (c != null) {
                    tables.put(key(n, ctx), c);
                }
            });
            return List.of(s);
        }
        if ((s.kind() != StatementKind.INSERT && s.kind() != StatementKind.REPLACE) || tables.isEmpty()) {
            return List.of(s);
        }
        ObjectName table = s.objectName().orElse(null);
        Columns c = table == null ? null : tables.get(key(table, ctx));
        if (c == null || (!c.anyGenerated() && !c.anyInvisible())) {
            return List.of(s);
        }
        String rewritten = rewrite(s, c, table, ctx);
        return List.of(rewritten == null ? s : s.withText(rewritten));
    }

    private static String key(ObjectName n, TransformContext ctx) {
        String schema = n.schemaOr(ctx.schema().orElse(""));
        return schema + "." + n.name().toLowerCase(Locale.ROOT);
    }

    /** The columns of a CREATE TABLE, or null when it has no column list (CREATE TABLE ... LIKE / AS SELECT). */
    static Columns columns(Statement s) {
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        List<String> names = new ArrayList<>();
        List<Boolean> generated = new ArrayList<>();
        List<Boolean> invisible = new ArrayList<>();
        int depth = 0;
        boolean start = false;
        boolean inColumn = false;
        boolean seenList = false;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                depth++;
                if (depth == 1 && !seenList) {
                    start = true;
                    seenList = true;
                }
                continue;
            }
            if (k.isOperator(")")) {
                depth--;
                if (depth == 0 && seenList) {
                    break;
                }
                continue;
            }
            if (depth != 1) {
                continue;
            }
            if (k.isOperator(",")) {
                start = true;
                inColumn = false;
                continue;
            }
            if (start) {
                start = false;
                inColumn = k.isName() && !isKeyClause(k);
                if (inColumn) {
                    names.add(k.name());
                    generated.add(false);
                    invisible.add(false);
                }
                continue;
            }
            if (inColumn) {
                int last = names.size() - 1;
                if (k.isWord("GENERATED") || k.isWord("VIRTUAL") || k.isWord("STORED") || k.isWord("PERSISTENT")) {
                    generated.set(last, true);
                } else if (k.isWord("INVISIBLE")) {
                    invisible.set(last, true);
                }
            }
        }
        return seenList ? new Columns(names, generated, invisible) : null;
    }

    private static boolean isKeyClause(Token k) {
        if (k.type() == TokenType.QUOTED_IDENTIFIER) {
            return false;
        }
        for (String w : new String[] {"PRIMARY", "KEY", "UNIQUE", "INDEX", "FULLTEXT", "SPATIAL", "CONSTRAINT", "CHECK",
            "FOREIGN", "PERIOD", "SYSTEM"}) {
            if (k.isWord(w)) {
                return true;
            }
        }
        return false;
    }

    /** @return the statement without generated columns' values, or null to keep it as it is */
    private static String rewrite(Statement s, Columns c, ObjectName table, TransformContext ctx) {
        String text = s.text();
        List<Token> head = s.headTokens(4096);
        int values = -1;
        int listOpen = -1;
        int listClose = -1;
        int depth = 0;
        boolean afterTable = false;
        for (int i = 0; i < head.size(); i++) {
            Token k = head.get(i);
            if (!k.isSignificant()) {
                continue;
            }
            if (k.isOperator("(")) {
                if (depth == 0 && afterTable && listOpen < 0) {
                    listOpen = i;
                }
                depth++;
            } else if (k.isOperator(")")) {
                depth--;
                if (depth == 0 && listOpen >= 0 && listClose < 0) {
                    listClose = i;
                }
            } else if (depth == 0 && (k.isWord("VALUES") || k.isWord("VALUE"))) {
                values = i;
                break;
            } else if (depth == 0 && (k.isWord("SELECT") || k.isWord("SET"))) {
                return null;                       // INSERT ... SELECT / SET: no value tuples to cut
            } else if (depth == 0 && k.isName() && k.name().equals(table.name())) {
                afterTable = true;
            } else if (depth == 0 && k.isWord("PARTITION")) {
                afterTable = false;                // the partition list is not the column list
            }
        }
        if (values < 0) {
            return null;
        }
        List<Integer> positions = new ArrayList<>(); // table column index of each value position
        if (listOpen >= 0 && listClose > listOpen) {
            for (int i = listOpen + 1; i < listClose; i++) {
                Token k = head.get(i);
                if (k.isName()) {
                    int idx = indexOf(c.names(), k.name());
                    if (idx < 0) {
                        return null;
                    }
                    positions.add(idx);
                }
            }
        } else {
            for (int i = 0; i < c.names().size(); i++) {
                if (!c.invisible().get(i)) {
                    positions.add(i);
                }
            }
            if (c.anyInvisible() && ctx.state(WARNED, java.util.HashSet<String>::new).add(key(table, ctx))) {
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < c.names().size(); i++) {
                    if (c.invisible().get(i)) {
                        missing.add(c.names().get(i));
                    }
                }
                LOG.warn("{} line {}: INSERT into {} without a column list holds no values for its INVISIBLE column(s) {}: "
                        + "the tool that wrote the file left them out (SELECT *); they get their defaults", s.file(),
                        s.line(), table.name(), missing);
            }
        }
        boolean[] keep = new boolean[positions.size()];
        boolean dropsAny = false;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !c.generated().get(positions.get(i));
            dropsAny |= !keep[i];
        }
        if (!dropsAny) {
            return null;
        }
        int valuesEnd = head.get(values).end();
        StringBuilder out = new StringBuilder(text.length());
        int headEnd = listOpen >= 0 ? head.get(listOpen).start() : head.get(values).start();
        out.append(text, 0, headEnd);
        if (listOpen < 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(SqlText.quoteIdentifier(c.names().get(positions.get(i))));
            }
        }
        out.append('(').append(String.join(",", kept)).append(") ");
        out.append(text, head.get(values).start(), valuesEnd);
        long dropped = TupleCutter.cut(text, valuesEnd, keep, out);
        if (dropped < 0) {
            return null;                           // a row with another number of values: let the server say so
        }
        ctx.count("generated column value dropped", dropped);
        return out.toString();
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Copies row tuples, keeping the values at the kept positions, with a character scanner. */
    static final class TupleCutter {
        private TupleCutter() {
        }

        /**
         * @return the number of values dropped, or -1 when a tuple does not have {@code keep.length} values or the
         *         text is not a list of tuples
         */
        static long cut(String text, int from, boolean[] keep, StringBuilder out) {
            int n = text.length();
            int i = from;
            long dropped = 0;
            while (true) {
                int ws = i;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                out.append(text, ws, i);
                if (i >= n || text.charAt(i) != '(') {
                    return -1;
                }
                out.append('(');
                i++;
                int value = 0;
                boolean firstKept = true;
                while (true) {
                    int start = i;
                    int depth = 0;
                    while (i < n) {
                        char ch = text.charAt(i);
                        if (ch == '\'' || ch == '"' || ch == '`') {
                            i = skipQuoted(text, i, ch);
                            continue;
                        }
                        if (ch == '(') {
                            depth++;
                        } else if (ch == ')') {
                            if (depth == 0) {
                                break;
                            }
                            depth--;
                        } else if (ch == ',' && depth == 0) {
                            break;
                        }
                        i++;
                    }
                    if (i >= n || value >= keep.length) {
                        return -1;
                    }
                    if (keep[value]) {
                        if (!firstKept) {
                            out.append(',');
                        }
                        out.append(text, start, i);
                        firstKept = false;
                    } else {
                        dropped++;
                    }
                    value++;
                    char end = text.charAt(i++);
                    if (end == ')') {
                        break;
                    }
                }
                if (value != keep.length) {
                    return -1;
                }
                out.append(')');
                int ws2 = i;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) == ',') {
                    out.append(text, ws2, i + 1);
                    i++;
                    continue;
                }
                out.append(text, ws2, n);           // end, or ON DUPLICATE KEY UPDATE ...
                return dropped;
            }
        }

        private static int skipQuoted(String text, int i, char quote) {
            int n = text.length();
            i++;
            while (i < n) {
                char ch = text.charAt(i);
                if (ch == '\\' && quote != '`') {
                    i += 2;
                    continue;
                }
                if (ch == quote) {
                    if (i + 1 < n && text.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            return n;
        }
    }
}
