package io.github.auroramigrate.replication;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A set of global transaction identifiers, in the text form the source reports: MySQL's
 * {@code 3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,...} ({@code @@gtid_executed}) or MariaDB's
 * {@code 0-1-100,1-2-7} ({@code @@gtid_binlog_pos}, one domain-server-sequence per replication domain).
 *
 * <pre>{@code
 * GtidSet executed = GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77");
 * executed.flavour();   // GtidSet.Flavour.MYSQL
 * }</pre>
 *
 * <p>Whitespace and line breaks (as {@code SHOW MASTER STATUS} prints long sets) are removed. Immutable and
 * thread-safe.
 *
 * @param value the normalised text form; may be empty (no transactions)
 */
public record GtidSet(String value) {
    private static final Pattern MYSQL = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[a-z0-9_]{1,32})?(:\\d+(-\\d+)?)+)"
                    + "(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[a-z0-9_]{1,32})?(:\\d+(-\\d+)?)+)*");
    private static final Pattern MARIADB = Pattern.compile("\\d+-\\d+-\\d+(,\\d+-\\d+-\\d+)*");

    /** Which server family writes GTIDs in this form. */
    public enum Flavour {
        /** {@code uuid:interval[:interval]}, MySQL 5.6+ and Aurora. */
        MYSQL,
        /** {@code domain-server-sequence}, MariaDB 10.0+. */
        MARIADB,
        /** The empty set, valid for both. */
        EMPTY
    }

    /** Normalises and validates the text. */
    public GtidSet {
        Objects.requireNonNull(value, "value");
        value = value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && !MYSQL.matcher(value).matches() && !MARIADB.matcher(value).matches()) {
            throw new IllegalArgumentException("not a MySQL or MariaDB GTID set: " + value);
        }
    }

    /** @return the set parsed from {@code text} */
    public static GtidSet of(String text) {
        return new GtidSet(text);
    }

    /** @return the same set as recorded by a dump ({@code DumpResult.gtidSet()}) */
    public static GtidSet of(io.github.auroramigrate.core.dump.GtidSet dumped) {
        return new GtidSet(dumped.text());
    }

    /** @return the empty set */
    public static GtidSet empty() {
        return new GtidSet("");
    }

    /** @return whether the set holds no transactions */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** @return the server family whose syntax this set uses */
    public Flavour flavour() {
        if (value.isEmpty()) {
            return Flavour.EMPTY;
        }
        return MARIADB.matcher(value).matches() ? Flavour.MARIADB : Flavour.MYSQL;
    }

    @Override
    public String toString() {
        return value;
    }
}
