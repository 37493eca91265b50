package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.Providers;
import io.github.auroramigrate.testkit.spi.BundledServerProvider;
import io.github.auroramigrate.testkit.spi.ServerProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real ServiceLoader lookup over the three bundle artifacts, and over the same classpath with the 5.7
 * bundle's registration hidden, as a user who did not add {@code aurora-migrate-testkit-mysql57} has it.
 */
class BundleLookupTest {

    @Test
    void eachBundleRegistersOneLocalProviderForItsKind() {
        List<ServerProvider> all = Providers.load(getClass().getClassLoader());
        assertThat(all).hasSize(3).allMatch(p -> p instanceof BundledServerProvider && p.name().equals("local"));
        assertThat(all.stream().map(p -> ((BundledServerProvider) p).kind()))
                .containsExactlyInAnyOrder(ServerKind.MYSQL_80, ServerKind.MYSQL_57, ServerKind.MARIADB_114);
        for (ServerProvider p : all) {
            assertThat(ServerKind.values()).filteredOn(p::supports).containsExactly(((BundledServerProvider) p).kind());
        }
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_84, Optional.empty(), all))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("add the test dependency io.github.auroramigrate:aurora-migrate-testkit-testcontainers");
    }

    @Test
    void withoutThe57BundleTheMessageNamesIt() {
        ClassLoader without57 = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(super.getResources(name));
                urls.removeIf(u -> u.toString().contains("testkit-mysql57"));
                return Collections.enumeration(urls);
            }
        };
        List<ServerProvider> providers = Providers.load(without57);
        assertThat(providers).hasSize(2);
        assertThat(Providers.forKind(ServerKind.MYSQL_80, Optional.empty(), providers).getClass().getSimpleName())
                .isEqualTo("MySql80Provider");
        assertThatThrownBy(() -> Providers.forKind(ServerKind.MYSQL_57, Optional.empty(), providers))
                .isInstanceOf(TestkitException.class)
                .hasMessageStartingWith("No server provider on the classpath can start MySQL 5.7.22 (ServerKind.MYSQL_57)."
                        + " Add the test dependency io.github.auroramigrate:aurora-migrate-testkit-mysql57")
                .hasMessageContaining("Providers on the classpath: local [MYSQL_80], local [MARIADB_114].");
    }
}
