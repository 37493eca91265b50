package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.verify.Verify;
import java.util.Optional;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Load} loads, in order: schema DDL scripts (schemas and tables), data chunks (loaded in parallel),
 * then post-data scripts (views, routines, triggers, events). A dump store provides one for a dump; for other
 * inputs (e.g. the handbook's {@code SELECT INTO OUTFILE} files) build one.
 *
 * <pre>{@code
 * LoadSource src = LoadSource.builder().jobId("shop-2024-05-01")
 *     .schemaScript(SqlScript.of(Path.of("shop_schema_only.sql")))
 *     .chunk(FileChunk.builder().id("t1").schema("shop").table("t1").file(Path.of("t1.tsv")).build())
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface LoadSource {
    /** @return a stable id (1..64 characters) of what is loaded: the load journal key, so that a re-run resumes */
    String jobId();

    /** @return scripts that create schemas and tables, run first, statement by statement */
    default List<SqlScript> schemaScripts() {
        return List.of();
    }

    /** @return the data chunks */
    List<ChunkSource> chunks();

    /** @return scripts run after the data: views, routines, triggers, events */
    default List<SqlScript> postDataScripts() {
        return List.of();
    }

    /**
     * The rewrite this source's own scripts need before the load's {@link Load.Builder#transform}, e.g. a foreign
     * dump's character set handling. Default: none.
     */
    default Transform transform() {
        return Transform.identity();
    }

    /**
     * How a load takes this source's work. Default: everything in one batch ({@link LoadFeed#of}): the schema
     * scripts, then the chunks, then the post-data scripts. A source overrides it to grow while it is loaded (a dump
     * still being written), to have each table created by its own script (in parallel, each before its chunks), or
     * to create big tables without their secondary indexes as {@code defer} asks ({@link Load.Builder#deferSecondaryIndexes}).
     */
    default LoadFeed feed(DeferIndexes defer) {
        return LoadFeed.of(this);
    }

    /**
     * A verification of the target against what this source recorded of its own data (checksums, definitions), for
     * {@link Load.Builder#verify}; a fresh builder each call, without its target. Default: empty (such a source
     * cannot be verified by the load; compare with the source server by {@link Verify#between} instead).
     */
    default Optional<Verify.Builder> verification() {
        return Optional.empty();
    }

    /**
     * @return how the target can read this source's chunk files itself ({@link LoadMethod#SERVER_SIDE}), e.g. Aurora's
     *         {@code LOAD DATA FROM S3} for a dump in S3; default: empty
     */
    default Optional<io.github.auroramigrate.core.store.ServerSideRead> serverSideRead() {
        return Optional.empty();
    }

    /** @return a builder of a fixed source */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of a fixed {@link LoadSource}; not thread-safe. */
    final class Builder {
        private String jobId;
        private final List<SqlScript> schema = new ArrayList<>();
        private final List<ChunkSource> chunks = new ArrayList<>();
        private final List<SqlScript> post = new ArrayList<>();
        private Transform transform = Transform.identity();

        private Builder() {
        }

        /** The rewrite the source's scripts need before the load's own transform ({@link LoadSource#transform()}); default: none. */
        public Builder transform(Transform transform) {
            this.transform = Objects.requireNonNull(transform, "transform");
            return this;
        }

        /** Required: the job id, 1..64 characters, stable across re-runs of the same load. */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /** Adds a script to run before the data. */
        public Builder schemaScript(SqlScript script) {
            schema.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        /** Adds a data chunk. */
        public Builder chunk(ChunkSource chunk) {
            chunks.add(Objects.requireNonNull(chunk, "chunk"));
            return this;
        }

        /** Adds data chunks. */
        public Builder chunks(List<? extends ChunkSource> more) {
            more.forEach(this::chunk);
            return this;
        }

        /** Adds a script to run after the data. */
        public Builder postDataScript(SqlScript script) {
            post.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        /**
         * @throws NullPointerException     without a job id
         * @throws IllegalArgumentException for a bad job id or two chunks with the same id
         */
        public LoadSource build() {
            Objects.requireNonNull(jobId, "jobId");
            if (jobId.isBlank() || jobId.length() > 64) {
                throw new IllegalArgumentException("jobId must be 1..64 characters: '" + jobId + "'");
            }
            long distinct = chunks.stream().map(ChunkSource::id).distinct().count();
            if (distinct != chunks.size()) {
                throw new IllegalArgumentException("chunk ids must be unique within a load");
            }
            String id = jobId;
            List<SqlScript> s = List.copyOf(schema);
            List<ChunkSource> c = List.copyOf(chunks);
            List<SqlScript> p = List.copyOf(post);
            Transform t = transform;
            return new LoadSource() {
                @Override
                public Transform transform() {
                    return t;
                }

                @Override
                public String jobId() {
                    return id;
                }

                @Override
                public List<SqlScript> schemaScripts() {
                    return s;
                }

                @Override
                public List<ChunkSource> chunks() {
                    return c;
                }

                @Override
                public List<SqlScript> postDataScripts() {
                    return p;
                }

                @Override
                public String toString() {
                    return "LoadSource{" + id + ", " + c.size() + " chunks}";
                }
            };
        }
    }
}
