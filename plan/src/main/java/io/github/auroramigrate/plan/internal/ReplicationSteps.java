package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The replication steps: the accounts (forward on the source, reverse on the target for the rollback window),
 * replication from the dump's coordinates, the wait for catch-up, and a verification. Replication that an interrupted
 * attempt configured is adopted, never configured again (that would replay from the dump's coordinates).
 *
 * <pre>{@code
 * PlanStep replicate = new ReplicationSteps.Replicate(null);
 * }</pre>
 */
public final class ReplicationSteps {
    private static final Duration SLICE = Duration.ofSeconds(5);

    private ReplicationSteps() {
    }

    /** The replication accounts. */
    public static final class Users extends LibraryStep {
        /** @param s settings, or null */
        public Users(PlanSettings s) {
            super("replication-user", "Create the replication account on the source (and, for the rollback window, the "
                    + "reverse one on the target)", "drop the accounts the plan created", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new Users(s);
        }

        @Override
        protected String config(PlanSettings s) {
            return s.replicationUser() + "|" + (s.window() == null ? "-" : s.window().user());
        }

        @Override
        protected void run(RunContext ctx) throws SQLException {
            PlanSettings s = settings();
            if (!ctx.outputs().containsKey("sourceAccountExisted")) {
                ctx.record("sourceAccountExisted", String.valueOf(exists(ctx.source(), s.replicationUser())));
            }
            ReplicationUser.create(ctx.source(), s.replicationUser(), s.replicationPassword(), ctx.target());
            String summary = "'" + s.replicationUser() + "'@'%' on the source";
            if (s.window() != null) {
                if (!ctx.outputs().containsKey("targetAccountExisted")) {
                    ctx.record("targetAccountExisted", String.valueOf(exists(ctx.target(), s.window().user())));
                }
                ReplicationUser.create(ctx.target(), s.window().user(), s.window().password(), ctx.source());
                summary += ", '" + s.window().user() + "'@'%' on the target";
            }
            ctx.summary(summary);
        }

        private static boolean exists(Endpoint e, String user) throws SQLException {
            try (Connection c = e.connect();
                    PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mysql.user WHERE user = ? AND host = '%'")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        }

        @Override
        protected void rollback(RunContext ctx) throws SQLException {
            PlanSettings s = settings();
            StringBuilder done = new StringBuilder();
            if ("false".equals(ctx.outputs().get("sourceAccountExisted"))) {
                drop(ctx.source(), s.replicationUser());
                done.append("dropped '").append(s.replicationUser()).append("' on the source");
            }
            if (s.window() != null && "false".equals(ctx.outputs().get("targetAccountExisted"))) {
                drop(ctx.target(), s.window().user());
                done.append(done.length() == 0 ? "" : "; ").append("dropped '").append(s.window().user()).append("' on the target");
            }
            ctx.summary(done.length() == 0 ? "no account of the plan's to drop" : done.toString());
        }

        private static void drop(Endpoint e, String user) throws SQLException {
            try (Connection c = e.connect(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS '" + user.replace("\\", "\\\\").replace("'", "''") + "'@'%'");
            }
        }
    }

    /** Replication from the dump's coordinates. */
    public static final class Replicate extends LibraryStep {
        /** @param s settings, or null */
        public Replicate(PlanSettings s) {
            super("replicate", "Configure and start replication on the target from the dump's binary log coordinates "
                    + "(with a heartbeat for the true lag)", "stop and reset replication on the target", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new Replicate(s);
        }

        @Override
        protected String config(PlanSettings s) {
            return s.replicationUser() + "|" + s.source().describe();
        }

        @Override
        protected void run(RunContext ctx) {
            Replication repl = ctx.resources().forward();
            ReplicaStatus now = repl.status();
            if (now.configured()) {
                if (now.sourcePort() != ctx.source().port()) {
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The target already "
                            + "replicates from " + now.sourceHost() + ":" + now.sourcePort() + ", not from the plan's source")
                            .withAdvice("Reset that replication on the target first if it is not needed."));
                }
                ctx.decision("replication was already configured (by the interrupted attempt) at "
                        + now.executed().map(Object::toString).orElse("?") + ": adopted, not configured again");
                if (!now.running()) {
                    repl.start();
                } else {
                    repl.startHeartbeat();
                }
            } else {
                Replication configured = ctx.resources().forwardBuilder().startAt(DataSteps.dumpPosition(ctx)).build();
                ctx.resources().forward(configured);
                configured.configure();
                configured.start();
                repl = configured;
            }
            ctx.record("startedAt", DataSteps.dumpPosition(ctx).toString());
            ctx.summary("replicating from " + DataSteps.dumpPosition(ctx) + " (" + repl.dialect() + ")");
        }

        @Override
        protected void rollback(RunContext ctx) {
            Replication repl = ctx.resources().forward();
            repl.stopHeartbeat();
            if (repl.status().configured()) {
                repl.reset();
                ctx.summary("replication stopped and reset on the target");
            } else {
                ctx.summary("no replication configured on the target");
            }
        }
    }

    /** Wait until the target has caught up with the source. */
    public static final class CatchUp extends LibraryStep {
        /** @param s settings, or null */
        public CatchUp(PlanSettings s) {
            super("catch-up", "Wait until the target has applied everything the source wrote (replication lag zero)",
                    "nothing to undo", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new CatchUp(s);
        }

        @Override
        public boolean sizeDependent() {
            return true;
        }

        @Override
        protected String config(PlanSettings s) {
            return "catch-up";
        }

        @Override
        protected void run(RunContext ctx) {
            Replication repl = ctx.resources().forward();
            repl.startHeartbeat();
            awaitCaughtUp(ctx, repl, settings().catchUpTimeout());
            ctx.summary("caught up; heartbeat lag " + repl.lag().heartbeat().map(Human::duration).orElse("not measured"));
        }

        @Override
        protected void rollback(RunContext ctx) {
            ctx.summary("nothing to undo");
        }
    }

    /**
     * Waits for catch-up in slices, looking for a suspension between them.
     *
     * @throws MigrationException REPLICATION_CATCH_UP_TIMEOUT after {@code timeout}, or the replication's diagnosis
     */
    static void awaitCaughtUp(RunContext ctx, Replication repl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                repl.awaitCaughtUp(left.compareTo(SLICE) < 0 ? (left.isNegative() ? Duration.ofMillis(1) : left) : SLICE);
                return;
            } catch (MigrationException e) {
                if (e.code() != DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                ctx.checkpoint();
            }
        }
    }

    /** Verify source against target (rows and definitions). */
    public static final class VerifyStep extends LibraryStep {
        /** @param s settings, or null */
        public VerifyStep(PlanSettings s) {
            super("verify", "Verify source against target: row counts, chunked checksums, object definitions "
                    + "(meaningful only while writes are stopped)", "nothing to undo", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new VerifyStep(s);
        }

        @Override
        public boolean sizeDependent() {
            return true;
        }

        @Override
        protected String config(PlanSettings s) {
            return s.schemas() + "|" + s.transformNames();
        }

        @Override
        protected void run(RunContext ctx) throws Exception {
            VerifyResult v = Suspendable.call(ctx, "verify", () -> verify(settings()).run());
            ctx.record("verification", v.summary());
            if (!v.ok()) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED, "Verification found "
                        + "differences: " + v.summary()));
            }
            ctx.summary(v.summary() + " in " + Human.duration(v.elapsed()));
        }

        @Override
        protected void rollback(RunContext ctx) {
            ctx.summary("nothing to undo");
        }
    }

    /** @return the plan's verification, source against target */
    static Verify verify(PlanSettings s) {
        return Verify.between(s.source(), s.target()).schemas(s.schemas().toArray(String[]::new)).transform(s.transform())
                .build();
    }
}
