package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.probe.ServerInfo;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link CompatibilityCheck}: every finding, as a value for programs and as Markdown for people.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * CompatibilityReport report = CompatibilityCheck.of(src).target(TargetProfile.AURORA_MYSQL_3).build().run();
 * if (report.hasErrors()) { System.out.println(report.toMarkdown()); }
 * }</pre>
 *
 * @param source   what the probe found on the source
 * @param target   the target profile checked against
 * @param findings findings, errors first
 * @param warnings what the check could not look at (e.g. a missing privilege)
 */
public record CompatibilityReport(ServerInfo source, TargetProfile target, List<Finding> findings, List<String> warnings) {
    /** Validates and copies. */
    public CompatibilityReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        findings = findings.stream().sorted(java.util.Comparator.comparing(Finding::severity)).toList();
        warnings = List.copyOf(warnings);
    }

    /** @return findings of one severity */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** @return findings of one check */
    public List<Finding> findings(Check check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }

    /** @return whether anything will make the migration fail */
    public boolean hasErrors() {
        return !findings(Severity.ERROR).isEmpty();
    }

    /** @return the report as Markdown */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## Compatibility pre-check\n\n");
        md.append("- Source: ").append(source.summary()).append('\n');
        md.append("- Target: ").append(target.name()).append("\n\n");
        if (findings.isEmpty()) {
            md.append("No problems found.\n");
        } else {
            md.append("| severity | check | finding | fix |\n|---|---|---|---|\n");
            for (Finding f : findings) {
                md.append("| ").append(f.severity()).append(" | ").append(f.check()).append(" | ").append(escape(f.message()))
                        .append(" | ").append(f.fixingTransform().map(t -> "`" + t + "`").orElse("-")).append(" |\n");
            }
            md.append("\n### What to do\n\n");
            for (Finding f : findings) {
                md.append("- **").append(f.check()).append("**: ").append(f.advice()).append('\n');
                if (!f.objects().isEmpty()) {
                    md.append("  - objects: ").append(String.join(", ", f.objects().stream().limit(20).toList()))
                            .append(f.objects().size() > 20 ? " and " + (f.objects().size() - 20) + " more" : "").append('\n');
                }
            }
        }
        if (!warnings.isEmpty()) {
            md.append("\n### Not checked\n\n");
            warnings.forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
