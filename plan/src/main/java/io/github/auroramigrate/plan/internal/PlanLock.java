package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process at a time per plan: a named lock on the target ({@code GET_LOCK}), held by a connection of its own for
 * as long as the plan runs. The server releases it when that connection ends, however the process ends (a SIGKILL
 * closes the socket), so a killed run never leaves a stale lock; nothing is written to the target, so nothing reaches
 * its binary log. A background check every 30 seconds notices a lock lost with its connection (e.g. after
 * {@code wait_timeout}); {@link #check()} then fails. Thread-safe.
 *
 * <pre>{@code
 * try (PlanLock lock = PlanLock.acquire(target, "shop")) { ... lock.check(); ... }
 * }</pre>
 */
public final class PlanLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLock.class);

    private final Connection connection;
    private final String name;
    private final String planId;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService keeper;

    private PlanLock(Connection connection, String name, String planId) {
        this.connection = connection;
        this.name = name;
        this.planId = planId;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aurora-plan-lock-" + planId);
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::keep, 30, 30, TimeUnit.SECONDS);
    }

    /** @return the lock's name for a plan id */
    public static String lockName(String planId) {
        return "aurora_migrate.plan." + planId;
    }

    /**
     * Takes the plan's lock without waiting.
     *
     * @throws MigrationException PLAN_LOCKED when another connection holds it (naming it), or the target's diagnosis
     */
    public static PlanLock acquire(Endpoint target, String planId) {
        String name = lockName(planId);
        Connection c = null;
        try {
            c = target.connect();
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        PlanLock lock = new PlanLock(c, name, planId);
                        c = null;
                        return lock;
                    }
                }
            }
            String holder = holder(c, name);
            throw new MigrationException(Diagnosis.of(DiagnosisCode.PLAN_LOCKED, "Plan '" + planId + "' is being run by "
                    + "another process: connection " + holder + " on " + target.describe() + " holds the lock '" + name + "'"));
        } catch (SQLException e) {
            throw new MigrationException(ErrorCatalog.diagnose(e, target.describe()), e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("close failed: {}", e.toString());
                }
            }
        }
    }

    /** @return whether some connection holds a plan's lock now */
    public static boolean isHeld(Endpoint target, String planId) {
        try (Connection c = target.connect()) {
            return !"none".equals(holder(c, lockName(planId)));
        } catch (SQLException e) {
            throw new MigrationException(ErrorCatalog.diagnose(e, target.describe()), e);
        }
    }

    private static String holder(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "none";
            }
        }
    }

    private void keep() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    lost.set(true);
                }
            }
        } catch (SQLException e) {
            lost.set(true);
        }
        if (lost.get()) {
            LOG.warn("plan {}: lost the plan's lock on the target", planId);
        }
    }

    /**
     * @throws MigrationException PLAN_LOCKED when the lock was lost (its connection ended)
     */
    public void check() {
        if (lost.get()) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.PLAN_LOCKED, "Plan '" + planId + "' lost its lock on "
                    + "the target (the lock's connection ended); another process may run it now, so this one stops"));
        }
    }

    @Override
    public void close() {
        keeper.shutdownNow();
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        } catch (SQLException e) {
            LOG.debug("plan {}: release failed: {}", planId, e.toString());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("plan {}: close failed: {}", planId, e.toString());
            }
        }
    }
}
