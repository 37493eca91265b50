package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.replication.Dialect;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerFactsTest {
    @Test
    void parsesVersionsAndFlavour() {
        ServerFacts m = ServerFacts.ofVersion("5.7.22-log");
        assertThat(m.info().version().major()).isEqualTo(5);
        assertThat(m.atLeast(5, 7, 22)).isTrue();
        assertThat(m.atLeast(5, 7, 23)).isFalse();
        assertThat(m.atLeast(5, 6, 99)).isTrue();
        assertThat(ServerFacts.ofVersion("11.4.5-MariaDB-log").mariaDb()).isTrue();
        assertThat(ServerFacts.ofVersion("11.4.5-MariaDB-log").dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(ServerFacts.ofVersion("8.4.0").dialect()).isEqualTo(Dialect.MYSQL_84);
        assertThat(ServerFacts.ofVersion("8.0.31").dialect()).isEqualTo(Dialect.MYSQL_80);
        assertThat(ServerFacts.ofVersion("8.0.21").dialect()).isEqualTo(Dialect.MYSQL_57);
    }

    @Test
    void privilegesComeFromTheProbesGrantReading() {
        ServerFacts f = ServerFacts.ofVersion("8.0.31").withRds(Map.of(), Set.of("SELECT", "INSERT", "RELOAD", "PROCESS",
                "REPLICATION SLAVE", "BACKUP_ADMIN", "SET_USER_ID", "XA_RECOVER_ADMIN"));
        assertThat(f.hasPrivilege("REPLICATION SLAVE")).isTrue();
        assertThat(f.hasPrivilege("PROCESS")).isTrue();
        assertThat(f.hasPrivilege("SET_USER_ID")).isTrue();
        assertThat(f.hasPrivilege("SUPER")).isFalse();
    }

    @Test
    void choosesRdsOnlyForManagedServersWithoutSuper() {
        Map<String, Integer> procs = Map.of("rds_set_external_master", 7);
        ServerFacts base = ServerFacts.ofVersion("5.7.22");
        assertThat(base.withRds(procs, Set.of("SELECT", "PROCESS")).dialect()).isEqualTo(Dialect.RDS);
        assertThat(base.withRds(procs, Set.of("ALL PRIVILEGES")).dialect()).isEqualTo(Dialect.MYSQL_57);
        ServerFacts eight = ServerFacts.ofVersion("8.0.31");
        // ALL PRIVILEGES covers static privileges only: a revoked dynamic REPLICATION_SLAVE_ADMIN still means RDS
        assertThat(eight.withRds(Map.of("rds_set_external_source", 7), Set.of("ALL PRIVILEGES")).hasPrivilege(
                "REPLICATION_SLAVE_ADMIN")).isFalse();
        assertThat(eight.withRds(Map.of("rds_set_external_source", 7), Set.of("SELECT", "REPLICATION_SLAVE_ADMIN"))
                .dialect()).isEqualTo(Dialect.MYSQL_80);
        assertThat(eight.withRds(Map.of(), Set.of("SELECT")).dialect()).isEqualTo(Dialect.MYSQL_80);
    }
}
