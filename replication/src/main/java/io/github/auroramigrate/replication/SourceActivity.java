package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.replication.internal.Jdbc;
import io.github.auroramigrate.replication.internal.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is in flight on a server right now that a cut-over must not cut through: open InnoDB transactions (with their
 * age and whether they wrote or locked anything) and schema changes (DDL statements running or waiting for a metadata
 * lock). The cut-over guardrails read it before writes stop ("no long-running write transaction, no DDL") and after
 * ("writes really stopped").
 *
 * <pre>{@code
 * SourceActivity a = SourceActivity.read(source);
 * if (!a.writingLongerThan(Duration.ofSeconds(30)).isEmpty() || !a.ddl().isEmpty()) {
 *     log.warn("not yet: {}", a.describe());
 * }
 * }</pre>
 *
 * <p>Read from {@code information_schema.INNODB_TRX} and {@code information_schema.PROCESSLIST} (MySQL 5.7, 8.0, 8.4,
 * MariaDB, Aurora/RDS alike); the reading connection itself is left out. Seeing other accounts' sessions needs the
 * {@code PROCESS} privilege (the Aurora/RDS master user has it): without it only the account's own sessions show, so
 * the guardrail would miss the others. Immutable and thread-safe.
 *
 * @param readAt       when it was read (this JVM's clock)
 * @param transactions the open InnoDB transactions of other sessions
 * @param ddl          the schema-changing statements other sessions are running or waiting to run
 */
public record SourceActivity(Instant readAt, List<OpenTransaction> transactions, List<RunningStatement> ddl) {
    private static final Pattern DDL = Pattern.compile(
            "^\\s*(?:/\\*.*?\\*/\\s*)*(ALTER|CREATE|DROP|RENAME|TRUNCATE|OPTIMIZE|REPAIR)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int SHOWN = 200;

    /** Validates and copies. */
    public SourceActivity {
        Objects.requireNonNull(readAt, "readAt");
        transactions = List.copyOf(transactions);
        ddl = List.copyOf(ddl);
    }

    /**
     * One open transaction.
     *
     * @param connectionId the session's id (for {@code KILL}, or {@code CALL mysql.rds_kill} on Aurora/RDS)
     * @param user         the session's account, empty when not visible
     * @param host         the client's host, empty when not visible
     * @param age          how long the transaction has been open (whole seconds)
     * @param rowsModified rows it has changed so far
     * @param lockStructs  InnoDB lock structures it holds (a locking read or a write)
     * @param state        InnoDB's state: RUNNING, LOCK WAIT, ROLLING BACK, COMMITTING
     * @param statement    what it runs now (the first 200 characters), empty when idle
     */
    public record OpenTransaction(long connectionId, String user, String host, Duration age, long rowsModified,
            long lockStructs, String state, String statement) {
        /** Validates. */
        public OpenTransaction {
            Objects.requireNonNull(age, "age");
            user = user == null ? "" : user;
            host = host == null ? "" : host;
            state = state == null ? "" : state;
            statement = statement == null ? "" : statement;
        }

        /** @return whether it has written rows or holds locks (a plain consistent read does neither) */
        public boolean writes() {
            return rowsModified > 0 || lockStructs > 0;
        }

        @Override
        public String toString() {
            return "transaction of connection " + connectionId + (user.isEmpty() ? "" : " (" + user + "@" + host + ")")
                    + " open " + Human.duration(age) + ", " + rowsModified + " rows changed, " + state
                    + (statement.isEmpty() ? "" : ": " + statement);
        }
    }

    /**
     * A schema-changing statement in progress.
     *
     * @param connectionId the session's id
     * @param user         its account
     * @param time         how long it has been running (whole seconds)
     * @param state        the thread's state, e.g. {@code Waiting for table metadata lock}
     * @param statement    the statement (the first 200 characters)
     */
    public record RunningStatement(long connectionId, String user, Duration time, String state, String statement) {
        /** Validates. */
        public RunningStatement {
            Objects.requireNonNull(time, "time");
            user = user == null ? "" : user;
            state = state == null ? "" : state;
            statement = statement == null ? "" : statement;
        }

        @Override
        public String toString() {
            return "DDL on connection " + connectionId + " (" + user + ") for " + Human.duration(time)
                    + (state.isEmpty() ? "" : ", " + state) + ": " + statement;
        }
    }

    /**
     * Reads what is in flight on {@code server} (one connection, closed before this returns).
     *
     * @param server the server, as an account with the PROCESS privilege
     * @return what it found
     * @throws io.github.auroramigrate.core.diagnose.MigrationException diagnosed when the server cannot be read
     */
    public static SourceActivity read(Endpoint server) {
        Objects.requireNonNull(server, "server");
        String where = server.describe();
        SqlStatement trx = SqlStatement.of("SELECT t.trx_mysql_thread_id AS id, p.USER AS user, p.HOST AS host, "
                + "TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS age, t.trx_rows_modified AS rows_modified, "
                + "t.trx_lock_structs AS lock_structs, t.trx_state AS state, LEFT(t.trx_query, " + SHOWN + ") AS query "
                + "FROM information_schema.INNODB_TRX t LEFT JOIN information_schema.PROCESSLIST p "
                + "ON p.ID = t.trx_mysql_thread_id WHERE t.trx_mysql_thread_id <> CONNECTION_ID() "
                + "ORDER BY t.trx_started");
        SqlStatement ps = SqlStatement.of("SELECT ID AS id, USER AS user, TIME AS time, STATE AS state, "
                + "LEFT(INFO, " + SHOWN + ") AS info FROM information_schema.PROCESSLIST "
                + "WHERE ID <> CONNECTION_ID() AND COMMAND IN ('Query', 'Execute') AND INFO IS NOT NULL");
        try (Connection c = server.connect()) {
            List<OpenTransaction> transactions = new ArrayList<>();
            for (Map<String, String> r : Jdbc.rows(c, trx, where, 10_000)) {
                transactions.add(new OpenTransaction(number(r.get("id")), r.get("user"), r.get("host"),
                        Duration.ofSeconds(Math.max(0, number(r.get("age")))), number(r.get("rows_modified")),
                        number(r.get("lock_structs")), r.get("state"), r.get("query")));
            }
            List<RunningStatement> ddl = new ArrayList<>();
            for (Map<String, String> r : Jdbc.rows(c, ps, where, 10_000)) {
                String info = r.get("info");
                if (info != null && DDL.matcher(info).find()) {
                    ddl.add(new RunningStatement(number(r.get("id")), r.get("user"),
                            Duration.ofSeconds(Math.max(0, number(r.get("time")))), r.get("state"), info));
                }
            }
            return new SourceActivity(Instant.now(), transactions, ddl);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("SELECT ... FROM information_schema.INNODB_TRX"), where);
        }
    }

    private static long number(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the open transactions that wrote or locked something and have been open longer than {@code age} */
    public List<OpenTransaction> writingLongerThan(Duration age) {
        return transactions.stream().filter(t -> t.writes() && t.age().compareTo(age) > 0).toList();
    }

    /** @return the open transactions that wrote or locked something, however young */
    public List<OpenTransaction> writing() {
        return transactions.stream().filter(OpenTransaction::writes).toList();
    }

    /** @return one line for people: what is in flight, or {@code nothing in flight} */
    public String describe() {
        if (transactions.isEmpty() && ddl.isEmpty()) {
            return "nothing in flight";
        }
        List<String> parts = new ArrayList<>();
        transactions.forEach(t -> parts.add(t.toString()));
        ddl.forEach(d -> parts.add(d.toString()));
        return String.join("; ", parts).replace('\n', ' ');
    }

    @Override
    public String toString() {
        return describe();
    }
}
