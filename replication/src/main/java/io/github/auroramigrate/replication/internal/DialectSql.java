package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The replication statements of one dialect on one server version. Pure: builds statements, runs nothing.
 * Immutable and thread-safe.
 */
public final class DialectSql {
    private final Dialect dialect;
    private final ServerFacts facts;

    /**
     * @param dialect the dialect to speak
     * @param facts   the server (version decides the finer syntax, RDS procedure names come from it)
     */
    public DialectSql(Dialect dialect, ServerFacts facts) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the server facts */
    public ServerFacts facts() {
        return facts;
    }

    /** Whether MySQL speaks the 8.0.22+ REPLICA keywords (START REPLICA, SHOW REPLICA STATUS). */
    private boolean replicaKeywords() {
        return !facts.mariaDb() && facts.atLeast(8, 0, 22);
    }

    /** Whether CHANGE REPLICATION SOURCE TO exists (MySQL 8.0.23+). */
    private boolean sourceKeywords() {
        return dialect != Dialect.MARIADB && dialect != Dialect.MYSQL_57 && !facts.mariaDb() && facts.atLeast(8, 0, 23);
    }

    private String lit(String s) {
        return SqlLiterals.literal(s, facts.noBackslashEscapes());
    }

    /** The name of an RDS procedure, master or source spelling, whichever the server has (source on 8.0+). */
    String rdsProcedure(String masterName) {
        String sourceName = masterName.replace("master", "source");
        boolean hasMaster = facts.rdsProcedures().containsKey(masterName);
        boolean hasSource = facts.rdsProcedures().containsKey(sourceName);
        if (hasSource && (!hasMaster || facts.atLeast(8, 0, 0))) {
            return sourceName;
        }
        if (hasMaster) {
            return masterName;
        }
        return facts.atLeast(8, 0, 0) ? sourceName : masterName;
    }

    /**
     * The statements that point the target at the source.
     *
     * @param spec where and from where to replicate
     * @return statements in order; their {@code display} masks the password
     */
    public List<SqlStatement> configure(ChannelSpec spec) {
        if (dialect == Dialect.RDS) {
            return List.of(rdsConfigure(spec));
        }
        List<String> parts = new ArrayList<>();
        boolean src = sourceKeywords();
        String k = src ? "SOURCE" : "MASTER";
        parts.add(k + "_HOST=" + lit(spec.host()));
        parts.add(k + "_PORT=" + spec.port());
        parts.add(k + "_USER=" + lit(spec.user()));
        parts.add(k + "_PASSWORD=" + "\u0000PW\u0000");
        if (dialect == Dialect.MARIADB) {
            if (spec.autoPosition()) {
                parts.add("MASTER_USE_GTID=slave_pos");
            } else {
                parts.add("MASTER_LOG_FILE=" + lit(spec.position().file()));
                parts.add("MASTER_LOG_POS=" + spec.position().position());
                parts.add("MASTER_USE_GTID=no");
            }
        } else if (spec.autoPosition()) {
            parts.add(k + "_AUTO_POSITION=1");
        } else {
            parts.add(k + "_LOG_FILE=" + lit(spec.position().file()));
            parts.add(k + "_LOG_POS=" + spec.position().position());
            parts.add(k + "_AUTO_POSITION=0");
        }
        // Explicit both ways: MariaDB 11.4 defaults to MASTER_SSL=1 and then fails (2026) against a source without TLS.
        parts.add(k + "_SSL=" + (spec.tls() ? 1 : 0));
        if (!spec.tls() && !facts.mariaDb() && facts.atLeast(8, 0, 4)) {
            // A caching_sha2_password user over a plain channel needs the source's RSA key.
            parts.add(src ? "GET_SOURCE_PUBLIC_KEY=1" : "GET_MASTER_PUBLIC_KEY=1");
        }
        parts.add(k + "_CONNECT_RETRY=" + spec.connectRetry());
        String head = src ? "CHANGE REPLICATION SOURCE TO " : "CHANGE MASTER TO ";
        String template = head + String.join(", ", parts);
        String sql = template.replace("\u0000PW\u0000", lit(spec.password()));
        String display = template.replace("\u0000PW\u0000", "'****'");
        return List.of(new SqlStatement(sql, List.of(), display, spec.password()));
    }

    private SqlStatement rdsConfigure(ChannelSpec spec) {
        String base = spec.autoPosition() ? rdsProcedure("rds_set_external_master_with_auto_position")
                : rdsProcedure("rds_set_external_master");
        List<Object> params = new ArrayList<>(List.of(spec.host(), spec.port(), spec.user(), spec.password()));
        if (!spec.autoPosition()) {
            params.add(spec.position().file());
            params.add(spec.position().position());
        }
        params.add(spec.tls() ? 1 : 0);
        Integer declared = facts.rdsProcedures().get(base);
        while (declared != null && params.size() < declared) {
            params.add(0); // trailing optional arguments such as RDS MySQL's delay: 0 = none
        }
        String marks = String.join(", ", java.util.Collections.nCopies(params.size(), "?"));
        List<Object> shown = new ArrayList<>(params);
        shown.set(3, "****");
        return new SqlStatement("CALL mysql." + base + "(" + marks + ")", params,
                "CALL mysql." + base + "(" + displayArgs(shown) + ")", spec.password());
    }

    private static String displayArgs(List<Object> args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(a instanceof String s ? "'" + s + "'" : String.valueOf(a));
        }
        return String.join(", ", out);
    }

    /**
     * Statements that make the target treat {@code gtids} as already applied, so auto-positioning starts after them.
     *
     * @param gtids       the set recorded with the dump
     * @param targetEmpty whether the target's gtid_executed is empty (5.7 requires it)
     */
    public List<SqlStatement> setGtidPurged(GtidSet gtids, boolean targetEmpty) {
        return switch (dialect) {
            case MARIADB -> List.of(SqlStatement.of("SET GLOBAL gtid_slave_pos = " + lit(gtids.text())));
            case RDS -> {
                if (!facts.rdsProcedures().containsKey("rds_gtid_purged")) {
                    throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                            "Starting from a GTID set needs mysql.rds_gtid_purged to mark the set as applied, and "
                                    + facts.describe() + " has no such procedure: AWS documents it for Aurora MySQL 3 "
                                    + "(3.04 and higher) only, and the master user may not SET GLOBAL gtid_purged")
                            .withAdvice("Start from the binary log file and position recorded with the dump instead: "
                                    + "startAt(BinlogPosition), e.g. dump.binlogPosition().orElseThrow()."));
                }
                String append = "+" + gtids.text();
                yield List.of(new SqlStatement("CALL mysql.rds_gtid_purged(?)", List.of(append),
                        "CALL mysql.rds_gtid_purged('" + append + "')", null));
            }
            default -> {
                if (facts.atLeast(8, 0, 0)) {
                    yield List.of(SqlStatement.of("SET GLOBAL gtid_purged = " + lit("+" + gtids.text())));
                }
                if (!targetEmpty) {
                    throw new ReplicationException(Diagnosis.of(DiagnosisCode.GTID_NOT_AVAILABLE,
                            "MySQL " + facts.version() + " can set gtid_purged only while gtid_executed is empty")
                            .withAdvice("Run RESET MASTER on the target first (it must not be a source itself), or "
                                    + "start from a binary log position."));
                }
                yield List.of(SqlStatement.of("SET GLOBAL gtid_purged = " + lit(gtids.text())));
            }
        };
    }

    /**
     * Statements that skip the transaction with {@code gtid} on a MySQL channel with GTID auto-positioning (the skip
     * counter does nothing there): {@code mysql.rds_skip_transaction_with_gtid} on RDS, elsewhere an empty
     * transaction committed under that GTID, to be run on one connection while the applier is stopped.
     *
     * @throws ReplicationException REPLICATION_UNSUPPORTED on RDS without the procedure, and on MariaDB (whose skip
     *                              counter works with GTIDs: use {@link #skipOne()})
     */
    public List<SqlStatement> skipGtid(String gtid) {
        if (!FailingGtid.isGtid(gtid)) {
            throw new IllegalArgumentException("not one GTID: " + gtid);
        }
        if (dialect == Dialect.MARIADB) {
            throw unsupported("skipping by GTID", "MariaDB's skip counter works with GTIDs: skip with skipOne().");
        }
        if (dialect == Dialect.RDS) {
            if (!facts.rdsProcedures().containsKey("rds_skip_transaction_with_gtid")) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                        "This channel uses GTID auto-positioning, where mysql.rds_skip_repl_error cannot skip anything "
                                + "(MySQL ignores the skip counter for it), and " + facts.describe() + " has no "
                                + "mysql.rds_skip_transaction_with_gtid (AWS documents it for Aurora MySQL 2 and 3)")
                        .withAdvice("Fix the row on the target and start() again; or turn auto-positioning off "
                                + "(CALL mysql." + rdsProcedure("rds_set_master_auto_position") + "(0)), skipTransaction(), "
                                + "and turn it on again."));
            }
            return List.of(new SqlStatement("CALL mysql.rds_skip_transaction_with_gtid(?)", List.of(gtid),
                    "CALL mysql.rds_skip_transaction_with_gtid('" + gtid + "')", null));
        }
        return List.of(SqlStatement.of("SET GTID_NEXT = " + lit(gtid)), SqlStatement.of("BEGIN"),
                SqlStatement.of("COMMIT"), SqlStatement.of("SET GTID_NEXT = 'AUTOMATIC'"));
    }

    /**
     * @return why this dialect cannot honour a connect-retry interval, or empty when it can (the {@code mysql.rds_*}
     *         procedures that configure the channel take no such argument)
     */
    public Optional<String> connectRetryUnsupported() {
        return dialect == Dialect.RDS ? Optional.of(RDS_CONNECT_RETRY) : Optional.empty();
    }

    /** Why the RDS dialect refuses {@code connectRetry(...)}. */
    public static final String RDS_CONNECT_RETRY = "the mysql.rds_set_external_* procedures that configure the channel "
            + "take no connect-retry argument, so connectRetry(...) cannot be applied (the server keeps its own interval, "
            + "60 seconds by default)";

    /** @return the statement that starts both replication threads */
    public SqlStatement start() {
        return switch (dialect) {
            case RDS -> SqlStatement.of("CALL mysql.rds_start_replication");
            case MARIADB -> SqlStatement.of("START SLAVE");
            default -> SqlStatement.of(replicaKeywords() ? "START REPLICA" : "START SLAVE");
        };
    }

    /** @return the statement that stops both replication threads */
    public SqlStatement stop() {
        return switch (dialect) {
            case RDS -> SqlStatement.of("CALL mysql.rds_stop_replication");
            case MARIADB -> SqlStatement.of("STOP SLAVE");
            default -> SqlStatement.of(replicaKeywords() ? "STOP REPLICA" : "STOP SLAVE");
        };
    }

    /** @return the statement that stops only the SQL (applier) thread; not available on RDS */
    public SqlStatement stopApplier() {
        if (dialect == Dialect.RDS) {
            throw unsupported("stopping only the SQL thread", "Use stop() (mysql.rds_stop_replication), which stops both.");
        }
        return SqlStatement.of(stop().sql() + " SQL_THREAD");
    }

    /** @return the statement that starts only the SQL (applier) thread; not available on RDS */
    public SqlStatement startApplier() {
        if (dialect == Dialect.RDS) {
            throw unsupported("starting only the SQL thread", "Use start() (mysql.rds_start_replication).");
        }
        return SqlStatement.of(start().sql() + " SQL_THREAD");
    }

    /** @return the statement that forgets the replication configuration (after stop) */
    public SqlStatement reset() {
        return switch (dialect) {
            case RDS -> SqlStatement.of("CALL mysql." + rdsProcedure("rds_reset_external_master"));
            case MARIADB -> SqlStatement.of("RESET SLAVE ALL");
            default -> SqlStatement.of(replicaKeywords() ? "RESET REPLICA ALL" : "RESET SLAVE ALL");
        };
    }

    /** @return the replica status query */
    public SqlStatement showStatus() {
        return SqlStatement.of(replicaKeywords() ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS");
    }

    /** @return the query for this server's own binary log position, as a source */
    public SqlStatement showSourceStatus() {
        if (!facts.mariaDb() && facts.atLeast(8, 2, 0)) {
            return SqlStatement.of("SHOW BINARY LOG STATUS");
        }
        return SqlStatement.of("SHOW MASTER STATUS");
    }

    /**
     * Statements that skip the one event group (transaction) the SQL thread stopped on; the caller stops replication
     * before and starts it after, except on RDS where the procedure does both.
     */
    public List<SqlStatement> skipOne() {
        return switch (dialect) {
            case RDS -> List.of(SqlStatement.of("CALL mysql.rds_skip_repl_error"));
            case MARIADB -> List.of(SqlStatement.of("SET GLOBAL sql_slave_skip_counter = 1"));
            default -> List.of(SqlStatement.of(facts.atLeast(8, 0, 26) ? "SET GLOBAL sql_replica_skip_counter = 1"
                    : "SET GLOBAL sql_slave_skip_counter = 1"));
        };
    }

    /**
     * Statements that move the channel to the start of the next binary log file; on RDS the procedure does it
     * (and restarts replication), elsewhere the caller stops before and starts after.
     *
     * @param current the file the I/O thread is stuck on
     */
    public List<SqlStatement> nextLogFile(BinlogPosition current) {
        BinlogPosition next = current.nextFile();
        if (dialect == Dialect.RDS) {
            return List.of(new SqlStatement("CALL mysql." + rdsProcedure("rds_next_master_log") + "(?)",
                    List.of(current.fileIndex()), "CALL mysql." + rdsProcedure("rds_next_master_log") + "("
                    + current.fileIndex() + ")", null));
        }
        String sql = sourceKeywords()
                ? "CHANGE REPLICATION SOURCE TO SOURCE_LOG_FILE=" + lit(next.file()) + ", SOURCE_LOG_POS=4"
                : "CHANGE MASTER TO MASTER_LOG_FILE=" + lit(next.file()) + ", MASTER_LOG_POS=4";
        return List.of(SqlStatement.of(sql));
    }

    /** @return whether the skip and next-file procedures stop and start replication themselves (RDS) */
    public boolean remediesRestartThemselves() {
        return dialect == Dialect.RDS;
    }

    private ReplicationException unsupported(String what, String advice) {
        return new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                what + " is not available in the " + dialect + " dialect (" + facts.describe() + ")").withAdvice(advice));
    }
}
