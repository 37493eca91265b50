package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.auroramigrate.core.transform.DefinitionLoss.Construct;

/**
 * Finds, in CREATE TABLE, ALTER TABLE and CREATE INDEX statements, the definition constructs that only some servers
 * keep (see {@link DefinitionLoss.Construct}), as token ranges of one {@link StatementEditor}: read by {@link DefinitionLoss} (what
 * a target would lose) and rewritten by the version and flavour transforms. Text inside strings, comments and
 * expressions is never mistaken for a construct. Stateless.
 *
 * <p>Why one class of ~550 lines: every finder walks the same token stream with the same helpers (the column list,
 * balanced parentheses, version comments); one small method per construct, kept together so they agree on them.
 */
final class TableDdl {
    private static final Set<String> INDEX_WORDS = Set.of("KEY", "INDEX", "UNIQUE", "PRIMARY", "FULLTEXT", "SPATIAL");
    private static final Set<String> NOW = Set.of("CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP");
    private static final Set<String> LOB_TYPES = Set.of("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "TINYBLOB", "BLOB",
            "MEDIUMBLOB", "LONGBLOB", "JSON", "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "GEOMCOLLECTION");
    static final Set<String> MARIADB_TYPES = Set.of("UUID", "INET4", "INET6");
    /** MariaDB's sequence functions: no MySQL spelling of such a default exists (MariaDbToMySql reports them). */
    private static final Set<String> SEQUENCES = Set.of("NEXTVAL", "LASTVAL", "SETVAL", "PREVIOUS", "NEXT");

    /**
     * One construct in a statement.
     *
     * @param construct what it is
     * @param table     the table's name
     * @param object    the column, index or constraint it belongs to ({@code null} for an unnamed constraint)
     * @param first     its first token (index into the editor's tokens)
     * @param last      its last token
     * @param version   the version of the executable comment it is inside ({@code /*!80023}), 0 when none
     * @param element   the whole column or index definition (or ALTER specification) it belongs to
     * @param unique    for an index: whether it is UNIQUE or PRIMARY
     * @param detail    the type name (MARIADB_TYPE), the default's text, or null
     * @param whole     whether the construct is the whole element (a table-level CHECK constraint, an ALTER TABLE
     *                  specification that only makes an index or column invisible)
     */
    record Use(Construct construct, String table, String object, int first, int last, int version, Range element,
            boolean unique, String detail, boolean whole) {
        /** @return "table.object" (or the table alone) */
        String where() {
            return object == null ? table : table + "." + object;
        }
    }

    /** Token indexes {@code first..last} (inclusive) of one element, with the commas that separate it from others. */
    record Range(int first, int last, int commaBefore, int commaAfter) {
    }

    private final StatementEditor e;
    private final List<Token> t;
    private final int[] versions;
    private final String table;
    private final List<Use> out = new ArrayList<>();

    private TableDdl(StatementEditor e, String table) {
        this.e = e;
        this.t = e.tokens();
        this.table = table;
        this.versions = new int[t.size()];
        int v = 0;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.type() == TokenType.VERSIONED_COMMENT_OPEN) {
                v = k.isMariaDbComment() ? 0 : Math.max(1, k.commentVersion());
            } else if (k.type() == TokenType.VERSIONED_COMMENT_CLOSE) {
                v = 0;
            }
            versions[i] = v;
        }
    }

    /** @return whether {@code s} is a statement this class reads; a cheap test of its first words */
    static boolean applies(Statement s) {
        StatementKind k = s.kind();
        return k == StatementKind.CREATE_TABLE || k == StatementKind.ALTER_TABLE || k == StatementKind.CREATE_INDEX;
    }

    /** @return the constructs of {@code e}'s statement, in text order; none for other statements */
    static List<Use> scan(StatementEditor e) {
        Statement s = e.statement();
        if (!applies(s)) {
            return List.of();
        }
        String table = s.kind() == StatementKind.CREATE_INDEX
                ? s.tableNames().stream().findFirst().map(n -> n.name()).orElse("?")
                : s.objectName().map(n -> n.name()).orElse("?");
        TableDdl d = new TableDdl(e, table);
        switch (s.kind()) {
            case CREATE_TABLE -> d.createTable();
            case ALTER_TABLE -> d.alterTable();
            default -> d.createIndex();
        }
        d.out.sort(java.util.Comparator.comparingInt(Use::first));
        return List.copyOf(d.out);
    }

    // ---- statements

    private void createTable() {
        int open = -1;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            if (t.get(i).isOperator("(")) {
                open = i;
                break;
            }
            if (t.get(i).isWord("LIKE") || t.get(i).isWord("SELECT") || t.get(i).isWord("AS")) {
                return;                              // CREATE TABLE ... LIKE / AS SELECT: no definitions
            }
        }
        if (open < 0) {
            return;
        }
        int close = Heads.matchingParen(e, open);
        if (close < 0) {
            return;
        }
        for (Range r : elements(e.next(open), close)) {
            element(r);
        }
    }

    private void alterTable() {
        int i = e.next(-1);                          // ALTER
        while (i >= 0 && !t.get(i).isWord("TABLE")) {
            i = e.next(i);
        }
        if (i < 0) {
            return;
        }
        int name = e.next(i);
        int start = name < 0 ? -1 : Heads.afterName(e, name);
        if (start < 0) {
            return;
        }
        for (Range r : elements(start, t.size())) {
            specification(r);
        }
    }

    private void createIndex() {
        boolean unique = false;
        String name = null;
        int open = -1;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isWord("UNIQUE")) {
                unique = true;
            } else if (k.isWord("INDEX") && name == null) {
                int n = e.next(i);
                name = n >= 0 ? t.get(n).name() : null;
            } else if (k.isOperator("(")) {
                open = i;
                break;
            }
        }
        if (open >= 0) {
            int last = t.size() - 1;
            while (last > open && !t.get(last).isSignificant()) {
                last--;
            }
            index(name, unique, open, new Range(e.next(-1), last, -1, -1), last);
        }
    }

    // ---- elements of a CREATE TABLE and specifications of an ALTER TABLE

    /** Splits significant tokens from {@code first} up to (not including) {@code end} at commas of depth 0. */
    private List<Range> elements(int first, int end) {
        List<Range> ranges = new ArrayList<>();
        int depth = 0;
        int start = first;
        int prevComma = -1;
        int last = -1;
        for (int i = first; i >= 0 && i < end; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                depth++;
            } else if (k.isOperator(")")) {
                depth--;
            } else if (depth == 0 && k.isOperator(",")) {
                if (start >= 0 && last >= start) {
                    ranges.add(new Range(start, last, prevComma, i));
                }
                prevComma = i;
                start = e.next(i);
                continue;
            }
            last = i;
        }
        if (start >= 0 && last >= start && start < end) {
            ranges.add(new Range(start, last, prevComma, -1));
        }
        return ranges;
    }

    private void element(Range r) {
        Token k = t.get(r.first());
        String w = k.isWord() ? Heads.upper(k) : "";
        if (w.equals("CONSTRAINT") || w.equals("CHECK") || INDEX_WORDS.contains(w) || w.equals("FOREIGN")) {
            tableElement(r, r.first());
        } else if (k.isName()) {
            column(r, r.first());
        }
    }

    private void specification(Range r) {
        int i = r.first();
        Token k = t.get(i);
        if (k.isWord("ADD")) {
            int n = e.next(i);
            if (n < 0 || n > r.last()) {
                return;
            }
            Token x = t.get(n);
            String w = x.isWord() ? Heads.upper(x) : "";
            if (w.equals("COLUMN")) {
                int c = e.next(n);
                if (c >= 0 && c <= r.last()) {
                    column(r, c);
                }
            } else if (w.equals("CONSTRAINT") || w.equals("CHECK") || INDEX_WORDS.contains(w) || w.equals("FOREIGN")) {
                tableElement(r, n);
            } else if (!x.isOperator("(") && x.isName()) {
                column(r, n);
            }
        } else if (k.isWord("MODIFY") || k.isWord("CHANGE")) {
            int c = e.next(i);
            if (c >= 0 && t.get(c).isWord("COLUMN")) {
                c = e.next(c);
            }
            if (c >= 0 && k.isWord("CHANGE")) {
                c = e.next(c);                       // the old name
            }
            if (c >= 0 && c <= r.last()) {
                column(r, c);
            }
        } else if (k.isWord("ALTER")) {
            int n = e.next(i);
            if (n >= 0 && (t.get(n).isWord("INDEX") || t.get(n).isWord("KEY"))) {
                int name = e.next(n);
                int v = name < 0 ? -1 : e.next(name);
                if (v >= 0 && v <= r.last() && t.get(v).isWord("INVISIBLE")) {
                    out.add(new Use(Construct.INVISIBLE_INDEX, table, t.get(name).name(), v, v, versions[v], r, false,
                            null, true));
                }
            } else if (n >= 0 && t.get(n).isWord("COLUMN") || n >= 0 && t.get(n).isName()) {
                int name = t.get(n).isWord("COLUMN") ? e.next(n) : n;
                int set = name < 0 ? -1 : e.next(name);
                int v = set < 0 ? -1 : e.next(set);
                if (v >= 0 && v <= r.last() && t.get(set).isWord("SET")) {
                    if (t.get(v).isWord("INVISIBLE")) {
                        out.add(new Use(Construct.INVISIBLE_COLUMN, table, t.get(name).name(), v, v, versions[v], r, false,
                                null, true));
                    } else if (t.get(v).isWord("DEFAULT") && e.next(v) >= 0 && t.get(e.next(v)).isOperator("(")) {
                        int p = e.next(v);
                        add(Construct.EXPRESSION_DEFAULT, t.get(name).name(), v, Heads.matchingParen(e, p), r, false,
                                text(p, Heads.matchingParen(e, p)));
                    }
                }
            }
        }
    }

    /** A column definition starting with its name at {@code nameIndex}. */
    private void column(Range r, int nameIndex) {
        String column = t.get(nameIndex).name();
        int type = e.next(nameIndex);
        if (type < 0 || type > r.last() || !t.get(type).isWord()) {
            return;
        }
        String typeWord = Heads.upper(t.get(type));
        if (typeWord.equals("GEOMCOLLECTION")) {
            add(Construct.GEOMCOLLECTION, column, type, type, r, false, typeWord);
        } else if (MARIADB_TYPES.contains(typeWord)) {
            add(Construct.MARIADB_TYPE, column, type, type, r, false, typeWord);
        }
        int i = e.next(type);
        if (i >= 0 && i <= r.last() && t.get(i).isOperator("(")) {
            i = e.next(Heads.matchingParen(e, i));
        }
        for (; i >= 0 && i <= r.last(); i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                i = Heads.matchingParen(e, i);      // GENERATED ALWAYS AS (expr), ENUM lists: not attributes
                if (i < 0) {
                    return;
                }
                continue;
            }
            if (!k.isWord()) {
                continue;
            }
            switch (Heads.upper(k)) {
                case "INVISIBLE" -> add(Construct.INVISIBLE_COLUMN, column, i, i, r, false, null);
                case "SRID" -> {
                    int n = e.next(i);
                    if (n >= 0 && t.get(n).type() == TokenType.NUMBER) {
                        add(Construct.SRID, column, i, n, r, false, t.get(n).text());
                        i = n;
                    }
                }
                case "DEFAULT" -> i = columnDefault(r, column, typeWord, i);
                case "CONSTRAINT", "CHECK" -> i = check(r, i, column);
                default -> {
                }
            }
        }
    }

    /** @return the last token of the default starting at {@code def} (the word DEFAULT) */
    private int columnDefault(Range r, String column, String typeWord, int def) {
        int v = e.next(def);
        if (v < 0 || v > r.last()) {
            return def;
        }
        Token k = t.get(v);
        if (k.isOperator("(")) {
            int close = Heads.matchingParen(e, v);
            add(Construct.EXPRESSION_DEFAULT, column, def, close, r, false, text(v, close));
            return close;
        }
        int n = e.next(v);
        if (k.isWord() && !NOW.contains(Heads.upper(k)) && !SEQUENCES.contains(Heads.upper(k)) && n >= 0 && n <= r.last()
                && t.get(n).isOperator("(")) {
            int close = Heads.matchingParen(e, n);
            add(Construct.BARE_EXPRESSION_DEFAULT, column, v, close, r, false, text(v, close));
            return close;
        }
        int last = v;
        if ((k.isOperator("-") || k.isOperator("+")) && n >= 0 && t.get(n).type() == TokenType.NUMBER) {
            last = n;
        } else if (k.isWord() && k.text().startsWith("_") && n >= 0 && t.get(n).type() == TokenType.STRING) {
            last = n;                                // _utf8mb4'x'
        }
        boolean literal = k.type() == TokenType.STRING || k.type() == TokenType.NUMBER || last != v;
        if (literal && LOB_TYPES.contains(typeWord)) {
            add(Construct.LOB_LITERAL_DEFAULT, column, v, last, r, false, text(v, last));
        }
        return last;
    }

    /** A [CONSTRAINT [name]] CHECK (...) [[NOT] ENFORCED]; @return its last token */
    private int check(Range r, int first, String column) {
        int i = first;
        String name = null;
        if (t.get(i).isWord("CONSTRAINT")) {
            int n = e.next(i);
            if (n < 0 || n > r.last()) {
                return first;
            }
            if (!t.get(n).isWord("CHECK")) {
                name = t.get(n).name();
                n = e.next(n);
            }
            if (n < 0 || !t.get(n).isWord("CHECK")) {
                return first;                        // CONSTRAINT x PRIMARY KEY ...: not a check
            }
            i = n;
        }
        int open = e.next(i);
        if (open < 0 || !t.get(open).isOperator("(")) {
            return first;
        }
        int last = Heads.matchingParen(e, open);
        if (last < 0) {
            return first;
        }
        int n = e.next(last);
        if (n >= 0 && n <= r.last() && t.get(n).isWord("NOT")) {
            int m = e.next(n);
            if (m >= 0 && t.get(m).isWord("ENFORCED")) {
                last = m;
            }
        } else if (n >= 0 && n <= r.last() && t.get(n).isWord("ENFORCED")) {
            last = n;
        }
        String object = name != null ? name : column;
        out.add(new Use(Construct.CHECK, table, object, first, last, versions[first], r, false,
                text(open, Heads.matchingParen(e, open)), column == null));
        return last;
    }

    /** An index, CHECK or foreign key definition of a table starting at {@code first}. */
    private void tableElement(Range r, int first) {
        int i = first;
        String constraintName = null;
        if (t.get(i).isWord("CONSTRAINT")) {
            int n = e.next(i);
            if (n >= 0 && t.get(n).isWord("CHECK")) {
                check(r, first, null);
                return;
            }
            if (n >= 0 && !INDEX_WORDS.contains(Heads.upper(t.get(n))) && !t.get(n).isWord("FOREIGN")) {
                constraintName = t.get(n).name();
                n = e.next(n);
            }
            if (n >= 0 && t.get(n).isWord("CHECK")) {
                check(r, first, null);
                return;
            }
            i = n;
        }
        if (i < 0 || t.get(i).isWord("FOREIGN")) {
            return;
        }
        if (t.get(i).isWord("CHECK")) {
            check(r, i, null);
            return;
        }
        boolean unique = t.get(i).isWord("UNIQUE") || t.get(i).isWord("PRIMARY");
        String name = t.get(i).isWord("PRIMARY") ? "PRIMARY" : constraintName;
        int open = -1;
        for (int k = e.next(i); k >= 0 && k <= r.last(); k = e.next(k)) {
            Token x = t.get(k);
            if (x.isOperator("(")) {
                open = k;
                break;
            }
            if (name == null && x.isName() && !x.isWord("KEY") && !x.isWord("INDEX") && !x.isWord("USING")
                    && !(k > 0 && t.get(e.previous(k)).isWord("USING"))) {
                name = x.name();
            }
        }
        if (open >= 0) {
            index(name, unique, open, r, r.last());
        }
    }

    /** The parts list at {@code open} and the options after it, up to {@code last}. */
    private void index(String name, boolean unique, int open, Range r, int last) {
        int close = Heads.matchingParen(e, open);
        if (close < 0) {
            return;
        }
        for (Range part : elements(e.next(open), close)) {
            if (t.get(part.first()).isOperator("(")) {
                add(Construct.FUNCTIONAL_INDEX, name, part.first(), part.last(), r, unique, text(part.first(), part.last()));
            } else if (t.get(part.last()).isWord("DESC")) {
                add(Construct.DESCENDING_INDEX, name, part.last(), part.last(), r, unique, t.get(part.first()).name());
            }
        }
        for (int k = e.next(close); k >= 0 && k <= last; k = e.next(k)) {
            if (t.get(k).isWord("INVISIBLE")) {
                add(Construct.INVISIBLE_INDEX, name, k, k, r, unique, null);
            } else if (t.get(k).isWord("IGNORED")) {
                add(Construct.IGNORED_INDEX, name, k, k, r, unique, null);
            } else if (t.get(k).isOperator("(")) {
                k = Heads.matchingParen(e, k);
                if (k < 0) {
                    return;
                }
            }
        }
    }

    private void add(Construct c, String object, int first, int last, Range element, boolean unique, String detail) {
        if (first < 0 || last < first) {
            return;
        }
        out.add(new Use(c, table, object, first, last, versions[first], element, unique, detail, false));
    }

    private String text(int first, int last) {
        if (first < 0 || last < first) {
            return "";
        }
        return e.statement().text().substring(t.get(first).start(), t.get(last).end());
    }

    // ---- edits shared by the transforms

    /**
     * Deletes one construct ({@link Use#first()}..{@link Use#last()}), widened so that no executable comment is left
     * half open, with one whitespace next to it; a comment that held only the construct goes with it.
     */
    static void deleteConstruct(StatementEditor e, Use u) {
        int[] w = widen(e.tokens(), u.first(), u.last());
        Heads.deleteClause(e, w[0], w[1]);
    }

    /**
     * Deletes whole elements (definitions of a CREATE TABLE, specifications of an ALTER TABLE) with the commas that
     * separate them from the ones kept.
     *
     * @return how many elements are left
     */
    static int deleteElements(StatementEditor e, List<Range> ranges, int total) {
        List<Token> t = e.tokens();
        java.util.Set<Integer> deletedCommas = new java.util.HashSet<>();
        List<Range> sorted = ranges.stream().distinct().sorted(java.util.Comparator.comparingInt(Range::first)).toList();
        for (Range r : sorted) {
            int[] w = widen(t, r.first(), r.last());
            if (r.commaBefore() >= 0 && !deletedCommas.contains(r.commaBefore())) {
                e.delete(t.get(r.commaBefore()), t.get(w[1]));
                deletedCommas.add(r.commaBefore());
            } else if (r.commaAfter() >= 0) {
                int next = r.commaAfter() + 1;
                while (next < t.size() && t.get(next).type() == TokenType.WHITESPACE) {
                    next++;
                }
                e.delete(t.get(w[0]), t.get(next - 1));
                deletedCommas.add(r.commaAfter());
            } else {
                e.delete(t.get(w[0]), t.get(w[1]));
            }
        }
        return total - sorted.size();
    }

    /** @return {first, last} grown to the markers of any executable comment the range opens or closes inside */
    static int[] widen(List<Token> t, int first, int last) {
        for (int k = last; k > first; k--) {
            if (t.get(k).type() == TokenType.VERSIONED_COMMENT_CLOSE) {
                break;
            }
            if (t.get(k).type() == TokenType.VERSIONED_COMMENT_OPEN) {
                for (int c = last + 1; c < t.size(); c++) {
                    if (t.get(c).type() == TokenType.VERSIONED_COMMENT_CLOSE) {
                        last = c;
                        break;
                    }
                }
                break;
            }
        }
        for (int k = first; k < last; k++) {
            if (t.get(k).type() == TokenType.VERSIONED_COMMENT_OPEN) {
                break;
            }
            if (t.get(k).type() == TokenType.VERSIONED_COMMENT_CLOSE) {
                for (int o = first - 1; o >= 0; o--) {
                    if (t.get(o).type() == TokenType.VERSIONED_COMMENT_OPEN) {
                        first = o;
                        break;
                    }
                }
                break;
            }
        }
        return new int[] {first, last};
    }

    /** @return the elements of the statement that {@code uses} belong to, counted: for {@link #deleteElements} */
    static int elementCount(StatementEditor e) {
        Statement s = e.statement();
        TableDdl d = new TableDdl(e, "");
        if (s.kind() == StatementKind.ALTER_TABLE) {
            int i = e.next(-1);
            while (i >= 0 && !d.t.get(i).isWord("TABLE")) {
                i = e.next(i);
            }
            int name = i < 0 ? -1 : e.next(i);
            int start = name < 0 ? -1 : Heads.afterName(e, name);
            return start < 0 ? 0 : d.elements(start, d.t.size()).size();
        }
        return Integer.MAX_VALUE;
    }
}
