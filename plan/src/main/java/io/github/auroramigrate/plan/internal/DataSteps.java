package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadJournal;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.plan.TargetOnRollback;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps that move data: the dump (with its binary log coordinates) and the load. A dump cannot continue mid-way:
 * an interrupted one is taken again, unless it had completed before the interruption, when it is adopted. A load
 * continues: its own journal on the target skips the chunks it committed.
 *
 * <pre>{@code
 * PlanStep dump = new DataSteps.DumpStep(null);
 * }</pre>
 */
public final class DataSteps {
    private DataSteps() {
    }

    static String sql(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** Dump the schemas with binary log coordinates. */
    public static final class DumpStep extends LibraryStep {
        /** @param s settings, or null */
        public DumpStep(PlanSettings s) {
            super("dump", "Dump the schemas at one consistent snapshot, with its binary log coordinates",
                    "delete the dump (when configured; kept by default)", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new DumpStep(s);
        }

        @Override
        public boolean sizeDependent() {
            return true;
        }

        @Override
        protected String config(PlanSettings s) {
            return s.schemas() + "|" + s.dumpStore().describe();
        }

        @Override
        protected void run(RunContext ctx) throws Exception {
            DumpStore store = settings().dumpStore();
            String started = ctx.outputs().get("startedAt");
            if (ctx.interrupted() && started != null && store.exists(Manifest.KEY)) {
                Manifest m = ManifestIO.read(store);
                if (m.status() == DumpStatus.COMPLETE && !m.startedAt().isBefore(Instant.parse(started))) {
                    ctx.decision("the dump " + m.dumpId() + " had completed before the interruption: adopted, not taken again");
                    record(ctx, m);
                    return;
                }
                ctx.decision("the interrupted dump is taken again (a dump cannot continue mid-way; its partial files are "
                        + "replaced)");
            } else if (store.exists(Manifest.KEY)) {
                ctx.decision("the dump store already holds a dump (of an earlier attempt): it is replaced");
            }
            ctx.record("startedAt", Instant.now().minusSeconds(1).toString());
            Dump.Builder b = Dump.from(ctx.source()).schemas(settings().schemas().toArray(String[]::new)).to(store)
                    .overwrite(true);
            settings().dumpOptions().accept(b);
            Dump dump = b.build();
            DumpResult r = Suspendable.call(ctx, "dump", dump::run);
            if (r.binlogPosition().isEmpty()) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.BINLOG_DISABLED, "The dump of " + ctx.source()
                        .describe() + " has no binary log coordinates, so replication cannot start from it"));
            }
            record(ctx, ManifestIO.read(store));
        }

        private static void record(RunContext ctx, Manifest m) {
            ctx.record("dumpId", m.dumpId());
            ctx.record("binlogFile", m.coordinates().binlogFile());
            ctx.record("binlogPosition", String.valueOf(m.coordinates().binlogPosition()));
            if (m.coordinates().gtidSet() != null) {
                ctx.record("gtidSet", m.coordinates().gtidSet());
            }
            ctx.record("rows", String.valueOf(m.totals().rows()));
            ctx.record("dataBytes", String.valueOf(m.totals().dataBytes()));
            ctx.summary("dump " + m.dumpId() + ": " + m.totals().rows() + " rows in " + m.totals().chunks() + " chunks, at "
                    + m.coordinates().binlogFile() + ":" + m.coordinates().binlogPosition());
        }

        @Override
        protected void rollback(RunContext ctx) throws IOException {
            if (!settings().deleteDumpOnRollback()) {
                ctx.summary("dump kept in " + settings().dumpStore().describe());
                return;
            }
            DumpStore store = settings().dumpStore();
            int n = 0;
            for (String key : store.list("")) {
                store.delete(key);
                n++;
            }
            ctx.summary("dump deleted (" + n + " files)");
        }
    }

    /** @return the dump's coordinates */
    static BinlogPosition dumpPosition(RunContext ctx) {
        String file = ctx.output("dump", "binlogFile").orElseThrow(() -> new MigrationException(Diagnosis.of(
                DiagnosisCode.INVALID_INPUT, "Replication needs the dump's coordinates, and no dump step recorded them")));
        return new BinlogPosition(file, Long.parseLong(ctx.output("dump", "binlogPosition").orElseThrow()));
    }

    /** Load the dump into the target. */
    public static final class LoadStep extends LibraryStep {
        /** @param s settings, or null */
        public LoadStep(PlanSettings s) {
            super("load", "Load the dump into the target (exactly once per chunk; transforms applied)",
                    "drop the schemas the load created on the target and forget its load journal (or keep them, as "
                            + "configured)", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new LoadStep(s);
        }

        @Override
        public Resumption resumption() {
            return Resumption.CONTINUE;
        }

        @Override
        public boolean sizeDependent() {
            return true;
        }

        @Override
        protected String config(PlanSettings s) {
            return s.schemas() + "|" + s.transformNames() + "|" + s.dumpStore().describe();
        }

        @Override
        protected void run(RunContext ctx) throws Exception {
            if (!ctx.outputs().containsKey("createdSchemas")) {
                List<String> created = new ArrayList<>(settings().schemas());
                created.removeAll(existing(ctx));
                ctx.record("createdSchemas", String.join("\n", created));
            }
            Load.Builder b = Load.into(ctx.target()).from(LoadSources.dump(settings().dumpStore()))
                    .transform(settings().transform());
            settings().loadOptions().accept(b);
            Load load = b.build();
            ctx.record("jobId", load.jobId());
            LoadResult r = Suspendable.call(ctx, "load", load::run);
            ctx.record("chunksLoaded", String.valueOf(r.chunksLoaded()));
            ctx.record("chunksSkipped", String.valueOf(r.chunksSkipped()));
            ctx.summary(r.summary());
        }

        private List<String> existing(RunContext ctx) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Connection c = ctx.target().connect();
                    PreparedStatement ps = c.prepareStatement("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }

        @Override
        protected void rollback(RunContext ctx) throws SQLException {
            String created = ctx.outputs().get("createdSchemas");
            if (settings().onRollback() == TargetOnRollback.KEEP) {
                ctx.summary("target kept as loaded (onRollback KEEP)");
                return;
            }
            if (created == null) {
                ctx.summary("the load never started: nothing to drop");
                return;
            }
            List<String> schemas = created.isEmpty() ? List.of() : Arrays.asList(created.split("\n"));
            try (Connection c = ctx.target().connect(); Statement st = c.createStatement()) {
                for (String s : schemas) {
                    st.execute("DROP DATABASE IF EXISTS " + sql(s));
                }
                String job = ctx.outputs().get("jobId");
                int forgotten = job == null ? 0 : LoadJournal.of(job).clear(c);
                ctx.summary("dropped " + schemas + " on the target; " + forgotten + " load journal entries forgotten");
            }
        }
    }
}
