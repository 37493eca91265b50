package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.files.LocalFiles;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The load source of a directory of flat files ({@link LoadSources#flatFiles}), one per table ({@code <table>.csv} or {@code <table>.tsv}, optionally
 * {@code .gz}), plus an optional schema-only SQL file: the handbook's flat-file migration ({@code mysqldump --no-data}
 * for the schema, {@code SELECT ... INTO OUTFILE} per table, {@code LOAD DATA LOCAL INFILE} on the target), in
 * parallel, one transaction per file, exactly once through the {@link LoadJournal} (a re-run skips loaded files).
 *
 * <pre>{@code
 * LoadSource files = LoadSources.flatFiles(Path.of("dump"), "myschema")
 *     .schemaFile(Path.of("dump/myschema_schema.sql")).headerLine(true).nullMarker("NULL").build();
 * LoadResult r = Load.into(aurora).from(files).threads(2).build().run();
 * }</pre>
 *
 * <p>Defaults by extension: {@code .csv} fields end at {@code ,} and may be enclosed in {@code "}; {@code .tsv}
 * fields end at TAB, not enclosed; both use backslash escapes, {@code \N} for NULL, LF line ends, UTF-8 text
 * ({@code CHARACTER SET utf8mb4}). Needs {@code local_infile=ON} on the target (LOCAL_INFILE_DISABLED otherwise).
 *
 * <p>The directory is listed when the source is built. Immutable and thread-safe.
 */
public final class FlatFiles implements LoadSource {
    private final Path directory;
    private final String schema;
    private final Path schemaFile;
    private final Character delimiter;
    private final Character enclosure;
    private final boolean headerLine;
    private final String nullMarker;
    private final String lineTerminator;
    private final String charset;
    private final List<SqlScript> schemaScripts = new ArrayList<>();
    private final List<ChunkSource> chunks = new ArrayList<>();

    private FlatFiles(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.schemaFile = b.schemaFile;
        this.delimiter = b.delimiter;
        this.enclosure = b.enclosure;
        this.headerLine = b.headerLine;
        this.nullMarker = Objects.requireNonNull(b.nullMarker, "nullMarker");
        this.lineTerminator = Objects.requireNonNull(b.lineTerminator, "lineTerminator");
        this.charset = Objects.requireNonNull(b.charset, "charset");
        if (!nullMarker.equals("\\N") && !headerLine) {
            throw new IllegalArgumentException("a nullMarker other than \\N needs headerLine(true): the header names "
                    + "the columns the marker is replaced in");
        }
        if (lineTerminator.isEmpty() || !charset.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bad lineTerminator or charset");
        }
        list();
    }

    /**
     * Lists the directory: the schema is created if missing, the schema file run (statement by statement,
     * journaled), then the files loaded in parallel.
     *
     * @throws LoadException FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable directory or schema file,
     *                       INVALID_INPUT when the directory holds no .csv/.tsv file
     */
    private void list() {
        Diagnosis missing = LocalFiles.directory(directory, "the flat-file directory");
        if (missing == null && schemaFile != null) {
            missing = LocalFiles.file(schemaFile, "the schema file");
        }
        if (missing != null) {
            throw new LoadException(missing, null, null, null);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> tableOf(p).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw invalid("cannot list " + directory + ": " + e);
        }
        if (files.isEmpty()) {
            throw invalid("no <table>.csv or <table>.tsv file in " + directory);
        }
        schemaScripts.add(text("create-schema", "CREATE DATABASE IF NOT EXISTS " + ChunkLoader.quote(schema), null));
        if (schemaFile != null) {
            SqlScript file = SqlScript.of(schemaFile);
            schemaScripts.add(new SqlScript() {
                @Override
                public String name() {
                    return file.name();
                }

                @Override
                public Optional<String> schema() {
                    return Optional.of(schema);
                }

                @Override
                public InputStream open() throws IOException {
                    return file.open();
                }
            });
        }
        for (Path f : files) {
            chunks.add(new FlatFile(f, tableOf(f).orElseThrow()));
        }
    }

    @Override
    public String jobId() {
        String id = "flat-" + Integer.toHexString(directory.toAbsolutePath().normalize().hashCode()) + "-" + schema;
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    @Override
    public List<SqlScript> schemaScripts() {
        return List.copyOf(schemaScripts);
    }

    @Override
    public List<ChunkSource> chunks() {
        return List.copyOf(chunks);
    }

    @Override
    public String toString() {
        return "FlatFiles{" + directory + ", " + chunks.size() + " files into " + schema + "}";
    }

    private static Optional<String> tableOf(Path p) {
        String n = p.getFileName().toString();
        String base = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        String lower = base.toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".csv") || lower.endsWith(".tsv")) && base.length() > 4 && Files.isRegularFile(p)) {
            return Optional.of(base.substring(0, base.length() - 4));
        }
        return Optional.empty();
    }

    private static SqlScript text(String name, String sql, String schema) {
        return new SqlScript() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> schema() {
                return Optional.ofNullable(schema);
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static LoadException invalid(String message) {
        return new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, message), null, null, null);
    }

    /** An SQL string literal. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\0");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /** One file: all rows of one table. */
    private final class FlatFile implements ChunkSource {
        private final Path file;
        private final String table;
        private final boolean csv;

        FlatFile(Path file, String table) {
            this.file = file;
            this.table = table;
            this.csv = file.getFileName().toString().toLowerCase(Locale.ROOT).contains(".csv");
        }

        @Override
        public String id() {
            String n = file.getFileName().toString();
            return n.length() <= 190 ? n : n.substring(n.length() - 190);
        }

        @Override
        public String schema() {
            return schema;
        }

        @Override
        public String table() {
            return table;
        }

        private char fieldDelimiter() {
            return delimiter != null ? delimiter : csv ? ',' : '\t';
        }

        private String enclosedBy() {
            Character e = enclosure != null ? enclosure : csv ? Character.valueOf('"') : null;
            return e == null || e == 0 ? "''" : literal(String.valueOf(e));
        }

        @Override
        public String loadDataOptions() {
            return "CHARACTER SET " + charset + " FIELDS TERMINATED BY " + literal(String.valueOf(fieldDelimiter()))
                    + " OPTIONALLY ENCLOSED BY " + enclosedBy() + " ESCAPED BY '\\\\' LINES TERMINATED BY "
                    + literal(lineTerminator) + (headerLine ? " IGNORE 1 LINES" : "");
        }

        @Override
        public String loadDataColumns() {
            if (!headerLine) {
                return "";
            }
            List<String> cols = header();
            if (nullMarker.equals("\\N")) {
                return cols.stream().map(ChunkLoader::quote).collect(Collectors.joining(",", "(", ")"));
            }
            List<String> vars = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                vars.add("@c" + i);
                sets.add(ChunkLoader.quote(cols.get(i)) + " = NULLIF(@c" + i + ", " + literal(nullMarker) + ")");
            }
            return "(" + String.join(",", vars) + ") SET " + String.join(", ", sets);
        }

        private List<String> header() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                if (line == null || line.isBlank()) {
                    throw new LoadException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, file + " has no header line"),
                            schema + "." + table, id(), null);
                }
                String quote = enclosedBy().equals("''") ? "" : enclosedBy().substring(1, enclosedBy().length() - 1);
                List<String> out = new ArrayList<>();
                for (String c : line.replace("\r", "").split(java.util.regex.Pattern.quote(String.valueOf(fieldDelimiter())), -1)) {
                    String t = c.trim();
                    if (!quote.isEmpty() && t.length() >= 2 && t.startsWith(quote) && t.endsWith(quote)) {
                        t = t.substring(1, t.length() - 1);
                    }
                    out.add(t);
                }
                return out;
            } catch (IOException e) {
                throw new LoadException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot read " + file + ": " + e),
                        schema + "." + table, id(), e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = Files.newInputStream(file);
            return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
        }

        @Override
        public String toString() {
            return "FlatFile{" + file + "}";
        }
    }

    /** Builder of a {@link FlatFiles} source; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private final String schema;
        private Path schemaFile;
        private Character delimiter;
        private Character enclosure;
        private boolean headerLine;
        private String nullMarker = "\\N";
        private String lineTerminator = "\n";
        private String charset = "utf8mb4";

        Builder(Path directory, String schema) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** A schema-only SQL file (e.g. {@code mysqldump --no-data}) run first, in the target schema; default none. */
        public Builder schemaFile(Path file) {
            this.schemaFile = file;
            return this;
        }

        /** Field delimiter for every file; default {@code ,} for .csv and TAB for .tsv. */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** Optional field enclosure ({@code (char) 0} for none); default {@code "} for .csv, none for .tsv. */
        public Builder enclosure(char enclosure) {
            this.enclosure = enclosure;
            return this;
        }

        /** Whether the first line names the columns (then it is skipped and gives the column order); default false. */
        public Builder headerLine(boolean headerLine) {
            this.headerLine = headerLine;
            return this;
        }

        /**
         * The field text that means NULL; default {@code \N} (what SELECT INTO OUTFILE writes). Another marker (e.g.
         * {@code NULL} or an empty string) needs {@link #headerLine(boolean) headerLine(true)}.
         */
        public Builder nullMarker(String marker) {
            this.nullMarker = marker;
            return this;
        }

        /** Line terminator; default LF ({@code "\r\n"} for Windows files). */
        public Builder lineTerminator(String terminator) {
            this.lineTerminator = terminator;
            return this;
        }

        /** Character set of the files' text; default {@code utf8mb4}. */
        public Builder charset(String charset) {
            this.charset = charset;
            return this;
        }

        /**
         * Lists the directory.
         *
         * @throws IllegalArgumentException for a custom NULL marker without a header line, or a bad charset
         * @throws LoadException            INVALID_INPUT when the directory holds no .csv/.tsv file
         */
        public FlatFiles build() {
            return new FlatFiles(this);
        }
    }
}
