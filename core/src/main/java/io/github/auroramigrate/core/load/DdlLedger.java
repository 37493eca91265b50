package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which objects of a load exist and which of them this load created, so that a DDL statement runs exactly once
 * whatever point an earlier run died at. DDL is not transactional, so the journal row of an object is written
 * <em>before</em> its statement (recording the digest of the text about to run): after any crash, an object that is
 * journaled and exists was created by this job, one journaled but missing was not created yet. An object that
 * exists but is not journaled was made by someone else (or by a version of this library that journaled by file and
 * line): it is adopted when its definition equals the one the load would create and it holds no rows the journal does
 * not account for, replaced when {@link ExistingObjects#REPLACE} says so, and refused otherwise.
 *
 * <p>Shared by the DDL connections of one load; thread-safe (decisions are serialised, statements run outside).
 */
final class DdlLedger {
    private static final Logger LOG = LoggerFactory.getLogger(DdlLedger.class);

    /** What to do with a statement. */
    enum Action {
        /** Run it: the object does not exist (any more) or was replaced. */
        EXECUTE,
        /** Skip it: the object exists as this load creates it. */
        SKIP
    }

    private final LoadJournal journal;
    private final ExistingObjects existing;
    private final String endpoint;
    private final List<Diagnosis> notes = new ArrayList<>();
    private Map<String, String> journaled; // journal key -> recorded digest, read once
    private Boolean lowerCaseNames;
    private Set<String> schemas;
    private final Map<String, Set<String>> objectsBySchema = new HashMap<>();

    DdlLedger(LoadJournal journal, ExistingObjects existing, String endpoint) {
        this.journal = journal;
        this.existing = existing;
        this.endpoint = endpoint;
    }

    /**
     * Decides whether to run the statement creating {@code key}, and prepares it: writes the journal row before a
     * statement that is to run, drops an object that is to be replaced.
     *
     * @param text the statement as it will be sent (after transforms)
     * @throws LoadException OBJECT_EXISTS or DDL_CHANGED when the object cannot be created faithfully
     */
    synchronized Action before(Connection c, ObjectKey key, String text, boolean ifNotExists) throws SQLException {
        String digest = "sha256:" + ObjectKey.digest(text);
        String recorded = journaled(c).get(key.journalKey());
        boolean exists = exists(c, key);
        if (recorded != null) {
            if (!exists) {
                updateDigest(c, key, recorded, digest);
                return Action.EXECUTE;              // journaled before an earlier run died, never created
            }
            if (recorded.equals(digest)) {
                return Action.SKIP;
            }
            // created by an earlier run from another definition (the DDL file or the transform changed)
            if (key.kind() == ObjectKey.Kind.SCHEMA) {
                adoptSchema(c, key, text, true);
                updateDigest(c, key, recorded, digest);
                return Action.SKIP;
            }
            if (holdsData(key) && !isEmptyAndUnloaded(c, key)) {
                throw new LoadException(Diagnosis.of(DiagnosisCode.DDL_CHANGED, key.describe() + " was created by an "
                        + "earlier run of load job " + journal.jobId() + " from another definition and holds loaded rows; "
                        + "the definition the load would run now differs (its DDL file or the load's transform changed)")
                        .withEndpoint(endpoint), qualified(key), null, null);
            }
            drop(c, key);
            updateDigest(c, key, recorded, digest);
            note(key.describe() + " re-created: its definition changed since an earlier run of this load created it");
            return Action.EXECUTE;
        }
        if (!exists) {
            insert(c, key, digest);
            return Action.EXECUTE;
        }
        Action a = existing(c, key, text, ifNotExists);
        insert(c, key, digest);
        return a;
    }

    /** @return whether the object exists on the target (from a cache read once per schema, kept up to date) */
    synchronized boolean existsNow(Connection c, ObjectKey key) throws SQLException {
        return exists(c, key);
    }

    /**
     * Decides about an object that exists on the target and that the journal does not say this job created: kept when
     * the statement says IF NOT EXISTS, adopted when identical (and holding no rows the journal does not account
     * for), dropped for re-creation when {@link ExistingObjects#REPLACE} says so, refused otherwise. Writes no journal
     * row: the caller records the object or statement.
     *
     * @return SKIP (kept or adopted) or EXECUTE (dropped: run the statement)
     * @throws LoadException OBJECT_EXISTS when refused
     */
    synchronized Action existing(Connection c, ObjectKey key, String text, boolean ifNotExists) throws SQLException {
        if (ifNotExists) {                           // the statement itself says to keep an existing object
            note(key.describe() + " existed on the target and is kept, as the statement's IF NOT EXISTS says");
            return Action.SKIP;
        }
        return key.kind() == ObjectKey.Kind.SCHEMA ? adoptSchema(c, key, text, false) : adoptOrReplace(c, key, text);
    }

    /** Records that the statement creating {@code key} ran. */
    synchronized void created(ObjectKey key) {
        if (key.kind() == ObjectKey.Kind.SCHEMA) {
            if (schemas != null) {
                schemas.add(norm(key.name(), true));
            }
            return;
        }
        Set<String> objects = objectsBySchema.get(norm(key.schema(), true));
        if (objects != null) {
            objects.add(member(key));
        }
    }

    /**
     * Takes note of a DDL statement that is not an object creation: a dropped table or view leaves the cache of what
     * exists; anything else (ALTER, RENAME, other DROPs) makes it be read again.
     */
    synchronized void changed(io.github.auroramigrate.core.sql.Statement s, String currentSchema) {
        switch (s.kind()) {
            case DROP_TABLE, DROP_VIEW -> {
                List<io.github.auroramigrate.core.sql.ObjectName> dropped = s.tableNames().isEmpty()
                        ? s.objectName().map(List::of).orElse(List.of()) : s.tableNames();
                if (dropped.isEmpty()) {
                    schemas = null;
                    objectsBySchema.clear();
                }
                for (io.github.auroramigrate.core.sql.ObjectName n : dropped) {
                    String schema = n.schemaOr(currentSchema);
                    Set<String> objects = schema == null ? null : objectsBySchema.get(norm(schema, true));
                    if (objects != null) {
                        objects.remove(member(new ObjectKey(ObjectKey.Kind.TABLE, schema, n.name())));
                    }
                }
            }
            case ALTER_TABLE -> {
                if (s.text().toUpperCase(Locale.ROOT).contains("RENAME")) { // DISABLE KEYS and the like change nothing here
                    schemas = null;
                    objectsBySchema.clear();
                }
            }
            case CREATE_OTHER, ALTER_OTHER, DROP_OTHER, OTHER -> {
                schemas = null;
                objectsBySchema.clear();
            }
            default -> {
            }
        }
    }

    /** @return warnings about adopted, replaced and re-created objects, for the load's result */
    synchronized List<Diagnosis> notes() {
        return List.copyOf(notes);
    }

    /** @return the journal keys of statements that are not object DDL (file:line keys), read once with the rest */
    synchronized boolean isJournaled(Connection c, String key) throws SQLException {
        return journaled(c).containsKey(key);
    }

    /** Records a statement that is not object DDL as executed (its journal row is written after it ran). */
    synchronized void recordStatement(Connection c, String key) throws SQLException {
        journal.record(c, key, "-", 0, "");
        journaled.put(key, "");
    }

    // ------------------------------------------------------------------ adoption

    private Action adoptOrReplace(Connection c, ObjectKey key, String text) throws SQLException {
        String difference = ObjectDefinitions.difference(c, key, text);
        boolean rowsAccounted = !holdsData(key) || isEmptyAndUnloaded(c, key) || rowsMatchJournal(c, key);
        if (difference == null && rowsAccounted) {
            note(key.describe() + " existed on the target with the definition this load creates and no rows it did not "
                    + "load; adopted");
            return Action.SKIP;
        }
        String why = difference != null ? "its definition differs from the one this load creates (" + difference + ")"
                : "it holds rows this load did not write";
        if (existing == ExistingObjects.REPLACE) {
            drop(c, key);
            note(key.describe() + " existed on the target and " + why + "; replaced (existingObjects(REPLACE))");
            return Action.EXECUTE;
        }
        throw new LoadException(Diagnosis.of(DiagnosisCode.OBJECT_EXISTS, key.describe() + " already exists on the target "
                + "and was not created by load job " + journal.jobId() + ", and " + why).withEndpoint(endpoint),
                qualified(key), null, null);
    }

    private Action adoptSchema(Connection c, ObjectKey key, String text, boolean ours) throws SQLException {
        String difference = ObjectDefinitions.schemaDifference(c, key.name(), text);
        if (difference != null) {
            if (!ours && existing != ExistingObjects.REPLACE) {
                throw new LoadException(Diagnosis.of(DiagnosisCode.OBJECT_EXISTS, key.describe() + " already exists on the "
                        + "target with other defaults (" + difference + ")").withEndpoint(endpoint)
                        .withAdvice("Tables keep the source's character sets and collations either way, but routines take "
                                + "their schema's. Change the schema's defaults (ALTER DATABASE ... CHARACTER SET ... COLLATE "
                                + "...), drop it, or load with existingObjects(ExistingObjects.REPLACE), which alters the "
                                + "defaults (it never drops a schema)."), null, null, null);
            }
            ObjectDefinitions.alterSchemaDefaults(c, key.name(), text);
            note(key.describe() + ": default character set and collation changed to the dump's (" + difference + ")");
        } else if (!ours) {
            note(key.describe() + " existed on the target with the dump's defaults; adopted");
        }
        return Action.SKIP;
    }

    // ------------------------------------------------------------------ rows

    private static boolean holdsData(ObjectKey key) {
        return key.kind() == ObjectKey.Kind.TABLE || key.kind() == ObjectKey.Kind.SEQUENCE;
    }

    private boolean isEmptyAndUnloaded(Connection c, ObjectKey key) throws SQLException {
        return journaledRows(c, key) < 0 && rowCount(c, key, true) == 0;
    }

    private boolean rowsMatchJournal(Connection c, ObjectKey key) throws SQLException {
        long journaledRows = journaledRows(c, key);
        return journaledRows >= 0 && rowCount(c, key, false) == journaledRows;
    }

    /** @return the rows this job's journal says it committed into the table, or -1 when it committed no chunk of it */
    private long journaledRows(Connection c, ObjectKey key) throws SQLException {
        return journal.rowsOf(c, key.schema() + "." + key.name());
    }

    private static long rowCount(Connection c, ObjectKey key, boolean anyRow) throws SQLException {
        String table = ObjectKey.quote(key.schema()) + "." + ObjectKey.quote(key.name());
        String sql = anyRow ? "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) x" : "SELECT COUNT(*) FROM " + table;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ journal

    private Map<String, String> journaled(Connection c) throws SQLException {
        if (journaled == null) {
            journaled = new HashMap<>(journal.entries(c));
        }
        return journaled;
    }

    private void insert(Connection c, ObjectKey key, String digest) throws SQLException {
        journal.record(c, key.journalKey(), qualified(key), 0, digest);
        journaled.put(key.journalKey(), digest);
    }

    private void updateDigest(Connection c, ObjectKey key, String recorded, String digest) throws SQLException {
        if (!digest.equals(recorded)) {
            journal.updateChecksum(c, key.journalKey(), digest);
            journaled.put(key.journalKey(), digest);
        }
    }

    private static String qualified(ObjectKey key) {
        return key.kind() == ObjectKey.Kind.SCHEMA ? key.name() : key.schema() + "." + key.name();
    }

    private void note(String message) {
        LOG.info("{}: {}", journal.jobId(), message);
        notes.add(Diagnosis.of(DiagnosisCode.OBJECT_EXISTS, message).withEndpoint(endpoint));
    }

    // ------------------------------------------------------------------ what exists

    private boolean exists(Connection c, ObjectKey key) throws SQLException {
        if (key.kind() == ObjectKey.Kind.SCHEMA) {
            return schemas(c).contains(norm(key.name(), true));
        }
        if (!schemas(c).contains(norm(key.schema(), true))) {
            return false;
        }
        return objects(c, key.schema()).contains(member(key));
    }

    private Set<String> schemas(Connection c) throws SQLException {
        if (schemas == null) {
            schemas = new HashSet<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
                while (rs.next()) {
                    schemas.add(norm(rs.getString(1), true));
                }
            }
        }
        return schemas;
    }

    /** The schema's tables, views, routines, triggers and events, as {@link #member} strings; four queries per schema. */
    private Set<String> objects(Connection c, String schema) throws SQLException {
        Set<String> known = objectsBySchema.get(norm(schema, true));
        if (known != null) {
            return known;
        }
        Set<String> out = new HashSet<>();
        String[][] queries = {
            {"SELECT TABLE_NAME, 'T' FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", "T"},
            {"SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", "R"},
            {"SELECT TRIGGER_NAME, 'TRIGGER' FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", "G"},
            {"SELECT EVENT_NAME, 'EVENT' FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", "E"},
        };
        for (String[] q : queries) {
            try (PreparedStatement ps = c.prepareStatement(q[0])) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(2).toUpperCase(Locale.ROOT);
                        ObjectKey.Kind kind = switch (type) {
                            case "T" -> ObjectKey.Kind.TABLE; // tables, views and sequences share one namespace
                            case "TRIGGER" -> ObjectKey.Kind.TRIGGER;
                            case "EVENT" -> ObjectKey.Kind.EVENT;
                            default -> ObjectKey.Kind.valueOf(type);
                        };
                        out.add(member(new ObjectKey(kind, schema, rs.getString(1))));
                    }
                }
            }
        }
        objectsBySchema.put(norm(schema, true), out);
        return out;
    }

    /**
     * One namespace per kind as the server has them: tables, views and sequences share one; procedures and functions
     * one each; routine and event names are case-insensitive, table names as lower_case_table_names says.
     */
    private String member(ObjectKey key) {
        return switch (key.kind()) {
            case TABLE, VIEW, SEQUENCE -> "T:" + norm(key.name(), true);
            case PROCEDURE, FUNCTION, EVENT -> key.kind().name().charAt(0) + ":" + key.name().toLowerCase(Locale.ROOT);
            case TRIGGER -> "G:" + norm(key.name(), true);
            case SCHEMA -> "S:" + norm(key.name(), true);
        };
    }

    private String norm(String name, boolean followsLowerCaseTableNames) {
        return followsLowerCaseTableNames && Boolean.TRUE.equals(lowerCaseNames) ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** Reads lower_case_table_names; call before the first decision. */
    synchronized void init(Connection c) throws SQLException {
        if (lowerCaseNames == null) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@lower_case_table_names")) {
                rs.next();
                lowerCaseNames = rs.getInt(1) != 0;
            }
        }
    }

    private void drop(Connection c, ObjectKey key) throws SQLException {
        String name = ObjectKey.quote(key.schema()) + "." + ObjectKey.quote(key.name());
        String what = switch (key.kind()) {
            case TABLE -> isView(c, key) ? "VIEW" : "TABLE";
            case VIEW -> isView(c, key) ? "VIEW" : "TABLE";
            default -> key.kind().name();
        };
        try (Statement st = c.createStatement()) {
            st.execute("DROP " + what + " IF EXISTS " + name);
        }
        Set<String> objects = objectsBySchema.get(norm(key.schema(), true));
        if (objects != null) {
            objects.remove(member(key));
        }
    }

    private static boolean isView(Connection c, ObjectKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_TYPE FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, key.schema());
            ps.setString(2, key.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).toUpperCase(Locale.ROOT).contains("VIEW");
            }
        }
    }
}
