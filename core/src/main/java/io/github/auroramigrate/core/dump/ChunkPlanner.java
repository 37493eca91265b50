package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import io.github.auroramigrate.core.internal.checksum.KeyRangePredicate;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table into key ranges of about the chunk size. Ranges partition the whole key space (first lower
 * and last upper bound open), so boundaries need not come from the snapshot. Not thread-safe.
 */
final class ChunkPlanner {
    /** One unit of work for a worker. */
    record Task(TableJob table, int index, List<String> lower, List<String> upper, boolean fullScan) {
    }

    /** Receives tasks as they are planned (may block). */
    interface Sink {
        void accept(Task task) throws InterruptedException;
    }

    private final Connection c;
    private final long chunkBytes;

    ChunkPlanner(Connection c, long chunkBytes) {
        this.c = c;
        this.chunkBytes = chunkBytes;
    }

    long rowsPerChunk(TableJob t) {
        return Math.max(1, chunkBytes / t.averageRowBytes());
    }

    /** @return the expected number of chunks, from the estimates only */
    long estimateChunks(TableJob t) {
        if (t.chunking.method() == ChunkingMethod.NONE) {
            return Math.max(1, (t.size.bytes() + chunkBytes - 1) / chunkBytes);
        }
        return Math.max(1, (t.size.rows() + rowsPerChunk(t) - 1) / rowsPerChunk(t));
    }

    /**
     * Plans a table, handing tasks to the sink as they are found.
     *
     * @return the number of tasks (chunks) for ranged tables, or -1 for a full scan whose worker decides
     */
    int plan(TableJob t, Sink sink) throws SQLException, InterruptedException {
        if (t.chunking.method() == ChunkingMethod.NONE) {
            sink.accept(new Task(t, 1, null, null, true));
            return -1;
        }
        long perChunk = rowsPerChunk(t);
        if (t.size.rows() <= perChunk) {
            sink.accept(new Task(t, 1, null, null, false));
            return 1;
        }
        return t.chunking.method() == ChunkingMethod.INTEGER_RANGE ? integerRanges(t, perChunk, sink)
                : indexWalk(t, perChunk, sink);
    }

    private int integerRanges(TableJob t, long perChunk, Sink sink) throws SQLException, InterruptedException {
        String k = DdlWriter.quote(t.chunking.key().get(0).name());
        BigInteger min;
        BigInteger max;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + t.ref.qualified())) {
            rs.next();
            if (rs.getString(1) == null) {
                sink.accept(new Task(t, 1, null, null, false));
                return 1;
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        long n = Math.max(1, (t.size.rows() + perChunk - 1) / perChunk);
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger step = span.add(BigInteger.valueOf(n - 1)).divide(BigInteger.valueOf(n)).max(BigInteger.ONE);
        List<String> lower = null;
        int index = 0;
        for (BigInteger b = min.add(step).subtract(BigInteger.ONE); b.compareTo(max) < 0; b = b.add(step)) {
            List<String> upper = List.of(b.toString());
            sink.accept(new Task(t, ++index, lower, upper, false));
            lower = upper;
        }
        sink.accept(new Task(t, ++index, lower, null, false));
        return index;
    }

    private int indexWalk(TableJob t, long perChunk, Sink sink) throws SQLException, InterruptedException {
        List<KeyColumn> key = t.chunking.key();
        StringBuilder select = new StringBuilder();
        StringBuilder order = new StringBuilder();
        for (KeyColumn k : key) {
            String q = DdlWriter.quote(k.name());
            boolean hex = k.kind() == KeyKind.STRING || k.kind() == KeyKind.BINARY;
            select.append(select.isEmpty() ? "" : ", ").append(hex ? "HEX(" + q + ")" : q);
            order.append(order.isEmpty() ? "" : ", ").append(q);
        }
        String base = "SELECT " + select + " FROM " + t.ref.qualified() + " FORCE INDEX (" + DdlWriter.quote(t.chunking.index())
                + ")";
        List<String> lower = null;
        int index = 0;
        while (true) {
            String sql = base + (lower == null ? "" : " WHERE " + KeyRangePredicate.sql(key, lower, null)) + " ORDER BY "
                    + order + " LIMIT 1 OFFSET " + (perChunk - 1);
            List<String> upper = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    upper = new ArrayList<>();
                    for (int i = 1; i <= key.size(); i++) {
                        upper.add(rs.getString(i));
                    }
                }
            }
            if (upper == null) {
                sink.accept(new Task(t, ++index, lower, null, false));
                return index;
            }
            sink.accept(new Task(t, ++index, lower, List.copyOf(upper), false));
            lower = upper;
        }
    }
}
