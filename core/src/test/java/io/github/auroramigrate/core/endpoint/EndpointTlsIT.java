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

/**
 * TLS modes against MySQL 8.0 (with its own generated CA and certificate, and with a certificate for 127.0.0.1 and
 * localhost from a test CA) and 5.7 (which has none).
 */
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

    /**
     * VERIFY_IDENTITY for real: the server is given a certificate for 127.0.0.1 and localhost signed by a CA of the
     * test's own (as an RDS instance has one for its endpoint, signed by the RDS CA): the right CA and name connect, a
     * foreign CA fails with the TLS diagnosis, and so does a certificate that names another host.
     */
    @Test
    void verifyIdentityConnectsWithTheRightCaAndNameOnly(@Server(value = ServerKind.MYSQL_80, role = "tls-identity")
            TestServer server, @TempDir Path dir) throws Exception {
        Path ca = certificateAuthority(dir, "ca");
        installServerCertificate(server, dir, ca, "ip:127.0.0.1,dns:localhost", "right");
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            Endpoint identity = TestEndpoints.of(server).toBuilder().host(host).tls(TlsMode.VERIFY_IDENTITY)
                    .caBundle(dir.resolve("ca.pem")).build();
            assertThat(cipher(identity)).as(host).isNotBlank();
        }
        certificateAuthority(dir, "foreign");
        Endpoint wrongCa = TestEndpoints.of(server).toBuilder().tls(TlsMode.VERIFY_IDENTITY)
                .caBundle(dir.resolve("foreign.pem")).build();
        ConnectionException e = catchThrowableOfType(wrongCa::connect, ConnectionException.class);
        assertThat(e).as("a foreign CA must fail").isNotNull();
        assertThat(e.code()).as(chain(e)).isEqualTo(DiagnosisCode.TLS_FAILURE);

        installServerCertificate(server, dir, ca, "dns:db.example.com", "other");
        Endpoint wrongName = TestEndpoints.of(server).toBuilder().tls(TlsMode.VERIFY_IDENTITY)
                .caBundle(dir.resolve("ca.pem")).build();
        ConnectionException n = catchThrowableOfType(wrongName::connect, ConnectionException.class);
        assertThat(n).as("a certificate for another name must fail").isNotNull();
        assertThat(n.code()).as(chain(n)).isEqualTo(DiagnosisCode.TLS_FAILURE);
    }

    /** A CA key pair in {@code <name>.p12} and its certificate in {@code <name>.pem}, made with the JDK's keytool. */
    private static Path certificateAuthority(Path dir, String name) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve(name + ".p12");
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Test CA " + name,
                "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", dir.resolve(name + ".pem").toString());
        return store;
    }

    /**
     * A server key and a certificate for {@code san} signed by the CA in {@code caStore}, given to the running server
     * (ssl_ca/ssl_cert/ssl_key are dynamic in 8.0; ALTER INSTANCE RELOAD TLS takes them).
     */
    private static void installServerCertificate(TestServer server, Path dir, Path caStore, String san, String name)
            throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path store = dir.resolve("server-" + name + ".p12");
        Path csr = dir.resolve("server-" + name + ".csr");
        Path cert = dir.resolve("server-" + name + "-cert.pem");
        Path key = dir.resolve("server-" + name + "-key.pem");
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
        run(keytool, "-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", "changeit", "-file",
                csr.toString());
        run(keytool, "-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", "changeit", "-infile",
                csr.toString(), "-outfile", cert.toString(), "-rfc", "-validity", "2", "-ext", "san=" + san);
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.security.Key k = ks.getKey("server", "changeit".toCharArray());
        java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(k.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        server.execute("SET GLOBAL ssl_ca = '" + dir.resolve(caStore.getFileName().toString().replace(".p12", ".pem"))
                + "'", "SET GLOBAL ssl_cert = '" + cert + "'", "SET GLOBAL ssl_key = '" + key + "'",
                "ALTER INSTANCE RELOAD TLS");
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
