package io.github.auroramigrate.core.load;

/**
 * How a flat (delimited text) chunk is written: the {@code FIELDS}/{@code LINES} options of
 * {@code SELECT ... INTO OUTFILE} and {@code LOAD DATA}. The loader only supports the server's default text
 * format, which is exact for every column type: tab between fields, newline between rows, backslash escapes,
 * {@code \N} for NULL, no enclosure, bytes as stored ({@code CHARACTER SET binary}).
 *
 * <pre>{@code
 * FlatFormat f = FlatFormat.mysqlDefault();   // what SELECT * INTO OUTFILE 'f' FROM t writes
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum FlatFormat {
    /** {@code FIELDS TERMINATED BY '\t' ESCAPED BY '\\' LINES TERMINATED BY '\n'}, {@code CHARACTER SET binary}. */
    MYSQL_DEFAULT;

    /** @return the server's default text format */
    public static FlatFormat mysqlDefault() {
        return MYSQL_DEFAULT;
    }

    /** The clause that follows {@code INTO TABLE t} in {@code LOAD DATA}. */
    String loadDataOptions() {
        return "CHARACTER SET binary FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'";
    }
}
