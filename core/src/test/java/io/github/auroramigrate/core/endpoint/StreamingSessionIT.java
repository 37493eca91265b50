package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a streamed query (the dump's row reading) does to the session it runs on. */
@ExtendWith(TestServersExtension.class)
class StreamingSessionIT {

    @Test
    void aStreamedQueryKeepsTheSessionsOwnWriteTimeout(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        try (Connection c = TestEndpoints.of(server).connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION net_write_timeout = 3600");
            long before = questions(s);
            try (Statement streaming = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                streaming.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = streaming.executeQuery("SELECT * FROM information_schema.CHARACTER_SETS")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertThat(rows).isPositive();
                }
            }
            // the driver's default would have sent "SET net_write_timeout=600" before the query (and one more after)
            assertThat(questions(s) - before).as("statements sent: the SELECT and the SHOW STATUS").isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT @@SESSION.net_write_timeout")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3600);
            }
        }
    }

    private static long questions(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
