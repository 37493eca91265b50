package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.internal.files.LocalFiles;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The load source of one plain SQL file as mysqldump or mariadb-dump write it ({@link LoadSources#sqlFile}): a single
 * script journaled statement by statement ({@link SqlScript.Journaling#BY_STATEMENT}), read byte for byte and
 * decoded in the character set the file declares, with generated-column values left out.
 */
final class SqlFileSource implements LoadSource {
    /** Byte-transparent reading: {@link FileCharset} then decodes in the file's declared character set. */
    static final SqlOptions BYTES = SqlOptions.builder().charset(StandardCharsets.ISO_8859_1).build();

    private final Path file;
    private final String name;
    private final String jobId;

    private SqlFileSource(Path file) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.jobId = jobIdOf(file);
    }

    /**
     * @throws LoadException FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable file
     */
    static SqlFileSource of(Path file) {
        Diagnosis missing = LocalFiles.file(file, "the SQL file");
        if (missing != null) {
            throw new LoadException(missing, null, null, null);
        }
        return new SqlFileSource(file);
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public List<SqlScript> schemaScripts() {
        return List.of(new Script());
    }

    @Override
    public List<ChunkSource> chunks() {
        return List.of();
    }

    /** The file's own character set and 5.7 collation defaults first, then the 3105 fix (generated-column values). */
    @Override
    public Transform transform() {
        return new FileCharset().andThen(new FileCollationDefaults()).andThen(Transforms.dropGeneratedColumnValues());
    }

    @Override
    public String toString() {
        return "SQL file " + file;
    }

    /** The file as one script of another tool's statements. */
    private final class Script implements MeteredScript {
        @Override
        public String name() {
            return name;
        }

        @Override
        public SqlOptions options() {
            return BYTES;
        }

        @Override
        public Journaling journaling() {
            return Journaling.BY_STATEMENT;
        }

        @Override
        public InputStream open() throws IOException {
            return SqlScript.of(file).open();
        }

        @Override
        public long storedSize() throws IOException {
            return Files.size(file);
        }

        @Override
        public InputStream open(java.util.concurrent.atomic.AtomicLong storedBytesRead) throws IOException {
            InputStream in = new java.io.FilterInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        storedBytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        storedBytesRead.addAndGet(n);
                    }
                    return n;
                }
            };
            return name.endsWith(".gz") ? new java.util.zip.GZIPInputStream(in, 64 * 1024) : in;
        }

        @Override
        public String toString() {
            return "SqlScript{" + file + "}";
        }
    }

    /**
     * {@code sql-<name>-<digest of name, size, first and last MiB>}, at most 64 characters: the same file resumes, an
     * edited one is a new import.
     */
    static String jobIdOf(Path file) {
        try {
            long size = Files.size(file);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
            try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                ByteBuffer buf = ByteBuffer.allocate(1 << 20);
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
}
