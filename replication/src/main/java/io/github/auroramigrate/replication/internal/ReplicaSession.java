package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code Replication}'s connections: the target pool and its dialect, the source pool and its dialect, both opened
 * (and probed) on first use; the statements run on the target; the replica status and the source's position. It is
 * the {@link ReplicaChannel} the remedies, the diagnosis and the sampler work through. Thread-safe: pools are created
 * under {@link #lock()}, which the state-changing operations of {@code Replication} also hold.
 */
public final class ReplicaSession implements ReplicaChannel {
    // logged as Replication: these are the replication job's own statements
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final Endpoint target;
    private final Endpoint source;
    private final Dialect forcedDialect;
    private final String name;
    private final Object lock = new Object();
    private EndpointPool targetPool;
    private EndpointPool sourcePool;
    private DialectSql targetSql;
    private DialectSql sourceSql;
    private volatile boolean closed;

    /** @param settings what to connect to */
    public ReplicaSession(ReplicationSettings settings) {
        this.target = settings.target();
        this.source = settings.source();
        this.forcedDialect = settings.dialect();
        this.name = settings.name();
    }

    /** @return the monitor that serialises state changes */
    public Object lock() {
        return lock;
    }

    private EndpointPool targetPool() {
        synchronized (lock) {
            ensureOpen();
            if (targetPool == null) {
                targetPool = target.pool(2);
                try (Connection c = targetPool.connection()) {
                    ServerFacts facts = ServerFacts.probe(c, target.describe());
                    Dialect d = forcedDialect != null ? forcedDialect : facts.dialect();
                    targetSql = new DialectSql(d, facts);
                    LOG.info("{}: target {} is {}, replication dialect {}", name, target.describe(), facts.describe(), d);
                } catch (SQLException e) {
                    throw Jdbc.failure(e, SqlStatement.of("probe"), target.describe());
                }
            }
            return targetPool;
        }
    }

    /**
     * @return the pool to the source, opened and probed on first use
     * @throws ReplicationException INVALID_INPUT when the replication was built without a source
     */
    public EndpointPool sourcePool() {
        synchronized (lock) {
            ensureOpen();
            if (source == null) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "This needs a connection to the source: build with source(endpoint, user)"));
            }
            if (sourcePool == null) {
                sourcePool = source.pool(2);
                try (Connection c = sourcePool.connection()) {
                    ServerFacts facts = ServerFacts.probe(c, source.describe());
                    sourceSql = new DialectSql(facts.dialect() == Dialect.RDS ? Dialect.MYSQL_80 : facts.dialect(), facts);
                    LOG.info("{}: source {} is {}", name, source.describe(), facts.describe());
                } catch (SQLException e) {
                    throw Jdbc.failure(e, SqlStatement.of("probe"), source.describe());
                }
            }
            return sourcePool;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Replication " + name + " is closed");
        }
    }

    @Override
    public DialectSql sql() {
        targetPool();
        return targetSql;
    }

    @Override
    public void run(SqlStatement s) {
        try (Connection c = targetPool().connection()) {
            LOG.info("{}: {}", name, s.display());
            Jdbc.execute(c, s, target.describe());
        } catch (SQLException e) {
            throw Jdbc.failure(e, s, target.describe());
        }
    }

    @Override
    public void runTogether(List<SqlStatement> statements) {
        try (Connection c = targetPool().connection()) {
            try {
                for (SqlStatement s : statements) {
                    LOG.info("{}: {}", name, s.display());
                    Jdbc.execute(c, s, target.describe());
                }
            } catch (RuntimeException e) {
                // the pooled session must not keep a half-done transaction or a pinned GTID_NEXT
                for (String reset : List.of("ROLLBACK", "SET GTID_NEXT = 'AUTOMATIC'")) {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute(reset);
                    } catch (SQLException ignored) {
                        LOG.debug("{}: {} after a failed statement: {}", name, reset, ignored.toString());
                    }
                }
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("connection"), target.describe());
        }
    }

    @Override
    public ReplicaStatus status() {
        SqlStatement q = sql().showStatus();
        try (Connection c = targetPool().connection()) {
            return ReplicaStatus.fromRow(Jdbc.firstRow(c, q, target.describe()));
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, target.describe());
        }
    }

    /**
     * @return the source's current binary log position (SHOW MASTER STATUS / SHOW BINARY LOG STATUS)
     * @throws ReplicationException BINLOG_DISABLED when the source reports none
     */
    public BinlogPosition sourcePosition() {
        EndpointPool pool = sourcePool();
        SqlStatement q = sourceSql.showSourceStatus();
        try (Connection c = pool.connection()) {
            Map<String, String> row = Jdbc.firstRow(c, q, source.describe());
            if (row.isEmpty() || row.get("File") == null) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.BINLOG_DISABLED,
                        q.display() + " is empty on " + source.describe()));
            }
            return new BinlogPosition(row.get("File"), Long.parseLong(row.get("Position")));
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, source.describe());
        }
    }

    @Override
    public Connection connection() throws SQLException {
        return targetPool().connection();
    }

    @Override
    public String target() {
        return target.describe();
    }

    @Override
    public Optional<SourceLogs> source() {
        return source == null ? Optional.empty() : Optional.of(new SourceLogs(this::sourcePool, source.describe()));
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Marks the session closed (later use throws IllegalStateException), runs {@code beforePools} and closes the
     * pools. Idempotent: only the first call does anything.
     */
    public void close(Runnable beforePools) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            beforePools.run();
            if (targetPool != null) {
                targetPool.close();
            }
            if (sourcePool != null) {
                sourcePool.close();
            }
        }
    }
}
