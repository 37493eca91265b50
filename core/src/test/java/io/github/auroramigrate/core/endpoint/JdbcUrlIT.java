package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Endpoints read from JDBC URLs log in to real servers, also with a password full of URL syntax. */
@ExtendWith(TestServersExtension.class)
class JdbcUrlIT {
    private static final String USER = "url user@corp";
    private static final String PASSWORD = "p@ss:w/rd?#&=%+ 'é\"\\;";

    @Test
    void theTestServersOwnUrlWithCredentialsFromTheBuilder(@Server(ServerKind.MYSQL_80) TestServer server) {
        // jdbc:mysql://127.0.0.1:port/?sslMode=DISABLED&allowPublicKeyRetrieval=true
        Endpoint e = Endpoint.builder().jdbcUrl(server.jdbcUrl()).user(server.user()).password(server.password()).build();
        assertThat(e.tls()).isEqualTo(TlsMode.DISABLED);
        assertThat(ServerProbe.probe(e).currentUser()).startsWith(server.user() + "@");
    }

    @Test
    void aPercentEncodedUserAndPasswordInTheUrlLogIn(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        try (Connection root = server.rootConnection(); Statement st = root.createStatement()) {
            st.execute("DROP USER IF EXISTS 'url user@corp'@'%'");
            st.execute("CREATE USER 'url user@corp'@'%' IDENTIFIED BY 'p@ss:w/rd?#&=%+ ''é\"\\\\;'");
            st.execute("CREATE DATABASE IF NOT EXISTS `url db`");
            st.execute("GRANT SELECT ON `url db`.* TO 'url user@corp'@'%'");
        }
        String url = "jdbc:mysql://" + URLEncoder.encode(USER, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@" + server.host() + ":" + server.port()
                + "/url%20db?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000";
        Endpoint e = Endpoint.builder().jdbcUrl(url).build();
        assertThat(e.toString()).doesNotContain("p@ss");
        try (Connection c = e.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT CURRENT_USER(), DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("url user@corp@%");
            assertThat(rs.getString(2)).isEqualTo("url db");
        }
        try (EndpointPool pool = e.pool(1); Connection c = pool.connection()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }
}
