package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesAndRolesTest {

    @Test
    void profilesRunOnTheirKindOnly() {
        AuroraProfile.AURORA_MYSQL_2.checkCompatible(ServerKind.MYSQL_57);
        AuroraProfile.AURORA_MYSQL_3.checkCompatible(ServerKind.MYSQL_80);
        for (ServerKind kind : ServerKind.values()) {
            AuroraProfile.NONE.checkCompatible(kind);
        }
        assertThatThrownBy(() -> AuroraProfile.AURORA_MYSQL_2.checkCompatible(ServerKind.MYSQL_80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MYSQL_57");
        assertThatThrownBy(() -> AuroraProfile.AURORA_MYSQL_3.checkCompatible(ServerKind.MARIADB_114))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuroraProfile.NONE.checkCompatible(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyRoleDefaultsToProfileName() {
        assertThat(TestServers.normalizeRole(AuroraProfile.NONE, "")).isEqualTo("none");
        assertThat(TestServers.normalizeRole(AuroraProfile.AURORA_MYSQL_3, " ")).isEqualTo("aurora_mysql_3");
        assertThat(TestServers.normalizeRole(AuroraProfile.NONE, "source")).isEqualTo("source");
        assertThatThrownBy(() -> TestServers.normalizeRole(AuroraProfile.NONE, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void kindsKnowTheirVersions() {
        assertThat(ServerKind.MYSQL_80.version()).isEqualTo("8.0.31");
        assertThat(ServerKind.MYSQL_57.version()).isEqualTo("5.7.22");
        assertThat(ServerKind.MARIADB_114.version()).isEqualTo("11.4.5");
        assertThat(ServerKind.MYSQL_84.version()).isEqualTo("8.4.8");
        assertThat(ServerKind.MYSQL_84.isMariaDb()).isFalse();
        assertThat(ServerKind.MARIADB_114.isMariaDb()).isTrue();
        assertThat(ServerKind.MYSQL_80.displayName()).isEqualTo("MySQL 8.0.31");
    }
}
