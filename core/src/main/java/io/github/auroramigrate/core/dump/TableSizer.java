package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes a table for chunk planning from a small sample of its rows instead of InnoDB's statistics.
 *
 * <p>Why: InnoDB recalculates a table's persistent statistics in the background, at most every 10 seconds and only
 * after 10% of its rows changed. Right after a bulk load, information_schema.TABLES reports the data length of the first
 * rows (16 KB for a 20 MB table), even uncached ({@code information_schema_stats_expiry = 0}), while {@code TABLE_ROWS}
 * follows every insert and delete. So the row count is taken from the statistics, and the bytes per row from the rows
 * themselves: the length of each value the dump will write, as the server computes it. ANALYZE TABLE would refresh the
 * statistics but writes to the binary log and locks; a full count would cost a scan per table.
 *
 * <p>Cost: nothing for a table whose row count times the widest row its column types allow fits in half a chunk (the
 * many small tables of a schema: one query each cost about a millisecond, mostly opening the table); else one query
 * reading at most {@value #FIRST} rows (which sizes a small table exactly), then for an integer key MIN/MAX and
 * {@value #PROBES} probes of up to {@value #PER_PROBE} rows spread over the key range (each an index dive), for other
 * keys the first rows, all within about {@value #BUDGET_BYTES} bytes read. Not thread-safe: one connection.
 */
final class TableSizer {
    private static final Logger LOG = LoggerFactory.getLogger(TableSizer.class);
    /** Rows of the first sample; a table with fewer is sized exactly. */
    static final int FIRST = 32;
    static final int PROBES = 8;
    static final int PER_PROBE = 128;
    /** Rows of the second sample of a table without an integer key. */
    static final int MORE = 1024;
    /** Bytes the samples of one table may read (a table of 1 MB BLOBs is sampled with a few rows). */
    static final long BUDGET_BYTES = 8L << 20;

    /** Rows and bytes the dump will write; bytes are the values' lengths plus one separator each. */
    record Size(long rows, long bytes) {
    }

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)(?:,\\s*\\d+)?\\)");
    /** Types whose values have no small bound on their length. */
    private static final Set<String> UNBOUNDED = Set.of("tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob",
            "mediumblob", "longblob", "json", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
            "multipolygon", "geometrycollection", "geomcollection");

    private final Connection c;
    private final long chunkBytes;

    TableSizer(Connection c, long chunkBytes) {
        this.c = c;
        this.chunkBytes = chunkBytes;
    }

    /**
     * @return the table's size, or the statistics' figures when the sample fails (the dump itself then reports why)
     */
    Size measure(TableJob t) {
        try {
            return sample(t);
        } catch (SQLException e) {
            LOG.debug("sampling {} failed, planning from information_schema: {}", t.ref, e.toString());
            return new Size(t.table.estimatedRows(), t.table.estimatedBytes());
        }
    }

    private Size sample(TableJob t) throws SQLException {
        long rows = Math.max(0, t.table.estimatedRows());
        long widest = widestRow(t);
        if (widest < Long.MAX_VALUE / Math.max(1, rows) && rows * widest <= chunkBytes / 2) {
            // one chunk whatever the statistics say of its bytes (TABLE_ROWS itself follows every insert)
            return new Size(rows, Math.min(Math.max(0, t.table.estimatedBytes()), rows * widest));
        }
        String length = rowLength(t);
        long[] first = sum("SELECT " + length + " FROM " + t.ref.qualified() + " LIMIT " + FIRST);
        if (first[0] < FIRST) {
            return new Size(first[0], first[1]);
        }
        double average = (double) first[1] / first[0];
        long[] more = t.chunking.method() == ChunkingMethod.INTEGER_RANGE ? probes(t, length, average)
                : sum("SELECT " + length + " FROM " + t.ref.qualified() + " LIMIT " + within(MORE, average));
        if (more[0] > 0) {
            average = (double) (first[1] + more[1]) / (first[0] + more[0]);
        }
        rows = Math.max(rows, first[0]);
        return new Size(rows, (long) Math.ceil(rows * average));
    }

    /** Rows at evenly spaced points of the key range, so that a table whose rows grew wider over time is seen whole. */
    private long[] probes(TableJob t, String length, double average) throws SQLException {
        String k = ColumnTypes.quote(t.chunking.key().get(0).name());
        BigInteger min;
        BigInteger max;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + t.ref.qualified())) {
            if (!rs.next() || rs.getString(1) == null) {
                return new long[2];
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        int perProbe = within(PER_PROBE * PROBES, average) / PROBES;
        BigInteger span = max.subtract(min);
        StringBuilder union = new StringBuilder();
        for (int i = 1; i < PROBES; i++) { // probe 0 is the first sample
            BigInteger at = min.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(PROBES)));
            union.append(union.isEmpty() ? "" : " UNION ALL ").append("(SELECT ").append(length).append(" FROM ")
                    .append(t.ref.qualified()).append(" WHERE ").append(k).append(" >= ").append(at).append(" ORDER BY ")
                    .append(k).append(" LIMIT ").append(Math.max(1, perProbe)).append(')');
        }
        return sum(union.toString());
    }

    /** @return at most {@code rows}, fewer when rows of {@code average} bytes would exceed the budget */
    private static int within(int rows, double average) {
        return (int) Math.max(PROBES, Math.min(rows, BUDGET_BYTES / Math.max(1, average)));
    }

    /** @return the most bytes a row of the table can take in a chunk file, or Long.MAX_VALUE for LOB or JSON columns */
    static long widestRow(TableJob t) {
        long sum = 0;
        for (ColumnEntry col : t.columns) {
            String type = col.dataType().toLowerCase(Locale.ROOT);
            if (UNBOUNDED.contains(type)) {
                return Long.MAX_VALUE;
            }
            Matcher m = LENGTH.matcher(col.columnType());
            long declared = m.find() ? Long.parseLong(m.group(1)) : 0;
            long bytes = switch (type) {
                case "char", "varchar" -> declared * bytesPerChar(col.charset());
                case "binary", "varbinary", "bit" -> declared;
                case "enum", "set" -> col.columnType().length(); // every member together is shorter than the definition
                case "decimal", "numeric" -> declared + 2;
                default -> 40; // other numbers and temporal values as text
            };
            sum += 2 * bytes + 3; // escaping can double a value; separator; \N
        }
        return Math.max(1, sum);
    }

    private static long bytesPerChar(String charset) {
        String cs = charset == null ? "" : charset.toLowerCase(Locale.ROOT);
        return switch (cs) {
            case "latin1", "latin2", "latin5", "latin7", "ascii", "binary", "cp1250", "cp1251", "cp1256", "cp1257", "cp850",
                    "cp852", "cp866", "koi8r", "koi8u", "greek", "hebrew", "tis620", "swe7", "dec8", "hp8", "armscii8",
                    "geostd8", "keybcs2", "macce", "macroman" -> 1;
            case "ucs2" -> 2;
            case "utf8", "utf8mb3", "ujis", "eucjpms" -> 3;
            default -> 4;
        };
    }

    /** The bytes a row takes in a chunk file, about: each value's length ({@code \N} for NULL) and a separator. */
    private static String rowLength(TableJob t) {
        StringBuilder sb = new StringBuilder();
        for (ColumnEntry col : t.columns) {
            sb.append(sb.isEmpty() ? "" : " + ").append("COALESCE(LENGTH(").append(ColumnTypes.readExpression(col)).append("), 2) + 1");
        }
        return sb.isEmpty() ? "1" : sb.toString();
    }

    /** @return the number of rows and the sum of their first column (summed here: a derived table costs a temporary table) */
    private long[] sum(String sql) throws SQLException {
        long[] out = new long[2];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out[0]++;
                out[1] += rs.getLong(1);
            }
        }
        return out;
    }
}
