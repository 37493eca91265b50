package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.plan.Decision;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanListener;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.StepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora-migrate plan}: runs a migration plan file (docs/plans.md) - the handbook's checklist with its shadow
 * rollback checklist, journaled so that a killed or suspended run resumes at the step it was in.
 *
 * <pre>{@code
 * aurora-migrate plan run shop.plan.yaml          # start, or resume where it stopped
 * aurora-migrate plan suspend shop.plan.yaml      # from another terminal: stop at the next safe point
 * aurora-migrate plan rollback shop.plan.yaml     # the shadow checklist, from wherever the plan stands
 * }</pre>
 */
@Command(name = "plan", description = "Run a migration plan file: the checklist with its rollback checklist, journaled"
        + " (suspend, resume, rollback, rehearse).",
        subcommands = {PlanCommand.Run.class, PlanCommand.Resume.class, PlanCommand.Suspend.class, PlanCommand.Status.class,
            PlanCommand.CloseWindow.class, PlanCommand.Rollback.class, PlanCommand.Rehearse.class,
            PlanCommand.Checklist.class},
        footer = {"", "Example:", "  aurora-migrate plan run shop.plan.yaml", "",
            "Secrets in the plan file are ${env:NAME} or ${file:PATH}; docs/plans.md describes the file."})
public final class PlanCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every plan subcommand shares: the plan file, read and validated. */
    abstract static class PlanRun extends RunCommand {
        @Parameters(index = "0", paramLabel = "PLAN_FILE", description = "The plan file (YAML or JSON).")
        Path file;

        /** Does the subcommand's work on the built plan. */
        abstract PlanReport act(Context ctx, Plan plan) throws Exception;

        @Override
        protected int run(Context ctx) throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new BadInput("no plan file " + file.toAbsolutePath());
            }
            Plan plan = Plan.fromFile(file).listener(listener(ctx)).build();
            PlanReport r = act(ctx, plan);
            if (r == null) {
                return ctx.finish(ExitCode.OK, "SUCCEEDED", null);
            }
            io().out().println(r.checklist());
            String headline = "plan " + r.planId() + " is " + r.state() + " (attempt " + r.attempt() + ")";
            return ctx.finish(ExitCode.OK, r.state() == PlanState.FAILED ? "FAILED" : "SUCCEEDED", headline);
        }

        /** The plan's steps and decisions as the command's events: what the terminal, --json and the report show. */
        private static PlanListener listener(Context ctx) {
            return new PlanListener() {
                @Override
                public void stepStarted(String step) {
                    ctx.events().emit("step.started", "step", step, "title", step);
                }

                @Override
                public void stepFinished(StepReport s) {
                    ctx.events().emit("step.finished", "step", s.name(), "title", s.description(), "status",
                            status(s.state()), "seconds",
                            s.duration() == null ? 0.0 : s.duration().toMillis() / 1000.0, "summary",
                            s.detail() == null ? "" : s.detail());
                }

                @Override
                public void rollbackStarted(String step) {
                    ctx.events().emit("step.started", "step", "rollback " + step, "title", "roll back " + step);
                }

                @Override
                public void rollbackFinished(StepReport s) {
                    ctx.events().emit("step.finished", "step", "rollback " + s.name(), "title", s.rollbackDescription(),
                            "status", status(s.state()), "seconds",
                            s.rollbackDuration() == null ? 0.0 : s.rollbackDuration().toMillis() / 1000.0, "summary",
                            s.rollbackDetail() == null ? "" : s.rollbackDetail());
                }

                @Override
                public void decided(Decision d) {
                    ctx.events().emit("step.detail", "step", d.step(), "text", d.text());
                }
            };
        }

        /** A step's state as the terminal and the report mark it: ok, skipped (suspended), warn (rolled back), failed. */
        private static String status(io.github.auroramigrate.plan.StepState state) {
            return switch (state) {
                case DONE, ROLLED_BACK -> "ok";
                case SUSPENDED, PENDING -> "skipped";
                case RUNNING, ROLLING_BACK -> "warn";
                default -> "failed";
            };
        }
    }

    /** {@code plan run}: start, or resume where the plan stopped. */
    @Command(name = "run", description = "Start the plan, or resume it where it stopped (killed, suspended, failed).",
            footer = {"", "Example:", "  aurora-migrate plan run shop.plan.yaml"})
    static final class Run extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            return plan.run();
        }
    }

    /** {@code plan resume}: the same as run, said for people. */
    @Command(name = "resume", description = "Resume a suspended, killed or failed plan at the step it was in.",
            footer = {"", "Example:", "  aurora-migrate plan resume shop.plan.yaml"})
    static final class Resume extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            return plan.run();
        }
    }

    /** {@code plan suspend}: ask the running process to stop at its next safe point. */
    @Command(name = "suspend", description = "Ask the process running the plan to stop at its next safe point.",
            footer = {"", "Example:", "  aurora-migrate plan suspend shop.plan.yaml"})
    static final class Suspend extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            io().out().println(plan.suspend() ? "plan " + plan.id() + ": asked to suspend at its next safe point"
                    : "plan " + plan.id() + ": no process is running it");
            return null;
        }
    }

    /** {@code plan status}: the journal, without touching the servers. */
    @Command(name = "status", description = "Show where the plan stands, from its journal (no server is touched).",
            footer = {"", "Example:", "  aurora-migrate plan status shop.plan.yaml"})
    static final class Status extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            return plan.status();
        }
    }

    /** {@code plan close-window}: the migration becomes final. */
    @Command(name = "close-window", description = "Close the rollback window: stop reverse replication; the migration is"
            + " final.", footer = {"", "Example:", "  aurora-migrate plan close-window shop.plan.yaml"})
    static final class CloseWindow extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            return plan.closeRollbackWindow();
        }
    }

    /** {@code plan rollback}: the shadow checklist from wherever the plan stands. */
    @Command(name = "rollback", description = "Run the shadow checklist back to the last consistent state (a fallback"
            + " to the source while the rollback window is open).",
            footer = {"", "Example:", "  aurora-migrate plan rollback shop.plan.yaml"})
    static final class Rollback extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) {
            return plan.rollback();
        }
    }

    /** {@code plan rehearse}: a test migration that records each step's time. */
    @Command(name = "rehearse", description = "Rehearse: run the plan as a test migration, record each step's time,"
            + " roll back, and estimate the real run.",
            footer = {"", "Example:", "  aurora-migrate plan rehearse shop.plan.yaml --real-size 500GiB"})
    static final class Rehearse extends PlanRun {
        @Option(names = "--real-size", paramLabel = "SIZE", description = "The real database's size (e.g. 500GiB), for"
                + " the estimate of the real run.")
        String realSize;

        @Override
        PlanReport act(Context ctx, Plan plan) {
            DataSize size = realSize == null ? null : parse(realSize);
            PlanReport r = plan.rehearse();
            if (size != null && r.dataSize().isPresent()) {
                io().out().println(r.estimate(size).toMarkdown());
            }
            return r;
        }

        private static DataSize parse(String s) {
            try {
                return DataSize.parse(s);
            } catch (IllegalArgumentException e) {
                throw new BadInput("--real-size: " + e.getMessage());
            }
        }
    }

    /** {@code plan checklist}: what the plan will do, and its rollback. */
    @Command(name = "checklist", description = "Print the plan's checklist and its shadow rollback checklist.",
            footer = {"", "Example:", "  aurora-migrate plan checklist shop.plan.yaml"})
    static final class Checklist extends PlanRun {
        @Override
        PlanReport act(Context ctx, Plan plan) throws MigrationException {
            io().out().println(plan.checklist());
            return null;
        }
    }
}
