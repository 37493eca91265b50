package io.github.auroramigrate.replication.internal;

import java.util.List;
import java.util.Objects;

/**
 * A statement to run, with JDBC parameters, and the text that may be logged (secrets masked).
 *
 * @param sql     SQL text, possibly with {@code ?} placeholders; may contain a password: never log it
 * @param params  values for the placeholders
 * @param display the text safe to log and to show in diagnoses
 * @param secret  a password the statement carries, to be scrubbed from any server message; null for none
 */
public record SqlStatement(String sql, List<Object> params, String display, String secret) {
    /** Validates and copies. */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(display, "display");
        params = List.copyOf(params);
        secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /** @return a statement without parameters or secrets */
    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of(), sql, null);
    }

    /** @return {@code text} with the secret (and its quoted-literal form) replaced by {@code ****} */
    public String scrub(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, "****").replace(secret.replace("'", "''"), "****");
    }

    @Override
    public String toString() {
        return display;
    }
}
