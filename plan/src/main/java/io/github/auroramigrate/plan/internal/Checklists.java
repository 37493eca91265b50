package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.Estimate;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The handbook's checklist and shadow checklist as Markdown, from a plan (what will happen) or a report (what
 * happened, with timings), and a rehearsal's estimate for the real size. Stateless.
 *
 * <pre>{@code
 * String md = Checklists.markdown(report);
 * }</pre>
 */
public final class Checklists {
    private Checklists() {
    }

    /** @return the checklist of a plan that has not run: each step, its rollback, how it resumes */
    public static String markdown(String planId, List<PlanStep> steps) {
        StringBuilder sb = new StringBuilder("## Checklist of plan ").append(planId).append("\n\n")
                .append("| # | step | what it does | after an interruption |\n|---|---|---|---|\n");
        int i = 1;
        for (PlanStep s : steps) {
            sb.append("| ").append(i++).append(" | ").append(s.name()).append(" | ").append(cell(s.description()))
                    .append(" | ").append(switch (s.resumption()) {
                        case REDO -> "runs again";
                        case CONTINUE -> "continues";
                        case UNDO_THEN_REDO -> "undone, then runs again";
                    }).append(" |\n");
        }
        sb.append("\n## Shadow checklist (rollback, last step first)\n\n| # | step | rollback |\n|---|---|---|\n");
        for (int k = steps.size() - 1; k >= 0; k--) {
            sb.append("| ").append(k + 1).append(" | ").append(steps.get(k).name()).append(" | ")
                    .append(cell(steps.get(k).rollbackDescription())).append(" |\n");
        }
        return sb.toString();
    }

    /** @return the checklist of a report: each step's state, attempts and time, and its rollback's */
    public static String markdown(PlanReport r) {
        StringBuilder sb = new StringBuilder("## Plan ").append(r.planId()).append(": ").append(r.state())
                .append(" (attempt ").append(r.attempt()).append(")\n\n").append(r.message().isEmpty() ? "" : r.message() + "\n\n")
                .append("| # | step | what it does | state | attempts | took | result | rollback | rollback took |\n")
                .append("|---|---|---|---|---:|---:|---|---|---:|\n");
        int i = 1;
        Duration total = Duration.ZERO;
        Duration back = Duration.ZERO;
        for (StepReport s : r.steps()) {
            sb.append("| ").append(i++).append(" | ").append(s.name()).append(" | ").append(cell(s.description()))
                    .append(" | ").append(s.state()).append(" | ").append(s.attempts()).append(" | ")
                    .append(s.attempts() == 0 ? "" : Human.duration(s.duration())).append(" | ")
                    .append(cell(shorten(s.detail()))).append(" | ")
                    .append(cell(s.rollbackDetail().isEmpty() ? s.rollbackDescription() : s.rollbackDetail())).append(" | ")
                    .append(s.rollbackDuration().isZero() ? "" : Human.duration(s.rollbackDuration())).append(" |\n");
            total = total.plus(s.duration());
            back = back.plus(s.rollbackDuration());
        }
        sb.append("\nChecklist total ").append(Human.duration(total));
        if (!back.isZero()) {
            sb.append("; shadow checklist (rollback) total ").append(Human.duration(back));
        }
        sb.append(".\n");
        if (!r.decisions().isEmpty()) {
            sb.append("\n### Decisions\n\n");
            r.decisions().forEach(d -> sb.append("- ").append(d.at()).append(" **").append(d.step()).append("**: ")
                    .append(d.text().replace("\n", " ")).append('\n'));
        }
        return sb.toString();
    }

    /** @return the estimate of a real run of {@code real} from the report's timings */
    public static Estimate estimate(PlanReport r, DataSize real) {
        DataSize measured = r.dataSize().orElseThrow(() -> new IllegalStateException("plan " + r.planId()
                + " recorded no data size (no dump step ran): nothing to scale from"));
        double factor = (double) real.toBytes() / Math.max(1, measured.toBytes());
        List<Estimate.Line> lines = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (StepReport s : r.steps()) {
            Duration est = s.sizeDependent() ? Duration.ofNanos((long) (s.duration().toNanos() * factor)) : s.duration();
            lines.add(new Estimate.Line(s.name(), s.duration(), est, s.sizeDependent()));
            total = total.plus(est);
        }
        return new Estimate(measured, real, factor, lines, total);
    }

    private static String shorten(String s) {
        String first = s.lines().findFirst().orElse("");
        return first.length() <= 160 ? first : first.substring(0, 157) + "...";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
