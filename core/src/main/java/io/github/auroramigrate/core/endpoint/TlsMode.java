package io.github.auroramigrate.core.endpoint;

/**
 * How a connection uses TLS. Maps onto Connector/J's {@code sslMode}.
 *
 * <pre>{@code
 * Endpoint.builder().host("db").tls(TlsMode.VERIFY_IDENTITY).caBundle(Path.of("global-bundle.pem"))...
 * }</pre>
 */
public enum TlsMode {
    /** Plain connection, never TLS. */
    DISABLED,
    /** TLS if the server offers it, plain otherwise (the driver's default). */
    PREFERRED,
    /** TLS required; the certificate is not checked. */
    REQUIRED,
    /** TLS required; the certificate must chain to the CA bundle. */
    VERIFY_CA,
    /** TLS required; the certificate must chain to the CA bundle and name the host. */
    VERIFY_IDENTITY;

    /** @return whether this mode needs a CA bundle */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
