package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;

import java.util.List;
import java.util.Objects;

/**
 * A rewrite of SQL statements, one statement at a time: return the statement unchanged, changed, replaced by
 * several, or dropped (an empty list). Transforms compose with {@link #andThen(Transform)}; order is kept.
 *
 * <pre>{@code
 * Transform noMyIsamHints = (s, ctx) -> {
 *     if (s.kind() == StatementKind.SET && s.text().contains("SQL_LOG_BIN")) {
 *         ctx.count("sql_log_bin dropped");
 *         return List.of();                       // drop
 *     }
 *     return List.of(s);                          // keep
 * };
 * Transform all = Transforms.stripDefiners().andThen(Transforms.forceInnoDb()).andThen(noMyIsamHints);
 * }</pre>
 *
 * <p>Implementations must be thread-safe (the same transform serves parallel loads): keep per-stream state in
 * the {@link TransformContext} ({@link TransformContext#state(Object, java.util.function.Supplier)}), never in
 * fields. They should look at {@link Statement#kind()} before lexing a whole statement, so multi-megabyte
 * INSERTs pass at the cost of reading their first words. Record what was changed with
 * {@link TransformContext#count(String)} and what could not be translated with
 * {@link TransformContext#untranslatable(Statement, String)}.
 */
@FunctionalInterface
public interface Transform {

    /**
     * @param statement the statement to rewrite
     * @param context   the stream's context: file, current schema, report, per-stream state
     * @return the statements to emit in its place, in order; empty to drop it
     */
    List<Statement> apply(Statement statement, TransformContext context);

    /** @return the name used in the {@link TransformReport}; built-ins use their factory method's name */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.contains("$$Lambda") || simple.isEmpty() ? "custom" : simple;
    }

    /**
     * What this transform changes in object definitions on purpose, so that {@code Verify} expects it; default
     * {@link DefinitionEffects#NONE} (a custom transform that changes definitions should say how).
     */
    default DefinitionEffects definitionEffects() {
        return DefinitionEffects.NONE;
    }

    /** @return a transform that runs this one, then {@code next} on each statement this one emitted */
    default Transform andThen(Transform next) {
        return TransformChain.of(this, Objects.requireNonNull(next, "next"));
    }

    /** @return the transform that keeps every statement as it is */
    static Transform identity() {
        return TransformChain.of();
    }

    /** @return {@code transform} reported under {@code name} */
    static Transform named(String name, Transform transform) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transform, "transform");
        return new Transform() {
            @Override
            public List<Statement> apply(Statement statement, TransformContext context) {
                return transform.apply(statement, context);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public DefinitionEffects definitionEffects() {
                return transform.definitionEffects();
            }
        };
    }
}
