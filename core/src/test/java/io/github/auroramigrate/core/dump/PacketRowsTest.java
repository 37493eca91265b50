package io.github.auroramigrate.core.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.internal.format.RowValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Splitting text-protocol row packets into value slices, including malformed packets. */
class PacketRowsTest {

    @Test
    void splitsEveryLengthEncodingAndNull() {
        byte[] v250 = filled(250, 'a');
        byte[] v251 = filled(251, 'b');
        byte[] v70000 = filled(70_000, 'c');
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(7); // garbage before the row: the row starts at its home position
        p.write(0); // empty string
        p.write(0xFB); // NULL
        p.write(250);
        p.writeBytes(v250);
        p.write(0xFC);
        p.write(251 & 0xFF);
        p.write(0);
        p.writeBytes(v251);
        p.write(0xFD);
        p.write(70_000 & 0xFF);
        p.write(70_000 >> 8 & 0xFF);
        p.write(70_000 >> 16);
        p.writeBytes(v70000);
        p.write(0xFE);
        p.writeBytes(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
        p.writeBytes("xyz".getBytes(StandardCharsets.US_ASCII));
        byte[] packet = p.toByteArray();
        RowValues row = new RowValues(6);

        assertThat(PacketRows.parse(packet, 1, packet.length, row)).isTrue();

        assertThat(row.copy(0)).isEmpty();
        assertThat(row.isNull(1)).isTrue();
        assertThat(row.copy(2)).isEqualTo(v250);
        assertThat(row.copy(3)).isEqualTo(v251);
        assertThat(row.copy(4)).isEqualTo(v70000);
        assertThat(row.copy(5)).isEqualTo("xyz".getBytes(StandardCharsets.US_ASCII));
        assertThat(row.array(2)).as("a slice of the packet, not a copy").isSameAs(packet);
    }

    @Test
    void refusesPacketsThatAreNotExactlyTheExpectedValues() {
        byte[] two = {1, 'a', 1, 'b'};
        assertThat(PacketRows.parse(two, 0, two.length, new RowValues(2))).isTrue();
        assertThat(PacketRows.parse(two, 0, two.length, new RowValues(3))).as("too few values").isFalse();
        assertThat(PacketRows.parse(two, 0, two.length, new RowValues(1))).as("bytes left over").isFalse();
        assertThat(PacketRows.parse(two, 0, 3, new RowValues(2))).as("value runs past the end").isFalse();
        byte[] shortLength = {(byte) 0xFC, 1};
        assertThat(PacketRows.parse(shortLength, 0, shortLength.length, new RowValues(1))).as("truncated length").isFalse();
        byte[] huge = {(byte) 0xFE, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        assertThat(PacketRows.parse(huge, 0, huge.length, new RowValues(1))).as("negative 8-byte length").isFalse();
        byte[] reserved = {(byte) 0xFF};
        assertThat(PacketRows.parse(reserved, 0, reserved.length, new RowValues(1))).as("0xFF is no length").isFalse();
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
