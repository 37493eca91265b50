/**
 * Optional AWS integration of aurora-migrate (S3 dump store, {@code LOAD DATA FROM S3}, RDS snapshot migration, IAM
 * authentication). Not started: this artifact holds no types yet, and {@code aurora-migrate-core} never depends on
 * it.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.auroramigrate</groupId>
 *   <artifactId>aurora-migrate-aws</artifactId>
 * </dependency>
 * }</pre>
 */
package io.github.auroramigrate.aws;
