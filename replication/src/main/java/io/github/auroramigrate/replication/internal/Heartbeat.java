package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a heartbeat row on the source every interval and measures, on the target, how long ago the oldest beat
 * the target has not applied yet was written: the true replication lag, on this JVM's monotonic clock.
 *
 * <p>One row per run (a random run id as key): an INSERT at start, then an UPDATE per beat, so replication of the
 * heartbeat can never conflict with another run's rows. The table is created with {@code IF NOT EXISTS} statements
 * that are binary-logged, so the target gets it through replication. Thread-safe; {@link #close()} is idempotent.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final int KEEP = 100_000;

    private final EndpointPool source;
    private final String table;
    private final String schemaDdl;
    private final Duration interval;
    private final String job;
    // Numbers only: a character column would depend on each server's default charset, and a table created by a
    // 5.7 source (latin1) then differs from one created by an 8.0 source (utf8mb4) on the same target.
    private final long runId = new SecureRandom().nextLong() & Long.MAX_VALUE;
    private final AtomicLong seq = new AtomicLong(-1);
    /** seq -> System.nanoTime() right after the beat committed. */
    private final ConcurrentSkipListMap<Long, Long> written = new ConcurrentSkipListMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private ScheduledExecutorService timer;

    /**
     * @param source   pool to the source, as a user that may create the schema and write to it
     * @param schema   schema for the heartbeat table
     * @param interval time between beats
     * @param job      name for logs and the thread
     */
    public Heartbeat(EndpointPool source, String schema, Duration interval, String job) {
        this.source = source;
        this.table = SqlText.quoteIdentifier(schema) + ".`heartbeat`";
        this.interval = interval;
        this.job = job;
        this.schemaDdl = "CREATE DATABASE IF NOT EXISTS " + SqlText.quoteIdentifier(schema);
    }

    /** Creates the table, writes the first beat, and starts beating. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            st.execute(schemaDdl);
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (run_id BIGINT NOT NULL PRIMARY KEY, "
                    + "seq BIGINT NOT NULL, written_at DATETIME(6) NOT NULL, server_id BIGINT UNSIGNED NOT NULL) ENGINE=InnoDB");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (run_id, seq, written_at, server_id) VALUES (?, 0, UTC_TIMESTAMP(6), @@server_id)")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
            written.put(0L, System.nanoTime());
            seq.set(0);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("heartbeat setup on " + table), source.endpoint().describe());
        }
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "aurora-replication-heartbeat-" + job + "-" + SEQ.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        timer = Executors.newSingleThreadScheduledExecutor(tf);
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("{}: heartbeat every {} into {} on {}", job, interval, table, source.endpoint().describe());
    }

    private void beat() {
        long next = seq.get() + 1;
        try (Connection c = source.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET seq = ?, written_at = UTC_TIMESTAMP(6) WHERE run_id = ?")) {
            ps.setLong(1, next);
            ps.setLong(2, runId);
            ps.executeUpdate();
            written.put(next, System.nanoTime());
            seq.set(next);
            while (written.size() > KEEP) {
                written.pollFirstEntry();
            }
            if (failing.compareAndSet(true, false)) {
                LOG.info("{}: heartbeat writes succeed again", job);
            }
        } catch (RuntimeException | SQLException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("{}: heartbeat write failed (lag readings will grow until it succeeds): {}", job, e.toString());
            } else {
                LOG.debug("{}: heartbeat write failed again: {}", job, e.toString());
            }
        }
    }

    /** @return the last beat written, -1 before the first */
    public long lastWritten() {
        return seq.get();
    }

    /**
     * The lag of the target: zero when it has applied the last beat written, otherwise the time since the first
     * beat it has not applied was written.
     *
     * @param target an open connection to the target
     * @return the lag, or empty when nothing was written yet
     */
    public Optional<Duration> lagOn(Connection target) {
        long last = seq.get();
        if (last < 0) {
            return Optional.empty();
        }
        long applied = appliedOn(target);
        if (applied >= last) {
            return Optional.of(Duration.ZERO);
        }
        Map.Entry<Long, Long> firstMissing = written.ceilingEntry(applied + 1);
        if (firstMissing == null) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(Duration.ofNanos(Math.max(0, System.nanoTime() - firstMissing.getValue())));
    }

    /** @return the beat number the target has applied, -1 when it has none (row or table not replicated yet) */
    public long appliedOn(Connection target) {
        try (PreparedStatement ps = target.prepareStatement("SELECT seq FROM " + table + " WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return -1; // table or schema not replicated yet
            }
            throw Jdbc.failure(e, SqlStatement.of("SELECT seq FROM " + table), "target");
        }
    }

    /** Stops beating; the row stays (it replicates, and a final beat tells how far the target is). */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
            LOG.info("{}: heartbeat stopped after beat {}", job, seq.get());
        }
    }
}
