package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few connections that run table DDL and deferred index builds beside the data workers. {@code CREATE TABLE}
 * waits mostly on the target's file system (a tablespace file, a data dictionary commit), so a thousand small
 * tables created one after the other on the load's single DDL connection left the data workers idle for seconds;
 * on lanes they are created while the first tables' chunks load. Each lane keeps one connection with the load's
 * {@link SessionSettings} for the whole load. Thread-safe; closed by the load.
 */
final class DdlLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DdlLanes.class);

    /** Work for a lane: its connection and a script runner on it. */
    interface Task {
        void run(Connection c, ScriptRunner runner) throws SQLException;
    }

    private record Lane(Connection connection, ScriptRunner runner, SessionSettings previous) {
    }

    private final EndpointPool pool;
    private final ScriptRunner parent;
    private final ExecutorService executor;
    private final ThreadLocal<Lane> lane = new ThreadLocal<>();
    private final List<Lane> opened = new ArrayList<>();

    /**
     * @param pool   where lane connections come from (the load sized it for them)
     * @param parent the load's runner: lanes share its journal state and counters
     * @param lanes  number of lanes, at least 1
     */
    DdlLanes(EndpointPool pool, ScriptRunner parent, int lanes, String jobId) {
        this.pool = pool;
        this.parent = parent;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "aurora-load-" + jobId + "-ddl-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on a lane; the future fails with a {@link LoadException} when the task fails. */
    CompletableFuture<Void> submit(Task task) {
        return CompletableFuture.runAsync(() -> {
            Lane l = lane();
            try {
                task.run(l.connection(), l.runner());
            } catch (SQLException e) {
                throw new LoadException(ErrorCatalog.diagnose(e, pool.endpoint().describe()), null, null, e);
            }
        }, executor);
    }

    private Lane lane() {
        Lane l = lane.get();
        if (l != null) {
            return l;
        }
        Connection c = null;
        try {
            c = pool.connection();
            l = new Lane(c, parent.on(c), SessionSettings.apply(c));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new LoadException(ErrorCatalog.diagnose(e, pool.endpoint().describe()), null, null, e);
        }
        synchronized (opened) {
            opened.add(l);
        }
        lane.set(l);
        return l;
    }

    /** Stops the lanes (running statements finish first) and gives their connections back with settings restored. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (opened) {
            for (Lane l : opened) {
                try {
                    l.previous().restore(l.connection());
                } catch (SQLException e) {
                    LOG.debug("restoring a DDL lane's session settings failed: {}", e.toString());
                }
                closeQuietly(l.connection());
            }
            opened.clear();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
