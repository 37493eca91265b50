package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.AuroraProfile;

import java.sql.Connection;
import java.sql.SQLException;

/** Installs the Aurora-like master user and mysql.rds_* procedures. */
public final class AuroraEmulation {
    private AuroraEmulation() {
    }

    /** Installs {@code profile} through a root connection. */
    public static void install(Connection root, AuroraProfile profile, String user, String password) throws SQLException {
        throw new UnsupportedOperationException("Aurora profiles are not implemented yet");
    }
}
