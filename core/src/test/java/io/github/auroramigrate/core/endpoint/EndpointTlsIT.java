package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.ConnectionException;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TLS modes against MySQL 8.0 (which generates its own CA and server certificate) and 5.7 (which has none). */
@ExtendWith(TestServersExtension.class)
class EndpointTlsIT {

    @Test
    void requiredAndVerifyCaEncrypt(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        Endpoint required = TestEndpoints.of(server).toBuilder().tls(TlsMode.REQUIRED).build();
        assertThat(cipher(required)).isNotBlank();
        Endpoint verifyCa = TestEndpoints.of(server).toBuilder().tls(TlsMode.VERIFY_CA).caBundle(server.dataDir().resolve("ca.pem")).build();
        assertThat(cipher(verifyCa)).isNotBlank();
        Endpoint disabled = TestEndpoints.of(server).toBuilder().tls(TlsMode.DISABLED).build();
        assertThat(cipher(disabled)).isEmpty();
    }

    @Test
    void verifyIdentityRejectsACertificateForAnotherName(@Server(ServerKind.MYSQL_80) TestServer server) {
        // the auto-generated certificate names "MySQL_Server_..._Auto_Generated_Server_Certificate", not 127.0.0.1
        Endpoint identity = TestEndpoints.of(server).toBuilder().tls(TlsMode.VERIFY_IDENTITY)
                .caBundle(server.dataDir().resolve("ca.pem")).build();
        ConnectionException e = catchThrowableOfType(identity::connect, ConnectionException.class);
        assertThat(e).as("connecting must fail").isNotNull();
        assertThat(e.code()).as(chain(e)).isEqualTo(DiagnosisCode.TLS_FAILURE);
    }

    @Test
    void verifyCaRejectsAnUnrelatedCa(@Server(ServerKind.MYSQL_80) TestServer server, @TempDir Path dir) throws Exception {
        Path foreignCa = selfSignedCertificate(dir);
        Endpoint wrongCa = TestEndpoints.of(server).toBuilder().tls(TlsMode.VERIFY_CA).caBundle(foreignCa).build();
        ConnectionException e = catchThrowableOfType(wrongCa::connect, ConnectionException.class);
        assertThat(e).as("connecting must fail").isNotNull();
        assertThat(e.code()).as(chain(e)).isEqualTo(DiagnosisCode.TLS_FAILURE);
    }

    /** A CA certificate that signed nothing the server has, made with the JDK's keytool. */
    private static Path selfSignedCertificate(Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve("foreign.p12");
        Path pem = dir.resolve("foreign-ca.pem");
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Foreign Test CA",
                "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    @Test
    void requiredFailsClearlyOnAServerWithoutTls(@Server(ServerKind.MYSQL_57) TestServer server) {
        Endpoint required = TestEndpoints.of(server).toBuilder().tls(TlsMode.REQUIRED).build();
        ConnectionException e = catchThrowableOfType(required::connect, ConnectionException.class);
        assertThat(e).as("connecting must fail").isNotNull();
        assertThat(e.code()).as(chain(e)).isEqualTo(DiagnosisCode.TLS_FAILURE);
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static String cipher(Endpoint endpoint) throws Exception {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            rs.next();
            return rs.getString(2);
        }
    }
}
