package io.github.auroramigrate.core;

import java.util.Objects;

/**
 * A point in a server's binary log: file name and byte offset, as a dump records it, as {@code SHOW MASTER STATUS}
 * (or {@code SHOW BINARY LOG STATUS}) reports it and as {@code CHANGE MASTER TO ... MASTER_LOG_FILE, MASTER_LOG_POS}
 * takes it.
 *
 * <pre>{@code
 * BinlogPosition at = result.binlogPosition().orElseThrow();     // e.g. mysql-bin.000289:1307
 * at.fileIndex();                                                // 289
 * at.compareTo(BinlogPosition.startOf("mysql-bin.000290")) < 0;  // true
 * }</pre>
 *
 * <p>Positions order by the numeric suffix of the file name, then by offset, so positions of one server compare
 * the way it writes them, also past a rollover of the suffix width ({@code binlog.999999} before
 * {@code binlog.1000000}). Immutable and thread-safe.
 *
 * @param file     binary log file name without directory, e.g. {@code binlog.000003}
 * @param position byte offset in that file: 4 is the first event; 0 is accepted because replica status reports
 *                 it for a file not yet read
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {
    /** Validates: file non-blank and free of quotes and backslashes, position 0 or at least 4. */
    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("binlog file name is blank");
        }
        if (file.contains("'") || file.contains("\\")) {
            throw new IllegalArgumentException("binlog file name contains a quote or backslash: " + file);
        }
        if (position < 0 || (position > 0 && position < 4)) {
            throw new IllegalArgumentException("binlog position must be 0 or >= 4, was " + position);
        }
    }

    /** @return the position of the first event of {@code file} (offset 4) */
    public static BinlogPosition startOf(String file) {
        return new BinlogPosition(file, 4);
    }

    /**
     * The numeric suffix of the file name ({@code mysql-bin-changelog.012345} -> 12345).
     *
     * @return the index, or -1 when the name has no numeric suffix
     */
    public long fileIndex() {
        int dot = file.lastIndexOf('.');
        String digits = dot < 0 ? "" : file.substring(dot + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9') || digits.length() > 18) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    /** @return the base name before the numeric suffix ({@code binlog} for {@code binlog.000002}) */
    public String baseName() {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /**
     * @return the first position of the next file in sequence ({@code binlog.000003:4} after {@code binlog.000002})
     * @throws IllegalStateException when the file name has no numeric suffix
     */
    public BinlogPosition nextFile() {
        long index = fileIndex();
        if (index < 0) {
            throw new IllegalStateException("binlog file name has no numeric suffix: " + file);
        }
        String digits = file.substring(file.lastIndexOf('.') + 1);
        return startOf(baseName() + "." + String.format("%0" + digits.length() + "d", index + 1));
    }

    /** Orders positions of the same server: by file sequence number, then name, then offset. */
    @Override
    public int compareTo(BinlogPosition other) {
        int byIndex = Long.compare(fileIndex(), other.fileIndex());
        if (byIndex != 0) {
            return byIndex;
        }
        int byName = file.compareTo(other.file);
        return byName != 0 ? byName : Long.compare(position, other.position);
    }

    /** @return whether this position is at or after {@code other} */
    public boolean isAtOrAfter(BinlogPosition other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
