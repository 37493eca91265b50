package io.github.auroramigrate.core.dump;

import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.result.AbstractBufferRow;
import com.mysql.cj.protocol.a.result.NativeResultset;
import com.mysql.cj.protocol.a.result.TextBufferRow;
import io.github.auroramigrate.core.internal.format.RowValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the current row of a streamed Connector/J result set straight out of the driver's row packet: each value
 * becomes a slice of the packet, where {@link ResultSet#getBytes} would copy it into an array of its own (a third of
 * the dump's per-row cost, measured on the benchmark's big table).
 *
 * <p>It reaches two protected fields of Connector/J 8.x (the result set's current row, and a text row's packet),
 * checked once when the class loads. When they are missing (another driver version), for rows the driver already
 * split into arrays (small rows without TEXT/BLOB columns), or when a packet does not parse as exactly the expected
 * number of values, {@link #read} answers {@code false} and the caller uses {@code getBytes} for that row.
 *
 * <pre>{@code
 * PacketRows packets = PacketRows.of(rs);          // null: use getBytes for every row
 * if (packets == null || !packets.read(values)) { ...getBytes... }
 * }</pre>
 */
final class PacketRows {
    private static final Logger LOG = LoggerFactory.getLogger(PacketRows.class);
    private static final VarHandle THIS_ROW;
    private static final VarHandle ROW_PACKET;
    private static final VarHandle HOME_POSITION;
    private static final int NULL = 0xFB;

    static {
        VarHandle thisRow = null;
        VarHandle packet = null;
        VarHandle home = null;
        try {
            thisRow = MethodHandles.privateLookupIn(NativeResultset.class, MethodHandles.lookup())
                    .findVarHandle(NativeResultset.class, "thisRow", com.mysql.cj.result.Row.class);
            MethodHandles.Lookup rows = MethodHandles.privateLookupIn(AbstractBufferRow.class, MethodHandles.lookup());
            packet = rows.findVarHandle(AbstractBufferRow.class, "rowFromServer", NativePacketPayload.class);
            home = rows.findVarHandle(AbstractBufferRow.class, "homePosition", int.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("reading rows through ResultSet.getBytes: this Connector/J's internals differ ({})", e.toString());
            thisRow = null;
        }
        THIS_ROW = thisRow;
        ROW_PACKET = packet;
        HOME_POSITION = home;
    }

    private final NativeResultset rs;

    private PacketRows(NativeResultset rs) {
        this.rs = rs;
    }

    /** @return whether this driver's rows can be read from their packets at all */
    static boolean available() {
        return THIS_ROW != null;
    }

    /** @return a reader for {@code rs}, or {@code null} when its rows must be read through {@code getBytes} */
    static PacketRows of(ResultSet rs) throws SQLException {
        if (!available() || !rs.isWrapperFor(NativeResultset.class)) {
            return null;
        }
        return new PacketRows(rs.unwrap(NativeResultset.class));
    }

    /**
     * Points {@code values} at the current row's values inside the driver's packet; valid until the result set
     * moves on.
     *
     * @return {@code false} when this row must be read through {@code getBytes} instead
     */
    boolean read(RowValues values) {
        if (!(THIS_ROW.get(rs) instanceof TextBufferRow row)) {
            return false;
        }
        NativePacketPayload packet = (NativePacketPayload) ROW_PACKET.get(row);
        return parse(packet.getByteBuffer(), (int) HOME_POSITION.get(row), packet.getPayloadLength(), values);
    }

    /**
     * Splits a text-protocol row (a length-encoded string per column, 0xFB for NULL) into {@code values}.
     *
     * @return {@code false} unless the packet holds exactly {@code values.size()} values
     */
    static boolean parse(byte[] b, int start, int end, RowValues values) {
        int p = start;
        for (int i = 0, n = values.size(); i < n; i++) {
            if (p >= end) {
                return false;
            }
            int first = b[p++] & 0xFF;
            long length;
            if (first < NULL) {
                length = first;
            } else if (first == NULL) {
                values.setNull(i);
                continue;
            } else if (first == 0xFC && p + 2 <= end) {
                length = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
                p += 2;
            } else if (first == 0xFD && p + 3 <= end) {
                length = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16;
                p += 3;
            } else if (first == 0xFE && p + 8 <= end) {
                length = 0;
                for (int k = 7; k >= 0; k--) {
                    length = length << 8 | (b[p + k] & 0xFF);
                }
                p += 8;
            } else {
                return false;
            }
            if (length < 0 || length > end - p) {
                return false;
            }
            values.set(i, b, p, (int) length);
            p += (int) length;
        }
        return p == end;
    }
}
