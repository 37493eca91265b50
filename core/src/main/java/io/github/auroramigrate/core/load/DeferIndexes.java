package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;

/**
 * Whether a load creates tables without their secondary indexes and adds them after the data (one {@code ALTER
 * TABLE ... ADD ...} per table): building an index once from sorted data is much faster than maintaining it row by
 * row, for big tables.
 *
 * <pre>{@code
 * Load.into(target).from(LoadSources.dump(store)).deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run();
 * }</pre>
 *
 * <p>Applies to dumps ({@link DumpLoadSource}, also a followed one and so {@link Copy}) whose table has no FOREIGN
 * KEY; FULLTEXT and SPATIAL indexes are always created with the table (InnoDB builds only one FULLTEXT index per
 * ALTER). A table's indexes are built on one of the load's DDL connections as soon as its last chunk is loaded,
 * while other tables still load. Keep the same setting when re-running an interrupted load.
 */
public enum DeferIndexes {
    /** Never: tables are created as dumped. */
    NEVER,
    /**
     * For tables with more than 1,000,000 rows or 1 GiB of data according to the source's estimate the manifest
     * recorded when the dump started (dumps without one: the dumped size); the default.
     */
    AUTO,
    /** For every table with secondary indexes. */
    ALWAYS;

    /** Rows above which {@link #AUTO} defers. */
    public static final long AUTO_ROWS = 1_000_000L;
    /** Bytes of data above which {@link #AUTO} defers. */
    public static final long AUTO_BYTES = 1L << 30;
}
