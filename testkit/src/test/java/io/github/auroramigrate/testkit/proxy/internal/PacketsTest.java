package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.ServerResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Framing, the greeting's flags, COM_QUERY texts and response parsing, on bytes built by hand. */
class PacketsTest {

    @Test
    void framesSplitAtTheMaximumWithAnEmptyPacketAfterAnExactMultiple() throws IOException {
        assertThat(Packets.frames(new byte[0], 3)).singleElement().isEqualTo(new byte[] {0, 0, 0, 3});
        for (int size : new int[] {0, 1, Packets.MAX_PAYLOAD - 1, Packets.MAX_PAYLOAD, Packets.MAX_PAYLOAD + 1,
                2 * Packets.MAX_PAYLOAD}) {
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 7);
            List<byte[]> frames = Packets.frames(payload, 255);
            assertThat(frames).hasSize(size / Packets.MAX_PAYLOAD + 1);
            assertThat(frames.get(frames.size() - 1).length - 4).isEqualTo(size % Packets.MAX_PAYLOAD);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            frames.forEach(wire::writeBytes);
            PacketReader reader = new PacketReader(new ByteArrayInputStream(wire.toByteArray()));
            assertThat(reader.readLogical()).isEqualTo(payload);
            assertThat(reader.lastSequenceId()).isEqualTo((255 + frames.size() - 1) & 0xFF);   // wraps through 0
            assertThat(reader.readLogical()).isNull();
        }
    }

    @Test
    void greetingFlagsAreReadAndRemovedInBothHalves() {
        byte[] g = greeting(Packets.CLIENT_SSL | Packets.CLIENT_COMPRESS | Packets.CLIENT_PROTOCOL_41
                | Packets.CLIENT_ZSTD_COMPRESSION | Packets.CLIENT_DEPRECATE_EOF);
        byte[] stripped = Greeting.without(g, Packets.CLIENT_SSL | Packets.CLIENT_COMPRESS | Packets.CLIENT_ZSTD_COMPRESSION);
        assertThat(Greeting.capabilities(stripped)).isEqualTo(Packets.CLIENT_PROTOCOL_41 | Packets.CLIENT_DEPRECATE_EOF);
        assertThat(stripped.length).isEqualTo(g.length);
        byte[] err = Packets.err(1040, "08004", "Too many connections");
        assertThat(Greeting.capabilities(err)).isZero();
        assertThat(Greeting.without(err, Packets.CLIENT_SSL)).isSameAs(err);
    }

    @Test
    void queryTextsSkipTheAttributeCountsAndKeepThemWhenReplaced() {
        byte[] withCounts = {Packets.COM_QUERY, 0, 1, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1'};
        QueryText q = QueryText.parse(withCounts, true);
        assertThat(q.sql()).isEqualTo("SELECT 1");
        assertThat(q.withText("SELECT 2")).startsWith(Packets.COM_QUERY, 0, 1).endsWith('2');
        assertThat(QueryText.parse(new byte[] {Packets.COM_QUERY, 1, 1, 0, 1}, true)).isNull();
        assertThat(QueryText.parse(withCounts, false).sql()).isEqualTo("\0\1SELECT 1");
        assertThat(QueryText.comQuery("é", false)).isEqualTo(new byte[] {Packets.COM_QUERY, (byte) 0xC3, (byte) 0xA9});
        assertThat(QueryText.verb("  select * FROM t")).isEqualTo("SELECT");
        assertThat(QueryText.verb("/* hint */ SELECT 1")).isEqualTo("(statement)");
    }

    @Test
    void okErrAndResultSetResponsesAreDecoded() throws IOException {
        Response ok = read(false, false, Packets.ok(300, 70_000, Packets.SERVER_STATUS_AUTOCOMMIT, 2));
        assertThat(ok.kind()).isEqualTo(ServerResponse.Kind.OK);
        assertThat(ok.affectedRows()).isEqualTo(300);
        assertThat(ok.lastInsertId()).isEqualTo(70_000);
        assertThat(ok.warnings()).isEqualTo(2);
        assertThat(ok.info()).isEmpty();

        Response err = read(false, false, Packets.err(1146, "42S02", "Table 'x.t' doesn't exist"));
        assertThat(err.errorCode()).isEqualTo(1146);
        assertThat(err.sqlState()).isEqualTo("42S02");
        assertThat(err.errorMessage()).isEqualTo("Table 'x.t' doesn't exist");

        for (boolean deprecateEof : new boolean[] {false, true}) {
            byte[] end = deprecateEof ? okWithHeader(0xFE) : new byte[] {(byte) 0xFE, 0, 0, 2, 0};
            Response rs = deprecateEof
                    ? read(true, false, new byte[] {2}, column("id"), column("name"), row("1", "a"), row("2", null), end)
                    : read(false, false, new byte[] {2}, column("id"), column("name"), new byte[] {(byte) 0xFE, 0, 0, 2, 0},
                            row("1", "a"), row("2", null), end);
            assertThat(rs.kind()).isEqualTo(ServerResponse.Kind.RESULT_SET);
            assertThat(rs.columnNames()).containsExactly("id", "name");
            assertThat(rs.rows()).containsExactly(List.of("1", "a"), Arrays.asList("2", null));
            assertThat(rs.packets()).hasSize(deprecateEof ? 6 : 7);
        }
    }

    private static Response read(boolean deprecateEof, boolean sessionTrack, byte[]... packets) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int seq = 1;
        for (byte[] p : packets) {
            for (byte[] f : Packets.frames(p, seq++)) {
                wire.writeBytes(f);
            }
        }
        PacketReader reader = new PacketReader(new ByteArrayInputStream(wire.toByteArray()));
        Response r = Response.read(reader, deprecateEof, sessionTrack);
        assertThat(reader.readLogical()).as("the whole response, nothing more, was read").isNull();
        return r;
    }

    private static byte[] okWithHeader(int header) {
        byte[] p = Packets.ok(0, 0, Packets.SERVER_STATUS_AUTOCOMMIT, 0);
        p[0] = (byte) header;
        return p;
    }

    private static byte[] column(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"def", "db", "t", "t", name, name}) {
            lenencString(out, s);
        }
        out.writeBytes(new byte[] {0x0C, 33, 0, 0, 0, 0, (byte) 0xFD, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    private static byte[] row(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            if (v == null) {
                out.write(0xFB);
            } else {
                lenencString(out, v);
            }
        }
        return out.toByteArray();
    }

    private static void lenencString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Packets.writeLenenc(out, b.length);
        out.writeBytes(b);
    }

    /** A protocol-10 handshake with {@code caps}. */
    private static byte[] greeting(int caps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(10);
        out.writeBytes("8.0.31\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {1, 0, 0, 0});                  // connection id
        out.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(caps);
        out.write(caps >>> 8);
        out.write(255);                                           // charset
        out.writeBytes(new byte[] {2, 0});                        // status
        out.write(caps >>> 16);
        out.write(caps >>> 24);
        out.write(21);
        out.writeBytes(new byte[10]);
        out.writeBytes("ijklmnopqrst\0caching_sha2_password\0".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
