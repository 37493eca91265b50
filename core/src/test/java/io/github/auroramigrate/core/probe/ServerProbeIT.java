package io.github.auroramigrate.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe against every bundled flavour and both Aurora-like profiles. */
@ExtendWith(TestServersExtension.class)
class ServerProbeIT {

    @Test
    void mysql80(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        String schema = server.createSchema("probe");
        server.execute("CREATE TABLE `" + schema + "`.m (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE `" + schema + "`.i (id INT PRIMARY KEY) ENGINE=InnoDB COLLATE utf8mb4_0900_ai_ci",
                "CREATE USER IF NOT EXISTS 'someuser'@'%' IDENTIFIED BY 'Someuser-pw-1'",
                "CREATE DEFINER=`someuser`@`%` VIEW `" + schema + "`.v AS SELECT id FROM `" + schema + "`.i");
        ServerInfo info = ServerProbe.probe(TestEndpoints.of(server));

        assertThat(info.flavor()).isEqualTo(Flavor.MYSQL);
        assertThat(info.version().number()).isEqualTo("8.0.31");
        assertBinlogAndBasics(info, server);
        assertThat(info.hasPrivilege("SUPER")).isTrue();
        assertThat(info.hasPrivilege("BACKUP_ADMIN")).isTrue();
        assertThat(info.rdsProcedures()).isFalse();
        assertThat(info.enginesInUse()).containsKeys("MyISAM", "InnoDB");
        assertThat(info.nonInnoDbEngines()).containsKey("MyISAM").doesNotContainKey("InnoDB");
        assertThat(info.collationsInUse()).contains("utf8mb4_0900_ai_ci");
        assertThat(info.definedObjects()).anySatisfy(o -> {
            assertThat(o.type()).isEqualTo("VIEW");
            assertThat(o.schema()).isEqualTo(schema);
            assertThat(o.definerUser()).isEqualTo("someuser");
        });
        assertThat(info.schemas()).contains(schema).doesNotContain("mysql", "sys");
        assertThat(info.authPlugins()).contains("caching_sha2_password");
        assertThat(info.accountPlugins()).containsEntry("someuser@%", "caching_sha2_password");
    }

    @Test
    void settingsOnlyProbeSkipsTheObjectScans(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        server.createSchema("probelight");
        try (java.sql.Connection c = TestEndpoints.of(server).connect()) {
            ServerInfo light = ServerProbe.probeSettings(c, "light");
            ServerInfo full = ServerProbe.probe(c, "full");
            assertThat(light.schemas()).isEmpty();
            assertThat(light.definedObjects()).isEmpty();
            assertThat(full.schemas()).isNotEmpty();
            assertThat(light.version()).isEqualTo(full.version());
            assertThat(light.privileges()).isEqualTo(full.privileges());
            assertThat(light.binlog()).isEqualTo(full.binlog());
            assertThat(light.serverId()).isEqualTo(full.serverId());
        }
    }

    @Test
    void mysql57(@Server(ServerKind.MYSQL_57) TestServer server) {
        ServerInfo info = ServerProbe.probe(TestEndpoints.of(server));
        assertThat(info.flavor()).isEqualTo(Flavor.MYSQL);
        assertThat(info.version().number()).isEqualTo("5.7.22");
        assertBinlogAndBasics(info, server);
        assertThat(info.hasPrivilege("SUPER")).isTrue();
        assertThat(info.hasPrivilege("RELOAD")).isTrue();
        assertThat(info.binlog().gtidMode()).isEqualTo("OFF");
    }

    @Test
    void mariadb(@Server(ServerKind.MARIADB_114) TestServer server) {
        ServerInfo info = ServerProbe.probe(TestEndpoints.of(server));
        assertThat(info.flavor()).isEqualTo(Flavor.MARIADB);
        assertThat(info.version().number()).isEqualTo("11.4.5");
        assertBinlogAndBasics(info, server);
        assertThat(info.binlog().gtidMode()).isEqualTo("MARIADB");
        assertThat(info.hasPrivilege("SUPER")).isTrue();
    }

    @Test
    void auroraLikeMysql3(@Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer server) {
        ServerInfo info = ServerProbe.probe(TestEndpoints.of(server));
        assertThat(info.currentUser()).startsWith(server.user() + "@");
        assertThat(info.rdsProcedures()).as("mysql.rds_* procedures visible to the master user").isTrue();
        assertThat(info.flavor()).isEqualTo(Flavor.RDS_MYSQL);
        assertThat(info.hasPrivilege("SUPER")).isFalse();
        assertThat(info.hasPrivilege("SYSTEM_VARIABLES_ADMIN")).isFalse();
        assertThat(info.hasPrivilege("SET_USER_ID")).isTrue();
        assertThat(info.canSetAnyDefiner()).isTrue();
        assertThat(info.hasSuperLikePrivileges()).isFalse();
    }

    @Test
    void auroraLikeMysql2(@Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer server) {
        ServerInfo info = ServerProbe.probe(TestEndpoints.of(server));
        assertThat(info.version().number()).isEqualTo("5.7.22");
        assertThat(info.rdsProcedures()).isTrue();
        assertThat(info.flavor()).isEqualTo(Flavor.RDS_MYSQL);
        assertThat(info.hasPrivilege("SUPER")).isFalse();
        assertThat(info.canSetAnyDefiner()).isFalse();
        assertThat(info.hasPrivilege("REPLICATION CLIENT")).isTrue();
    }

    private static void assertBinlogAndBasics(ServerInfo info, TestServer server) {
        assertThat(info.binlog().enabled()).isTrue();
        assertThat(info.binlog().format()).isEqualTo("ROW");
        assertThat(info.binlog().replicationReady()).isTrue();
        assertThat(info.binlog().retentionPeriod()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ZERO));
        assertThat(info.serverId()).isEqualTo(server.serverId());
        assertThat(info.localInfile()).isTrue();
        assertThat(info.maxAllowedPacket()).isPositive();
        assertThat(info.currentUser()).isNotBlank();
        assertThat(info.warnings()).isEmpty();
    }
}
