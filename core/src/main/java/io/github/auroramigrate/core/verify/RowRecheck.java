package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.internal.format.ChunkReader;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.internal.format.FlatCodec;
import io.github.auroramigrate.core.internal.format.FlatRowReader;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The type-aware re-check of a key range whose checksums differed: both sides' rows are read (from a server, or
 * from the dump's chunk files), turned into {@link CanonicalValues}, and matched by key (a merge that holds only
 * unmatched rows: one row at a time when both sides come in the same order), classifying each difference as missing,
 * extra or a value that differs (naming the column). A table without a key is compared as a multiset: row count and
 * the sum of 64-bit row hashes, with the rows that differ named while at most {@code limit} distinct rows are held.
 * Not thread-safe.
 */
final class RowRecheck {
    /** At most this many row differences are listed per range (all are counted). */
    static final int MAX_LISTED = 100;

    /** Rows, each as the raw values of the columns in order (null for SQL NULL). */
    interface Rows extends AutoCloseable {
        /** @return the next row, or null at the end */
        List<byte[]> next() throws IOException, SQLException;

        @Override
        void close() throws IOException, SQLException;
    }

    /** What the re-check found. */
    record Outcome(boolean differs, List<RowDifference> rows, long expectedRows, long actualRows) {
    }

    private final List<String> names;
    private final CanonicalValues.Kind[] kinds;
    private final String[] expectedCharsets;
    private final String[] actualCharsets;
    private final int[] key;
    private final int limit;

    /**
     * @param expected the expected side's columns, in the order its rows come
     * @param actual   the target's columns (same names, same order)
     * @param keyNames the key's columns, empty for a multiset comparison
     * @param limit    the most distinct rows a multiset comparison holds to name rows
     */
    RowRecheck(List<ColumnEntry> expected, List<ColumnEntry> actual, List<String> keyNames, int limit) {
        this.names = expected.stream().map(ColumnEntry::name).toList();
        this.kinds = new CanonicalValues.Kind[expected.size()];
        this.expectedCharsets = new String[expected.size()];
        this.actualCharsets = new String[expected.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = CanonicalValues.kind(expected.get(i), actual.get(i));
            expectedCharsets[i] = expected.get(i).charset();
            actualCharsets[i] = actual.get(i).charset();
        }
        this.key = keyNames.stream().mapToInt(k -> {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(k)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("key column " + k + " is not among " + names);
        }).toArray();
        this.limit = limit;
    }

    Outcome compare(Rows expected, Rows actual) throws IOException, SQLException {
        return key.length == 0 ? multiset(expected, actual) : keyed(expected, actual);
    }

    private String[] canonical(List<byte[]> row, String[] charsets) throws IOException {
        if (row.size() != kinds.length) {
            throw new IOException("a row has " + row.size() + " values, expected " + kinds.length);
        }
        String[] out = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            out[i] = CanonicalValues.canonical(kinds[i], charsets[i], row.get(i));
        }
        return out;
    }

    private record Row(String[] canonical, List<byte[]> raw) {
    }

    private Outcome keyed(Rows expected, Rows actual) throws IOException, SQLException {
        Map<String, Row> pendingExpected = new LinkedHashMap<>();
        Map<String, Row> pendingActual = new LinkedHashMap<>();
        Map<String, Integer> seenExpected = new HashMap<>();
        Map<String, Integer> seenActual = new HashMap<>();
        List<RowDifference> out = new ArrayList<>();
        long[] counts = new long[3]; // expected rows, actual rows, differences
        boolean moreExpected = true;
        boolean moreActual = true;
        while (moreExpected || moreActual) {
            if (moreExpected) {
                moreExpected = step(expected, true, pendingExpected, pendingActual, seenExpected, out, counts);
            }
            if (moreActual) {
                moreActual = step(actual, false, pendingActual, pendingExpected, seenActual, out, counts);
            }
        }
        for (Row r : pendingExpected.values()) {
            counts[2]++;
            list(out, new RowDifference(RowDifference.Type.MISSING, keyDisplay(r), null, rowDisplay(r), null, 1));
        }
        for (Row r : pendingActual.values()) {
            counts[2]++;
            list(out, new RowDifference(RowDifference.Type.EXTRA, keyDisplay(r), null, null, rowDisplay(r), 1));
        }
        return new Outcome(counts[2] > 0, out, counts[0], counts[1]);
    }

    /**
     * Reads one row of one side and pairs it with the other side's row of the same key, or keeps it pending.
     *
     * @return false at the end of that side
     */
    private boolean step(Rows rows, boolean expectedSide, Map<String, Row> mine, Map<String, Row> theirs,
            Map<String, Integer> seen, List<RowDifference> out, long[] counts) throws IOException, SQLException {
        List<byte[]> r = rows.next();
        if (r == null) {
            return false;
        }
        counts[expectedSide ? 0 : 1]++;
        Row row = new Row(canonical(r, expectedSide ? expectedCharsets : actualCharsets), r);
        String k = keyOf(row, seen);
        Row other = theirs.remove(k);
        if (other == null) {
            mine.put(k, row);
        } else if (expectedSide) {
            values(row, other, out, counts);
        } else {
            values(other, row, out, counts);
        }
        return true;
    }

    private String keyOf(Row row, Map<String, Integer> seen) {
        StringBuilder b = new StringBuilder();
        for (int i : key) {
            b.append(row.canonical()[i]).append('\u0000');
        }
        String k = b.toString();
        int n = seen.merge(k, 1, Integer::sum); // a non-unique chunking key: pair duplicates in order
        return n == 1 ? k : k + n;
    }

    private void values(Row e, Row a, List<RowDifference> out, long[] counts) {
        for (int i = 0; i < kinds.length; i++) {
            if (!java.util.Objects.equals(e.canonical()[i], a.canonical()[i])) {
                counts[2]++;
                list(out, new RowDifference(RowDifference.Type.VALUE, keyDisplay(e), names.get(i),
                        CanonicalValues.display(e.raw().get(i)), CanonicalValues.display(a.raw().get(i)), 1));
            }
        }
    }

    private static void list(List<RowDifference> out, RowDifference d) {
        if (out.size() < MAX_LISTED) {
            out.add(d);
        }
    }

    private List<String> keyDisplay(Row r) {
        List<String> k = new ArrayList<>();
        for (int i : key) {
            k.add(CanonicalValues.display(r.raw().get(i)));
        }
        return k;
    }

    private String rowDisplay(Row r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            byte[] v = r.raw().get(i);
            parts.add(names.get(i) + "=" + (v == null ? "NULL" : CanonicalValues.display(v)));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** One distinct row of a multiset: how many more the expected side has, and how it looks. */
    private static final class Tally {
        long delta;
        String display;
    }

    private Outcome multiset(Rows expected, Rows actual) throws IOException, SQLException {
        Map<Long, Tally> tallies = new HashMap<>();
        long[] sums = new long[2];
        long[] counts = new long[2];
        boolean detail = true;
        for (int side = 0; side < 2; side++) {
            Rows rows = side == 0 ? expected : actual;
            for (List<byte[]> r = rows.next(); r != null; r = rows.next()) {
                String[] c = canonical(r, side == 0 ? expectedCharsets : actualCharsets);
                long h = hash(c);
                sums[side] += h;
                counts[side]++;
                if (detail) {
                    Tally t = tallies.computeIfAbsent(h, x -> new Tally());
                    t.delta += side == 0 ? 1 : -1;
                    if (t.display == null) {
                        t.display = rowDisplay(new Row(c, r));
                    }
                    if (tallies.size() > limit) {
                        detail = false;
                        tallies.clear();
                    }
                }
            }
        }
        boolean differs = sums[0] != sums[1] || counts[0] != counts[1];
        List<RowDifference> out = new ArrayList<>();
        if (differs && detail) {
            for (Iterator<Tally> it = tallies.values().iterator(); it.hasNext();) {
                Tally t = it.next();
                if (t.delta > 0) {
                    list(out, new RowDifference(RowDifference.Type.MISSING, null, null, t.display, null, t.delta));
                } else if (t.delta < 0) {
                    list(out, new RowDifference(RowDifference.Type.EXTRA, null, null, null, t.display, -t.delta));
                }
            }
        }
        return new Outcome(differs, out, counts[0], counts[1]);
    }

    /** A 64-bit hash of a canonical row (SHA-256's first 8 bytes: sums of it do not cancel by accident). */
    private static long hash(String[] canonical) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String v : canonical) {
                if (v == null) {
                    md.update((byte) 0);
                } else {
                    md.update((byte) 1);
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                        (byte) b.length});
                    md.update(b);
                }
            }
            byte[] d = md.digest();
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows of {@code schema.table} matching {@code predicate}, read like the dumper reads them (raw bytes,
     * FLOAT as a double, UTC), streamed. The connection must have {@code character_set_results = binary} and
     * {@code time_zone = '+00:00'}.
     */
    static Rows query(Connection c, String schema, String table, List<ColumnEntry> columns, String predicate)
            throws SQLException {
        String sql = "SELECT " + columns.stream().map(ColumnTypes::readExpression).collect(Collectors.joining(", "))
                + " FROM " + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table) + " WHERE " + predicate;
        Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        st.setFetchSize(Integer.MIN_VALUE);
        ResultSet rs;
        try {
            rs = st.executeQuery(sql);
        } catch (SQLException e) {
            st.close();
            throw e;
        }
        int n = columns.size();
        return new Rows() {
            @Override
            public List<byte[]> next() throws SQLException {
                if (!rs.next()) {
                    return null;
                }
                List<byte[]> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getBytes(i));
                }
                return row;
            }

            @Override
            public void close() throws SQLException {
                try {
                    rs.close();
                } finally {
                    st.close();
                }
            }
        };
    }

    /** The rows of some chunk files of a flat dump, in file order, HEX-encoded values decoded to their bytes. */
    static Rows chunks(DumpStore store, TableEntry table, List<ChunkEntry> chunks) {
        boolean[] hex = new boolean[table.columns().size()];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = table.columns().get(i).encoding() == ValueEncoding.HEX;
        }
        return new Rows() {
            private int next;
            private ChunkReader reader;
            private FlatRowReader rows;

            @Override
            public List<byte[]> next() throws IOException {
                while (true) {
                    if (rows == null) {
                        if (next >= chunks.size()) {
                            return null;
                        }
                        reader = ChunkReader.open(store, table, chunks.get(next++));
                        rows = new FlatRowReader(reader.stream());
                    }
                    List<byte[]> r = rows.next();
                    if (r != null) {
                        for (int i = 0; i < hex.length && i < r.size(); i++) {
                            if (hex[i] && r.get(i) != null) {
                                r.set(i, FlatCodec.unhex(new String(r.get(i), StandardCharsets.US_ASCII)));
                            }
                        }
                        return r;
                    }
                    reader.verify();
                    reader.close();
                    reader = null;
                    rows = null;
                }
            }

            @Override
            public void close() throws IOException {
                if (reader != null) {
                    reader.close();
                }
            }
        };
    }
}
