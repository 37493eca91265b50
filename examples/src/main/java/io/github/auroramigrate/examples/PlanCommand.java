package io.github.auroramigrate.examples;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan file from a terminal: the commands the {@code aurora-migrate} CLI will offer, each one call of the plan
 * API. It prints the plan's checklist with timings (or, with {@code --json}, the report as JSON) and exits 0 when the
 * plan stands where the command leaves it (completed, window open, suspended, rolled back), 1 when a step failed (its
 * diagnosis on stderr; the journal says where the plan stopped), 2 for a usage error.
 *
 * <pre>{@code
 * java ... PlanCommand run shop.plan.yaml           # start, or resume where it stopped
 * java ... PlanCommand suspend shop.plan.yaml       # from another terminal: stop at the next safe point
 * java ... PlanCommand resume shop.plan.yaml        # same as run
 * java ... PlanCommand status shop.plan.yaml        # the journal, without touching the servers
 * java ... PlanCommand close-window shop.plan.yaml  # close the rollback window: the migration is final
 * java ... PlanCommand rollback shop.plan.yaml      # the shadow checklist (the fallback while the window is open)
 * java ... PlanCommand rehearse shop.plan.yaml --real-size 500GiB
 * java ... PlanCommand checklist shop.plan.yaml     # what the plan will do, and its rollback
 * }</pre>
 */
public final class PlanCommand {
    private static final String USAGE = "usage: PlanCommand run|resume|suspend|status|close-window|rollback|rehearse|"
            + "checklist <plan file> [--json] [--real-size SIZE]";

    private PlanCommand() {
    }

    /** Runs one command and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs one command.
     *
     * @return the exit code: 0 done, 1 failed, 2 usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean json = rest.remove("--json");
        DataSize realSize = null;
        int i = rest.indexOf("--real-size");
        if (i >= 0) {
            if (i + 1 >= rest.size()) {
                err.println(USAGE);
                return 2;
            }
            realSize = DataSize.parse(rest.get(i + 1));
            rest.remove(i + 1);
            rest.remove(i);
        }
        if (rest.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        String command = rest.get(0);
        Plan plan;
        try {
            plan = Plan.fromFile(Path.of(rest.get(1))).build();
        } catch (MigrationException | IllegalArgumentException | NullPointerException e) {
            err.println(e instanceof MigrationException m ? m.diagnosis().render() : "plan file: " + e.getMessage());
            return 2;
        }
        try {
            PlanReport r;
            switch (command) {
                case "run", "resume" -> r = plan.run();
                case "close-window" -> r = plan.closeRollbackWindow();
                case "rollback" -> r = plan.rollback();
                case "rehearse" -> r = plan.rehearse();
                case "status" -> r = plan.status();
                case "suspend" -> {
                    boolean asked = plan.suspend();
                    out.println(asked ? "plan " + plan.id() + ": asked to suspend at its next safe point"
                            : "plan " + plan.id() + ": no process is running it");
                    return 0;
                }
                case "checklist" -> {
                    out.println(plan.checklist());
                    return 0;
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            print(out, r, json, realSize);
            return 0;
        } catch (PlanException e) {
            err.println(e.diagnosis().render());
            e.report().ifPresent(r -> print(out, r, json, null));
            return 1;
        } catch (MigrationException e) {
            err.println(e.diagnosis().render());
            return 1;
        }
    }

    private static void print(PrintStream out, PlanReport r, boolean json, DataSize realSize) {
        if (json) {
            out.println(r.toJson());
            return;
        }
        out.println(r.checklist());
        if (realSize != null && r.dataSize().isPresent()) {
            out.println(r.estimate(realSize).toMarkdown());
        }
        out.println("STATE " + r.state());
    }
}
