package io.github.auroramigrate.core.precheck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that will fail or behave differently on the target.
 *
 * <pre>{@code
 * for (Finding f : report.findings()) {
 *     System.out.println(f.severity() + " " + f.check() + ": " + f.message());
 * }
 * }</pre>
 *
 * @param check    which check found it
 * @param severity how bad it is
 * @param message  what was found, naming the objects
 * @param objects  the objects concerned ({@code schema.name} or accounts)
 * @param fix      the transform that fixes it (e.g. {@code Transforms.stripDefiners()}), or null when none does
 * @param advice   what to do, after the handbook
 */
public record Finding(Check check, Severity severity, String message, List<String> objects, String fix, String advice) {
    /** Validates and copies. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(advice, "advice");
        objects = List.copyOf(objects);
    }

    /** @return the transform that fixes this finding, if one does */
    public Optional<String> fixingTransform() {
        return Optional.ofNullable(fix);
    }
}
