package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * <pre>{@code List<String> flags = Commands.settings(ServerKind.MYSQL_57, serverId);}</pre>
 *
 * Command lines to initialise and start each server kind (flags measured in SERVERS.md).
 */
public final class Commands {
    /** Bounds binlog growth in long test JVMs; tests that need old binlogs run well within it. */
    static final int BINLOG_EXPIRE_SECONDS = 3600;

    private Commands() {
    }

    static List<String> initialize(ServerKind kind, Path basedir, Path datadir) {
        List<String> cmd = new ArrayList<>();
        if (kind.isMariaDb()) {
            cmd.add(basedir.resolve("scripts/mariadb-install-db").toString());
            cmd.add("--no-defaults");
            cmd.add("--user=root");
            cmd.add("--basedir=" + basedir);
            cmd.add("--datadir=" + datadir);
            cmd.add("--auth-root-authentication-method=normal");
            cmd.add("--skip-test-db");
            cmd.add("--skip-name-resolve");
            return cmd;
        }
        cmd.add(basedir.resolve("bin/mysqld").toString());
        cmd.add("--no-defaults");
        cmd.add("--initialize-insecure");
        cmd.add("--user=root");
        cmd.add("--basedir=" + basedir);
        cmd.add("--datadir=" + datadir);
        if (kind == ServerKind.MYSQL_80) {
            cmd.add("--skip-log-bin");     // 8.0 logs by default; the template needs no binlog
        }
        return cmd;
    }

    static List<String> start(ServerKind kind, Path basedir, ServerPaths paths, int port, long serverId) {
        List<String> cmd = new ArrayList<>();
        cmd.add(basedir.resolve(kind.isMariaDb() ? "bin/mariadbd" : "bin/mysqld").toString());
        cmd.add("--no-defaults");
        cmd.add("--user=root");
        cmd.add("--basedir=" + basedir);
        cmd.add("--datadir=" + paths.dataDir());
        cmd.add("--port=" + port);
        cmd.add("--socket=" + paths.socket());
        cmd.add("--pid-file=" + paths.pidFile());
        cmd.add("--log-error=" + paths.errorLog());
        cmd.add("--tmpdir=" + paths.tmpDir());
        cmd.add("--secure-file-priv=" + paths.filesDir());
        cmd.add("--bind-address=127.0.0.1");
        if (kind.isMariaDb()) {
            cmd.add("--lc-messages-dir=" + basedir.resolve("share"));
        }
        cmd.addAll(settings(kind, serverId));
        return cmd;
    }

    /**
     * The server settings every provider applies, whatever runs the server (local process or container):
     * server_id, binlog ROW, local_infile, packet size, binlog expiry, speed over durability.
     */
    public static List<String> settings(ServerKind kind, long serverId) {
        List<String> cmd = new ArrayList<>();
        cmd.add("--server-id=" + serverId);
        cmd.add("--local-infile=1");
        cmd.add("--max-allowed-packet=64M");
        cmd.add("--log-bin=binlog");
        cmd.add("--relay-log=relay-bin");
        cmd.add("--binlog-format=ROW");
        cmd.add("--max-binlog-size=256M");
        // test servers trade durability for speed; replication and binlog semantics are unchanged
        cmd.add("--innodb-flush-log-at-trx-commit=2");
        cmd.add("--sync-binlog=0");
        // each native-AIO server takes thousands of the kernel's fs.aio-max-nr (65536) slots: with ~20 servers of a
        // suite and its fault tests alive at once, the next start fails in io_setup; synchronous I/O is fine for tests
        cmd.add("--innodb-use-native-aio=0");
        switch (kind) {
            case MYSQL_80:
            case MYSQL_84:
                cmd.add("--mysqlx=0");
                cmd.add("--binlog-expire-logs-seconds=" + BINLOG_EXPIRE_SECONDS);
                break;
            case MYSQL_57:
                // 5.7 aborts on --mysqlx=0; binlog_expire_logs_seconds does not exist before 8.0
                cmd.add("--expire-logs-days=1");
                // lets the rds_* procedures read the replica's coordinates from mysql.slave_master_info
                cmd.add("--master-info-repository=TABLE");
                cmd.add("--relay-log-info-repository=TABLE");
                break;
            case MARIADB_114:
                cmd.add("--binlog-expire-logs-seconds=" + BINLOG_EXPIRE_SECONDS);
                cmd.add("--skip-ssl");         // 11.4 otherwise generates a certificate at boot (6-10 s)
                break;
            default:
                throw new IllegalArgumentException(kind.name());
        }
        return cmd;
    }
}
