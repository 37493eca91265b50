package io.github.auroramigrate.replication.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an applier (SQL thread) error text: table, key, key value, and the source position of the failing
 * event. Works on the texts of MySQL 5.7/8.0 and MariaDB, e.g. {@code Could not execute Write_rows event on table
 * s.t; Duplicate entry '5' for key 't.PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's
 * source log binlog.000002, end_log_pos 1234}. Missing parts are empty.
 *
 * @param table     {@code schema.table}, or empty
 * @param keyName   the key named in a duplicate-entry error ({@code PRIMARY}, {@code t.PRIMARY}, {@code uk_email}), or
 *                  empty
 * @param keyValue  the duplicate value as the server printed it, or empty
 * @param eventFile the source binary log file of the failing event, or empty
 * @param eventEnd  end_log_pos of the failing event, or -1
 */
public record ApplierError(String table, String keyName, String keyValue, String eventFile, long eventEnd) {
    private static final Pattern TABLE = Pattern.compile("event on table ([^;\\s]+);");
    private static final Pattern DUP = Pattern.compile("Duplicate entry '(.*)' for key '([^']*)'");
    private static final Pattern NOT_FOUND = Pattern.compile("Can't find record in '([^']*)'");
    private static final Pattern EVENT = Pattern.compile(
            "(?:event's (?:master|source) log|at (?:master|source) log) (\\S+?),? end_log_pos (\\d+)");

    /** @return the parts found in {@code text} */
    public static ApplierError parse(String text) {
        String t = text == null ? "" : text;
        String table = group(TABLE, t, 1).orElse("");
        String keyName = "";
        String keyValue = "";
        Matcher dup = DUP.matcher(t);
        if (dup.find()) {
            keyValue = dup.group(1);
            keyName = dup.group(2);
        }
        if (table.isEmpty()) {
            table = group(NOT_FOUND, t, 1).orElse("");
        }
        Matcher ev = EVENT.matcher(t);
        String file = "";
        long end = -1;
        if (ev.find()) {
            file = ev.group(1);
            end = Long.parseLong(ev.group(2));
        }
        return new ApplierError(table, keyName, keyValue, file, end);
    }

    private static Optional<String> group(Pattern p, String text, int g) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(g)) : Optional.empty();
    }

    /** @return the schema of {@link #table()}, or empty */
    public String schema() {
        int dot = table.indexOf('.');
        return dot < 0 ? "" : table.substring(0, dot);
    }

    /** @return the bare table name of {@link #table()} */
    public String tableName() {
        int dot = table.indexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }

    /** @return the key name without a table prefix ({@code t.PRIMARY} -> {@code PRIMARY}) */
    public String bareKeyName() {
        int dot = keyName.lastIndexOf('.');
        return dot < 0 ? keyName : keyName.substring(dot + 1);
    }
}
