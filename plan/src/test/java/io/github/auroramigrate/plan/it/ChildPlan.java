package io.github.auroramigrate.plan.it;

import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanListener;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.StepReport;
import java.nio.file.Path;

/**
 * A plan file run in a JVM of its own, for kill tests: {@code ChildPlan <file> run|rollback [<step>:<started|finished>]}.
 * Prints {@code STARTED}, then {@code STEP <name> started|finished} (after the journal recorded it); at the named
 * boundary it prints {@code BOUNDARY} and blocks until the parent kills it (SIGKILL). Ends with {@code DONE <state>}, or
 * {@code FAILED <code>}.
 */
public final class ChildPlan {
    private ChildPlan() {
    }

    public static void main(String[] args) throws Exception {
        String boundary = args.length > 2 ? args[2] : "";
        Plan plan = Plan.fromFile(Path.of(args[0])).listener(new PlanListener() {
            @Override
            public void stepStarted(String step) {
                at(step + ":started");
            }

            @Override
            public void stepFinished(StepReport step) {
                at(step.name() + ":finished");
            }

            @Override
            public void rollbackStarted(String step) {
                at(step + ":rollback-started");
            }

            @Override
            public void rollbackFinished(StepReport step) {
                at(step.name() + ":rollback-finished");
            }

            private void at(String point) {
                System.out.println("STEP " + point);
                System.out.flush();
                if (point.equals(boundary)) {
                    System.out.println("BOUNDARY " + point);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE); // until killed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }).build();
        System.out.println("STARTED");
        System.out.flush();
        try {
            PlanReport r = args[1].equals("rollback") ? plan.rollback() : plan.run();
            System.out.println("DONE " + r.state());
        } catch (PlanException e) {
            System.out.println("FAILED " + e.code() + " " + e.getMessage().replace('\n', ' '));
        }
        System.out.flush();
    }
}
