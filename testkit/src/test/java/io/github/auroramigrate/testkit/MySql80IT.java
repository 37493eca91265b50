package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TestServersExtension.class)
class MySql80IT {

    @Test
    void startsWithBinlogRowAndLocalInfile(@Server(ServerKind.MYSQL_80) TestServer s) {
        assertThat(s.version()).startsWith("8.0.31");
        assertThat(s.queryString("SELECT @@log_bin")).contains("1");
        assertThat(s.queryString("SELECT @@binlog_format")).contains("ROW");
        assertThat(s.queryString("SELECT @@local_infile")).contains("1");
        assertThat(s.queryString("SELECT @@server_id")).contains(Long.toString(s.serverId()));
        assertThat(TestServers.shared(ServerKind.MYSQL_80)).isSameAs(s);
    }
}
