package io.github.auroramigrate.testkit.fidelity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small MySQL lexer: words, quoted identifiers, string literals, numbers and punctuation, with comments
 * dropped and the content of versioned comments ({@code /*!50100 ... *}{@code /}) kept as ordinary tokens
 * (servers print {@code PARTITION BY}, {@code WITH PARSER} and {@code NOT ENFORCED} inside them).
 *
 * <p>Not a parser: it only lets callers find top-level structure and compare text without layout.
 */
public final class SqlTokens {
    /** What a token is. */
    public enum Type { WORD, QUOTED_ID, STRING, NUMBER, PUNCT }

    /**
     * One token.
     *
     * @param text  the raw text as written (quotes included)
     * @param start offset of the first character in the input
     * @param end   offset after the last character
     */
    public record Token(Type type, String text, int start, int end) {
        /** True for a word equal to {@code word}, ignoring case. */
        public boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        /** True for punctuation {@code p}. */
        public boolean isPunct(String p) {
            return type == Type.PUNCT && text.equals(p);
        }

        /** The identifier or word without quotes ({@code `a``b`} gives {@code a`b}). */
        public String name() {
            if (type == Type.QUOTED_ID) {
                return text.substring(1, text.length() - 1).replace("``", "`");
            }
            if (type == Type.STRING) {
                return unquoteString(text);
            }
            return text;
        }
    }

    private SqlTokens() {
    }

    /** Tokens of {@code sql}; a string or comment left open at the end ends the input. */
    public static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '-' && i + 2 < n + 1 && sql.startsWith("--", i)
                    && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && sql.startsWith("/*!", i)) {
                int j = i + 3;
                while (j < n && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                i = j; // the content is read as tokens; its closing "*/" is skipped below
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '*' && sql.startsWith("*/", i)) {
                i += 2; // end of a versioned comment
            } else if (c == '\'' || c == '"') {
                int j = endOfQuoted(sql, i, c, true);
                out.add(new Token(Type.STRING, sql.substring(i, j), i, j));
                i = j;
            } else if (c == '`') {
                int j = endOfQuoted(sql, i, '`', false);
                out.add(new Token(Type.QUOTED_ID, sql.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.'
                        || ((sql.charAt(j) == '-' || sql.charAt(j) == '+') && j > i
                        && (sql.charAt(j - 1) == 'e' || sql.charAt(j - 1) == 'E')
                        && !sql.substring(i, j).startsWith("0x")))) {
                    j++;
                }
                out.add(new Token(Type.NUMBER, sql.substring(i, j), i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '@' || c > 127) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$' || sql.charAt(j) == '@' || sql.charAt(j) > 127)) {
                    j++;
                }
                out.add(new Token(Type.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                int len = 1;
                for (String op : new String[] {"<=>", "<=", ">=", "<>", "!=", "||", "&&", ":=", "<<", ">>", "->>", "->"}) {
                    if (sql.startsWith(op, i)) {
                        len = op.length();
                        break;
                    }
                }
                out.add(new Token(Type.PUNCT, sql.substring(i, i + len), i, i + len));
                i += len;
            }
        }
        return out;
    }

    private static int endOfQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int j = start + 1;
        while (j < n) {
            char d = sql.charAt(j);
            if (backslashEscapes && d == '\\') {
                j += 2;
            } else if (d == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** The value of a string literal: quotes removed, {@code ''} and backslash escapes resolved. */
    public static String unquoteString(String literal) {
        char q = literal.charAt(0);
        StringBuilder sb = new StringBuilder();
        int end = literal.length() > 1 && literal.charAt(literal.length() - 1) == q ? literal.length() - 1 : literal.length();
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char e = literal.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'Z' -> sb.append('\u001a');
                    case 'b' -> sb.append('\b');
                    case '%', '_' -> sb.append('\\').append(e); // kept as written, as the server does
                    default -> sb.append(e);
                }
            } else if (c == q && i + 1 < end && literal.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Index of the token closing the parenthesis opened at {@code open}, or -1. */
    public static int matchingParen(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct("(")) {
                depth++;
            } else if (tokens.get(i).isPunct(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Lower-case form used for keyword matching. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
