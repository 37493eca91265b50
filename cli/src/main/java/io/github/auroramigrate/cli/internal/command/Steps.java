package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.event.Relay;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.Finding;
import io.github.auroramigrate.core.precheck.Severity;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.verify.Difference;
import io.github.auroramigrate.core.verify.ObjectDifference;
import io.github.auroramigrate.core.verify.TableVerification;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The steps commands share (probe, pre-check, dump, load, verify), each run through {@link Context#step} with its
 * events, so that {@code dump} alone and {@code migrate} show and report a dump the same way.
 *
 * <pre>{@code
 * DumpResult d = Steps.dump(ctx, Dump.from(source).schemas("shop").to(store));
 * }</pre>
 */
final class Steps {
    /** Differences listed one by one in the events; the rest are counted. */
    private static final int MAX_LISTED = 50;

    private Steps() {
    }

    /** Probes one side and emits its {@code endpoint} event. */
    static ServerInfo probe(Context ctx, String side, Endpoint e) throws Exception {
        ServerInfo info = ctx.step("probe-" + side, "probe " + side, () -> ServerProbe.probe(e),
                i -> Outcome.ok(e.describe() + ": " + describe(i)));
        ctx.events().emit("probe.result", "side", side, "endpoint", e.describe(), "summary", describe(info),
                "flavor", info.flavor().name(), "version", info.version().number(), "aurora", info.aurora().orElse(null),
                "binlog", info.binlog().enabled() ? info.binlog().format() : "OFF", "gtidMode", info.binlog().gtidMode(),
                "serverId", info.serverId(), "super", info.hasPrivilege("SUPER"), "rdsProcedures", info.rdsProcedures(),
                "schemas", info.schemas(), "enginesInUse", info.enginesInUse(), "definedObjects", info.definedObjects().size(),
                "warnings", info.warnings());
        for (String w : info.warnings()) {
            ctx.warning(side + ": " + w);
        }
        return info;
    }

    private static String describe(ServerInfo i) {
        return i.flavor().displayName() + " " + i.version().number() + i.aurora().map(a -> " (Aurora " + a + ")").orElse("")
                + ", binlog " + (i.binlog().enabled() ? i.binlog().format() : "OFF")
                + (i.hasPrivilege("SUPER") ? "" : ", no SUPER") + (i.rdsProcedures() ? ", mysql.rds_* procedures" : "");
    }

    /**
     * Runs a compatibility check, emitting each finding; errors make the step fail (not throw) unless {@code handling}
     * says how the run deals with them (a transform fixes them, or the user accepted them; null: not handled).
     */
    static CompatibilityReport precheck(Context ctx, Callable<CompatibilityReport> check,
            java.util.function.Function<Finding, String> handling) throws Exception {
        java.util.function.Predicate<Finding> handled = f -> handling.apply(f) != null;
        return ctx.step("pre-check", "pre-check", () -> {
            CompatibilityReport r = check.call();
            for (Finding f : r.findings()) {
                ctx.events().emit("check.finding", "severity", f.severity().name(), "check", f.check().name(),
                        "message", f.message(), "objects", f.objects(), "fix", f.fixingTransform().orElse(null),
                        "advice", f.advice(), "handled", handling.apply(f));
            }
            for (String w : r.warnings()) {
                ctx.warning(w);
            }
            return r;
        }, r -> {
            long errors = r.findings(Severity.ERROR).size();
            long open = r.findings(Severity.ERROR).stream().filter(handled.negate()).count();
            long warnings = r.findings(Severity.WARNING).size();
            String s = "against " + r.target().name() + ": " + errors + (errors == 1 ? " error" : " errors")
                    + (errors > open ? " (" + (errors - open) + " fixed by --transform or accepted)" : "") + ", " + warnings
                    + (warnings == 1 ? " warning" : " warnings");
            return open > 0 ? Outcome.failed(s) : errors + warnings > 0 ? Outcome.warn(s) : Outcome.ok(s);
        });
    }

    /** Runs a dump with the run's listener. */
    static DumpResult dump(Context ctx, Dump.Builder dump) throws Exception {
        Dump d = dump.listener(ctx.relay()).build();
        return ctx.step("dump", "dump", d::run, r -> Outcome.ok(Human.count(r.rows()) + " rows, " + r.tableRows().size()
                + " tables, " + Human.bytes(r.dataBytes()) + " in " + r.chunks() + " chunks; " + r.consistency()
                + r.binlogPosition().map(p -> " at " + p).orElse("")));
    }

    /** Runs a load with the run's listener; its warnings go under the step. */
    static LoadResult load(Context ctx, Load.Builder load) throws Exception {
        Load l = load.listener(ctx.relay()).build();
        return ctx.step("load", "load", () -> {
            LoadResult r = l.run();
            for (Diagnosis w : r.warnings()) {
                ctx.warning(w.code() + ": " + w.message());
            }
            return r;
        }, r -> {
            String s = r.nothingToDo() ? "nothing to do: " + r.chunksSkipped() + " chunks and " + r.statementsSkipped()
                    + " statements done by an earlier run"
                    : Human.count(r.rowsLoaded()) + " rows" + (r.chunksLoaded() + r.chunksSkipped() > 0 ? " in " + r.chunksLoaded()
                            + " chunks by " + r.method() + (r.chunksSkipped() > 0 ? " (" + r.chunksSkipped() + " skipped: loaded"
                            + " before)" : "") : "") + ", " + Human.count(r.statementsExecuted()) + " statements"
                            + (r.statementsSkipped() > 0 ? " (" + Human.count(r.statementsSkipped()) + " run before)" : "");
            return r.warnings().isEmpty() ? Outcome.ok(s) : Outcome.warn(s);
        });
    }

    /** Runs a verification, emitting its differences; differences make the step fail (not throw). */
    static VerifyResult verify(Context ctx, Verify verify) throws Exception {
        return ctx.step("verify", "verify", () -> {
            VerifyResult r = verify.run();
            report(ctx, r);
            return r;
        }, r -> r.ok() ? Outcome.ok(r.summary().replaceFirst("^verify: ", "")) : Outcome.failed(r.summary().replaceFirst("^verify: ", "")));
    }

    /** Emits the differences and the {@code verify.finished} event of a verification. */
    static void report(Context ctx, VerifyResult r) {
        int listed = 0;
        for (ObjectDifference d : r.objectDifferences()) {
            if (listed++ < MAX_LISTED) {
                ctx.events().emit("verify.difference", "kind", "object", "what", d.toString());
            }
        }
        for (TableVerification t : r.tables()) {
            if (t.expectedRows() != t.actualRows() && listed++ < MAX_LISTED) {
                ctx.events().emit("verify.difference", "kind", "rows", "table", t.qualifiedName(), "what", t.qualifiedName()
                        + ": " + Human.count(t.expectedRows()) + " rows expected, " + Human.count(t.actualRows()) + " found");
            }
        }
        for (Difference d : r.differences()) {
            if (listed++ < MAX_LISTED) {
                ctx.events().emit("verify.difference", "kind", d.kind().name(), "table", d.schema() + "." + d.table(),
                        "what", d.schema() + "." + d.table() + " chunk " + d.chunk() + ": " + d.kind());
            }
        }
        List<TableVerification> bad = r.tables().stream().filter(t -> !t.ok()).toList();
        ctx.events().emit("verify.finished", "ok", r.ok(), "tables", r.tables().size(), "tablesDifferent", bad.size(),
                "rowDifferences", r.differences().size(), "objectsCompared", r.objectsCompared(),
                "objectDifferences", r.objectDifferences().size(), "seconds", Relay.seconds(r.elapsed()), "summary", r.summary());
    }
}
