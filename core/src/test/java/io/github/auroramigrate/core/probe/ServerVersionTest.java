package io.github.auroramigrate.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerVersionTest {
    @Test
    void parsesTheFormsServersReport() {
        assertThat(ServerVersion.parse("8.0.31").number()).isEqualTo("8.0.31");
        assertThat(ServerVersion.parse("5.7.22-log").number()).isEqualTo("5.7.22");
        assertThat(ServerVersion.parse("11.4.5-MariaDB-log").number()).isEqualTo("11.4.5");
        assertThat(ServerVersion.parse("5.5.5-10.6.12-MariaDB").number()).isEqualTo("10.6.12");
        assertThat(ServerVersion.parse("8.0.mysql_aurora.3.04.0").number()).isEqualTo("8.0.0");
    }

    @Test
    void comparesNumerically() {
        assertThat(ServerVersion.parse("8.0.31").atLeast(8, 0, 22)).isTrue();
        assertThat(ServerVersion.parse("8.0.9").atLeast(8, 0, 22)).isFalse();
        assertThat(ServerVersion.parse("10.11.2").compareTo(ServerVersion.parse("10.9.9"))).isPositive();
    }
}
