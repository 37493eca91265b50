package io.github.auroramigrate.core.dump;

import java.util.Objects;

/**
 * A set of global transaction ids in its server's own notation: MySQL's {@code uuid:1-100,uuid2:1-5}
 * ({@code gtid_executed}) or MariaDB's {@code domain-server-sequence} list ({@code gtid_binlog_pos}).
 *
 * <pre>{@code
 * result.gtidSet().filter(g -> g.flavor() == GtidSet.Flavor.MYSQL).ifPresent(g -> ... g.text() ...);
 * }</pre>
 *
 * @param flavor the notation
 * @param text   the set, without whitespace
 */
public record GtidSet(Flavor flavor, String text) {
    /** Which GTID notation. */
    public enum Flavor {
        /** MySQL {@code source_uuid:interval[,...]}. */
        MYSQL,
        /** MariaDB {@code domain-server-sequence[,...]}. */
        MARIADB
    }

    /** Validates and removes whitespace (MySQL prints newlines between UUIDs). */
    public GtidSet {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(text, "text");
        text = text.replaceAll("\\s+", "");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty GTID set");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
