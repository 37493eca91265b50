package io.github.auroramigrate.core.load;

/**
 * The format of a data chunk, once decompressed.
 *
 * <pre>{@code
 * ChunkFormat f = chunk.format();   // FLAT: what SELECT * INTO OUTFILE 'f' FROM t writes
 * }</pre>
 */
public enum ChunkFormat {
    /**
     * The server's default text format, exact for every column type: tab between fields, newline after each row,
     * backslash escapes, {@code \N} for NULL, no enclosure, bytes as stored. Loaded by
     * {@code LOAD DATA ... CHARACTER SET binary}, or parsed into multi-row INSERTs.
     */
    FLAT,
    /**
     * SQL statements (INSERTs, one per line, table name unqualified), run after {@code USE schema} with the
     * load's session settings.
     */
    SQL;

    /** The clause that follows {@code INTO TABLE t} in {@code LOAD DATA}. */
    static String loadDataOptions() {
        return "CHARACTER SET binary FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\' "
                + "LINES STARTING BY '' TERMINATED BY '\\n'";
    }
}
