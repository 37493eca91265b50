package io.github.auroramigrate.core.verify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The named normalisations that make definitions printed by different servers (MySQL 5.7, 8.0, MariaDB) compare
 * equal when they mean the same thing. Each one removes one known cosmetic difference and nothing else; they are
 * listed in docs/dump-format.md section 2.6 and in {@link Verify}'s Javadoc. Stateless.
 */
final class Normalization {
    private static final Pattern INT_WIDTH = Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint|year)\\(\\d+\\)");
    private static final Pattern NOW = Pattern.compile(
            "(?i)^(current_timestamp|now|localtime|localtimestamp)\\s*(\\(\\s*(\\d*)\\s*\\))?$");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on update ([a-z_]+(\\(\\s*\\d*\\s*\\))?)");
    /** 5.7 prints {@code x IS NULL} as {@code isnull(x)}, 8.0 and MariaDB as {@code (x is null)}. */
    private static final Pattern ISNULL = Pattern.compile("(?i)(?<![\\w$])isnull\\(([^()']*)\\)");
    /** An expression default that is one string literal, as 8.0 stores it: {@code _utf8mb4'x'}. */
    private static final Pattern LITERAL_EXPRESSION = Pattern.compile("(?s)^_\\w+'((?:[^'\\\\]|\\\\.|'')*)'$");
    private static final Pattern PASSWORD = Pattern.compile("(?i) IDENTIFIED (BY PASSWORD|WITH \\S+ AS|BY) '[^']*'");

    private Normalization() {
    }

    /** {@code utf8mb3} is what 8.0.29+ and MariaDB print for 5.7's {@code utf8}: the same character set. */
    static String utf8Alias(String s) {
        return s == null ? null : s.replace("utf8mb3", "utf8");
    }

    /** Collation and character set names: lower case, utf8 alias. */
    static String collation(String s) {
        return s == null || s.isEmpty() ? null : utf8Alias(s.toLowerCase(Locale.ROOT));
    }

    /**
     * Column types: lower case; integer display widths dropped (5.7 prints {@code int(11)}, 8.0.19+ {@code int}; the
     * width never changed what a column stores); the utf8 alias.
     */
    static String type(String s) {
        if (s == null) {
            return null;
        }
        String t = utf8Alias(INT_WIDTH.matcher(s.toLowerCase(Locale.ROOT).strip()).replaceAll("$1"));
        return t.equals("geomcollection") ? "geometrycollection" : t;   // 8.0.11+ prints the other name of one type
    }

    /**
     * Column defaults: {@code now()}, {@code current_timestamp()} (MariaDB) and {@code CURRENT_TIMESTAMP} (MySQL) are
     * one value, with their precision; an expression default loses its outer parentheses. Literals are kept as they
     * are (case included).
     */
    static String columnDefault(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        while (v.startsWith("(") && v.endsWith(")") && balanced(v.substring(1, v.length() - 1))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        Matcher literal = LITERAL_EXPRESSION.matcher(v);
        if (literal.matches()) {
            // MySQL takes a TEXT default only as an expression: ('x') is the literal 'x'
            return literal.group(1).replace("''", "'").replace("\\'", "'").replace("\\\\", "\\");
        }
        Matcher m = NOW.matcher(v);
        if (m.matches()) {
            String p = m.group(3);
            return "CURRENT_TIMESTAMP" + (p == null || p.isEmpty() || p.equals("0") ? "" : "(" + p + ")");
        }
        return v;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The flags of {@code COLUMNS.EXTRA} as separate attributes: {@code DEFAULT_GENERATED} (8.0 marks expression
     * defaults with it, 5.7 and MariaDB do not) is dropped, {@code on update} normalised like a default,
     * MariaDB's {@code PERSISTENT} is {@code STORED}.
     */
    static Map<String, String> extra(String extra) {
        String e = extra == null ? "" : extra.toLowerCase(Locale.ROOT);
        Map<String, String> out = new TreeMap<>();
        out.put("autoIncrement", Boolean.toString(e.contains("auto_increment")));
        out.put("invisible", Boolean.toString(e.contains("invisible")));
        out.put("generated", e.contains("virtual") ? "VIRTUAL" : e.contains("stored") || e.contains("persistent")
                ? "STORED" : "");
        Matcher m = ON_UPDATE.matcher(e);
        out.put("onUpdate", m.find() ? columnDefault(m.group(1)) : "");
        return out;
    }

    /**
     * Expression text the server reprints (generation expressions, CHECK clauses, functional index parts, partition
     * expressions, view definitions): outside string literals, case, whitespace, backticks and parentheses are
     * ignored, charset introducers ({@code _utf8mb4'x'}) dropped, 8.0's escaped quotes ({@code \'}) read as
     * quotes, and 5.7's {@code isnull(x)} read as {@code x is null}. Two expressions that differ only in where
     * parentheses stand compare equal (a known, documented limit).
     */
    static String expression(String s) {
        if (s == null) {
            return null;
        }
        return text(ISNULL.matcher(unescaped(s)).replaceAll("($1 is null)"), true).replace(" mod ", "%");
    }

    /**
     * MySQL 8.0's catalog escapes every quote and backslash of a stored expression ({@code _utf8mb4\'a\'}); such
     * text has a backslash outside any string literal, which SQL as written never has: it is read unescaped.
     */
    private static String unescaped(String s) {
        char quote = 0;
        boolean escaped = false;
        for (int i = 0; i < s.length() && !escaped; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                escaped = true;
            }
        }
        if (!escaped) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\\' && i + 1 < s.length() ? s.charAt(++i) : c);
        }
        return sb.toString();
    }

    /**
     * Routine, trigger and event bodies (stored as written): outside quotes, case, backticks and runs of whitespace
     * are ignored; parentheses are kept.
     */
    static String body(String s) {
        return s == null ? null : text(s, false);
    }

    private static String text(String s, boolean dropParentheses) {
        StringBuilder out = new StringBuilder(s.length());
        int cut = -1;                                // where a parenthesis was dropped: words on both sides stay apart
        int n = s.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = quoteEnd(s, i);
                dropIntroducer(out, cut);
                if ((space || out.length() == cut) && !out.isEmpty() && isWord(out.charAt(out.length() - 1))) {
                    out.append(' ');
                }
                space = false;
                out.append(s, i, end);
                i = end;
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (c == '`' || (dropParentheses && (c == '(' || c == ')'))) {
                if (c != '`') {
                    cut = out.length();
                }
                i++;
                continue;
            }
            if ((space || out.length() == cut) && !out.isEmpty() && isWord(out.charAt(out.length() - 1)) && isWord(c)) {
                out.append(' ');                   // f(a) and f (a) alike, and never fa
            }
            space = false;
            out.append(Character.toLowerCase(c));
            i++;
        }
        return out.toString();
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    /** Removes a charset introducer ({@code _utf8mb4}) just written before a string literal (after {@code cut}). */
    private static void dropIntroducer(StringBuilder out, int cut) {
        int j = out.length();
        while (j > 0 && (Character.isLetterOrDigit(out.charAt(j - 1)))) {
            j--;
        }
        if (j > 0 && j < out.length() && out.charAt(j - 1) == '_' && (j < 2 || j - 1 == cut || !isWord(out.charAt(j - 2)))) {
            out.setLength(j - 1);
        }
    }

    private static int quoteEnd(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /**
     * {@code sql_mode}: a set of flags, upper case, in any order; {@code NO_AUTO_CREATE_USER} is dropped (8.0 removed
     * the flag and always behaves as if it were set; 5.7 and MariaDB set it by default).
     */
    static String sqlMode(String s) {
        if (s == null) {
            return null;
        }
        return Arrays.stream(s.split(",")).map(x -> x.strip().toUpperCase(Locale.ROOT))
                .filter(x -> !x.isEmpty() && !x.equals("NO_AUTO_CREATE_USER"))
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    /** Foreign key rules: InnoDB's {@code NO ACTION} is {@code RESTRICT} (5.7 prints one, 8.0 the other). */
    static String referentialRule(String s) {
        if (s == null) {
            return null;
        }
        String r = s.strip().toUpperCase(Locale.ROOT);
        return r.equals("NO ACTION") ? "RESTRICT" : r;
    }

    /**
     * {@code TABLES.CREATE_OPTIONS} as a map of lower-case option to upper-case value; {@code partitioned} is
     * dropped (partitions are compared one by one).
     */
    static Map<String, String> tableOptions(String s) {
        Map<String, String> out = new TreeMap<>();
        if (s == null) {
            return out;
        }
        for (String o : s.trim().split("\\s+")) {
            if (o.isEmpty() || o.equalsIgnoreCase("partitioned")) {
                continue;
            }
            int eq = o.indexOf('=');
            String k = (eq < 0 ? o : o.substring(0, eq)).toLowerCase(Locale.ROOT).replace("`", "");
            String v = eq < 0 ? "" : o.substring(eq + 1).replace("'", "").replace("\"", "").toUpperCase(Locale.ROOT);
            out.put(k, v);
        }
        return out;
    }

    /** A definer {@code `u`@`h`} or {@code u@h}: quotes dropped. */
    static String definer(String s) {
        return s == null ? null : s.replace("`", "").replace("'", "");
    }

    /**
     * {@code SHOW GRANTS} output: one set of lines, each with its privileges sorted, quotes unified, passwords and
     * authentication clauses dropped (5.7 and MariaDB print the hash in the GRANT), quotes and backticks dropped.
     */
    static String grants(String lines) {
        if (lines == null) {
            return null;
        }
        TreeSet<String> out = new TreeSet<>();
        for (String line : lines.split("\n")) {
            String l = PASSWORD.matcher(line.strip()).replaceAll("").replace("`", "").replace("'", "");
            Matcher m = Pattern.compile("(?i)^GRANT (.+?) ON (.*)$").matcher(l);
            if (m.matches() && !m.group(1).contains("(")) {
                String privs = Arrays.stream(m.group(1).split(",")).map(p -> p.strip().toUpperCase(Locale.ROOT)).sorted()
                        .collect(Collectors.joining(", "));
                l = "GRANT " + privs + " ON " + m.group(2);
            }
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return String.join("\n", out);
    }
}
