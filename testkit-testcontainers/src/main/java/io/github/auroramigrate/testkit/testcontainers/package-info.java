/**
 * A Testcontainers-backed {@link io.github.auroramigrate.testkit.spi.ServerProvider} for the testkit: every
 * {@link io.github.auroramigrate.testkit.ServerKind}, {@code MYSQL_84} included, as a Docker container.
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.auroramigrate</groupId>
 *   <artifactId>aurora-migrate-testkit-testcontainers</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * Needs a reachable Docker engine; without one, every start fails with a message saying so. With bundle
 * artifacts also on the classpath, the bundles start their kinds and this provider the rest, unless
 * {@code -Daurora.testkit.provider=testcontainers} sends every kind to Docker. This project's own container
 * tests run with {@code ./mvnw -B verify -Pdocker -pl testkit-testcontainers -am} (not part of
 * {@code scripts/test.sh}, as its machines have no Docker engine).
 */
package io.github.auroramigrate.testkit.testcontainers;
