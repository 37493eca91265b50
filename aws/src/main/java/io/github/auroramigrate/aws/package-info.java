/**
 * The optional AWS integration of aurora-migrate: {@link io.github.auroramigrate.aws.s3} (dumps in S3 through core's
 * {@link io.github.auroramigrate.core.store.DumpStore} interface, and Aurora's {@code LOAD DATA FROM S3} for loading
 * them), {@link io.github.auroramigrate.aws.iam} (IAM database authentication tokens as an endpoint's password
 * supplier) and {@link io.github.auroramigrate.aws.tls} (the RDS CA certificates). Core never depends on this module;
 * {@link io.github.auroramigrate.core.store.DumpStores#of(java.net.URI)} finds its S3 store for {@code s3://} URIs when
 * it is on the class path.
 *
 * <pre>{@code
 * DumpStore store = DumpStores.of(URI.create("s3://my-bucket/dumps/shop?region=eu-west-1"));
 * }</pre>
 */
package io.github.auroramigrate.aws;
