package io.github.auroramigrate.core.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.internal.format.RowValues;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dump reads values out of Connector/J's row packets: with the bundled driver that path must be taken, and every
 * value must equal what {@code getBytes} returns, across the protocol's length encodings (1, 2, 3 and 8 bytes) and a
 * row larger than one 16 MB protocol packet.
 */
@ExtendWith(TestServersExtension.class)
class PacketRowsIT {

    @Test
    void packetSlicesEqualGetBytesForEveryValueSize(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        assertThat(PacketRows.available()).as("the bundled Connector/J's row internals are reachable").isTrue();
        String db = server.createSchema("packets");
        int[] sizes = {0, 1, 250, 251, 65_535, 65_536, 16_777_215, 16_777_216 + 10};
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, n INT, b LONGBLOB, d DATETIME(6), x TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + db + "`.t VALUES (?, ?, ?, NOW(6), ?)")) {
                Random r = new Random(7);
                for (int i = 0; i < sizes.length; i++) {
                    byte[] b = new byte[sizes[i]];
                    r.nextBytes(b);
                    ps.setInt(1, i);
                    if (i % 3 == 1) {
                        ps.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(2, -i);
                    }
                    ps.setBytes(3, b);
                    ps.setString(4, i % 2 == 0 ? null : "é\t\\" + i);
                    ps.executeUpdate();
                }
            }
        }
        int rows = 0;
        int fromPackets = 0;
        try (Connection c = TestEndpoints.of(server).connect();
                Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery("SELECT id, n, b, d, x FROM `" + db + "`.t ORDER BY id")) {
                PacketRows packets = PacketRows.of(rs);
                assertThat(packets).isNotNull();
                RowValues values = new RowValues(5);
                while (rs.next()) {
                    rows++;
                    if (packets.read(values)) {
                        fromPackets++;
                        for (int i = 0; i < 5; i++) {
                            assertThat(values.copy(i)).as("row %d column %d", rows, i + 1).isEqualTo(rs.getBytes(i + 1));
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(sizes.length);
        assertThat(fromPackets).as("rows read from their packets (a table with BLOB/TEXT columns)").isEqualTo(rows);
    }
}
