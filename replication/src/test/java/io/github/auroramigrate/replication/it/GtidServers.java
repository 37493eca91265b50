package io.github.auroramigrate.replication.it;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;

/**
 * Source and Aurora-like target pairs with GTIDs on, started once per JVM on first use and shared by the GTID ITs
 * (each test works in its own schema and resets replication first). Private servers: turning GTIDs on would change
 * the shared servers other tests use. testkit stops them at JVM exit.
 */
final class GtidServers {
    /** A source and its target. */
    record Pair(TestServer source, TestServer target) {
    }

    private static Pair aurora3;
    private static Pair aurora2;

    private GtidServers() {
    }

    /** MySQL 8.0 source and Aurora-like MySQL 3 target, GTIDs on. */
    static synchronized Pair aurora3() {
        if (aurora3 == null) {
            aurora3 = start(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3);
        }
        return aurora3;
    }

    /** MySQL 5.7 source and Aurora-like MySQL 2 target, GTIDs on. */
    static synchronized Pair aurora2() {
        if (aurora2 == null) {
            aurora2 = start(ServerKind.MYSQL_57, AuroraProfile.AURORA_MYSQL_2);
        }
        return aurora2;
    }

    private static Pair start(ServerKind kind, AuroraProfile target) {
        TestServer src = TestServers.startPrivate(kind, AuroraProfile.NONE);
        TestServer tgt = TestServers.startPrivate(kind, target);
        src.enableGtid();
        tgt.enableGtid();
        return new Pair(src, tgt);
    }
}
