package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.transform.Transform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a plain SQL dump ({@code mysqldump}, {@code mariadb-dump}, {@code .sql} or {@code .sql.gz}) the way
 * {@code mysql < dump.sql} does, statement by statement on one connection, but streaming through optional
 * transforms and failing with a {@link LoadException} whose diagnosis names the file, the line (the number
 * {@code mysql} would print in {@code ERROR 1227 at line 884}) and the statement text, which the {@code mysql}
 * client does not show. MariaDB's sandbox-mode first line is ignored.
 *
 * <pre>{@code
 * ImportResult r = SqlFileImport.into(aurora).file(Path.of("myschema_dump.sql.gz"))
 *     .transform(Transforms.stripDefiners()).build().run();
 * }</pre>
 *
 * <p>Not resumable: a file from {@code mysqldump} drops and re-creates its tables, so re-running it is the way to
 * retry. A configured import is immutable and thread-safe; {@link #run()} holds one connection while it runs.
 */
public final class SqlFileImport {
    private static final Logger LOG = LoggerFactory.getLogger(SqlFileImport.class);

    private final Endpoint target;
    private final Path file;
    private final ScriptRunner.Rewriter rewriter;

    private SqlFileImport(Builder b) {
        this.target = b.target;
        this.file = Objects.requireNonNull(b.file, "file");
        this.rewriter = b.rewriter;
    }

    /**
     * Starts configuring an import into {@code target}.
     *
     * @throws NullPointerException when target is null
     */
    public static Builder into(Endpoint target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /**
     * Runs the import.
     *
     * @throws LoadException on the first failing statement, with file, line and statement in its diagnosis, or
     *                       CORRUPT_FILE for a file that ends inside a quote or comment
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the target cannot be reached
     */
    public ImportResult run() {
        long start = System.nanoTime();
        SqlScript script = SqlScript.of(file);
        LOG.info("importing {} into {}", file, target.describe());
        try (Connection c = target.connect()) {
            ScriptRunner runner = new ScriptRunner(c, null, rewriter, target.describe(), UnaryOperator.identity());
            runner.run(script);
            ImportResult r = new ImportResult(script.name(), runner.executed(), Duration.ofNanos(System.nanoTime() - start));
            LOG.info("imported {}: {} statements in {} ms", r.file(), r.statementsExecuted(), r.elapsed().toMillis());
            return r;
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
        }
    }

    /** Builder of a {@link SqlFileImport}; not thread-safe. */
    public static final class Builder {
        private final Endpoint target;
        private Path file;
        private ScriptRunner.Rewriter rewriter = ScriptRunner.Rewriter.NONE;

        private Builder(Endpoint target) {
            this.target = target;
        }

        /** Required: the dump file ({@code .gz} is decompressed). */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /**
         * A rewrite of the statements on their way to the server, e.g.
         * {@code Transforms.stripDefiners().andThen(Transforms.dropSuperStatements())}; default: none.
         */
        public Builder transform(Transform transform) {
            this.rewriter = ScriptRunner.Rewriter.of(Objects.requireNonNull(transform, "transform"));
            return this;
        }

        /** @throws NullPointerException without a file */
        public SqlFileImport build() {
            return new SqlFileImport(this);
        }
    }
}
