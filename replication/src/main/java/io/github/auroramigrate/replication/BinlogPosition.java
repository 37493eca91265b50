package io.github.auroramigrate.replication;

import java.util.Objects;

/**
 * A point in a source's binary log: file name and byte offset, as {@code SHOW MASTER STATUS} (or
 * {@code SHOW BINARY LOG STATUS}) reports it and as {@code CHANGE MASTER TO ... MASTER_LOG_FILE, MASTER_LOG_POS}
 * takes it.
 *
 * <pre>{@code
 * BinlogPosition at = new BinlogPosition("mysql-bin.000289", 1307);
 * at.fileIndex();                        // 289
 * at.compareTo(new BinlogPosition("mysql-bin.000290", 4)) < 0;   // true
 * }</pre>
 *
 * <p>Positions order by the numeric suffix of the file name, then by offset, so positions in files of the same
 * base name compare the way the server writes them. Immutable and thread-safe.
 *
 * @param file     binary log file name, without directory (e.g. {@code binlog.000002})
 * @param position byte offset in the file; 4 is the first event
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {

    /** Validates: file non-blank and without a path, position at least 4 (or 0, "start of file" for some servers). */
    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("binary log file name is blank");
        }
        if (file.contains("'") || file.contains("\\")) {
            throw new IllegalArgumentException("binary log file name contains a quote or backslash: " + file);
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
    }

    /** @return the same position as recorded by a dump ({@code DumpResult.binlogPosition()}) */
    public static BinlogPosition of(io.github.auroramigrate.core.dump.BinlogPosition dumped) {
        return new BinlogPosition(dumped.file(), dumped.position());
    }

    /** @return the position at the first event of {@code file} (offset 4) */
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
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    /** @return the base name before the numeric suffix ({@code binlog} for {@code binlog.000002}) */
    public String baseName() {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** @return the first position of the next file in sequence ({@code binlog.000003:4} after {@code binlog.000002}) */
    public BinlogPosition nextFile() {
        long index = fileIndex();
        if (index < 0) {
            throw new IllegalStateException("binary log file name has no numeric suffix: " + file);
        }
        String digits = file.substring(file.lastIndexOf('.') + 1);
        String next = String.format("%0" + digits.length() + "d", index + 1);
        return startOf(baseName() + "." + next);
    }

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
