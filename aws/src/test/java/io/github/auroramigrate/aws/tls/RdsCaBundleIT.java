package io.github.auroramigrate.aws.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.ConnectionException;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped RDS bundle is what an endpoint trusts: a server whose certificate no RDS CA signed (a testkit MySQL 8.0
 * with its own auto-generated CA) is refused with the TLS diagnosis, while the same endpoint with the server's own CA
 * connects. A connection to a real RDS endpoint, which this machine cannot reach, is not tested.
 */
@ExtendWith(TestServersExtension.class)
class RdsCaBundleIT {

    @Test
    void aServerNoRdsCaSignedIsRefusedAndItsOwnCaConnects(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        Endpoint.Builder b = Endpoint.builder().host(server.host()).port(server.port()).user(server.user())
                .password(server.password());
        ConnectionException e = catchThrowableOfType(b.tls(TlsMode.VERIFY_CA).caBundle(RdsCaBundle.global()).build()::connect,
                ConnectionException.class);
        assertThat(e).as("a certificate no RDS CA signed must be refused").isNotNull();
        assertThat(e.code()).as(e.diagnosis().render()).isEqualTo(DiagnosisCode.TLS_FAILURE);
        try (Connection c = b.tls(TlsMode.VERIFY_CA).caBundle(server.dataDir().resolve("ca.pem")).build().connect()) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
