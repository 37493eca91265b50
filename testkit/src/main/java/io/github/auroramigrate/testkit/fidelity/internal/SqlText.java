package io.github.auroramigrate.testkit.fidelity.internal;

import io.github.auroramigrate.testkit.fidelity.internal.SqlTokens.Token;
import io.github.auroramigrate.testkit.fidelity.internal.SqlTokens.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text forms of SQL that servers print differently for the same meaning: expressions (generated columns,
 * CHECK clauses, functional index parts, expression defaults, view definitions, partition expressions)
 * and the bodies of stored programs, cut out of their {@code SHOW CREATE} statements.
 *
 * <p>{@link #expression} applies exactly these rules, and no others:
 * <ol>
 *   <li>layout and comments are ignored (tokens are joined by one space);</li>
 *   <li>words and identifiers are lower-cased and unquoted ({@code `a`} = {@code a} = {@code A}); an
 *       identifier that is not a plain word ({@code [a-z0-9_$]}) stays in backticks;</li>
 *   <li>the snapshot's own schema as a qualifier ({@code `db`.`t`}) is dropped, so a renamed schema
 *       compares equal;</li>
 *   <li>character set introducers before string literals ({@code _utf8mb4'x'}, {@code _latin1'x'},
 *       {@code _binary'x'}) are dropped, and string literals are compared by value ({@code 'a''b'} =
 *       {@code 'a\'b'});</li>
 *   <li>{@code now()}, {@code current_timestamp()}, {@code localtime()}, {@code localtimestamp()} (and the
 *       forms without parentheses) are all {@code current_timestamp}; likewise {@code curdate} /
 *       {@code current_date} and {@code curtime} / {@code current_time}; the function synonyms
 *       {@code ucase}/{@code upper}, {@code lcase}/{@code lower}, {@code character_length}/{@code char_length},
 *       {@code substr}/{@code mid}/{@code substring} are one name (MariaDB prints {@code upper()} as
 *       {@code ucase()}); the operator {@code a MOD b} is {@code a % b};</li>
 *   <li>parentheses around the whole expression are dropped ({@code ((a > 0))} = {@code a > 0}).</li>
 * </ol>
 */
public final class SqlText {
    private static final Set<String> TIMESTAMP_SYNONYMS = Set.of("now", "current_timestamp", "localtime", "localtimestamp");
    private static final Set<String> DATE_SYNONYMS = Set.of("curdate", "current_date");
    private static final Set<String> TIME_SYNONYMS = Set.of("curtime", "current_time");
    private static final Set<String> CHARACTERISTIC_START = Set.of("comment", "language", "not", "deterministic",
            "contains", "no", "reads", "modifies", "sql");

    private SqlText() {
    }

    /** The canonical form of an expression (rules in the class comment); null stays null. */
    public static String expression(String text, String ownSchema) {
        if (text == null) {
            return null;
        }
        List<Token> tokens = SqlTokens.tokenize(text);
        List<String> out = new ArrayList<>();
        String schema = ownSchema == null ? null : ownSchema.toLowerCase(Locale.ROOT);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (t.type()) {
                case STRING -> {
                    if (!out.isEmpty() && out.get(out.size() - 1).startsWith("_")
                            && i > 0 && tokens.get(i - 1).type() == Type.WORD) {
                        out.remove(out.size() - 1);
                    }
                    out.add(quote(t.name()));
                }
                case WORD, QUOTED_ID -> {
                    String name = t.name().toLowerCase(Locale.ROOT);
                    if (schema != null && name.equals(schema) && next != null && next.isPunct(".")) {
                        i++; // drop "schema."
                        continue;
                    }
                    if (t.type() == Type.WORD) {
                        String syn = TIMESTAMP_SYNONYMS.contains(name) ? "current_timestamp"
                                : DATE_SYNONYMS.contains(name) ? "curdate"
                                : TIME_SYNONYMS.contains(name) ? "curtime" : null;
                        if (name.equals("mod") && (next == null || !next.isPunct("("))) {
                            out.add("%"); // the operator "a MOD b" as MySQL 8.0 prints it
                            continue;
                        }
                        if (syn == null && next != null && next.isPunct("(")) {
                            name = FUNCTION_SYNONYMS.getOrDefault(name, name);
                        }
                        if (syn != null) {
                            name = syn;
                            if (next != null && next.isPunct("(") && i + 2 < tokens.size() && tokens.get(i + 2).isPunct(")")) {
                                i += 2;
                            }
                        }
                    }
                    out.add(name.matches("[a-z0-9_$@]+") ? name : "`" + name.replace("`", "``") + "`");
                }
                default -> out.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        out = stripOuterParens(out);
        return String.join(" ", out);
    }

    private static List<String> stripOuterParens(List<String> out) {
        while (out.size() >= 2 && out.get(0).equals("(") && out.get(out.size() - 1).equals(")")) {
            int depth = 0;
            boolean wraps = true;
            for (int i = 0; i < out.size() - 1; i++) {
                if (out.get(i).equals("(")) {
                    depth++;
                } else if (out.get(i).equals(")")) {
                    depth--;
                }
                if (depth == 0) {
                    wraps = false;
                    break;
                }
            }
            if (!wraps) {
                break;
            }
            out = out.subList(1, out.size() - 1);
        }
        return out;
    }

    private static final Set<String> GROUPING_AFTER = Set.of("where", "on", "and", "or", "not", "xor", "select",
            "having", "when", "then", "else", "by", "distinct", "return", "set", "between", "like", "is", "case", "as");
    private static final Map<String, String> FUNCTION_SYNONYMS = Map.of("ucase", "upper", "lcase", "lower",
            "character_length", "char_length", "substr", "substring", "mid", "substring");

    /**
     * A canonical expression without grouping parentheses: a {@code (} that does not follow a function name,
     * an identifier or a list keyword ({@code in}, {@code exists}, {@code values}, ...) is dropped with its
     * match. MySQL prints one pair around every operator ({@code where (a > 0)}), MariaDB only where needed,
     * so expressions of the two flavours are compared in this form. (Only used across flavours: a change of
     * operator grouping alone is then not seen in the text; a view's rows still show it.)
     */
    public static String withoutGroupingParens(String canonical) {
        List<Token> t = SqlTokens.tokenize(canonical);
        boolean[] drop = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isPunct("(")) {
                continue;
            }
            Token prev = i == 0 ? null : t.get(i - 1);
            boolean grouping = prev == null
                    || (prev.type() == Type.PUNCT && !prev.isPunct(")"))
                    || (prev.type() == Type.WORD && GROUPING_AFTER.contains(prev.text().toLowerCase(Locale.ROOT)));
            int close = SqlTokens.matchingParen(t, i);
            if (grouping && close > 0) {
                drop[i] = true;
                drop[close] = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (!drop[i]) {
                out.add(t.get(i).text());
            }
        }
        return String.join(" ", out);
    }

    /** A string literal in one canonical spelling. */
    public static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Line endings unified and surrounding white space removed; the text itself is kept exactly. */
    public static String body(String text) {
        return text == null ? null : text.replace("\r\n", "\n").strip();
    }

    /** The body of a {@code SHOW CREATE PROCEDURE/FUNCTION} statement, exactly as written. */
    public static String routineBody(String create) {
        List<Token> t = SqlTokens.tokenize(create);
        int i = indexOfWord(t, 0, "procedure", "function");
        boolean function = t.get(i).is("function");
        i++;
        while (i < t.size() && !t.get(i).isPunct("(")) {
            i++; // the name, possibly qualified
        }
        i = SqlTokens.matchingParen(t, i) + 1;
        if (function && i < t.size() && t.get(i).is("returns")) {
            i = skipType(t, i + 1);
        }
        while (i < t.size()) {
            Token k = t.get(i);
            if (k.type() != Type.WORD || !CHARACTERISTIC_START.contains(k.text().toLowerCase(Locale.ROOT))) {
                break;
            }
            String w = k.text().toLowerCase(Locale.ROOT);
            if (w.equals("sql") && !(i + 1 < t.size() && t.get(i + 1).is("security"))) {
                break; // a body such as "SQL ..." is not a characteristic (none starts so, but be exact)
            }
            i += switch (w) {
                case "comment", "language" -> 2;
                case "not" -> 2;
                case "deterministic" -> 1;
                case "contains", "no" -> 2;
                case "reads", "modifies" -> 3;
                default -> 3; // sql security definer|invoker
            };
        }
        return i < t.size() ? body(create.substring(t.get(i).start())) : "";
    }

    private static int skipType(List<Token> t, int i) {
        i++; // the type name
        if (i < t.size() && t.get(i).isPunct("(")) {
            i = SqlTokens.matchingParen(t, i) + 1;
        }
        while (i < t.size()) {
            Token k = t.get(i);
            if (k.is("unsigned") || k.is("signed") || k.is("zerofill") || k.is("binary")) {
                i++;
            } else if (k.is("charset") || k.is("collate") || k.is("srid")) {
                i += 2;
            } else if (k.is("character") && i + 1 < t.size() && t.get(i + 1).is("set")) {
                i += 3;
            } else {
                break;
            }
        }
        return i;
    }

    /** The body of a {@code SHOW CREATE TRIGGER} statement (after {@code FOR EACH ROW [FOLLOWS|PRECEDES t]}). */
    public static String triggerBody(String create) {
        List<Token> t = SqlTokens.tokenize(create);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.get(i).is("for") && t.get(i + 1).is("each") && t.get(i + 2).is("row")) {
                int b = i + 3;
                if (b < t.size() && (t.get(b).is("follows") || t.get(b).is("precedes"))) {
                    b += 2;
                }
                return b < t.size() ? body(create.substring(t.get(b).start())) : "";
            }
        }
        throw new IllegalArgumentException("No FOR EACH ROW in " + create);
    }

    /** The body of a {@code SHOW CREATE EVENT} statement (after the first {@code DO}). */
    public static String eventBody(String create) {
        List<Token> t = SqlTokens.tokenize(create);
        int i = indexOfWord(t, 0, "do");
        return i + 1 < t.size() ? body(create.substring(t.get(i + 1).start())) : "";
    }

    /** The {@code ALGORITHM=} of a {@code SHOW CREATE VIEW} statement, lower case. */
    public static String viewAlgorithm(String create) {
        List<Token> t = SqlTokens.tokenize(create);
        for (int i = 0; i + 2 < t.size() && !t.get(i).is("view"); i++) {
            if (t.get(i).is("algorithm") && t.get(i + 1).isPunct("=")) {
                return t.get(i + 2).text().toLowerCase(Locale.ROOT);
            }
        }
        return "undefined";
    }

    private static int indexOfWord(List<Token> t, int from, String... words) {
        for (int i = from; i < t.size(); i++) {
            for (String w : words) {
                if (t.get(i).is(w)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("None of " + List.of(words) + " found");
    }

    /** What {@code SHOW CREATE TABLE} says that information_schema does not, or says wrongly (see
     *  {@link #createTable}). */
    public record CreateTable(Map<String, String> generated, Map<String, String> defaultExpressions,
                              Map<String, String> checks, Map<String, List<String>> indexExpressions,
                              Map<String, String> parsers, Long autoIncrement) {
    }

    /**
     * Reads a {@code SHOW CREATE TABLE} statement: generation expressions, expression defaults, CHECK
     * constraints (named ones as {@code name}, MariaDB's inline column checks as the column's name), the
     * expression parts of functional indexes, FULLTEXT parsers and the current AUTO_INCREMENT counter.
     * (MySQL 8.0's information_schema prints expressions containing string literals with escaped quotes and
     * doubly encoded non-ASCII text, so these come from here.) Expressions are raw text; CHECK clauses are
     * followed by {@code " not enforced"} when so declared.
     */
    public static CreateTable createTable(String create) {
        List<Token> t = SqlTokens.tokenize(create);
        int open = 0;
        while (open < t.size() && !t.get(open).isPunct("(")) {
            open++;
        }
        int close = SqlTokens.matchingParen(t, open);
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> checks = new LinkedHashMap<>();
        Map<String, List<String>> indexExpr = new LinkedHashMap<>();
        Map<String, String> parsers = new LinkedHashMap<>();
        for (List<Token> e : splitTopLevel(t, open + 1, close)) {
            if (e.isEmpty()) {
                continue;
            }
            Token first = e.get(0);
            if (first.type() == Type.QUOTED_ID) {
                String col = first.name();
                for (int i = 1; i < e.size(); i++) {
                    if (e.get(i).is("as") && i + 1 < e.size() && e.get(i + 1).isPunct("(") && e.get(i - 1).is("always")) {
                        generated.put(col, inner(create, e, i + 1));
                    } else if (e.get(i).is("default") && i + 1 < e.size() && e.get(i + 1).isPunct("(")) {
                        defaults.put(col, inner(create, e, i + 1));
                    } else if (e.get(i).is("check") && i + 1 < e.size() && e.get(i + 1).isPunct("(")) {
                        checks.put(col, inner(create, e, i + 1));
                    }
                }
            } else if (first.is("constraint") || first.is("check")) {
                int c = first.is("check") ? 0 : 2;
                String name = first.is("check") ? "" : e.get(1).name();
                if (c < e.size() && e.get(c).is("check")) {
                    int p = c + 1;
                    int end = SqlTokens.matchingParen(e, p);
                    String clause = inner(create, e, p);
                    boolean notEnforced = end + 2 < e.size() + 1 && end + 1 < e.size() && e.get(end + 1).is("not")
                            && end + 2 < e.size() && e.get(end + 2).is("enforced");
                    checks.put(name, clause + (notEnforced ? " not enforced" : ""));
                }
            } else {
                int k = 0;
                while (k < e.size() && !e.get(k).isPunct("(")) {
                    k++;
                }
                String name = first.is("primary") ? "PRIMARY" : null;
                for (int i = 0; i < k && name == null; i++) {
                    if (e.get(i).type() == Type.QUOTED_ID) {
                        name = e.get(i).name();
                    }
                }
                if (name == null || k >= e.size()) {
                    continue;
                }
                int end = SqlTokens.matchingParen(e, k);
                List<String> parts = new ArrayList<>();
                for (List<Token> part : splitTopLevel(e, k + 1, end)) {
                    parts.add(!part.isEmpty() && part.get(0).isPunct("(") ? inner(create, part, 0) : null);
                }
                indexExpr.put(name, parts);
                for (int i = end; i + 2 < e.size(); i++) {
                    if (e.get(i).is("with") && e.get(i + 1).is("parser")) {
                        parsers.put(name, e.get(i + 2).name().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Long autoIncrement = null;
        for (int i = close + 1; i + 2 < t.size(); i++) {
            if (t.get(i).is("partition")) {
                break;
            }
            if (t.get(i).is("auto_increment") && t.get(i + 1).isPunct("=")) {
                autoIncrement = Long.parseUnsignedLong(t.get(i + 2).text());
            }
        }
        return new CreateTable(generated, defaults, checks, indexExpr, parsers, autoIncrement);
    }

    /** The raw text between the parenthesis at {@code open} and its match. */
    private static String inner(String sql, List<Token> tokens, int open) {
        int close = SqlTokens.matchingParen(tokens, open);
        return sql.substring(tokens.get(open).end(), tokens.get(close).start());
    }

    private static List<List<Token>> splitTopLevel(List<Token> t, int from, int to) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token k = t.get(i);
            if (k.isPunct("(")) {
                depth++;
            } else if (k.isPunct(")")) {
                depth--;
            } else if (k.isPunct(",") && depth == 0) {
                out.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(k);
        }
        out.add(cur);
        return out;
    }
}
