package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.ConnectionException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReplicationUser#create} takes the source's endpoint: the account it makes works for replication. */
@ExtendWith(TestServersExtension.class)
class ReplicationUserIT {
    // a quote, a space and a non-ASCII letter in the name; quote, backslash and backtick in the password
    static final String NAME = "repl o'\u00fc";
    static final String PASSWORD = "Pw'with\\back`tick-1";

    @Test
    void createFromAnEndpointMakesAnAccountTheTargetCanUse(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, role = "target") TestServer tgt) throws Exception {
        Endpoint source = Fixtures.rootEndpoint(src);
        try {
            String before = masterStatus(src);
            ReplicationUser user = ReplicationUser.create(source, NAME, PASSWORD, Fixtures.endpoint(tgt));
            // a 5.7 replica cannot use caching_sha2_password
            assertThat(user.plugin()).contains("mysql_native_password");
            assertThat(user.account()).isEqualTo("'" + NAME + "'@'%'");
            assertThat(user.toString()).doesNotContain(PASSWORD);
            assertThat(account(src, NAME, "%")).containsExactly("mysql_native_password", "Y", "Y", "");
            // the DDL ran with sql_log_bin=0: nothing of it replicates to the target
            assertThat(masterStatus(src)).isEqualTo(before);
            assertThat(canReadBinaryLogs(src, NAME, PASSWORD)).isTrue();

            // again with another password: the account is updated, not duplicated
            ReplicationUser.create(source, NAME, PASSWORD + "2", Fixtures.endpoint(tgt));
            assertThat(canReadBinaryLogs(src, NAME, PASSWORD + "2")).isTrue();
            assertThatThrownBy(() -> canReadBinaryLogs(src, NAME, PASSWORD)).isInstanceOf(ConnectionException.class);

            // a host part and REQUIRE SSL
            ReplicationUser tls = ReplicationUser.create(source, NAME, "127.0.0.1", PASSWORD, Fixtures.endpoint(tgt),
                    true);
            assertThat(tls.account()).isEqualTo("'" + NAME + "'@'127.0.0.1'");
            assertThat(account(src, NAME, "127.0.0.1")).containsExactly("mysql_native_password", "Y", "Y", "ANY");
        } finally {
            src.execute("DROP USER IF EXISTS 'repl o''\u00fc'@'%'", "DROP USER IF EXISTS 'repl o''\u00fc'@'127.0.0.1'");
        }
    }

    @Test
    void createRefusesNullsAndDiagnosesAnUnreachableSource(
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) {
        Endpoint target = Fixtures.endpoint(tgt);
        assertThatThrownBy(() -> ReplicationUser.create(null, "repl", "pw", target))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> ReplicationUser.create(target, "repl", "pw", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("forTarget");
        // port 1 on localhost: nothing listens there
        Endpoint nowhere = Endpoint.builder().host("127.0.0.1").port(1).user("root").password("x").build();
        assertThatThrownBy(() -> ReplicationUser.create(nowhere, "repl", "Repl-pw-1", target))
                .isInstanceOfSatisfying(ConnectionException.class,
                        e -> assertThat(e.diagnosis().message()).doesNotContain("Repl-pw-1"));
    }

    /** plugin, Repl_slave_priv, Repl_client_priv, ssl_type of the account. */
    static List<String> account(TestServer s, String user, String host) throws Exception {
        try (Connection c = s.rootConnection(); PreparedStatement ps = c.prepareStatement("SELECT plugin,"
                + " Repl_slave_priv, Repl_client_priv, ssl_type FROM mysql.user WHERE user = ? AND host = ?")) {
            ps.setString(1, user);
            ps.setString(2, host);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                assertThat(rs.next()).as("account %s@%s exists", user, host).isTrue();
                for (int i = 1; i <= 4; i++) {
                    out.add(rs.getString(i));
                }
                assertThat(rs.next()).isFalse();
                return out;
            }
        }
    }

    /** Connects as the account and lists the binary logs (needs REPLICATION CLIENT). */
    static boolean canReadBinaryLogs(TestServer s, String user, String password) throws Exception {
        Endpoint as = Endpoint.builder().host(s.host()).port(s.port()).user(user).password(password)
                .allowPublicKeyRetrieval(true).build();
        try (Connection c = as.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            return rs.next();
        }
    }

    static String masterStatus(TestServer s) throws Exception {
        try (Connection c = s.rootConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return rs.getString(1) + ":" + rs.getLong(2);
        }
    }
}
