package io.github.auroramigrate.testkit.testcontainers;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.internal.Providers;
import io.github.auroramigrate.testkit.spi.ServerProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the provider promises without a Docker engine: registration, images, the no-engine failure. */
class TestcontainersProviderTest {

    @Test
    void isFoundThroughServiceLoaderAndChosenForEveryKindWhenNoBundleIsPresent() {
        List<ServerProvider> all = Providers.load(getClass().getClassLoader());
        assertThat(all).hasSize(1).first().isInstanceOf(TestcontainersProvider.class);
        for (ServerKind kind : ServerKind.values()) {
            assertThat(Providers.forKind(kind, Optional.empty(), all).name()).isEqualTo("testcontainers");
            assertThat(Providers.forKind(kind, Optional.of("testcontainers"), all)).isSameAs(all.get(0));
        }
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_57, Optional.of("local"), all))
                .hasMessageContaining("io.github.auroramigrate:aurora-migrate-testkit-mysql57");
    }

    @Test
    void imagesCarryTheExactVersionsOfTheKinds() {
        assertThat(TestcontainersProvider.image(ServerKind.MYSQL_84).asCanonicalNameString()).isEqualTo("mysql:8.4.8");
        assertThat(TestcontainersProvider.image(ServerKind.MYSQL_80).asCanonicalNameString()).isEqualTo("mysql:8.0.31");
        assertThat(TestcontainersProvider.image(ServerKind.MYSQL_57).asCanonicalNameString()).isEqualTo("mysql:5.7.22");
        assertThat(TestcontainersProvider.image(ServerKind.MARIADB_114).asCanonicalNameString())
                .isEqualTo("mariadb:11.4.5");
    }

    @Test
    void withoutADockerEngineAStartFailsSayingSoAndNamesTheBundle() {
        TestcontainersProvider noEngine = new TestcontainersProvider(() -> false);
        assertThatThrownBy(() -> noEngine.start(ServerKind.MYSQL_80))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("Cannot start MySQL 8.0.31 (mysql:8.0.31) with the Testcontainers provider")
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("io.github.auroramigrate:aurora-migrate-testkit-mysql80 (no Docker needed");
        assertThatThrownBy(() -> noEngine.start(ServerKind.MYSQL_84))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("no bundled binaries exist for MySQL 8.4.8")
                .hasMessageNotContaining("aurora-migrate-testkit-mysql");
    }
}
