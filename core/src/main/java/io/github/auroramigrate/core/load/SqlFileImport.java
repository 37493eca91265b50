package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.files.LocalFiles;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a plain SQL dump ({@code mysqldump}, {@code mariadb-dump}, {@code .sql} or {@code .sql.gz}) the way
 * {@code mysql < dump.sql} does, statement by statement on one connection, but byte-exact, resumable and diagnosed:
 *
 * <ul>
 *   <li>the file is read as bytes in the character set it declares ({@code SET NAMES}); raw binary in string
 *       literals (dumps made without {@code --hex-blob}) arrives byte for byte;</li>
 *   <li>a file written by MySQL 5.7 (its header says so) keeps its collations on a target with other defaults:
 *       {@code CHARSET=utf8mb4} without a collation meant {@code utf8mb4_general_ci} there and is named so;</li>
 *   <li>values the tools write for generated columns are left out ({@link Transforms#dropGeneratedColumnValues()}),
 *       which a plain replay of a MySQL 8.0 dump fails on with ERROR 3105;</li>
 *   <li>a re-run after a failure resumes: each data statement commits together with its row in the target's load
 *       journal ({@link LoadJournal}), DDL is journaled by the object it creates, so nothing is run twice and no row is
 *       duplicated, also in files without {@code DROP TABLE}; {@code LOCK TABLES} statements, which only speed up a
 *       replay, are skipped; the journal key is the file's name plus a digest of its size, first and last MiB, so an
 *       edited file is a new import;</li>
 *   <li>a failure names file, line (the number {@code mysql} would print in {@code ERROR 1227 at line 884}) and
 *       statement, which the {@code mysql} client does not show; an empty file is an error, not a success.</li>
 * </ul>
 *
 * <pre>{@code
 * ImportResult r = SqlFileImport.into(aurora).file(Path.of("myschema_dump.sql.gz"))
 *     .transform(Transforms.stripDefiners()).build().run();
 * }</pre>
 *
 * <p>Statements on non-transactional tables (MyISAM) commit on their own, so a crash right after one may replay it.
 * MariaDB's sandbox-mode first line is ignored. A configured import is immutable and thread-safe; {@link #run()}
 * holds one connection while it runs.
 */
public final class SqlFileImport {
    private static final Logger LOG = LoggerFactory.getLogger(SqlFileImport.class);
    /** Byte-transparent reading: {@link FileCharset} then decodes in the file's declared character set. */
    static final SqlOptions BYTES = SqlOptions.builder().charset(StandardCharsets.ISO_8859_1).build();

    private final Endpoint target;
    private final Path file;
    private final Transform transform;
    private final String jobId;
    private final ExistingObjects existingObjects;

    private SqlFileImport(Builder b) {
        this.target = b.target;
        this.file = Objects.requireNonNull(b.file, "file");
        this.transform = Objects.requireNonNull(b.transform, "transform");
        this.existingObjects = Objects.requireNonNull(b.existingObjects, "existingObjects");
        this.jobId = b.jobId;
        if (jobId != null) {
            LoadJournal.of(jobId); // validates
        }
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
     * Runs (or resumes) the import.
     *
     * @throws LoadException on the first failing statement, with file, line and statement in its diagnosis;
     *                       FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable file, INVALID_INPUT for one
     *                       without any statement; CORRUPT_FILE for a file that
     *                       ends inside a quote or comment
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the target cannot be reached
     */
    public ImportResult run() {
        long start = System.nanoTime();
        Diagnosis missing = LocalFiles.file(file, "the SQL file");
        if (missing != null) {
            throw new LoadException(missing, null, null, null);
        }
        String name = file.getFileName().toString();
        String job = jobId != null ? jobId : jobIdOf(file);
        SqlScript script = new SqlScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SqlOptions options() {
                return BYTES;
            }

            @Override
            public InputStream open() throws IOException {
                return SqlScript.of(file).open();
            }
        };
        LoadJournal journal = LoadJournal.of(job);
        LOG.info("importing {} into {} (job {})", file, target.describe(), job);
        try (Connection c = target.connect()) {
            DdlLedger ledger = new DdlLedger(journal, existingObjects, target.describe());
            try {
                journal.ensureExists(c);
                ledger.init(c);
            } catch (SQLException e) {
                LoadException privilege = LoadJournal.privilegeFailure(e, target.describe());
                throw privilege != null ? privilege : new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
            }
            Transform pipeline = new FileCharset().andThen(new FileCollationDefaults())
                    .andThen(Transforms.dropGeneratedColumnValues()).andThen(transform);
            ScriptRunner.Rewriter rewriter = ScriptRunner.Rewriter.of(pipeline);
            ScriptRunner runner = ScriptRunner.forImport(c, ledger, rewriter, target.describe());
            runner.run(script);
            if (runner.executed() + runner.skipped() == 0) {
                throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, name + " holds no SQL statement (it is "
                        + "empty or only comments)").withAdvice("Check that the dump finished and that this is the file "
                        + "it wrote; a dump made with --no-data and --no-create-info is empty too."), null, null, null);
            }
            List<Diagnosis> warnings = new ArrayList<>(ledger.notes());
            warnings.addAll(runner.warnings());
            warnings.addAll(rewriter.findings());
            ImportResult r = new ImportResult(name, job, runner.executed(), runner.skipped(),
                    Duration.ofNanos(System.nanoTime() - start), warnings);
            LOG.info("imported {}: {} statements run, {} skipped as run before, in {} ms", name, r.statementsExecuted(),
                    r.statementsSkipped(), r.elapsed().toMillis());
            return r;
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
        }
    }

    /** {@code sql-<name>-<digest of name, size, first and last MiB>}, at most 64 characters. */
    static String jobIdOf(Path file) {
        try {
            long size = Files.size(file);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
            try (var ch = Files.newByteChannel(file)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
                ch.read(buf);
                md.update(buf.flip());
                if (size > 2L << 20) {
                    ch.position(size - (1 << 20));
                    buf.clear();
                    ch.read(buf);
                    md.update(buf.flip());
                }
            }
            String base = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            base = base.length() > 34 ? base.substring(0, 34) : base;
            return "sql-" + base + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (IOException e) {
            Diagnosis d = LocalFiles.of(file, e, "the SQL file");
            throw new LoadException(d != null ? d : Diagnosis.of(DiagnosisCode.FILE_NOT_READABLE, "cannot read " + file
                    + ": " + e), null, null, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builder of a {@link SqlFileImport}; not thread-safe. */
    public static final class Builder {
        private final Endpoint target;
        private Path file;
        private Transform transform = Transform.identity();
        private String jobId;
        private ExistingObjects existingObjects = ExistingObjects.REFUSE;

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
         * {@code Transforms.stripDefiners().andThen(Transforms.dropSuperStatements())}; default: none. It may change
         * between a failed run and its re-run (that is how a failure is usually fixed).
         */
        public Builder transform(Transform transform) {
            this.transform = Objects.requireNonNull(transform, "transform");
            return this;
        }

        /**
         * The journal key (1..64 characters); default: derived from the file's name and contents, so that running the
         * same file again resumes and another file starts afresh.
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /** What to do with objects that exist on the target and were not created by this import; default REFUSE. */
        public Builder existingObjects(ExistingObjects mode) {
            this.existingObjects = mode;
            return this;
        }

        /**
         * @throws NullPointerException     without a file
         * @throws IllegalArgumentException for a bad job id
         */
        public SqlFileImport build() {
            return new SqlFileImport(this);
        }
    }
}
