package io.github.auroramigrate.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicationUserTest {
    static final ServerFacts MYSQL_80 = ServerFacts.ofVersion("8.0.31");
    static final ServerFacts MYSQL_57 = ServerFacts.ofVersion("5.7.22-log");
    static final ServerFacts MARIADB = ServerFacts.ofVersion("11.4.5-MariaDB-log");
    static final ServerFacts AURORA_3 = MYSQL_80.withRds(Map.of("rds_set_external_source", 7), Set.of("SELECT", "INSERT"));

    @Test
    void pluginFitsBothEnds() {
        assertThat(ReplicationUser.choosePlugin(MYSQL_80, MYSQL_80, false)).isEqualTo("caching_sha2_password");
        assertThat(ReplicationUser.choosePlugin(MYSQL_80, MYSQL_57, false)).isEqualTo("mysql_native_password");
        assertThat(ReplicationUser.choosePlugin(MYSQL_80, MARIADB, true)).isEqualTo("mysql_native_password");
        assertThat(ReplicationUser.choosePlugin(MYSQL_57, MYSQL_80, false)).isEqualTo("mysql_native_password");
        assertThat(ReplicationUser.choosePlugin(MARIADB, MARIADB, false)).isNull();
        assertThat(ReplicationUser.choosePlugin(MYSQL_80, AURORA_3, false)).isEqualTo("mysql_native_password");
        assertThat(ReplicationUser.choosePlugin(MYSQL_80, AURORA_3, true)).isEqualTo("caching_sha2_password");
    }

    @Test
    void noPluginFitsWhenTheSourceOnlyHasCachingSha2AndTheReplicaIsOld() {
        ServerFacts f84 = ServerFacts.ofVersion("8.4.0");
        ServerFacts onlySha2 = f84.withAuthPlugins(Set.of("caching_sha2_password"));
        assertThatThrownBy(() -> ReplicationUser.choosePlugin(onlySha2, MYSQL_57, false))
                .isInstanceOfSatisfying(ReplicationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_CHANNEL_SECURITY));
        assertThat(ReplicationUser.choosePlugin(onlySha2, MYSQL_80, false)).isEqualTo("caching_sha2_password");
    }

    @Test
    void ddlMasksThePasswordAndGrantsPerFlavour() {
        List<SqlStatement> mysql = ReplicationUser.ddl(MYSQL_80, "repl", "%", "s3cr'et", "caching_sha2_password", false);
        assertThat(mysql.get(0).sql()).isEqualTo(
                "CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED WITH caching_sha2_password BY 's3cr''et'");
        assertThat(mysql).allSatisfy(s -> assertThat(s.display()).doesNotContain("s3cr"));
        assertThat(mysql.get(2).sql()).isEqualTo("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'%'");
        List<SqlStatement> maria = ReplicationUser.ddl(MARIADB, "repl", "%", "pw", null, true);
        assertThat(maria.get(0).sql()).isEqualTo("CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY 'pw' REQUIRE SSL");
        assertThat(maria.get(2).sql())
                .isEqualTo("GRANT REPLICATION SLAVE, REPLICATION SLAVE ADMIN, BINLOG MONITOR ON *.* TO 'repl'@'%'");
    }

    @Test
    void toStringHidesPassword() {
        ReplicationUser u = ReplicationUser.of("repl", "topsecret");
        assertThat(u.toString()).doesNotContain("topsecret").contains("'repl'@'%'");
        assertThatThrownBy(() -> ReplicationUser.of("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplicationUser.of("repl", null)).isInstanceOf(NullPointerException.class);
    }
}
