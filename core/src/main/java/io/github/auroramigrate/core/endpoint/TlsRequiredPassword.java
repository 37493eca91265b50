package io.github.auroramigrate.core.endpoint;

import java.util.function.Supplier;

/**
 * A password supplier whose values the server takes in clear text ({@code mysql_clear_password}), such as RDS/Aurora IAM
 * authentication tokens (the {@code aws} module's {@code RdsIamTokens}): an {@link Endpoint} given one refuses, at
 * {@code build()}, every TLS mode that could send it unencrypted ({@link TlsMode#DISABLED}, {@link TlsMode#PREFERRED}).
 *
 * <pre>{@code
 * Endpoint.builder().host(h).user("migrator").passwordSupplier(tokens)     // tokens implements TlsRequiredPassword
 *     .tls(TlsMode.VERIFY_IDENTITY).caBundle(bundle).build();            // PREFERRED or DISABLED: IllegalArgumentException
 * }</pre>
 *
 * <p>Implementations are thread-safe, fast (they cache) and never show their values.
 */
public interface TlsRequiredPassword extends Supplier<String> {
}
