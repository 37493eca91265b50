package io.github.auroramigrate.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A set of global transaction ids in its server's own notation: MySQL's {@code uuid:1-100,uuid2:1-5}
 * ({@code gtid_executed}) or MariaDB's {@code domain-server-sequence} list ({@code gtid_binlog_pos}, one per
 * replication domain).
 *
 * <pre>{@code
 * result.gtidSet().filter(g -> g.flavor() == GtidSet.Flavor.MYSQL).ifPresent(g -> ... g.text() ...);
 * GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77").flavor();   // MYSQL
 * GtidSet.of("0-1-100,1-2-7").flavor();                                // MARIADB
 * }</pre>
 *
 * <p>{@link #of(String)} parses and validates server text; the constructor only normalises. Immutable and
 * thread-safe.
 *
 * @param flavor the notation ({@link Flavor#EMPTY} exactly when {@code text} is empty)
 * @param text   the set, without whitespace, lower case
 */
public record GtidSet(Flavor flavor, String text) {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String MYSQL_ONE = UUID + "(:[a-z0-9_]{1,32})?(:\\d+(-\\d+)?)+";
    private static final Pattern MYSQL_TEXT = Pattern.compile(MYSQL_ONE + "(," + MYSQL_ONE + ")*");
    private static final Pattern MARIADB_TEXT = Pattern.compile("\\d+-\\d+-\\d+(,\\d+-\\d+-\\d+)*");

    /** Which GTID notation. */
    public enum Flavor {
        /** MySQL {@code source_uuid[:tag]:interval[,...]}, MySQL 5.6+ and Aurora. */
        MYSQL,
        /** MariaDB {@code domain-server-sequence[,...]}, MariaDB 10.0+. */
        MARIADB,
        /** The empty set, valid for both. */
        EMPTY
    }

    /**
     * Removes whitespace (MySQL prints newlines between UUIDs), lower-cases, and checks that the text is empty
     * exactly when the flavour is {@link Flavor#EMPTY}.
     */
    public GtidSet {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(text, "text");
        text = normalise(text);
        if (text.isEmpty() != (flavor == Flavor.EMPTY)) {
            throw new IllegalArgumentException(text.isEmpty() ? "empty GTID set" : "EMPTY GTID set with text " + text);
        }
    }

    /**
     * Parses a set as a server prints it and detects its flavour.
     *
     * @param text {@code @@gtid_executed}, {@code @@gtid_binlog_pos} or similar; empty for the empty set
     * @return the set
     * @throws IllegalArgumentException when the text is neither a MySQL nor a MariaDB GTID set
     */
    public static GtidSet of(String text) {
        Objects.requireNonNull(text, "text");
        String t = normalise(text);
        if (t.isEmpty()) {
            return empty();
        }
        if (MARIADB_TEXT.matcher(t).matches()) {
            return new GtidSet(Flavor.MARIADB, t);
        }
        if (MYSQL_TEXT.matcher(t).matches()) {
            return new GtidSet(Flavor.MYSQL, t);
        }
        throw new IllegalArgumentException("not a MySQL or MariaDB GTID set: " + t);
    }

    /** @return the empty set */
    public static GtidSet empty() {
        return new GtidSet(Flavor.EMPTY, "");
    }

    /** @return whether the set holds no transactions */
    public boolean isEmpty() {
        return flavor == Flavor.EMPTY;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
