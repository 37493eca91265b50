package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.files.LocalFiles;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The load source of a {@code mydumper} (0.9/0.10) dump directory ({@link LoadSources#mydumper}), loaded like
 * {@code myloader} but with this library's exactly-once journal: schemas ({@code <db>-schema-create.sql}) and tables
 * ({@code <db>.<table>-schema.sql}) first, then the data files ({@code <db>.<table>.sql}, {@code <db>.<table>.<n>.sql},
 * optionally {@code .gz}) in parallel, each in one transaction recorded in the target's {@link LoadJournal} (a re-run
 * skips committed files), then routines and events ({@code <db>-schema-post.sql}), views ({@code -schema-view.sql})
 * in dependency order and triggers ({@code -schema-triggers.sql}). Failures name the file and line.
 *
 * <p>The files are read byte for byte and decoded in the character set they declare (mydumper writes raw bytes
 * under {@code SET NAMES binary}); a dump of a MySQL 5.x server gets its collations pinned
 * ({@link FileCollationDefaults}). Names are taken from file names, so schema names must not contain {@code .}. The
 * job id is derived from the directory and its {@code metadata} file, so loading the same directory again resumes.
 */
final class MydumperSource {
    private static final io.github.auroramigrate.core.sql.SqlOptions MYDUMPER_FILES = SqlFileSource.BYTES.toBuilder()
            .splitMode(io.github.auroramigrate.core.sql.SplitMode.MYDUMPER).build();
    private static final Pattern DATA = Pattern.compile("(.+?)(\\.[0-9]+)?\\.sql(\\.gz)?");

    private MydumperSource() {
    }

    /**
     * The load source of a mydumper directory.
     *
     * @throws LoadException FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable directory, INVALID_INPUT
     *                       when it is not a mydumper dump
     */
    static LoadSource of(Path dir) {
        Diagnosis missing = LocalFiles.directory(dir, "the mydumper directory");
        if (missing != null) {
            throw new LoadException(missing, null, null, null);
        }
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw invalid("cannot list " + dir + ": " + e);
        }
        List<String> dbs = names.stream().filter(n -> n.endsWith("-schema-create.sql") || n.endsWith("-schema-create.sql.gz"))
                .map(n -> n.substring(0, n.indexOf("-schema-create.sql"))).toList();
        if (dbs.isEmpty() || !names.contains("metadata")) {
            throw invalid(dir + " is not a mydumper dump: no metadata or <db>-schema-create.sql file");
        }
        // the schema files are decoded in the character set they declare (SET NAMES binary)
        LoadSource.Builder b = LoadSource.builder().jobId(jobId(dir))
                .transform(new FileCharset().andThen(new FileCollationDefaults(fromMySql5(dir))));
        List<SqlScript> views = new ArrayList<>();
        List<SqlScript> triggers = new ArrayList<>();
        List<SqlScript> post = new ArrayList<>();
        for (String db : dbs) {
            b.schemaScript(script(dir, names, db + "-schema-create.sql", null));
            String prefix = db + ".";
            for (String n : names) {
                if (!n.startsWith(prefix)) {
                    continue;
                }
                String rest = n.substring(prefix.length());
                String base = rest.endsWith(".gz") ? rest.substring(0, rest.length() - 3) : rest;
                if (base.endsWith("-schema-view.sql")) {
                    views.add(script(dir, names, n, db));
                } else if (base.endsWith("-schema-triggers.sql")) {
                    triggers.add(script(dir, names, n, db));
                } else if (base.endsWith("-schema.sql")) {
                    String table = base.substring(0, base.length() - "-schema.sql".length());
                    if (!names.contains(prefix + table + "-schema-view.sql") && !names.contains(prefix + table + "-schema-view.sql.gz")) {
                        b.schemaScript(script(dir, names, n, db));
                    }
                } else {
                    Matcher m = DATA.matcher(rest);
                    if (m.matches()) {
                        b.chunk(new MydumperChunk(dir.resolve(n), n, db, m.group(1)));
                    }
                }
            }
            if (names.contains(db + "-schema-post.sql")) {
                post.add(script(dir, names, db + "-schema-post.sql", db));
            }
        }
        // routines first (a view may call a function), views in dependency order, triggers last
        post.forEach(b::postDataScript);
        inDependencyOrder(views).forEach(b::postDataScript);
        triggers.forEach(b::postDataScript);
        return b.build();
    }

    private static SqlScript script(Path dir, List<String> names, String name, String schema) {
        SqlScript file = SqlScript.of(dir.resolve(name));
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
            public io.github.auroramigrate.core.sql.SqlOptions options() {
                return MYDUMPER_FILES; // routine bodies come without DELIMITER lines
            }

            @Override
            public InputStream open() throws IOException {
                return file.open();
            }
        };
    }

    /**
     * mydumper writes one file per view, named after it, and myloader runs them in name order, so a view on a view that
     * sorts later fails (1146); ordered here so that each comes after the views its text names.
     */
    static List<SqlScript> inDependencyOrder(List<SqlScript> views) {
        Map<String, SqlScript> byName = new java.util.LinkedHashMap<>();
        Map<String, String> text = new java.util.HashMap<>();
        for (SqlScript v : views) {
            String base = v.name().endsWith(".gz") ? v.name().substring(0, v.name().length() - 3) : v.name();
            String name = base.substring(base.indexOf('.') + 1, base.length() - "-schema-view.sql".length());
            byName.put(name, v);
            try (InputStream in = v.open()) {
                text.put(name, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw invalid("cannot read " + v.name() + ": " + e);
            }
        }
        List<SqlScript> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, text, done, new java.util.HashSet<>(), out);
        }
        return out;
    }

    private static void visit(String name, Map<String, SqlScript> byName, Map<String, String> text, java.util.Set<String> done,
            java.util.Set<String> visiting, List<SqlScript> out) {
        if (done.contains(name) || !visiting.add(name)) {
            return;
        }
        String body = text.get(name);
        int as = body.indexOf(" AS ");                 // references come after the view's own name
        for (String other : byName.keySet()) {
            if (!other.equals(name) && body.indexOf('`' + other.replace("`", "``") + '`', Math.max(0, as)) >= 0) {
                visit(other, byName, text, done, visiting, out);
            }
        }
        done.add(name);
        out.add(byName.get(name));
    }

    /**
     * Whether the dump comes from MySQL 5.x, judged by its schema and table files: MySQL 8.0 and MariaDB always name the
     * collation of a utf8mb4 schema or table, 5.x leaves the default one out (mydumper's files say nothing of the server's version).
     */
    private static boolean fromMySql5(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-schema.sql")
                    || p.getFileName().toString().endsWith("-schema-create.sql")).anyMatch(p -> {
                try {
                    return FileCollationDefaults.fromMySql5(Files.readString(p, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw invalid("cannot read " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            throw invalid("cannot list " + dir + ": " + e);
        }
    }

    private static String jobId(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(dir.resolve("metadata")));
            return "mydumper-" + HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (IOException e) {
            throw invalid("cannot read " + dir.resolve("metadata") + ": " + e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoadException invalid(String message) {
        return new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, message), null, null, null);
    }

    /** One data file: INSERT statements for one table. */
    private record MydumperChunk(Path file, String id, String schema, String table) implements ChunkSource {
        @Override
        public ChunkFormat format() {
            return ChunkFormat.SQL;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = Files.newInputStream(file);
            return id.endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
        }
    }
}
