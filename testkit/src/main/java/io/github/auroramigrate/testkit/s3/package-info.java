/**
 * A real S3-compatible server for tests and benchmarks ({@link io.github.auroramigrate.testkit.s3.S3Server}, Adobe's
 * S3Mock run as a separate JVM), for dumps in S3 without AWS.
 *
 * <pre>{@code
 * S3Server s3 = S3Server.shared();
 * s3.createBucket("dumps");
 * }</pre>
 */
package io.github.auroramigrate.testkit.s3;
