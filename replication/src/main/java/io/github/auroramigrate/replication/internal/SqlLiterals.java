package io.github.auroramigrate.replication.internal;

/**
 * String literals for the few statements that cannot take JDBC parameters ({@code CHANGE MASTER TO}, {@code CREATE
 * USER}), aware of the session's NO_BACKSLASH_ESCAPES; identifiers are quoted by
 * {@link io.github.auroramigrate.core.sql.SqlText#quoteIdentifier}. Stateless.
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /**
     * A string literal. Single quotes are doubled (valid in every sql_mode); backslashes are doubled unless the
     * session runs with NO_BACKSLASH_ESCAPES, where they are literal already.
     *
     * @param value              the text; control characters other than tab are rejected
     * @param noBackslashEscapes whether the session's sql_mode contains NO_BACKSLASH_ESCAPES
     */
    public static String literal(String value, boolean noBackslashEscapes) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t') {
                throw new IllegalArgumentException("control character (code " + (int) c + ") in a SQL literal");
            }
            if (c == '\'') {
                sb.append("''");
            } else if (c == '\\' && !noBackslashEscapes) {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
