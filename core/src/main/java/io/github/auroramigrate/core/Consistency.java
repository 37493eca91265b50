package io.github.auroramigrate.core;

/**
 * The consistency guarantee a dump achieved (or is asked to use), strongest first. See docs/dump-format.md,
 * section 6.
 *
 * <pre>{@code
 * DumpResult r = dump.run();
 * if (!r.consistency().consistent()) { log.warn(r.consistency().description()); }
 * }</pre>
 */
public enum Consistency {
    /** MariaDB with the binary log on: all workers' snapshots report the same binlog_snapshot position. No lock. */
    VERIFIED_SNAPSHOT(true, true, "every worker's snapshot reported the same binlog position "
            + "(MariaDB binlog_snapshot_file/position), so all tables come from one snapshot that matches the coordinates; no lock was taken"),
    /** FLUSH TABLES WITH READ LOCK while the snapshots opened. */
    GLOBAL_READ_LOCK(true, true, "FLUSH TABLES WITH READ LOCK was held while every worker opened its snapshot; all tables "
            + "come from one snapshot that matches the coordinates"),
    /** MariaDB BACKUP STAGE BLOCK_COMMIT while the snapshots opened. */
    BACKUP_STAGE(true, true, "MariaDB BACKUP STAGE BLOCK_COMMIT was held while every worker opened its snapshot; all tables "
            + "come from one snapshot that matches the coordinates"),
    /** LOCK TABLES ... READ on the dumped tables while the snapshots opened (no RELOAD, RDS, Aurora). */
    TABLE_LOCKS(true, true, "LOCK TABLES ... READ was held on every dumped table while every worker opened its snapshot; "
            + "the dumped tables come from one snapshot, and the coordinates are exact for every transaction that touched "
            + "them (transactions on other tables may fall on either side)"),
    /** Independent snapshots. */
    NONE(false, false, "each worker read its own snapshot, opened at slightly different times; tables may be mutually "
            + "inconsistent and the coordinates are approximate");

    private final boolean consistent;
    private final boolean coordinatesExact;
    private final String description;

    Consistency(boolean consistent, boolean coordinatesExact, String description) {
        this.consistent = consistent;
        this.coordinatesExact = coordinatesExact;
        this.description = description;
    }

    /** @return whether all dumped tables come from one snapshot */
    public boolean consistent() {
        return consistent;
    }

    /** @return whether the recorded binlog/GTID coordinates match that snapshot */
    public boolean coordinatesExact() {
        return coordinatesExact;
    }

    /** @return what the level means, in a sentence */
    public String description() {
        return description;
    }
}
