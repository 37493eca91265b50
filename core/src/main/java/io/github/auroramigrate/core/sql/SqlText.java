package io.github.auroramigrate.core.sql;

/**
 * Quoting helpers for writing SQL text.
 *
 * <pre>{@code
 * SqlText.quoteIdentifier("weird`name");   // `weird``name`
 * SqlText.quoteString("it's");             // 'it\'s'
 * SqlText.unquote("`weird``name`", true);  // weird`name
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SqlText {
    private SqlText() {
    }

    /** @return {@code name} in backticks, with backticks inside doubled */
    public static String quoteIdentifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** @return {@code value} as a single-quoted string literal, with backslash escapes for ' \ and control characters */
    public static String quoteString(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                case '\u001a' -> sb.append("\\Z");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /**
     * Removes the quotes of a quoted identifier or string literal and resolves doubled quotes and (for '...' and
     * "..." when {@code backslashEscapes}) backslash escapes. Text that is not quoted is returned unchanged.
     *
     * @param quoted          the token text, e.g. {@code `a``b`} or {@code 'it\'s'}
     * @param backslashEscapes whether backslash escapes apply (never for backticks)
     * @return the content
     */
    public static String unquote(String quoted, boolean backslashEscapes) {
        if (quoted.length() < 2) {
            return quoted;
        }
        char q = quoted.charAt(0);
        if ((q != '`' && q != '\'' && q != '"') || quoted.charAt(quoted.length() - 1) != q) {
            return quoted;
        }
        boolean escapes = backslashEscapes && q != '`';
        StringBuilder sb = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == q && i + 1 < quoted.length() - 1 && quoted.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else if (c == '\\' && escapes && i + 1 < quoted.length() - 1) {
                char e = quoted.charAt(++i);
                if (e == '%' || e == '_') {
                    sb.append('\\');     // MySQL keeps the backslash of \% and \_ (LIKE patterns)
                }
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'Z' -> '\u001a';
                    default -> e;   // \' \" \\ and, as in MySQL, \x for any other x
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
