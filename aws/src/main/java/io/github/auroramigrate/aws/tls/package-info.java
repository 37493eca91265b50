/**
 * TLS to Aurora and RDS: {@link io.github.auroramigrate.aws.tls.RdsCaBundle}, the RDS CA certificates shipped with the
 * module, for {@code VERIFY_IDENTITY} connections.
 *
 * <pre>{@code
 * Endpoint.builder().host(clusterEndpoint).user("migrator").tls(TlsMode.VERIFY_IDENTITY).caBundle(RdsCaBundle.global())
 * }</pre>
 */
package io.github.auroramigrate.aws.tls;
