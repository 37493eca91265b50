package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.StartFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerStartFailureTest {

    @Test
    void missingLibaioGetsTheInstallHint() {
        String log = "/root/.cache/x/bin/mysqld: error while loading shared libraries: libaio.so.1:"
                + " cannot open shared object file: No such file or directory";
        String message = StartFailures.message(ServerKind.MYSQL_80, "MySQL 8.0.31 exited with code 127", log);
        assertThat(message)
                .contains("Cannot start MySQL 8.0.31")
                .contains("install it with `apt-get install -y libaio1` (or run scripts/install-os-deps.sh)")
                .contains(log);
    }

    @Test
    void otherFailuresCarryTheLogTailOnly() {
        String message = StartFailures.message(ServerKind.MYSQL_57, "exited with code 1",
                "[ERROR] Can't start server: Bind on TCP/IP port: Address already in use");
        assertThat(message).contains("Address already in use").doesNotContain("libaio");
    }
}
