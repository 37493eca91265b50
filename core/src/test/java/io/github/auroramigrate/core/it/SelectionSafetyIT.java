package io.github.auroramigrate.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A selection that matches nothing is an error before any lock is taken, in every capability; the library's own
 * schema is never dumped, checked or verified. A private server logs every statement (general log to a table) so the
 * tests can see which statements the dumping account sent - a lock taken or not is read there, not assumed.
 */
class SelectionSafetyIT {
    private static final String DUMPER = "selcheck";
    private static TestServer server;
    private static Endpoint dumper;
    private static String db;
    private static String viewsOnly;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServers.startPrivate(ServerKind.MYSQL_80);
        db = server.createSchema("shop");
        viewsOnly = server.createSchema("views_only");
        server.execute("USE `" + db + "`",
                "CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 'a'), (2, 'b')",
                "CREATE TABLE `select` (id INT PRIMARY KEY)",   // a reserved word
                "INSERT INTO `select` VALUES (1)",
                "CREATE VIEW `" + viewsOnly + "`.v AS SELECT 1 AS one",
                "CREATE USER '" + DUMPER + "'@'%' IDENTIFIED BY 'Sel-check-1'",
                "GRANT ALL PRIVILEGES ON *.* TO '" + DUMPER + "'@'%'",
                "SET GLOBAL log_output = 'TABLE'",
                "SET GLOBAL general_log = 'ON'");
        dumper = Endpoint.builder().host(server.host()).port(server.port()).user(DUMPER).password("Sel-check-1")
                .allowPublicKeyRetrieval(true).tls(TlsMode.DISABLED).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clearLog() {
        server.execute("TRUNCATE TABLE mysql.general_log");
    }

    /** The lock statements the dumping account sent since the log was cleared. */
    private static List<String> locksTaken() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.rootConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CONVERT(argument USING utf8mb4) a FROM mysql.general_log WHERE user_host LIKE '" + DUMPER + "[%'"
                        + " AND command_type = 'Query' HAVING a LIKE 'FLUSH%' OR a LIKE 'LOCK %' OR a LIKE 'BACKUP%'"
                        + " OR a LIKE '%CONSISTENT SNAPSHOT%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aDumpOfAMissingSchemaFailsBeforeAnyLockOrFile() throws Exception {
        // the control: a dump of a schema that exists does lock (so the observation below can fail)
        Dump.from(dumper).schemas(db).to(DumpStores.directory(dir.resolve("good"))).build().run();
        assertThat(locksTaken()).as("a real dump takes its snapshot lock").isNotEmpty();
        clearLog();

        DumpStore store = DumpStores.directory(dir.resolve("typo"));
        DumpException e = catchThrowableOfType(() -> Dump.from(dumper).schemas("nosuchschema").to(store).build().run(),
                DumpException.class);

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(e.diagnosis().message()).contains("'nosuchschema' matches nothing").contains(db).contains(viewsOnly);
        assertThat(store.list("")).as("no manifest, no file").isEmpty();
        assertThat(locksTaken()).as("no lock before the selection is known to be good").isEmpty();
    }

    @Test
    void everyDumpPatternThatMatchesNothingIsNamed() throws Exception {
        List<UnaryOperator<Dump.Builder>> typos = List.of(
                b -> b.schemas(db).tables(db + ".ordres"),
                b -> b.schemas(db).exclude(db + ".audit_*"),
                b -> b.excludeSchemas("nosuch_old"),
                b -> b.schemas(db, "shpo*"),
                b -> b.schemas(db).where(db + ".nosuchtable", "id > 1"),
                b -> b.schemas(db).excludeSchemas(db));  // each pattern matches, together they leave nothing
        List<String> named = List.of(db + ".ordres", db + ".audit_*", "nosuch_old", "shpo*", db + ".nosuchtable",
                "leaves nothing");
        for (int i = 0; i < typos.size(); i++) {
            DumpStore store = DumpStores.directory(dir.resolve("t" + i));
            Dump dump = typos.get(i).apply(Dump.from(dumper).to(store)).build();
            DumpException e = catchThrowableOfType(dump::run, DumpException.class);
            assertThat(e).as(named.get(i)).isNotNull();
            assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
            assertThat(e.diagnosis().message()).contains(named.get(i));
            assertThat(catchThrowableOfType(dump::dryRun, DumpException.class).code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
            assertThat(store.list("")).isEmpty();
        }
        assertThat(catchThrowableOfType(() -> Dump.from(dumper).schemas(db).tables(db + ".ordres")
                .to(DumpStores.directory(dir.resolve("x"))).build().run(), DumpException.class).diagnosis().message())
                .as("the closest table is listed").contains(db + ".orders");
        assertThat(locksTaken()).isEmpty();
        // a glob and a reserved-word table that exist are fine
        assertThat(Dump.from(dumper).schemas(db.substring(0, db.length() - 1) + "?").tables(db + ".select")
                .to(DumpStores.directory(dir.resolve("ok"))).build().run().rows()).isEqualTo(1);
    }

    @Test
    void aCopyOfAMissingSchemaFailsBeforeAnyLock() throws Exception {
        DumpException e = catchThrowableOfType(() -> Copy.from(dumper).to(TestEndpoints.of(server)).dump(d -> d.schemas("nosuchschema"))
                .build().run(), DumpException.class);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(e.diagnosis().message()).contains("nosuchschema").contains(db);
        assertThat(locksTaken()).isEmpty();
    }

    @Test
    void aVerifyOfAMissingSchemaOrTableIsAnErrorAndOfNoTableNeverOk() {
        Endpoint ep = TestEndpoints.of(server);
        MigrationException schema = catchThrowableOfType(() -> Verify.between(ep, ep).schemas("nosuchschema").build().run(),
                MigrationException.class);
        assertThat(schema).as("a typo must not let a cut-over proceed").isNotNull();
        assertThat(schema.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(schema.diagnosis().message()).contains("nosuchschema").contains(db);

        MigrationException table = catchThrowableOfType(() -> Verify.between(ep, ep).schemas(db).tables("ordres").build()
                .run(), MigrationException.class);
        assertThat(table).isNotNull();
        assertThat(table.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(table.diagnosis().message()).contains("ordres").contains(db + ".orders");

        VerifyResult none = Verify.between(ep, ep).schemas(viewsOnly).build().run();
        assertThat(none.tables()).isEmpty();
        assertThat(none.ok()).as("zero tables compared is never ok").isFalse();
        assertThat(none.summary()).contains("NO tables");

        VerifyResult good = Verify.between(ep, ep).schemas(db.substring(0, db.length() - 1) + "?").build().run();
        assertThat(good.tables()).hasSize(2);
        assertThat(good.ok()).isTrue();
    }

    @Test
    void aVerifyOrPrecheckOfADumpNamesTheSchemaTheDumpLacks() {
        DumpStore store = DumpStores.directory(dir.resolve("d"));
        Dump.from(dumper).schemas(db).to(store).build().run();
        MigrationException v = catchThrowableOfType(() -> Verify.manifest(store).against(TestEndpoints.of(server))
                .schemas("nosuchschema").build().run(), MigrationException.class);
        assertThat(v).isNotNull();
        assertThat(v.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(v.diagnosis().message()).contains("nosuchschema").contains(db).doesNotContain(viewsOnly);

        MigrationException c = catchThrowableOfType(() -> CompatibilityCheck.ofDump(store).schemas("nosuchschema")
                .target(TargetProfile.AURORA_MYSQL_3).build().run(), MigrationException.class);
        assertThat(c).isNotNull();
        assertThat(c.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(c.diagnosis().message()).contains("nosuchschema").contains(db);
    }

    @Test
    void aPrecheckOfAMissingSchemaIsAnError() {
        MigrationException e = catchThrowableOfType(() -> CompatibilityCheck.of(dumper).schemas("nosuchschema")
                .target(TargetProfile.AURORA_MYSQL_3).build().run(), MigrationException.class);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(e.diagnosis().message()).contains("nosuchschema").contains(db);
        assertThat(CompatibilityCheck.of(dumper).schemas(db).target(TargetProfile.AURORA_MYSQL_3).build().run())
                .isNotNull();
    }

    @Test
    void aLoadWhoseTableFilterKeepsNothingIsAnError() {
        DumpStore store = DumpStores.directory(dir.resolve("l"));
        Dump.from(dumper).schemas(db).to(store).build().run();
        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(server)).from(LoadSources.dump(store))
                .transform(Transforms.renameSchema(db, db + "_copy").andThen(Transforms.includeTables("*.ordres")))
                .build().run(), LoadException.class);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(e.diagnosis().message()).contains("keeps none").contains(db + ".orders");
        assertThat(server.queryString("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                + db + "_copy'")).as("nothing created").isEmpty();
    }

    @Test
    void theLibrarysOwnSchemaIsNeverDumpedCheckedOrVerified() throws Exception {
        DumpStore source = DumpStores.directory(dir.resolve("src"));
        Dump.from(dumper).schemas(db).to(source).build().run();
        Load.into(TestEndpoints.of(server)).from(LoadSources.dump(source)).transform(Transforms.renameSchema(db, db + "_loaded"))
                .build().run();
        assertThat(server.queryString("SELECT COUNT(*) FROM aurora_migrate.load_progress")).as("the load journal exists")
                .hasValueSatisfying(n -> assertThat(Long.parseLong(n)).isPositive());

        DumpStore whole = DumpStores.directory(dir.resolve("whole"));
        Dump.from(dumper).to(whole).build().run();
        Manifest m = ManifestIO.read(whole);
        assertThat(m.schemas()).extracting(SchemaEntry::name).contains(db, db + "_loaded", viewsOnly)
                .doesNotContain("aurora_migrate", "mysql", "sys");
        assertThat(ServerProbe.probe(dumper).schemas()).contains(db).doesNotContain("aurora_migrate");

        Endpoint ep = TestEndpoints.of(server);
        MigrationException dump = catchThrowableOfType(() -> Dump.from(dumper).schemas("aurora_migrate")
                .to(DumpStores.directory(dir.resolve("own"))).build().run(), MigrationException.class);
        assertThat(dump.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(dump.diagnosis().message()).contains("this library's own schema");
        MigrationException verify = catchThrowableOfType(() -> Verify.between(ep, ep).schemas("aurora_*").build().run(),
                MigrationException.class);
        assertThat(verify.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
    }
}
