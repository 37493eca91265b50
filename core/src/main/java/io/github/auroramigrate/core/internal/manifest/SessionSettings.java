package io.github.auroramigrate.core.internal.manifest;

/**
 * How the data was read, and so how the loading session must be set up (docs/dump-format.md, section 3.3).
 *
 * <pre>{@code
 * stmt.execute("SET time_zone = '" + m.session().timeZone() + "'");
 * stmt.execute("SET sql_mode = '" + m.session().loadSqlMode() + "'");
 * }</pre>
 *
 * @param timeZone     the dump session's time zone ({@code +00:00}): TIMESTAMP values are in it
 * @param characterSet the character set of the values in flat files ({@code binary}: each column's own)
 * @param loadSqlMode  the sql_mode the loading session should use
 */
public record SessionSettings(String timeZone, String characterSet, String loadSqlMode) {
    /** The settings this version of the dumper always uses. */
    public static final SessionSettings DEFAULT = new SessionSettings("+00:00", "binary",
            "NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES");
}
