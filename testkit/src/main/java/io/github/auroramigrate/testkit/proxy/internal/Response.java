package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.ServerResponse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ServerResponse} read from a server: its packets, and accessors that decode the first result.
 *
 * <pre>{@code
 * Response r = Response.read(reader, deprecateEof, sessionTrack);
 * if (r.kind() == ServerResponse.Kind.OK) { long n = r.affectedRows(); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Response implements ServerResponse {
    private final Kind kind;
    private final List<byte[]> packets;
    private final int columns;
    private final int firstRow;
    private final int rowEnd;
    private final int status;
    private final boolean sessionTrack;

    private Response(Kind kind, List<byte[]> packets, int columns, int firstRow, int rowEnd, int status,
                     boolean sessionTrack) {
        this.kind = kind;
        this.packets = Collections.unmodifiableList(packets);
        this.columns = columns;
        this.firstRow = firstRow;
        this.rowEnd = rowEnd;
        this.status = status;
        this.sessionTrack = sessionTrack;
    }

    /**
     * Reads a complete response: one result, and the next ones while the server's status says more follow.
     *
     * @param deprecateEof whether CLIENT_DEPRECATE_EOF was negotiated (result sets end with an OK packet)
     * @param sessionTrack whether CLIENT_SESSION_TRACK was negotiated (an OK's info is length-encoded)
     */
    public static Response read(PacketReader in, boolean deprecateEof, boolean sessionTrack) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        byte[] first = next(in);
        packets.add(first);
        if (Packets.isErr(first)) {
            return new Response(Kind.ERROR, packets, 0, 0, 0, 0, sessionTrack);
        }
        if ((first[0] & 0xFF) == 0xFB) {
            return new Response(Kind.LOCAL_INFILE, packets, 0, 0, 0, 0, sessionTrack);
        }
        Kind kind = Kind.OK;
        int columns = 0;
        int firstRow = 0;
        int rowEnd = 0;
        int end;
        if (Packets.isOk(first)) {
            end = Packets.okStatus(first);
        } else {
            kind = Kind.RESULT_SET;
            columns = (int) Packets.lenenc(first, 0);
            firstRow = readResultSetRest(in, packets, columns, deprecateEof);
            rowEnd = packets.size() - 1;
            end = terminatorStatus(packets.get(rowEnd), deprecateEof);
        }
        while ((end & Packets.SERVER_MORE_RESULTS_EXISTS) != 0) {
            byte[] p = next(in);
            packets.add(p);
            if (Packets.isErr(p) || (p[0] & 0xFF) == 0xFB) {
                break;
            }
            if (Packets.isOk(p)) {
                end = Packets.okStatus(p);
            } else {
                readResultSetRest(in, packets, (int) Packets.lenenc(p, 0), deprecateEof);
                end = terminatorStatus(packets.get(packets.size() - 1), deprecateEof);
            }
        }
        return new Response(kind, packets, columns, firstRow, rowEnd, end, sessionTrack);
    }

    /** Reads column definitions and rows after a column-count packet; returns the index of the first row. */
    private static int readResultSetRest(PacketReader in, List<byte[]> packets, int columns, boolean deprecateEof)
            throws IOException {
        for (int i = 0; i < columns; i++) {
            packets.add(next(in));
        }
        if (!deprecateEof) {
            packets.add(next(in));
        }
        int firstRow = packets.size();
        byte[] p;
        do {
            p = next(in);
            packets.add(p);
        } while (!Packets.isEofOrFinalOk(p, deprecateEof) && !Packets.isErr(p));
        return firstRow;
    }

    private static int terminatorStatus(byte[] p, boolean deprecateEof) {
        return Packets.isErr(p) ? 0 : Packets.terminatorStatus(p, deprecateEof);
    }

    private static byte[] next(PacketReader in) throws IOException {
        byte[] p = in.readLogical();
        if (p == null) {
            throw new EOFException("the server closed the connection");
        }
        return p;
    }

    /** The server status at the end of the response (0 after an error). */
    public int status() {
        return status;
    }

    /** The packets, not copied. */
    public List<byte[]> rawPackets() {
        return packets;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public long affectedRows() {
        return Packets.lenenc(ok(), 1);
    }

    @Override
    public long lastInsertId() {
        byte[] p = ok();
        return Packets.lenenc(p, 1 + Packets.lenencSize(p, 1));
    }

    @Override
    public int warnings() {
        byte[] p = ok();
        return Packets.int2(p, okInfoStart(p) - 2);
    }

    @Override
    public String info() {
        byte[] p = ok();
        int pos = okInfoStart(p);
        if (pos >= p.length) {
            return "";
        }
        if (!sessionTrack) {
            return new String(p, pos, p.length - pos, StandardCharsets.UTF_8);
        }
        long n = Packets.lenenc(p, pos);
        return new String(p, pos + Packets.lenencSize(p, pos), (int) Math.max(0, n), StandardCharsets.UTF_8);
    }

    private static int okInfoStart(byte[] p) {
        int pos = 1 + Packets.lenencSize(p, 1);
        pos += Packets.lenencSize(p, pos);
        return pos + 4;
    }

    private byte[] ok() {
        return only(Kind.OK, "an OK packet's fields");
    }

    @Override
    public int errorCode() {
        return Packets.int2(only(Kind.ERROR, "an error code"), 1);
    }

    @Override
    public String sqlState() {
        byte[] p = only(Kind.ERROR, "an SQLSTATE");
        return p.length >= 9 && p[3] == '#' ? new String(p, 4, 5, StandardCharsets.US_ASCII) : "HY000";
    }

    @Override
    public String errorMessage() {
        byte[] p = only(Kind.ERROR, "an error message");
        int pos = p.length >= 9 && p[3] == '#' ? 9 : 3;
        return new String(p, pos, p.length - pos, StandardCharsets.UTF_8);
    }

    @Override
    public String fileName() {
        byte[] p = only(Kind.LOCAL_INFILE, "a file name");
        return new String(p, 1, p.length - 1, StandardCharsets.UTF_8);
    }

    @Override
    public List<String> columnNames() {
        only(Kind.RESULT_SET, "columns");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            byte[] p = packets.get(i);
            int pos = 0;
            for (int skip = 0; skip < 4; skip++) {     // catalog, schema, table, org_table
                pos += Packets.lenencSize(p, pos) + (int) Packets.lenenc(p, pos);
            }
            names.add(text(p, pos));
        }
        return List.copyOf(names);
    }

    @Override
    public List<List<String>> rows() {
        only(Kind.RESULT_SET, "rows");
        List<List<String>> rows = new ArrayList<>();
        for (int i = firstRow; i < rowEnd; i++) {
            byte[] p = packets.get(i);
            List<String> row = new ArrayList<>();
            int pos = 0;
            for (int c = 0; c < columns; c++) {
                if ((p[pos] & 0xFF) == 0xFB) {
                    row.add(null);
                    pos++;
                } else {
                    row.add(text(p, pos));
                    pos += Packets.lenencSize(p, pos) + (int) Packets.lenenc(p, pos);
                }
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return Collections.unmodifiableList(rows);
    }

    private static String text(byte[] p, int pos) {
        int size = Packets.lenencSize(p, pos);
        return new String(p, pos + size, (int) Packets.lenenc(p, pos), StandardCharsets.UTF_8);
    }

    @Override
    public List<byte[]> packets() {
        return packets.stream().map(byte[]::clone).toList();
    }

    private byte[] only(Kind wanted, String what) {
        if (kind != wanted) {
            throw new IllegalStateException("A " + kind + " response has no " + what);
        }
        return packets.get(0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OK -> "OK (" + affectedRows() + " rows affected)";
            case ERROR -> "ERROR " + errorCode() + " (" + sqlState() + ")";
            case LOCAL_INFILE -> "LOCAL INFILE request";
            case RESULT_SET -> "result set (" + columns + " columns, " + (rowEnd - firstRow) + " rows)";
        };
    }
}
