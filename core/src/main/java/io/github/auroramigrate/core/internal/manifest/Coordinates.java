package io.github.auroramigrate.core.internal.manifest;

/**
 * The source's binary log coordinates at the snapshot point.
 *
 * <pre>{@code
 * if (m.coordinates().binlogEnabled()) { start replication at m.coordinates().binlogFile(), ...binlogPosition() }
 * }</pre>
 *
 * @param binlogEnabled  whether the source had binary logging on; when false the other fields are null
 * @param binlogFile     binary log file name
 * @param binlogPosition position in that file
 * @param gtidSet        MySQL {@code gtid_executed} or MariaDB {@code gtid_binlog_pos}; null or empty when none
 * @param gtidFlavor     {@code MYSQL} or {@code MARIADB}
 * @param gtidMode       MySQL {@code gtid_mode}, or {@code MARIADB}
 */
public record Coordinates(boolean binlogEnabled, String binlogFile, Long binlogPosition, String gtidSet, String gtidFlavor,
        String gtidMode) {
    /** Coordinates of a source without binary logging. */
    public static final Coordinates BINLOG_OFF = new Coordinates(false, null, null, null, null, null);
}
