package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.Providers;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import io.github.auroramigrate.testkit.spi.ServerProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which provider serves a kind, and what a missing one says. The providers here only answer the lookup. */
class ProviderLookupTest {
    private static final ServerProvider LOCAL_80 = new Named("local", Set.of(ServerKind.MYSQL_80));
    private static final ServerProvider LOCAL_MARIADB = new Named("local", Set.of(ServerKind.MARIADB_114));
    private static final ServerProvider CONTAINERS = new Named("testcontainers", Set.of(ServerKind.values()));

    @Test
    void aMissingBundleNamesItsArtifactAndTheDockerAlternative() {
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_57, Optional.empty(), List.of(LOCAL_80, LOCAL_MARIADB)))
                .isInstanceOf(TestkitException.class)
                .hasMessage("No server provider on the classpath can start MySQL 5.7.22 (ServerKind.MYSQL_57)."
                        + " Add the test dependency io.github.auroramigrate:aurora-migrate-testkit-mysql57 (bundled"
                        + " binaries, no Docker needed), or io.github.auroramigrate:aurora-migrate-testkit-testcontainers"
                        + " (needs a Docker engine). Providers on the classpath: local [MYSQL_80], local [MARIADB_114].");
    }

    @Test
    void mysql84HasNoBundleSoOnlyTheContainerArtifactIsNamed() {
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_84, Optional.empty(), List.of(LOCAL_80)))
                .hasMessageContaining("No bundled binaries exist for MySQL 8.4.8: add the test dependency"
                        + " io.github.auroramigrate:aurora-migrate-testkit-testcontainers (needs a Docker engine).")
                .hasMessageNotContaining("testkit-mysql");
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_84, Optional.of("local"), List.of(CONTAINERS)))
                .hasMessageContaining("No server provider named 'local'")
                .hasMessageContaining("set -Daurora.testkit.provider=testcontainers (or unset it)");
    }

    @Test
    void aNamedProviderIsTheOnlyOneConsidered() {
        List<ServerProvider> both = List.of(LOCAL_80, CONTAINERS);
        assertThat(Providers.forKind(ServerKind.MYSQL_80, Optional.empty(), both)).isSameAs(LOCAL_80);
        assertThat(Providers.forKind(ServerKind.MYSQL_80, Optional.of("testcontainers"), both)).isSameAs(CONTAINERS);
        assertThat(Providers.forKind(ServerKind.MYSQL_57, Optional.empty(), both)).isSameAs(CONTAINERS);
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_80, Optional.of("testcontainers"), List.of(LOCAL_80)))
                .hasMessageStartingWith("No server provider named 'testcontainers' on the classpath can start MySQL"
                        + " 8.0.31 (ServerKind.MYSQL_80) (-Daurora.testkit.provider=testcontainers). Add the test"
                        + " dependency io.github.auroramigrate:aurora-migrate-testkit-testcontainers");
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_80, Optional.of("k8s"), both))
                .hasMessageContaining("Add the artifact that registers the provider 'k8s', or unset"
                        + " -Daurora.testkit.provider.")
                .hasMessageEndingWith("Providers on the classpath: local [MYSQL_80], testcontainers [MYSQL_80,"
                        + " MYSQL_57, MARIADB_114, MYSQL_84].");
    }

    @Test
    void everyBundledKindHasABundleArtifact() {
        assertThat(Providers.bundleArtifact(ServerKind.MYSQL_80)).contains("aurora-migrate-testkit-mysql80");
        assertThat(Providers.bundleArtifact(ServerKind.MYSQL_57)).contains("aurora-migrate-testkit-mysql57");
        assertThat(Providers.bundleArtifact(ServerKind.MARIADB_114)).contains("aurora-migrate-testkit-mariadb114");
        assertThat(Providers.bundleArtifact(ServerKind.MYSQL_84)).isEmpty();
    }

    /** Answers name and supports only: the lookup never starts anything. */
    private record Named(String name, Set<ServerKind> kinds) implements ServerProvider {
        @Override
        public boolean supports(ServerKind kind) {
            return kinds.contains(kind);
        }

        @Override
        public ServerHandle start(ServerKind kind) {
            throw new UnsupportedOperationException("lookup tests start no server");
        }
    }
}
