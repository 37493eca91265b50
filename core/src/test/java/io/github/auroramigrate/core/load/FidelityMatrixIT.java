package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.format.DumpFormat;
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
import java.io.File;
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

    enum Path_ {
        LOAD_FLAT, LOAD_SQL, COPY, MARIADB_DUMP_RAW, MARIADB_DUMP_HEX, MYDUMPER
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Path_ p : Path_.values()) {
            out.add(Arguments.of(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, p));
        }
        for (Path_ p : Path_.values()) {
            out.add(Arguments.of(ServerKind.MYSQL_57, AuroraProfile.NONE, p));
        }
        return out.stream();
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
        try {
            switch (path) {
                case LOAD_FLAT, LOAD_SQL -> {
                    Dump.from(TestEndpoints.root(source)).schemas(s).to(DumpStores.directory(dir))
                            .format(path == Path_.LOAD_FLAT ? DumpFormat.FLAT : DumpFormat.SQL)
                            .chunkSize(DataSize.ofKilobytes(64)).threads(2).build().run();
                    Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir)))
                            .transform(transform).threads(2).build().run();
                }
                case COPY -> Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).schemas(s)
                        .chunkSize(DataSize.ofKilobytes(64)).transform(transform).threads(2).build().run();
                case MARIADB_DUMP_RAW, MARIADB_DUMP_HEX -> {
                    Path file = path == Path_.MARIADB_DUMP_HEX
                            ? ForeignSqlFilesIT.mariadbDump(source, s, dir.resolve("hex.sql"), "--hex-blob")
                            : ForeignSqlFilesIT.mariadbDump(source, s, dir.resolve("raw.sql"));
                    SqlFileImport.into(TestEndpoints.of(target)).file(file).transform(transform).build().run();
                }
                case MYDUMPER -> {
                    // mydumper 0.10 cannot dump a table whose name holds a backtick (it does not escape it): left out
                    Path omit = Files.writeString(dir.resolve("omit.txt"), s + "." + BACKTICK_TABLE + "\n");
                    Path out = Files.createDirectories(dir.resolve("mydumper"));
                    run(List.of("mydumper", "-h", source.host(), "-P", String.valueOf(source.port()), "-u",
                            source.rootUser(), "-t", "2", "-r", "1000", "-G", "-E", "-R", "-O", omit.toString(), "-B", s,
                            "-o", out.toString()));
                    expected.add(ExpectedDifference.missing(SchemaObject.Kind.TABLE, BACKTICK_TABLE));
                    dir = out;
                    MydumperImport.into(TestEndpoints.of(target)).directory(dir).transform(transform).threads(2).build().run();
                }
                default -> throw new IllegalArgumentException(path.name());
            }
            SchemaComparison.builder().expect(expected).build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s))
                    .assertEqual();
            Verify.Builder verify = Verify.between(TestEndpoints.root(source), TestEndpoints.root(target)).schemas(s)
                    .transform(path == Path_.MYDUMPER ? transform.andThen(Transforms.excludeTables(BACKTICK_TABLE)) : transform);
            VerifyResult v = verify.build().run();
            assertThat(v.ok()).as("%s", v.summary()).isTrue();
        } finally {
            target.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
