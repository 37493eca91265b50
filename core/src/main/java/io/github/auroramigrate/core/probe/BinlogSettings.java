package io.github.auroramigrate.core.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The binary log settings that matter for dumping with coordinates and for replication.
 *
 * <pre>{@code
 * if (!info.binlog().enabled()) { ... }
 * }</pre>
 *
 * @param enabled   whether log_bin is ON
 * @param format    binlog_format (ROW, STATEMENT, MIXED), empty when unknown
 * @param rowImage  binlog_row_image (FULL, MINIMAL, NOBLOB), empty when unknown
 * @param retention how long binlogs are kept before purge; null when unknown, {@link Duration#ZERO} when
 *                  they are never purged automatically
 * @param gtidMode  MySQL's gtid_mode (ON, OFF, ...), "MARIADB" for MariaDB's always-on GTIDs, empty when unknown
 */
public record BinlogSettings(boolean enabled, String format, String rowImage, Duration retention, String gtidMode) {
    /** Validates required parts. */
    public BinlogSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rowImage, "rowImage");
        Objects.requireNonNull(gtidMode, "gtidMode");
    }

    /** @return the retention, if known */
    public Optional<Duration> retentionPeriod() {
        return Optional.ofNullable(retention);
    }

    /** @return whether the binary log is usable for replication to another server: on, in ROW format */
    public boolean replicationReady() {
        return enabled && format.equalsIgnoreCase("ROW");
    }
}
