package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;

import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Transform} over the statements of one stream, one statement at a time: the per-statement API for
 * loaders and dumpers. Tracks the current schema from {@code USE} statements, counts, and builds the report.
 *
 * <pre>{@code
 * TransformSession session = TransformSession.open(Transforms.stripDefiners(), "myschema_dump.sql");
 * try (StatementReader r = StatementReader.open(Path.of("myschema_dump.sql"))) {
 *     for (Statement s : r) {
 *         for (Statement out : session.apply(s)) {
 *             execute(out.text());                  // out.line() still points into the original file
 *         }
 *     }
 * }
 * TransformReport report = session.report();
 * }</pre>
 *
 * <p>Not thread-safe: one session per stream. The transform itself can be shared by sessions on several threads.
 */
public final class TransformSession {
    private final Transform transform;
    private final TransformContext context;
    private long read;
    private long written;

    private TransformSession(Transform transform, TransformContext context) {
        this.transform = transform;
        this.context = context;
    }

    /**
     * @param transform the transform to run
     * @param file      the stream's name, for the report
     * @return a session with no current schema until the input says {@code USE}
     */
    public static TransformSession open(Transform transform, String file) {
        return open(transform, file, null);
    }

    /**
     * @param transform     the transform to run
     * @param file          the stream's name, for the report
     * @param defaultSchema the schema unqualified names belong to until a {@code USE} (e.g. {@code "shop"} for
     *                      mydumper's {@code shop.t1.00000.sql}), or null
     * @return the session
     */
    public static TransformSession open(Transform transform, String file, String defaultSchema) {
        Objects.requireNonNull(transform, "transform");
        return new TransformSession(transform, new TransformContext(file, defaultSchema));
    }

    /**
     * @param statement the next statement of the stream
     * @return what to emit in its place (possibly nothing)
     * @throws io.github.auroramigrate.core.diagnose.MigrationException if the transform fails; the diagnosis
     *         names the statement's file and line
     */
    public List<Statement> apply(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        read++;
        context.observe(statement);
        List<Statement> out = context.runAs(transform, statement);
        written += out.size();
        return out;
    }

    /** @return the context (current schema, captured values so far) */
    public TransformContext context() {
        return context;
    }

    /** @return a snapshot of what was done so far */
    public TransformReport report() {
        return context.report(read, written);
    }
}
