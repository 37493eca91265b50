package io.github.auroramigrate.core.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Converts a PEM CA bundle into a PKCS12 trust store Connector/J can read. It holds public certificates only. */
final class CaBundles {
    /** Trust stores hold public certificates only; the store password protects nothing secret. */
    static final String TRUSTSTORE_PASSWORD = "changeit";
    private static final Map<Path, Path> CACHE = new ConcurrentHashMap<>();

    private CaBundles() {
    }

    static Path truststoreFor(Path pem) {
        return CACHE.computeIfAbsent(pem.toAbsolutePath(), CaBundles::convert);
    }

    private static Path convert(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate found in CA bundle " + pem);
            }
            Path out = Files.createTempFile("aurora-migrate-ca-", ".p12");
            out.toFile().deleteOnExit();
            try (OutputStream os = Files.newOutputStream(out)) {
                ks.store(os, TRUSTSTORE_PASSWORD.toCharArray());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA bundle " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA bundle " + pem + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
