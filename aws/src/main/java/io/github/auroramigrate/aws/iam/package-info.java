/**
 * IAM database authentication for RDS and Aurora: {@link io.github.auroramigrate.aws.iam.RdsIamTokens}, tokens signed
 * locally from AWS credentials and asked for by the endpoint for every new connection (TLS required: they travel in
 * clear text).
 *
 * <pre>{@code
 * Endpoint.builder().host(host).user("migrator").passwordSupplier(RdsIamTokens.of(host, 3306, "migrator", region).build())
 *     .tls(TlsMode.VERIFY_IDENTITY).caBundle(RdsCaBundle.global()).build();
 * }</pre>
 */
package io.github.auroramigrate.aws.iam;
