package io.github.auroramigrate.cli.internal.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationHealth;
import io.github.auroramigrate.replication.ReplicationUser;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate replicate}: binlog replication from the source into the target, in the target's dialect
 * (CHANGE REPLICATION SOURCE, CHANGE MASTER, MariaDB, or Aurora/RDS's {@code mysql.rds_*} procedures): {@code start},
 * {@code status}, {@code wait}, {@code stop}.
 *
 * <pre>{@code
 * aurora-migrate replicate start --source root@10.0.0.5 --target admin@aurora --from-dump shop_dump
 * aurora-migrate replicate wait --source root@10.0.0.5 --target admin@aurora --timeout 30m
 * }</pre>
 */
@Command(name = "replicate", description = "Binlog replication source -> target: start, status, wait, stop.",
        subcommands = {ReplicateCommand.Start.class, ReplicateCommand.Status.class, ReplicateCommand.Wait.class,
            ReplicateCommand.Stop.class})
public final class ReplicateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(((Root) spec.root().userObject()).io().out());
    }

    /** {@code replicate start}: creates the account, configures and starts replication from the given position. */
    @Command(name = "start", description = "Create the replication account on the source, point the target at the source"
            + " from a dump's coordinates (or a given position) and start replicating.%n%nExample:%n"
            + "  aurora-migrate replicate start --source root@10.0.0.5 --target admin@aurora --from-dump shop_dump")
    public static final class Start extends RunCommand {
        @Mixin
        SourceOptions source;

        @Mixin
        TargetOptions target;

        @Mixin
        ReplicationUserOptions user;

        @Option(names = "--from-dump", paramLabel = "STORE", description = "Start at the snapshot coordinates of this dump.")
        String fromDump;

        @Option(names = "--start-at", paramLabel = "FILE:POS", description = "Start at this binlog position instead.")
        String startAt;

        @Option(names = "--heartbeat", paramLabel = "DURATION", description = "Also write a heartbeat on the source at"
                + " this interval, to measure the true lag.")
        String heartbeat;

        @Override
        protected int run(Context ctx) throws Exception {
            Endpoint src = source.endpoint(io());
            Endpoint dst = target.endpoint(io());
            if ((fromDump == null) == (startAt == null)) {
                throw new BadInput("give --from-dump STORE or --start-at FILE:POS");
            }
            BinlogPosition at = fromDump != null ? coordinates(fromDump) : position(startAt);
            ReplicationUser u = ctx.step("replication-user", "replication account", () -> user.create(io(), src, dst),
                    x -> Outcome.ok(x.account() + " on the source"));
            Replication.Builder b = Replication.of(dst).source(src, u).startAt(at).listener(ctx.relay());
            if (heartbeat != null) {
                b.heartbeat(Options.duration("--heartbeat", heartbeat));
            }
            try (Replication r = b.build()) {
                ReplicaStatus s = ctx.step("start", "start replication", () -> {
                    r.configure();
                    r.start();
                    return r.status();
                }, st -> Outcome.ok("from " + at + " (" + r.dialect() + "): I/O " + st.ioThread() + ", SQL " + st.sqlThread()));
                return ctx.finish(ExitCode.OK, "STARTED", "replication runs from " + at + "; next: aurora-migrate replicate wait,"
                        + " then aurora-migrate cutover" + (s.running() ? "" : " (not running yet: see replicate status)"));
            }
        }

        /** The dump's snapshot coordinates, from its manifest (docs/dump-format.md, "coordinates"). */
        static BinlogPosition coordinates(String store) throws Exception {
            try (DumpStore s = Options.store("--from-dump", store); InputStream in = s.open("manifest.json")) {
                JsonNode c = new ObjectMapper().readTree(in).path("coordinates");
                if (!c.path("binlogEnabled").asBoolean() || c.path("binlogFile").isMissingNode()) {
                    throw new BadInput("the dump in " + store + " has no binlog coordinates (binary logging was off on the source)");
                }
                return new BinlogPosition(c.path("binlogFile").asText(), c.path("binlogPosition").asLong());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInput(store + " holds no dump (no manifest.json)");
            }
        }

        static BinlogPosition position(String text) {
            int colon = text.lastIndexOf(':');
            try {
                return new BinlogPosition(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new BadInput("--start-at " + text + " is not FILE:POSITION such as binlog.000003:1234");
            }
        }
    }

    /** {@code replicate status}: the threads, positions, lag and, when stopped by an error, the diagnosis. */
    @Command(name = "status", description = "Show replication on the target: threads, positions, lag, and the diagnosis"
            + " of an error. Exit 0 when running, 1 when stopped by an error.%n%nExample:%n"
            + "  aurora-migrate replicate status --target admin@aurora")
    public static final class Status extends RunCommand {
        @Mixin
        TargetOptions target;

        @Override
        protected int run(Context ctx) throws Exception {
            Endpoint dst = target.endpoint(io());
            try (Replication r = Replication.of(dst).build()) {
                ReplicaStatus s = ctx.step("status", "replication status", r::status, st -> st.failed()
                        ? Outcome.failed(st.toString()) : st.running() ? Outcome.ok(st.toString()) : Outcome.warn(st.toString()));
                ctx.events().emit("replication.status", "configured", s.configured(), "running", s.running(), "failed", s.failed(),
                        "io", s.ioThread().name(), "sql", s.sqlThread().name(), "executed", s.executed().map(Object::toString).orElse(null),
                        "secondsBehindSource", s.secondsBehindSource().map(d -> d.toSeconds()).orElse(null));
                if (s.failed()) {
                    ReplicationHealth h = r.diagnose();
                    ctx.warning(h.toString());
                    return ctx.finish(ExitCode.FAILED, "STOPPED BY AN ERROR", "see the diagnosis above");
                }
                return ctx.finish(ExitCode.OK, s.running() ? "RUNNING" : s.configured() ? "STOPPED" : "NOT CONFIGURED", null);
            }
        }
    }

    /** {@code replicate wait}: until the target has applied everything the source had written when the wait began. */
    @Command(name = "wait", description = "Wait until the target has caught up with the source, showing the lag.%n%nExample:%n"
            + "  aurora-migrate replicate wait --source root@10.0.0.5 --target admin@aurora --timeout 30m")
    public static final class Wait extends RunCommand {
        @Mixin
        SourceOptions source;

        @Mixin
        TargetOptions target;

        @Mixin
        ReplicationUserOptions user;

        @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION", description = "Give up after this long"
                + " (exit 4). Default: ${DEFAULT-VALUE}.")
        String timeout;

        @Override
        protected int run(Context ctx) throws Exception {
            Endpoint src = source.endpoint(io());
            Endpoint dst = target.endpoint(io());
            try (Replication r = Replication.of(dst).source(src, user.existing(io())).listener(ctx.relay()).build()) {
                CatchUpProgress p = ctx.step("catch-up", "catch up", () -> r.awaitCaughtUp(Options.duration("--timeout", timeout)),
                        x -> Outcome.ok("at " + x.executed().map(Object::toString).orElse("?")));
                return ctx.finish(ExitCode.OK, "CAUGHT UP", "the target has applied " + p.goal() + "; next: aurora-migrate cutover");
            }
        }
    }

    /** {@code replicate stop}: stops replication on the target (and forgets its configuration with --reset). */
    @Command(name = "stop", description = "Stop replication on the target; --reset also forgets its configuration.%n%nExample:%n"
            + "  aurora-migrate replicate stop --target admin@aurora --reset")
    public static final class Stop extends RunCommand {
        @Mixin
        TargetOptions target;

        @Option(names = "--reset", description = "Also remove the replication configuration.")
        boolean reset;

        @Override
        protected int run(Context ctx) throws Exception {
            Endpoint dst = target.endpoint(io());
            try (Replication r = Replication.of(dst).build()) {
                ctx.step("stop", "stop replication", () -> {
                    r.stop();
                    if (reset) {
                        r.reset();
                    }
                    return r.status();
                }, s -> Outcome.ok(reset ? "stopped and reset" : "stopped: " + s));
                return ctx.finish(ExitCode.OK, "STOPPED", null);
            }
        }
    }
}
