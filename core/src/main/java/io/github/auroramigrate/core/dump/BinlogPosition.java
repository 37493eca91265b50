package io.github.auroramigrate.core.dump;

import java.util.Objects;

/**
 * A position in a server's binary log: where replication of a dumped source starts.
 *
 * <pre>{@code
 * result.binlogPosition().ifPresent(p -> System.out.println(p.file() + ":" + p.position()));
 * }</pre>
 *
 * @param file     binary log file name, e.g. {@code binlog.000003}
 * @param position byte offset in that file, at least 4
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {
    /** Validates. */
    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("binlog file name is blank");
        }
        if (position < 4) {
            throw new IllegalArgumentException("binlog position must be >= 4, was " + position);
        }
    }

    /** Orders positions of the same server: by file (names sort by sequence number), then offset. */
    @Override
    public int compareTo(BinlogPosition o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(position, o.position);
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
