package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.diagnose.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transform run did: statements read and written, how many changes of each kind each transform made,
 * what it could not translate (with file and line), and values captured from the input.
 *
 * <pre>{@code
 * TransformReport r = TransformPipeline.of(Transforms.stripDefiners().andThen(Transforms.dropSuperStatements()))
 *     .run(Path.of("dump.sql"), Path.of("fixed.sql"));
 * r.count("stripDefiners", "definer removed");        // e.g. 4
 * r.gtidPurged().ifPresent(gtids -> replication.startAfter(gtids));
 * r.findings().forEach(f -> log.warn("{}", f));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param statementsRead    statements given to the transform
 * @param statementsWritten statements it emitted
 * @param changes           counters per transform and kind of change, in first-seen order
 * @param findings          statements a transform could not translate faithfully
 * @param captured          values found in the input, by key (see the constants)
 */
public record TransformReport(long statementsRead, long statementsWritten, List<Change> changes,
        List<Finding> findings, Map<String, String> captured) {

    /** Key of the GTID set of {@code SET @@GLOBAL.GTID_PURGED = ...} (MySQL), whitespace removed. */
    public static final String GTID_PURGED = "gtid_purged";
    /** Key of the GTID position of {@code SET GLOBAL gtid_slave_pos = ...} (MariaDB). */
    public static final String GTID_SLAVE_POS = "gtid_slave_pos";
    /** Key of MASTER_LOG_FILE / SOURCE_LOG_FILE of a {@code CHANGE MASTER/REPLICATION SOURCE TO} statement. */
    public static final String SOURCE_LOG_FILE = "source_log_file";
    /** Key of MASTER_LOG_POS / SOURCE_LOG_POS of a {@code CHANGE MASTER/REPLICATION SOURCE TO} statement. */
    public static final String SOURCE_LOG_POS = "source_log_pos";

    /** Copies collections. */
    public TransformReport {
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        captured = Map.copyOf(captured);
    }

    /** An empty report. */
    public static TransformReport empty() {
        return new TransformReport(0, 0, List.of(), List.of(), Map.of());
    }

    /**
     * @param transform the transform's name (e.g. {@code "stripDefiners"})
     * @param what      the kind of change (see each transform's Javadoc)
     * @return how many such changes it made
     */
    public long count(String transform, String what) {
        return changes.stream().filter(c -> c.transform().equals(transform) && c.what().equals(what))
                .mapToLong(Change::count).sum();
    }

    /** @return the GTID set the input's {@code SET @@GLOBAL.GTID_PURGED} carried, if any */
    public Optional<String> gtidPurged() {
        return Optional.ofNullable(captured.get(GTID_PURGED));
    }

    /** @return a report adding up this one and {@code other} (for files transformed in parallel) */
    public TransformReport merge(TransformReport other) {
        Map<String, Change> byKey = new LinkedHashMap<>();
        for (Change c : changes) {
            byKey.put(c.transform() + '\0' + c.what(), c);
        }
        for (Change c : other.changes) {
            byKey.merge(c.transform() + '\0' + c.what(), c,
                    (a, b) -> new Change(a.transform(), a.what(), a.count() + b.count()));
        }
        List<Finding> allFindings = new ArrayList<>(findings);
        allFindings.addAll(other.findings);
        Map<String, String> allCaptured = new LinkedHashMap<>(captured);
        allCaptured.putAll(other.captured);
        return new TransformReport(statementsRead + other.statementsRead, statementsWritten + other.statementsWritten,
                new ArrayList<>(byKey.values()), allFindings, allCaptured);
    }

    /** @return a multi-line summary for people */
    public String render() {
        StringBuilder sb = new StringBuilder().append(statementsRead).append(" statements read, ")
                .append(statementsWritten).append(" written");
        changes.forEach(c -> sb.append("\n  ").append(c));
        findings.forEach(f -> sb.append("\n  NOT TRANSLATED ").append(f));
        captured.forEach((k, v) -> sb.append("\n  captured ").append(k).append(" = ").append(v));
        return sb.toString();
    }

    /**
     * A counter.
     *
     * @param transform the transform's name
     * @param what      the kind of change
     * @param count     how many
     */
    public record Change(String transform, String what, long count) {
        /** Validates. */
        public Change {
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String toString() {
            return transform + ": " + what + " x" + count;
        }
    }

    /**
     * A statement a transform could not translate faithfully; it was passed on as the transform's Javadoc says.
     *
     * @param transform the transform's name
     * @param location  file, line and excerpt of the statement
     * @param message   what could not be translated and what to do
     */
    public record Finding(String transform, SourceLocation location, String message) {
        /** Validates. */
        public Finding {
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return transform + " at " + location.file() + " line " + location.line() + ": " + message;
        }
    }
}
