package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.sql.StatementWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Transforms SQL files or streams statement by statement, with memory bounded by the largest statement.
 * Plain and {@code .gz} input (detected by content) and output (by the {@code .gz} name) are supported.
 *
 * <pre>{@code
 * TransformReport report = TransformPipeline.builder()
 *     .transform(Transforms.stripDefiners().andThen(Transforms.dropSuperStatements()))
 *     .build()
 *     .run(Path.of("myschema_dump.sql.gz"), Path.of("myschema_dump_nodefiners.sql.gz"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #run(Path, Path)} may be called concurrently for different files.
 */
public final class TransformPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(TransformPipeline.class);

    private final Transform transform;
    private final SqlOptions options;

    private TransformPipeline(Builder b) {
        this.transform = Objects.requireNonNull(b.transform, "transform");
        this.options = Objects.requireNonNull(b.options, "options");
    }

    /** @return a pipeline running {@code transform} with {@link SqlOptions#DEFAULT} */
    public static TransformPipeline of(Transform transform) {
        return builder().transform(transform).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the transform */
    public Transform transform() {
        return transform;
    }

    /** @return the options used to read and write */
    public SqlOptions options() {
        return options;
    }

    /**
     * Transforms one file into another.
     *
     * @param in  the input (plain or gzip)
     * @param out the output, replaced if it exists; gzip if its name ends in {@code .gz}
     * @return what was done
     * @throws IllegalArgumentException if {@code in} and {@code out} are the same file
     * @throws io.github.auroramigrate.core.diagnose.MigrationException on bad input (with file and line) or I/O
     */
    public TransformReport run(Path in, Path out) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("input and output are the same file: " + in);
        }
        try (StatementReader reader = StatementReader.open(in, options);
             StatementWriter writer = StatementWriter.open(out, options)) {
            TransformReport report = run(reader, writer);
            LOG.info("transform {}: {} -> {}: {} statements read, {} written, {} not translated", transform.name(),
                    in, out, report.statementsRead(), report.statementsWritten(), report.findings().size());
            return report;
        }
    }

    /**
     * Transforms everything {@code in} holds into {@code out}, including the text after the last statement.
     * Neither is closed.
     */
    public TransformReport run(StatementReader in, StatementWriter out) {
        TransformSession session = session(in.file());
        for (Statement s : in) {
            for (Statement t : session.apply(s)) {
                out.write(t);
            }
        }
        out.writeTrailer(in.trailer());
        return session.report();
    }

    /** @return a per-statement session for one stream (see {@link TransformSession}) */
    public TransformSession session(String file) {
        return TransformSession.open(transform, file);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private Transform transform;
        private SqlOptions options = SqlOptions.DEFAULT;

        private Builder() {
        }

        /** The transform to run; required. */
        public Builder transform(Transform value) {
            this.transform = value;
            return this;
        }

        /** How to read and write SQL; default {@link SqlOptions#DEFAULT} (UTF-8, mysql-client splitting). */
        public Builder options(SqlOptions value) {
            this.options = value;
            return this;
        }

        /**
         * @return the pipeline
         * @throws NullPointerException if no transform was given
         */
        public TransformPipeline build() {
            return new TransformPipeline(this);
        }
    }
}
