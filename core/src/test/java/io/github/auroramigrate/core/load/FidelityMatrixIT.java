package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import io.github.auroramigrate.testkit.fidelity.ExpectedDifference;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The torture schema of each source flavour (testkit's {@link TortureSchema}: every type at its edges, routines,
 * triggers and events with compound bodies, views on views, generated and invisible columns, partitions, foreign
 * keys, odd names, a key-less table with duplicates) through every path into a target - Load of our dump in both
 * formats, Copy, import of real mariadb-dump files with and without --hex-blob, import of a real mydumper directory
 * - ending EQUAL by the test oracle ({@link SchemaComparison}: every object and every row) and by {@link Verify}.
 * Pairs: MySQL 8.0 -> Aurora-like MySQL 3, MySQL 5.7 -> MySQL 8.0. (8.0 -> Aurora-like 2 and MariaDB -> MySQL need
 * explicit transforms: their own ITs.)
 */
class FidelityMatrixIT {
    private static final Map<ServerKind, String> SOURCES = new ConcurrentHashMap<>();
    private static final String BACKTICK_TABLE = "back`tick";
    /**
     * What a mariadb-dump file does not hold, whoever imports it: FLOAT printed with 6 significant digits, -0.0 printed
     * as -0 (the integer 0), and dates invalid under ALLOW_INVALID_DATES, which the file's own SET SQL_MODE turns
     * into zero dates (mysqldump shares all three).
     */
    static final List<ExpectedDifference> MARIADB_DUMP_LIMITS = List.of(
            ExpectedDifference.matching(SchemaObject.Kind.TABLE, "all_types", "row \\(id=[345]\\) column `f`", null, null,
                    "mariadb-dump prints FLOAT with 6 digits and -0.0 as -0"),
            ExpectedDifference.matching(SchemaObject.Kind.TABLE, "all_types", "row \\(id=5\\) column `d`", "-0\\.0.*", null,
                    "mariadb-dump prints -0.0 as -0"),
            ExpectedDifference.matching(SchemaObject.Kind.TABLE, "all_types", "row \\(id=5\\) column `dtm?`", null,
                    "'0000-00-00.*", "the file's SET SQL_MODE does not allow invalid dates"));

    enum Path_ {
        LOAD_FLAT, LOAD_SQL, COPY, MARIADB_DUMP_RAW, MARIADB_DUMP_HEX, MYDUMPER
    }

    /** All cases, or those named by {@code -Dfidelity.only=MYSQL_80:COPY,MYSQL_57:MYDUMPER} (for a rerun by hand). */
    static Stream<Arguments> cases() {
        String only = System.getProperty("fidelity.only", "");
        return allCases().filter(a -> only.isEmpty() || java.util.Arrays.asList(only.split(","))
                .contains(a.get()[0] + ":" + a.get()[2]));
    }

    private static Stream<Arguments> allCases() {
        List<Arguments> out = new ArrayList<>();
        for (Path_ p : Path_.values()) {
            out.add(Arguments.of(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, p));
        }
        for (Path_ p : Path_.values()) {
            out.add(Arguments.of(ServerKind.MYSQL_57, AuroraProfile.NONE, p));
        }
        return out.stream();
    }

    private static final Map<ServerKind, String> MYDUMPER_SOURCES = new ConcurrentHashMap<>();
    /**
     * What a mydumper 0.10 directory does not hold, whoever loads it: the sql_mode of routines, triggers and events and
     * the time zone of events (its files do not record them), and bodies as written (it puts a space after every
     * {@code ;} inside them, which {@link #assertBodiesDifferOnlyInSpacesAfterSemicolons} checks is all).
     */
    private static final List<ExpectedDifference> MYDUMPER_LIMITS = Stream.of(SchemaObject.Kind.PROCEDURE,
            SchemaObject.Kind.FUNCTION, SchemaObject.Kind.TRIGGER, SchemaObject.Kind.EVENT).flatMap(k -> Stream.of(
                    ExpectedDifference.of(k, null, "sql_mode", null, null, "mydumper 0.10 does not record it"),
                    ExpectedDifference.of(k, null, "time zone", null, null, "mydumper 0.10 does not record it"),
                    ExpectedDifference.of(k, null, "body", null, null, "mydumper 0.10 adds a space after each ;")))
            .toList();

    /** The torture schema without what mydumper 0.10 cannot dump (see the MYDUMPER case). */
    private static String mydumperSource(TestServer server) {
        return MYDUMPER_SOURCES.computeIfAbsent(server.kind(), k -> {
            String s = server.createSchema("torture_myd");
            TortureSchema.create(server, s);
            server.execute("DROP TABLE " + q(s) + "." + q(BACKTICK_TABLE), "DROP VIEW " + q(s) + ".v_func",
                    "DROP FUNCTION " + q(s) + ".f_ansi");
            return s;
        });
    }

    /** The torture schema of a flavour, created once per JVM on the shared source server. */
    private static String source(TestServer server) {
        return SOURCES.computeIfAbsent(server.kind(), k -> {
            String s = server.createSchema("torture");
            TortureSchema.create(server, s);
            return s;
        });
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("cases")
    void everyObjectAndRowArrives(ServerKind from, AuroraProfile to, Path_ path, @TempDir Path tmp) throws Exception {
        Path dir = tmp;
        TestServer source = TestServers.shared(from, AuroraProfile.NONE, "source");
        TestServer target = TestServers.shared(ServerKind.MYSQL_80, to, "target");
        String s = source(source);
        target.execute("DROP DATABASE IF EXISTS " + q(s));
        CompoundBodiesIT.trustFunctionCreators(target);
        Transform transform = to.isAurora() ? Transforms.stripDefiners() : Transform.identity();
        List<ExpectedDifference> expected = new ArrayList<>();
        boolean lossyRows = false;
        try {
            switch (path) {
                case LOAD_FLAT, LOAD_SQL -> {
                    Dump.from(TestEndpoints.root(source)).schemas(s).to(DumpStores.directory(dir))
                            .format(path == Path_.LOAD_FLAT ? DumpFormat.FLAT : DumpFormat.SQL)
                            .chunkSize(DataSize.ofKilobytes(64)).threads(2).build().run();
                    Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                            .transform(transform).threads(2).build().run();
                }
                case COPY -> {
                    String schema = s;
                    Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).threads(2)
                            .dump(d -> d.schemas(schema).chunkSize(DataSize.ofKilobytes(64)))
                            .load(l -> l.transform(transform)).build().run();
                }
                case MARIADB_DUMP_RAW, MARIADB_DUMP_HEX -> {
                    Path file = path == Path_.MARIADB_DUMP_HEX
                            ? ForeignSqlFilesIT.mariadbDump(source, s, dir.resolve("hex.sql"), "--hex-blob")
                            : ForeignSqlFilesIT.mariadbDump(source, s, dir.resolve("raw.sql"));
                    Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).transform(transform).build().run();
                    expected.addAll(MARIADB_DUMP_LIMITS);
                    lossyRows = true;
                }
                case MYDUMPER -> {
                    // what mydumper 0.10 cannot carry at all, left out of a source schema of its own: a table whose
                    // name holds a backtick (it does not escape it) and a routine whose text only parses under its
                    // own sql_mode (its files do not record a routine's sql_mode)
                    s = mydumperSource(source);
                    target.execute("DROP DATABASE IF EXISTS " + q(s));
                    Path out = Files.createDirectories(dir.resolve("mydumper"));
                    run(List.of("mydumper", "-h", source.host(), "-P", String.valueOf(source.port()), "-u",
                            source.rootUser(), "-t", "2", "-r", "1000", "-G", "-E", "-R", "-B", s,
                            "-o", out.toString(), "-v", "3"), dir.resolve("mydumper.log"));
                    Load.into(TestEndpoints.of(target)).from(LoadSources.mydumper(out)).transform(transform).threads(2)
                            .build().run();
                    expected.addAll(MYDUMPER_LIMITS);
                    expected.addAll(MARIADB_DUMP_LIMITS.subList(0, 2));   // FLOAT and -0.0 printed alike
                    if (from == ServerKind.MYSQL_80) {
                        expected.add(ExpectedDifference.matching(SchemaObject.Kind.TABLE, "defaults_t",
                                "row \\(id=\\d+\\) column `(created|u)`", null, null,
                                "mydumper 0.10 leaves out columns that 8.0 marks DEFAULT_GENERATED (expression defaults)"));
                        assertDefaultGeneratedValuesAreNotInTheFile(out);
                    }
                    lossyRows = true;
                    assertBodiesDifferOnlyInSpacesAfterSemicolons(source, target, s);
                }
                default -> throw new IllegalArgumentException(path.name());
            }
            SchemaComparison.builder().expect(expected).build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s))
                    .assertEqual();
            Verify.Builder verify = Verify.between(TestEndpoints.root(source), TestEndpoints.root(target)).schemas(s)
                    .transform(transform);
            VerifyResult v = verify.build().run();
            if (path == Path_.MYDUMPER) {
                assertThat(v.objectDifferences()).as("only what MYDUMPER_LIMITS says").allSatisfy(d ->
                        assertThat(d.aspect()).isIn("sqlMode", "timeZone", "body"));
            } else {
                assertThat(v.objectDifferences()).as("%s", v.summary()).isEmpty();
            }
            if (lossyRows) {
                // what the file itself lost (MARIADB_DUMP_LIMITS), and nothing else
                assertThat(v.differences()).allSatisfy(d -> {
                    assertThat(d.table()).isIn("all_types", "defaults_t");
                    assertThat(d.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.column())
                            .isIn("f", "d", "dt", "dtm", "created", "u"));
                });
            } else {
                assertThat(v.ok()).as("%s", v.summary()).isTrue();
            }
        } finally {
            target.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    private static void assertDefaultGeneratedValuesAreNotInTheFile(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            String data = files.filter(f -> f.getFileName().toString().matches(".*\\.defaults_t(\\.\\d+)?\\.sql"))
                    .map(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.ISO_8859_1);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).reduce("", String::concat);
            assertThat(data).as("the values are not in mydumper's file").isNotEmpty()
                    .doesNotContain("2020-01-01 00:00:00.123");
        }
    }

    private static void assertBodiesDifferOnlyInSpacesAfterSemicolons(TestServer source, TestServer target, String s)
            throws Exception {
        String sql = "SELECT CONCAT('r ', ROUTINE_NAME), ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                + " UNION ALL SELECT CONCAT('t ', TRIGGER_NAME), ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " UNION ALL SELECT CONCAT('e ', EVENT_NAME), EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
                + " ORDER BY 1";
        List<List<String>> a = CompoundBodiesIT.rows(source, sql, s, s, s);
        List<List<String>> b = CompoundBodiesIT.rows(target, sql, s, s, s);
        java.util.function.Function<List<List<String>>, List<String>> squeeze = rows -> rows.stream()
                .map(r -> r.get(0) + ": " + r.get(1).replaceAll(";[ \\t]+(\\r?\\n)", ";$1")).toList();
        assertThat(squeeze.apply(b)).isEqualTo(squeeze.apply(a)).isNotEmpty();
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("%s finished: %s", command.get(0), Files.readString(log)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(log)).isZero();
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
