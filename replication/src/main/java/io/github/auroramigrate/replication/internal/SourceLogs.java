package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the source's binary logs hold, read over the library's own source connection: the files ({@code SHOW BINARY
 * LOGS}), the events of one transaction ({@code SHOW BINLOG EVENTS}) and the GTID sets. Thread-safe.
 */
public final class SourceLogs {
    /** A binary log file on the source, from {@code SHOW BINARY LOGS}. */
    public record BinaryLog(String name, long size) {
    }

    private final Supplier<EndpointPool> pool;
    private final String endpoint;

    /**
     * @param pool     the source pool, opened on first use
     * @param endpoint the source's description, for diagnoses
     */
    public SourceLogs(Supplier<EndpointPool> pool, String endpoint) {
        this.pool = pool;
        this.endpoint = endpoint;
    }

    /** @return the binary log files still on the source, oldest first */
    public List<BinaryLog> binaryLogs() {
        SqlStatement q = SqlStatement.of("SHOW BINARY LOGS");
        try (Connection c = pool.get().connection()) {
            List<BinaryLog> out = new ArrayList<>();
            for (Map<String, String> row : Jdbc.rows(c, q, endpoint, Integer.MAX_VALUE)) {
                out.add(new BinaryLog(row.get("Log_name"), Long.parseLong(row.get("File_size"))));
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, endpoint);
        }
    }

    /**
     * The source's events of one transaction at or after {@code from}, up to its commit (best effort): the one that
     * carries {@code gtid}, or holds the event ending at {@code eventEnd}, or, with neither, the first one. A
     * multi-threaded replica reports a low-water mark as its position, so the failing transaction can be a few
     * transactions further on.
     *
     * @param from     where to start reading
     * @param gtid     the transaction's GTID, or null
     * @param eventEnd end_log_pos of one of its events (from the applier error), or -1
     * @return the events as {@code file:pos-end type info} lines, or one line saying why there are none
     */
    public List<String> transactionEvents(BinlogPosition from, String gtid, long eventEnd) {
        boolean any = gtid == null && eventEnd < 0;
        List<String> current = new ArrayList<>();
        boolean matched = any;
        try (Connection c = pool.get().connection();
                PreparedStatement ps = c.prepareStatement("SHOW BINLOG EVENTS IN " + SqlLiterals.literal(from.file(), false)
                        + " FROM " + from.position() + " LIMIT " + SCAN_LIMIT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString("Event_type");
                String info = rs.getString("Info") == null ? "" : rs.getString("Info");
                boolean start = type.endsWith("Gtid") || (type.equals("Query") && info.trim().equalsIgnoreCase("BEGIN")
                        && current.stream().noneMatch(l -> l.contains("Gtid")));
                if (start && !current.isEmpty() && current.stream().anyMatch(l -> !l.contains("Gtid"))) {
                    if (matched) {
                        return current; // a statement without commit event (DDL) ended at the next transaction
                    }
                    current = new ArrayList<>();
                }
                current.add(rs.getString("Log_name") + ":" + rs.getLong("Pos") + "-" + rs.getLong("End_log_pos") + " "
                        + type + (info.isEmpty() ? "" : " " + info));
                matched |= (gtid != null && info.contains(gtid)) || rs.getLong("End_log_pos") == eventEnd;
                if ("Xid".equals(type) || info.trim().equalsIgnoreCase("COMMIT")) {
                    if (matched) {
                        return current;
                    }
                    current = new ArrayList<>();
                }
            }
        } catch (SQLException | RuntimeException e) {
            return List.of("(source events not readable: " + e.getMessage() + ")");
        }
        return matched && !current.isEmpty() ? current
                : List.of("(the transaction was not found in the " + SCAN_LIMIT + " events after " + from + ")");
    }

    private static final int SCAN_LIMIT = 5000;

    /**
     * @param replicaExecuted the replica's Executed_Gtid_Set
     * @return the source's gtid_purged and, of it, what the replica has not executed (MySQL; both may be empty)
     */
    public PurgedGtids purgedGtids(String replicaExecuted) {
        SqlStatement q = new SqlStatement("SELECT @@GLOBAL.gtid_purged AS purged, GTID_SUBTRACT(@@GLOBAL.gtid_purged, ?)"
                + " AS missing, @@server_uuid AS uuid", List.of(replicaExecuted), "SELECT @@GLOBAL.gtid_purged", null);
        try (Connection c = pool.get().connection()) {
            Map<String, String> row = Jdbc.firstRow(c, q, endpoint);
            return new PurgedGtids(clean(row.get("purged")), clean(row.get("missing")), clean(row.get("uuid")));
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, endpoint);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    /**
     * @param purged     the source's gtid_purged
     * @param missing    the part of it the replica has not executed
     * @param sourceUuid the source's server_uuid
     */
    public record PurgedGtids(String purged, String missing, String sourceUuid) {
    }
}
