package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.TransformSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SQL scripts statement by statement on one connection (so {@code USE} and {@code SET} carry over), through
 * an optional rewrite, naming file, line and statement on failure. With a journal, each executed statement is
 * recorded, and statements recorded by an earlier run are skipped: DDL is not transactional, so a resumed load
 * must not run {@code CREATE TABLE} twice. One runner is used by one thread; {@link #on(Connection)} makes a
 * sibling for another connection that shares the journal state and the counters (parallel table DDL).
 */
final class ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    /** Rewrites of one script: called once per script, returns the per-statement rewrite. */
    interface Rewriter {
        Function<Statement, List<Statement>> forScript(SqlScript script);

        Rewriter NONE = script -> List::of;

        /** Each script gets its own {@link TransformSession} (it tracks USE), all sharing the transform. */
        static Rewriter of(Transform transform) {
            return script -> TransformSession.open(transform, script.name(), script.schema().orElse(null))::apply;
        }
    }

    /** What siblings share: configuration, the statement keys already journaled (read once), the counters. */
    private static final class Shared {
        final LoadJournal journal;
        final Rewriter rewriter;
        final String endpoint;
        final UnaryOperator<String> prepare;
        final AtomicInteger executed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        /** Statement keys already in the journal: runners write distinct keys, so reading them once is enough. */
        private Set<String> done;

        Shared(LoadJournal journal, Rewriter rewriter, String endpoint, UnaryOperator<String> prepare) {
            this.journal = journal;
            this.rewriter = rewriter;
            this.endpoint = endpoint;
            this.prepare = prepare;
        }

        synchronized boolean done(Connection c, String key) throws SQLException {
            if (done == null) {
                done = journal.loadedChunks(c);
            }
            return done.contains(key);
        }
    }

    private final Connection connection;
    private final Shared shared;

    /**
     * @param connection the connection to run on (the caller owns and closes it)
     * @param journal    the journal to record statements in, or null for a plain import
     * @param prepare    last fix-up of each statement's text before it is sent
     */
    ScriptRunner(Connection connection, LoadJournal journal, Rewriter rewriter, String endpoint, UnaryOperator<String> prepare) {
        this(connection, new Shared(journal, rewriter, endpoint, prepare));
    }

    private ScriptRunner(Connection connection, Shared shared) {
        this.connection = connection;
        this.shared = shared;
    }

    /** @return a runner on {@code other} sharing this one's journal state and counters */
    ScriptRunner on(Connection other) {
        return new ScriptRunner(other, shared);
    }

    /**
     * Runs every statement of the script.
     *
     * @param sqlMode the session sql_mode to run it with (routines and triggers keep the mode they were created
     *                with), or null to keep the session's
     * @throws LoadException naming file, line and statement of the first failure
     */
    void run(SqlScript script) {
        String sqlMode = script.sqlMode().orElse(null);
        Function<Statement, List<Statement>> rewrite = shared.rewriter.forScript(script);
        try (InputStream in = script.open();
                StatementReader reader = StatementReader.of(in, script.name(), SqlOptions.DEFAULT);
                java.sql.Statement st = connection.createStatement()) {
            if (script.schema().isPresent()) {
                st.execute("USE " + ChunkLoader.quote(script.schema().get()));
            }
            String previousMode = null;
            if (sqlMode != null) {
                previousMode = setSqlMode(sqlMode);
            }
            for (Statement s = reader.read(); s != null; s = reader.read()) {
                List<Statement> out = rewrite.apply(s);
                for (int i = 0; i < out.size(); i++) {
                    execute(st, out.get(i), script.name(), i);
                }
            }
            if (previousMode != null) {
                setSqlMode(previousMode);
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

    private void execute(java.sql.Statement st, Statement s, String scriptName, int part) {
        String key = shared.journal == null ? null : key(scriptName, s.line(), part);
        try {
            if (key != null && shared.done(connection, key)) {
                shared.skipped.incrementAndGet();
                return;
            }
            st.execute(shared.prepare.apply(s.text()));
            shared.executed.incrementAndGet();
            if (key != null) {
                shared.journal.record(connection, key, "-", 0, "");
            }
        } catch (SQLException e) {
            Diagnosis d = ErrorCatalog.diagnose(e, shared.endpoint).withLocation(s.location());
            LOG.error("{}", d.render());
            throw new LoadException(d, null, null, e);
        }
    }

    private String setSqlMode(String mode) throws SQLException {
        String previous;
        try (java.sql.Statement st = connection.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            previous = rs.getString(1);
        }
        try (PreparedStatement ps = connection.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, mode);
            ps.execute();
        }
        return previous;
    }

    static String key(String scriptName, long line, int part) {
        String key = "ddl:" + scriptName + ":" + line + (part == 0 ? "" : "." + part);
        if (key.length() <= 190) {
            return key;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "ddl:" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int executed() {
        return shared.executed.get();
    }

    int skipped() {
        return shared.skipped.get();
    }
}
