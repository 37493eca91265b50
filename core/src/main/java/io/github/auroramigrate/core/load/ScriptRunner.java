package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.TransformSession;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.sql.StatementKind;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SQL scripts statement by statement on one connection (so {@code USE} and {@code SET} carry over), through
 * an optional rewrite, naming file, line and statement on failure. A script's {@code USE} and session variables
 * (the sql_mode, character set context and time zone a routine, trigger or event was created with) are sent
 * through the rewrite too, so that renames and sql_mode fixes apply to them. With a {@link DdlLedger}, every
 * statement that creates an object runs exactly once across runs whatever point an earlier run died at (see the
 * ledger), and other statements except {@code USE} and {@code SET} are journaled by file and line. One runner is
 * used by one thread; {@link #on(Connection)} makes a sibling for another connection that shares the ledger and the
 * counters (parallel table DDL).
 *
 * <p>Why ~420 lines: both journaling modes ({@link SqlScript.Journaling}) and the retry of views a foreign file
 * creates too early go through one execute path, so that each statement is guarded, journaled and diagnosed alike;
 * the session context of a script is {@link ScriptSession}.
 */
final class ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);
    private static final Set<StatementKind> DATA = java.util.EnumSet.of(StatementKind.INSERT, StatementKind.REPLACE,
            StatementKind.UPDATE, StatementKind.DELETE);

    /** Rewrites of one script: called once per script, returns the per-statement rewrite. */
    interface Rewriter {
        Function<Statement, List<Statement>> forScript(SqlScript script);

        /** @return what the transforms of the scripts so far could not translate faithfully (for the result's warnings) */
        default List<Diagnosis> findings() {
            return List.of();
        }

        Rewriter NONE = script -> List::of;

        /**
         * Each script gets its own {@link TransformSession} (it tracks USE), all sharing the transform; the findings of
         * every session are kept, so that what a transform dropped or could not translate reaches the result.
         */
        static Rewriter of(Transform transform) {
            java.util.Queue<TransformSession> sessions = new java.util.concurrent.ConcurrentLinkedQueue<>();
            return new Rewriter() {
                @Override
                public Function<Statement, List<Statement>> forScript(SqlScript script) {
                    TransformSession session = TransformSession.open(transform, script.name(), script.schema().orElse(null));
                    sessions.add(session);
                    return session::apply;
                }

                @Override
                public List<Diagnosis> findings() {
                    return sessions.stream().flatMap(t -> t.report().findings().stream())
                            .map(f -> Diagnosis.of(DiagnosisCode.DEFINITION_NOT_KEPT, f.transform() + ": " + f.message())
                                    .withLocation(f.location())).toList();
                }
            };
        }
    }

    /** What siblings share: configuration, the ledger, the counters and warnings. */
    private static final class Shared {
        final DdlLedger ledger;
        final Rewriter rewriter;
        final String endpoint;
        final UnaryOperator<String> prepare;
        final AtomicInteger executed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        final List<Diagnosis> warnings = new CopyOnWriteArrayList<>();
        final TargetGuard guard = new TargetGuard();
        /** Where progress through a metered script goes ({@link #reportProgress}), or null. */
        volatile LoadListener progress;
        volatile String jobId;

        Shared(DdlLedger ledger, Rewriter rewriter, String endpoint, UnaryOperator<String> prepare) {
            this.ledger = ledger;
            this.rewriter = rewriter;
            this.endpoint = endpoint;
            this.prepare = prepare;
        }
    }

    private final Connection connection;
    private final Shared shared;
    private String currentSchema;
    /** Views of a foreign script that failed on a view not yet in its final form; retried at the script's end. */
    private final List<DeferredView> deferredViews = new java.util.ArrayList<>();
    /** Whether the script being run is journaled by statement ({@link SqlScript.Journaling#BY_STATEMENT}). */
    private boolean byStatement;
    /** Statements of the script being run that were executed or skipped as run before (not USE, SET, LOCK TABLES). */
    private int scriptStatements;

    private record DeferredView(Statement statement, String text, String key, ObjectKey object, String schema,
            List<String> session, SQLException failure) {
    }

    /** What a view records of the session that creates it; a deferred view is retried with the values it had. */
    private static final List<String> VIEW_SESSION = List.of("character_set_client", "collation_connection", "sql_mode");

    /** Errors of a CREATE VIEW whose dependencies are not (yet) as they will be: placeholders, later views. */
    private static final Set<Integer> VIEW_NOT_YET = Set.of(1368, 1356, 1146, 1305);

    /**
     * @param connection the connection to run on (the caller owns and closes it)
     * @param ledger     what the load created, or null for a plain import (every statement runs)
     * @param prepare    last fix-up of each statement's text before it is sent
     */
    ScriptRunner(Connection connection, DdlLedger ledger, Rewriter rewriter, String endpoint, UnaryOperator<String> prepare) {
        this(connection, new Shared(ledger, rewriter, endpoint, prepare));
    }

    private ScriptRunner(Connection connection, Shared shared) {
        this.connection = connection;
        this.shared = shared;
    }

    /**
     * Reports progress through {@link MeteredScript metered} scripts (a SQL file another tool wrote) to
     * {@code listener}, about once a second and at each such script's end; siblings report too.
     */
    void reportProgress(String job, LoadListener listener) {
        shared.jobId = job;
        shared.progress = listener;
    }

    /** @return a runner on {@code other} sharing this one's ledger and counters */
    ScriptRunner on(Connection other) {
        return new ScriptRunner(other, shared);
    }

    /**
     * Runs every statement of the script.
     *
     * @throws LoadException naming file, line and statement of the first failure
     */
    void run(SqlScript script) {
        Function<Statement, List<Statement>> rewrite = shared.rewriter.forScript(script);
        ScriptSession session = new ScriptSession(connection, script, shared.warnings, shared.endpoint);
        byStatement = shared.ledger != null && script.journaling() == SqlScript.Journaling.BY_STATEMENT;
        scriptStatements = 0;
        ScriptMeter meter = ScriptMeter.of(script, shared.jobId, shared.progress, shared.rows);
        try (InputStream in = meter == null ? script.open() : meter.open();
                StatementReader reader = StatementReader.of(in, script.name(), script.options());
                java.sql.Statement st = connection.createStatement()) {
            if (script.schema().isPresent()) {
                for (Statement use : rewrite.apply(Statement.of("USE " + ChunkLoader.quote(script.schema().get())))) {
                    execute(st, use, script.name(), 0, 0, false);
                }
            }
            try {
                long ordinal = 0;
                for (Statement s = reader.read(); s != null; s = reader.read()) {
                    ordinal++;
                    List<Statement> out = rewrite.apply(s);
                    for (int i = 0; i < out.size(); i++) {
                        session.enter(st, rewrite, out.get(i), currentSchema);
                        execute(st, out.get(i), script.name(), ordinal, i, true);
                    }
                    if (meter != null) {
                        meter.statementDone(false);
                    }
                }
                retryDeferredViews(st);
                if (meter != null) {
                    meter.statementDone(true);
                }
            } finally {
                session.leave(st);
            }
            if (byStatement && scriptStatements == 0) {
                throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, script.name() + " holds no SQL "
                        + "statement (it is empty or only comments and SET statements)").withAdvice("Check that the "
                        + "dump finished and that this is the file it wrote; a dump made with --no-data and "
                        + "--no-create-info is empty too."), null, null, null);
            }
        } catch (IOException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, shared.endpoint), null, null, e);
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, shared.endpoint), null, null, e);
        } catch (LoadException e) {
            throw e;
        } catch (MigrationException e) {
            throw new LoadException(e.diagnosis(), null, null, e);
        }
    }

    /**
     * @param ordinal the statement's place in the script (1-based), for journal keys
     * @param counted whether it counts as an executed statement (not for the USE of a script's schema)
     */
    private void execute(java.sql.Statement st, Statement s, String scriptName, long ordinal, int part, boolean counted) {
        String text = shared.prepare.apply(s.text());
        DdlLedger ledger = shared.ledger;
        Optional<ObjectKey> object = ledger == null ? Optional.empty() : ObjectKey.of(s, currentSchema);
        try {
            shared.guard.check(connection, s, shared.endpoint); // refuse what the target would not keep
            if (byStatement) {
                if (!executeJournaled(st, s, text, object, key(scriptName, ordinal, part))) {
                    return;
                }
            } else if (object.isPresent()) {
                if (ledger.before(connection, object.get(), text, ifNotExists(s)) == DdlLedger.Action.SKIP) {
                    skippedOne();
                    return;
                }
                st.execute(text);
                ledger.created(object.get());
            } else if (ledger != null && (s.kind() == StatementKind.LOCK_TABLES || s.kind() == StatementKind.UNLOCK_TABLES)) {
                return; // only a replay speed-up; under LOCK TABLES the journal could not be written
            } else if (ledger != null && s.kind() != StatementKind.USE && s.kind() != StatementKind.SET) {
                String key = key(scriptName, ordinal, part);
                if (ledger.isJournaled(connection, key)) {
                    skippedOne();
                    return;
                }
                if (DATA.contains(s.kind())) {
                    executeWithJournal(st, text, key);
                } else {
                    st.execute(text);
                    ledger.recordStatement(connection, key);
                    ledger.changed(s, currentSchema);
                }
            } else {
                st.execute(text);
            }
            if (s.kind() == StatementKind.USE && s.objectName().isPresent()) {
                currentSchema = s.objectName().get().name();
            }
            if (counted && s.kind() != StatementKind.USE && s.kind() != StatementKind.SET) {
                ranOne(); // session statements run every time and do not count
                LOG.debug("ran {}", s);
            }
        } catch (LoadException e) {
            if (e.diagnosis().sourceLocation().isPresent()) {
                throw e;
            }
            throw new LoadException(e.diagnosis().withLocation(s.location()), e.table().orElse(null), e.chunkId().orElse(null), e);
        } catch (SQLException e) {
            LoadException journalFailure = LoadJournal.privilegeFailure(e, shared.endpoint);
            Diagnosis d = journalFailure != null ? journalFailure.diagnosis()
                    : ErrorCatalog.diagnose(e, shared.endpoint).withLocation(s.location());
            throw new LoadException(d, null, null, e); // thrown, not logged too: the caller decides
        }
    }

    /**
     * Runs a statement of a foreign script by the journal of its place in the script.
     *
     * @return false when it was not run (journaled by an earlier run, kept or adopted, or a LOCK TABLES)
     */
    private boolean executeJournaled(java.sql.Statement st, Statement s, String text, Optional<ObjectKey> object, String key)
            throws SQLException {
        DdlLedger ledger = shared.ledger;
        if (s.kind() == StatementKind.USE || s.kind() == StatementKind.SET) {
            st.execute(text);
            return true;
        }
        if (s.kind() == StatementKind.LOCK_TABLES || s.kind() == StatementKind.UNLOCK_TABLES) {
            return false; // only a replay speed-up; under LOCK TABLES the journal could not be written
        }
        if (ledger.isJournaled(connection, key)) {
            skippedOne();
            return false;
        }
        if (DATA.contains(s.kind())) {
            executeWithJournal(st, text, key);
            return true;
        }
        if (object.isPresent() && ledger.existsNow(connection, object.get())
                && ledger.existing(connection, object.get(), text, ifNotExists(s)) == DdlLedger.Action.SKIP) {
            ledger.recordStatement(connection, key);
            skippedOne();
            return false;
        }
        try {
            st.execute(text);
        } catch (SQLException e) {
            if (s.kind() == StatementKind.CREATE_VIEW && object.isPresent() && VIEW_NOT_YET.contains(e.getErrorCode())) {
                // mariadb-dump and mysqldump create every view as a placeholder first and the real ones in name order,
                // so a view on a later view meets its placeholder (1368 for a CHECK OPTION); retried at the end
                deferredViews.add(new DeferredView(s, text, key, object.get(), currentSchema, sessionValues(st), e));
                return false;
            }
            throw e;
        }
        ledger.recordStatement(connection, key);
        if (object.isPresent()) {
            ledger.created(object.get());
        } else {
            ledger.changed(s, currentSchema);
        }
        return true;
    }

    /** Retries the deferred views until all exist or a round makes no progress (then the first failure is thrown). */
    private void retryDeferredViews(java.sql.Statement st) throws SQLException {
        String schemaBefore = currentSchema;
        while (!deferredViews.isEmpty()) {
            List<DeferredView> round = new java.util.ArrayList<>(deferredViews);
            deferredViews.clear();
            List<DeferredView> failed = new java.util.ArrayList<>();
            List<String> before = sessionValues(st);
            for (DeferredView v : round) {
                if (v.schema() != null) {
                    st.execute("USE " + ChunkLoader.quote(v.schema()));
                }
                setSession(v.session());
                try {
                    st.execute(v.text());
                    shared.ledger.recordStatement(connection, v.key());
                    shared.ledger.created(v.object());
                    ranOne();
                } catch (SQLException e) {
                    if (!VIEW_NOT_YET.contains(e.getErrorCode())) {
                        throw failure(e, v.statement());
                    }
                    failed.add(new DeferredView(v.statement(), v.text(), v.key(), v.object(), v.schema(), v.session(), e));
                }
            }
            setSession(before);
            if (failed.size() == round.size()) {
                throw failure(failed.get(0).failure(), failed.get(0).statement());
            }
            deferredViews.addAll(failed);
        }
        if (schemaBefore != null) {
            st.execute("USE " + ChunkLoader.quote(schemaBefore));
        }
    }

    private static List<String> sessionValues(java.sql.Statement st) throws SQLException {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT @@SESSION." + String.join(", @@SESSION.", VIEW_SESSION))) {
            rs.next();
            List<String> out = new java.util.ArrayList<>();
            for (int i = 1; i <= VIEW_SESSION.size(); i++) {
                out.add(rs.getString(i));
            }
            return out;
        }
    }

    private void setSession(List<String> values) throws SQLException {
        for (int i = 0; i < VIEW_SESSION.size(); i++) {
            try (PreparedStatement ps = connection.prepareStatement("SET SESSION " + VIEW_SESSION.get(i) + " = ?")) {
                ps.setString(1, values.get(i));
                ps.execute();
            }
        }
    }

    private LoadException failure(SQLException e, Statement s) {
        return new LoadException(ErrorCatalog.diagnose(e, shared.endpoint).withLocation(s.location()), null, null, e);
    }

    private void ranOne() {
        shared.executed.incrementAndGet();
        scriptStatements++;
    }

    private void skippedOne() {
        shared.skipped.incrementAndGet();
        scriptStatements++;
    }

    /** Runs a data statement and writes its journal row in one transaction: after a crash, both or neither. */
    private void executeWithJournal(java.sql.Statement st, String text, String key) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            st.execute(text);
            long changed = Math.max(0, st.getUpdateCount());
            shared.ledger.recordStatement(connection, key);
            connection.commit();
            shared.rows.addAndGet(changed);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean ifNotExists(Statement s) {
        List<io.github.auroramigrate.core.sql.Token> head = s.headTokens(8);
        for (int i = 0; i + 2 < head.size(); i++) {
            if (head.get(i).isWord("IF")) {
                int n = i + 1;
                while (n < head.size() && !head.get(n).isSignificant()) {
                    n++;
                }
                return n < head.size() && head.get(n).isWord("NOT");
            }
        }
        return false;
    }

    /** @return the journal key of the statement at {@code ordinal} (1-based) of the script, part {@code part} */
    static String key(String scriptName, long ordinal, int part) {
        String key = "ddl:" + scriptName + ":#" + ordinal + (part == 0 ? "" : "." + part);
        return key.length() <= 190 ? key : "ddl:" + ObjectKey.digest(key);
    }

    int executed() {
        return shared.executed.get();
    }

    int skipped() {
        return shared.skipped.get();
    }

    /** @return rows changed by the data statements (INSERT, REPLACE, UPDATE, DELETE) of the scripts run so far */
    long rows() {
        return shared.rows.get();
    }

    /** @return warnings of the scripts run so far (session context that could not be reproduced exactly) */
    List<Diagnosis> warnings() {
        return List.copyOf(shared.warnings);
    }
}
