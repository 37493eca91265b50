package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.sql.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link Transform} knows about the stream it works on, and where it reports: the file, the current
 * schema (tracked from {@code USE} statements of the input), counters, untranslatable items, captured values
 * (such as the GTID set of {@code SET @@GLOBAL.GTID_PURGED}), and per-stream state.
 *
 * <pre>{@code
 * Transform t = (s, ctx) -> {
 *     String schema = ctx.schema().orElse("?");
 *     Counter seen = ctx.state("seen", Counter::new);   // one per stream, not shared between threads
 *     ...
 *     ctx.count("rewritten");
 *     return List.of(s);
 * };
 * }</pre>
 *
 * <p>One context per stream (file), owned by a {@link TransformSession}; not thread-safe.
 */
public final class TransformContext {
    private final String file;
    private String schema;
    private String current = "identity";
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final List<TransformReport.Finding> findings = new ArrayList<>();
    private final Map<String, String> captured = new LinkedHashMap<>();
    private final Map<Object, Object> state = new HashMap<>();

    TransformContext(String file, String schema) {
        this.file = Objects.requireNonNull(file, "file");
        this.schema = schema;
    }

    /** @return the file (or stream name) being transformed */
    public String file() {
        return file;
    }

    /**
     * @return the schema in force for unqualified names: the last {@code USE} of the input (source name, before
     *         any rename), or the default the session was opened with
     */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** @return the name of the transform running now */
    public String transformName() {
        return current;
    }

    /** Counts one change of kind {@code what} for the running transform. */
    public void count(String what) {
        count(what, 1);
    }

    /** Counts {@code n} changes of kind {@code what} for the running transform. */
    public void count(String what, long n) {
        counts.computeIfAbsent(current, k -> new LinkedHashMap<>()).merge(what, n, Long::sum);
    }

    /** Records that the running transform could not translate {@code statement} faithfully, and why. */
    public void untranslatable(Statement statement, String why) {
        findings.add(new TransformReport.Finding(current, statement.location(), why));
    }

    /** Records a value found in the input (last write wins), e.g. {@link TransformReport#GTID_PURGED}. */
    public void capture(String key, String value) {
        captured.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Per-stream state of a transform, created on first use.
     *
     * @param key     identifies the state (e.g. the transform instance, or a private constant)
     * @param initial creates it
     * @param <T>     its type
     * @return the state object for this stream
     */
    @SuppressWarnings("unchecked")
    public <T> T state(Object key, Supplier<T> initial) {
        return (T) state.computeIfAbsent(key, k -> initial.get());
    }

    /** Updates the current schema from a USE statement of the input. */
    void observe(Statement s) {
        if (s.kind() == io.github.auroramigrate.core.sql.StatementKind.USE) {
            s.objectName().ifPresent(n -> schema = n.name());
        }
    }

    void schema(String value) {
        this.schema = value;
    }

    /** Runs one transform on one statement under its name, checking its answer. */
    List<Statement> runAs(Transform t, Statement s) {
        String outer = current;
        current = t.name();
        try {
            List<Statement> out = t.apply(s, this);
            if (out == null || out.stream().anyMatch(java.util.Objects::isNull)) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "Transform " + current + " returned null for the statement at " + s.location()));
            }
            return out;
        } catch (MigrationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.UNKNOWN, "Transform " + current
                    + " failed on the statement at " + s.file() + " line " + s.line() + ": " + e)
                    .withLocation(s.location()), e);
        } finally {
            current = outer;
        }
    }

    TransformReport report(long read, long written) {
        List<TransformReport.Change> changes = new ArrayList<>();
        counts.forEach((t, m) -> m.forEach((what, n) -> changes.add(new TransformReport.Change(t, what, n))));
        return new TransformReport(read, written, changes, findings, captured);
    }
}
