package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.ConnectionException;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password supplier (an RDS IAM token, a rotated secret) is asked for every new physical connection, also inside a
 * pool: after the account's password changes, the next new connection logs in with the supplier's new value while
 * the pool's open connections go on. Never shown by toString.
 */
@ExtendWith(TestServersExtension.class)
class PasswordSupplierIT {
    @Test
    void everyNewPhysicalConnectionAsksTheSupplierAgain(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        server.execute("DROP USER IF EXISTS 'rotating'@'%'", "CREATE USER 'rotating'@'%' IDENTIFIED BY 'first-Pw1'",
                "GRANT SELECT ON *.* TO 'rotating'@'%'");
        AtomicReference<String> current = new AtomicReference<>("first-Pw1");
        AtomicInteger asked = new AtomicInteger();
        Endpoint e = Endpoint.builder().host(server.host()).port(server.port()).user("rotating")
                .allowPublicKeyRetrieval(true).passwordSupplier(() -> {
                    asked.incrementAndGet();
                    return current.get();
                }).build();
        assertThat(e.hasPassword()).isTrue();
        assertThat(e.toString()).doesNotContain("first-Pw1").contains("password=<supplied>");

        try (EndpointPool pool = e.pool(2)) {
            Connection held = pool.connection(); // the pool's first physical connection, made with the first value
            int before = asked.get();
            server.execute("ALTER USER 'rotating'@'%' IDENTIFIED BY 'second-Pw2'");
            current.set("second-Pw2");
            try (Connection fresh = pool.connection()) { // a new physical connection: must ask again
                assertThat(fresh.isValid(2)).isTrue();
            }
            assertThat(asked.get()).as("asked for the new connection").isGreaterThan(before);
            assertThat(held.isValid(2)).as("the open connection goes on").isTrue();
            held.close();
        }
        try (Connection c = e.connect()) {
            assertThat(c.isValid(2)).isTrue();
        }
        current.set("stale-Pw0");
        assertThatThrownBy(e::connect).isInstanceOfSatisfying(ConnectionException.class,
                x -> assertThat(x.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_BAD_PASSWORD)).hasMessageNotContaining("stale-Pw0");
        server.execute("DROP USER 'rotating'@'%'");
    }
}
