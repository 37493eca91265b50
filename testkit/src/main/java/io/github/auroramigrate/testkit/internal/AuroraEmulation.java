package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.AuroraProfile;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * <pre>{@code AuroraEmulation.install(rootConnection, AuroraProfile.AURORA_MYSQL_3, "master", pw);}</pre>
 *
 * Turns a community server into an Aurora-like one: a master user with the privileges AWS documents
 * for the Aurora version (on version 3 with the {@code AWS_LOAD_S3_ACCESS} role through {@code rds_superuser_role}),
 * an empty {@code mysql.aurora_s3_load_history}, and the {@code mysql.rds_*} replication procedures, installed in the
 * {@code mysql} schema with {@code SQL SECURITY DEFINER} and owned by a locked {@code rdsadmin@localhost}
 * account (as on Aurora), so they can run statements the master user may not run itself.
 * Procedures build dynamic statements with {@code QUOTE()} and run them through PREPARE/EXECUTE.
 */
public final class AuroraEmulation {
    /** Static privileges AWS lists for the Aurora MySQL version 2 master user, minus Aurora-only ones
     *  (LOAD FROM S3, SELECT INTO S3, INVOKE LAMBDA...). No SUPER, FILE, SHUTDOWN, CREATE TABLESPACE. */
    static final String AURORA2_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, PROCESS,"
            + " REFERENCES, INDEX, ALTER, SHOW DATABASES, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE,"
            + " REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE,"
            + " CREATE USER, EVENT, TRIGGER";
    /** Aurora MySQL version 3 (through 3.09): the version 2 list plus CREATE/DROP ROLE and these dynamic
     *  privileges. Absent, as on Aurora: SUPER, SYSTEM_VARIABLES_ADMIN, SESSION_VARIABLES_ADMIN,
     *  REPLICATION_SLAVE_ADMIN, BINLOG_ADMIN, SYSTEM_USER, FILE, SHUTDOWN and the other *_ADMIN ones. */
    static final String AURORA3_PRIVILEGES = AURORA2_PRIVILEGES + ", CREATE ROLE, DROP ROLE,"
            + " APPLICATION_PASSWORD_ADMIN, CONNECTION_ADMIN, ROLE_ADMIN, SET_USER_ID, XA_RECOVER_ADMIN,"
            + " SHOW_ROUTINE, FLUSH_OPTIMIZER_COSTS, FLUSH_STATUS, FLUSH_TABLES, FLUSH_USER_RESOURCES";
    static final String OWNER = "'rdsadmin'@'localhost'";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuroraEmulation() {
    }

    /**
     * Installs {@code profile} through a root connection: creates the master user {@code user}@'%' with
     * {@code password}, the procedure owner, the configuration table and the procedures. Nothing of it
     * is written to the binlog.
     */
    public static void install(Connection root, AuroraProfile profile, String user, String password)
            throws SQLException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!profile.isAurora()) {
            return;
        }
        boolean v3 = profile == AuroraProfile.AURORA_MYSQL_3;
        List<String> sql = new ArrayList<>();
        sql.add("SET SESSION sql_log_bin = 0");
        String ownerPassword = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + "Aa1!";
        sql.add("CREATE USER " + OWNER + " IDENTIFIED BY " + literal(ownerPassword) + " ACCOUNT LOCK");
        sql.add("GRANT ALL PRIVILEGES ON *.* TO " + OWNER + " WITH GRANT OPTION");
        String master = literal(user) + "@'%'";
        sql.add("CREATE USER " + master + " IDENTIFIED BY " + literal(password));
        if (v3) {
            sql.add("GRANT " + AURORA3_PRIVILEGES + " ON *.* TO " + master + " WITH GRANT OPTION");
            sql.add("CREATE ROLE 'rds_superuser_role'");
            sql.add("GRANT " + AURORA3_PRIVILEGES + " ON *.* TO 'rds_superuser_role' WITH GRANT OPTION");
            sql.add("GRANT 'rds_superuser_role' TO " + master);
            sql.add("SET DEFAULT ROLE 'rds_superuser_role' TO " + master);
            // Aurora 3's role for LOAD DATA FROM S3, which the master user holds through rds_superuser_role
            sql.add("CREATE ROLE 'AWS_LOAD_S3_ACCESS'");
            sql.add("GRANT 'AWS_LOAD_S3_ACCESS' TO 'rds_superuser_role'");
        } else {
            sql.add("GRANT " + AURORA2_PRIVILEGES + " ON *.* TO " + master + " WITH GRANT OPTION");
        }
        sql.add("CREATE TABLE mysql.rds_configuration (name VARCHAR(100) NOT NULL PRIMARY KEY,"
                + " value VARCHAR(100) NULL, description VARCHAR(300) NOT NULL) ENGINE=InnoDB");
        sql.add("INSERT INTO mysql.rds_configuration VALUES ('binlog retention hours', NULL,"
                + " 'binlog retention hours specifies the duration in hours before binary logs are"
                + " automatically deleted.')");
        // where Aurora records the files LOAD DATA FROM S3 read (written by the server, readable by the master user)
        sql.add("CREATE TABLE mysql.aurora_s3_load_history (load_prefix VARCHAR(2000) NOT NULL,"
                + " file_name VARCHAR(2000) NOT NULL, version_number VARCHAR(200) NULL, bytes_loaded BIGINT UNSIGNED"
                + " NOT NULL, load_timestamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB");
        sql.addAll(RdsProcedures.create(v3, OWNER));
        try (Statement st = root.createStatement()) {
            for (String s : sql) {
                try {
                    st.execute(s);
                } catch (SQLException e) {
                    throw new SQLException("Aurora emulation step failed: " + redact(s, password, ownerPassword)
                            + " -> " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
            st.execute("SET SESSION sql_log_bin = 1");
        }
    }

    private static String redact(String sql, String... secrets) {
        String out = sql;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    /** A single-quoted SQL string literal (backslashes and quotes escaped). */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Placeholder substitution for the procedure templates. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
