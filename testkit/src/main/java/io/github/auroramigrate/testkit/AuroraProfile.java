package io.github.auroramigrate.testkit;

import java.util.Objects;

/**
 * How a test server imitates Amazon Aurora MySQL: which privileges the account returned by
 * {@link TestServer#user()} has, and which {@code mysql.rds_*} procedures exist.
 *
 * <pre>{@code
 * TestServer target = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "target");
 * try (Connection c = target.connection()) {      // as the non-SUPER "master" user
 *     c.createStatement().execute("CALL mysql.rds_stop_replication()");
 * }
 * }</pre>
 *
 * <p>This is an emulation on a community server: see the package documentation for what it does and
 * does not reproduce. Immutable and thread-safe.
 */
public enum AuroraProfile {
    /** A plain server; tests use {@code root} with an empty password. */
    NONE(null),
    /**
     * Aurora MySQL version 2 (MySQL 5.7 compatible) on {@link ServerKind#MYSQL_57}: the master user has
     * the privileges AWS documents for version 2 (no SUPER, FILE, SHUTDOWN), so a {@code DEFINER}
     * naming another account fails with error 1227.
     */
    AURORA_MYSQL_2(ServerKind.MYSQL_57),
    /**
     * Aurora MySQL version 3 (MySQL 8.0 compatible) on {@link ServerKind#MYSQL_80}: the master user has
     * the privileges of AWS's {@code rds_superuser_role} (no SUPER, SYSTEM_VARIABLES_ADMIN,
     * SESSION_VARIABLES_ADMIN, BINLOG_ADMIN, REPLICATION_SLAVE_ADMIN, SYSTEM_USER; with SET_USER_ID),
     * so a {@code DEFINER} naming a missing account is accepted with note 1449 and fails on use.
     */
    AURORA_MYSQL_3(ServerKind.MYSQL_80);

    private final ServerKind requiredKind;

    AuroraProfile(ServerKind requiredKind) {
        this.requiredKind = requiredKind;
    }

    /** True for the Aurora profiles, false for {@link #NONE}. */
    public boolean isAurora() {
        return requiredKind != null;
    }

    /**
     * Checks that this profile can run on {@code kind}.
     *
     * @throws IllegalArgumentException if the profile needs another server kind
     */
    public void checkCompatible(ServerKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (requiredKind != null && requiredKind != kind) {
            throw new IllegalArgumentException(
                    name() + " runs on " + requiredKind + " only, not on " + kind);
        }
    }
}
