package io.github.auroramigrate.core.load;

/**
 * Whether a load creates tables without their secondary indexes and adds them after the data (one {@code ALTER
 * TABLE ... ADD ...} per table): building an index once from sorted data is much faster than maintaining it row by
 * row, for big tables.
 *
 * <pre>{@code
 * Load.into(target).from(DumpLoadSource.of(store)).deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run();
 * }</pre>
 *
 * <p>Applies to dumps ({@link DumpLoadSource}, not a followed one) whose table has no FOREIGN KEY; FULLTEXT and SPATIAL
 * indexes are always created with the table (InnoDB builds only one FULLTEXT index per ALTER). Keep the same
 * setting when re-running an interrupted load.
 */
public enum DeferIndexes {
    /** Never: tables are created as dumped. */
    NEVER,
    /** For tables with more than 1,000,000 rows or 1 GiB of data according to the manifest (the default). */
    AUTO,
    /** For every table with secondary indexes. */
    ALWAYS;

    /** Rows above which {@link #AUTO} defers. */
    public static final long AUTO_ROWS = 1_000_000L;
    /** Bytes of data above which {@link #AUTO} defers. */
    public static final long AUTO_BYTES = 1L << 30;
}
