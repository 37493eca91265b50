package io.github.auroramigrate.aws.s3;

import static io.github.auroramigrate.aws.s3.S3TestServer.endpoint;
import static io.github.auroramigrate.aws.s3.S3TestServer.rootEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
import io.github.auroramigrate.core.load.LoadMethod;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import io.github.auroramigrate.testkit.proxy.QueryCut;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code LoadMethod.SERVER_SIDE} into Aurora MySQL 3 as far as it can honestly run here: the library's own statements
 * ({@code LOAD DATA FROM S3 FILE 's3-us-east-1://bucket/key' INTO TABLE ...}) reach an emulation of Aurora's statement
 * in front of a real Aurora-like 3 server ({@link AuroraS3Emulation}), which checks what Aurora checks and has the real
 * server load the object's bytes, fetched from the local S3 server, in the library's own transaction. Shown: the torture
 * schema loads EQUAL (oracle and Verify) with no chunk byte sent by the client, one history row per chunk, the
 * pre-check naming each missing piece before anything is loaded (and agreeing with what the emulated server refuses), a
 * dropped connection in the middle of one statement retried exactly once, and the refusals at build().
 */
@ExtendWith(TestServersExtension.class)
class AuroraLoadFromS3IT {
    private static final String BUCKET = "aurora-migrate-s3load";
    private static S3TestServer s3;

    @BeforeAll
    static void start() {
        s3 = S3TestServer.shared(BUCKET);
    }

    @Test
    void theTortureSchemaLoadsThroughLoadDataFromS3WithNoChunkByteThroughTheClient(
            @Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        String s = "s3_server_side";
        TortureSchema.create(source, s);
        target.execute("DROP DATABASE IF EXISTS " + s, "DROP DATABASE IF EXISTS aurora_migrate",
                "DELETE FROM mysql.aurora_s3_load_history", "SET GLOBAL log_bin_trust_function_creators = 1");
        try (S3DumpStore store = s3.store(BUCKET).prefix("server-side/" + s).build();
                AuroraS3Emulation aurora = AuroraS3Emulation.of(target, S3Server.shared())) {
            DumpResult dump = Dump.from(rootEndpoint(source)).schemas(s).to(store).threads(2)
                    .compression(Compression.NONE).build().run();
            long chunkBytes = 0;
            for (String k : store.list("data/")) {
                chunkBytes += store.size(k);
            }
            // a connection dropped in the middle of one LOAD DATA FROM S3: rolled back, retried, loaded once
            aurora.proxy().cutOnQuery(sql -> sql.contains("LOAD DATA FROM S3") && sql.contains("big_rows"),
                    QueryCut.BEFORE_RESPONSE);

            LoadResult load = Load.into(aurora.endpoint()).from(LoadSources.dump(store)).method(LoadMethod.SERVER_SIDE)
                    .threads(2).transform(Transforms.stripDefiners()).verify(true).build().run();

            assertThat(load.method()).isEqualTo(LoadMethod.SERVER_SIDE);
            assertThat(load.rowsLoaded()).isEqualTo(dump.rows());
            assertThat(load.verification().orElseThrow().ok()).as("%s", load.verification()).isTrue();
            assertThat(aurora.proxy().stats().queryCuts()).as("the cut happened").isEqualTo(1);
            assertThat(aurora.loads).as("every chunk was read by the server through the statement, the cut one twice")
                    .hasSize(load.chunksLoaded() + 1).allMatch(q -> q.startsWith("LOAD DATA FROM S3 FILE 's3-us-east-1://"
                            + BUCKET + "/server-side/" + s + "/data/"));
            assertThat(aurora.loads.stream().distinct()).hasSize(load.chunksLoaded());
            assertThat(aurora.objectBytes.get()).as("the objects the server read").isGreaterThan(chunkBytes);
            long fromClient = aurora.proxy().stats().bytesClientToServer() - aurora.objectBytes.get();
            assertThat(fromClient).as("what the client itself sent: statements, not chunk data (%d chunk bytes)",
                    chunkBytes).isLessThan(chunkBytes / 4);
            assertThat(load.warnings()).as("the history agrees with the journal")
                    .noneMatch(w -> w.code() == DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE);
            // the history keeps the rolled-back attempt too (as a server-side record would); the journal decided
            assertThat(target.queryString("SELECT COUNT(DISTINCT file_name) FROM mysql.aurora_s3_load_history"))
                    .contains(Integer.toString(load.chunksLoaded()));
            assertThat(target.queryString("SELECT COUNT(*) FROM mysql.aurora_s3_load_history"))
                    .contains(Integer.toString(load.chunksLoaded() + 1));
            assertThat(target.queryString("SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE chunk_id LIKE 'data/%'"))
                    .as("one journal row per chunk").contains(Integer.toString(load.chunksLoaded()));
        }
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s)).assertEqual();
        VerifyResult v = Verify.between(rootEndpoint(source), rootEndpoint(target)).schemas(s)
                .transform(Transforms.stripDefiners()).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
        assertThat(v.objectDifferences()).isEmpty();
    }

    /** The pre-check names what is missing, with its fix, before anything is loaded; the server refuses the same. */
    @Test
    void whatTheClusterOrTheAccountLacksIsNamedBeforeAnythingIsLoaded(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        String s = source.createSchema("s3_precheck");
        source.execute("CREATE TABLE " + s + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + s + ".t VALUES (1, 'a'), (2, 'b')");
        target.execute("DROP USER IF EXISTS 'loader'@'%'", "CREATE USER 'loader'@'%' IDENTIFIED BY 'Loader-pw-1'",
                "GRANT ALL ON *.* TO 'loader'@'%'", "REVOKE SUPER ON *.* FROM 'loader'@'%'");
        try (S3DumpStore store = s3.store(BUCKET).prefix("precheck/" + s).build();
                AuroraS3Emulation aurora = AuroraS3Emulation.of(target, S3Server.shared())) {
            Dump.from(rootEndpoint(source)).schemas(s).to(store).compression(Compression.NONE).build().run();
            String stmt = "LOAD DATA FROM S3 FILE 's3://" + BUCKET + "/precheck/" + s + "/data/" + s + "/t/t.000001.tsv'"
                    + " INTO TABLE " + s + ".t";

            // 1. the account has no AWS_LOAD_S3_ACCESS role
            assertRefused(aurora, store, "loader", "has not been granted the AWS_LOAD_S3_ACCESS role",
                    "GRANT AWS_LOAD_S3_ACCESS TO 'loader'@'%'");
            assertThat(serverRefuses(aurora, "loader", stmt)).isEqualTo(1227);

            // 2. granted, but not active in its sessions
            target.execute("GRANT 'AWS_LOAD_S3_ACCESS' TO 'loader'@'%'");
            assertRefused(aurora, store, "loader", "not active in its sessions", "SET DEFAULT ROLE ALL TO 'loader'@'%'");
            assertThat(serverRefuses(aurora, "loader", stmt)).isEqualTo(1227);

            // 3. active: the account passes; the cluster without an IAM role does not
            target.execute("SET DEFAULT ROLE ALL TO 'loader'@'%'");
            aurora.s3Role("");
            assertRefused(aurora, store, "loader", "aws_default_s3_role is empty", "add-role-to-db-cluster");
            assertThat(serverRefuses(aurora, "loader", stmt)).isEqualTo(63985);

            // 4. all there: it loads
            aurora.s3Role("arn:aws:iam::123456789012:role/aurora-s3-import");
            LoadResult r = Load.into(aurora.endpoint("loader", "Loader-pw-1")).from(LoadSources.dump(store))
                    .method(LoadMethod.SERVER_SIDE).build().run();
            assertThat(r.rowsLoaded()).isEqualTo(2);
            assertThat(target.queryString("SELECT GROUP_CONCAT(v ORDER BY id) FROM " + s + ".t")).contains("a,b");
        }
        // not Aurora at all: the same server without the emulation has no @@aurora_version
        try (S3DumpStore store = s3.store(BUCKET).prefix("precheck/" + s).build()) {
            LoadException e = catchThrowableOfType(() -> Load.into(endpoint(target)).from(LoadSources.dump(store))
                    .method(LoadMethod.SERVER_SIDE).jobId("not-aurora").build().run(), LoadException.class);
            assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE);
            assertThat(e.diagnosis().render()).contains("not Aurora MySQL").contains("LoadMethod.AUTO");
        }
    }

    /** Aurora 2: the LOAD FROM S3 privilege, which no account of the Aurora-like 2 (MySQL 5.7) can hold. */
    @Test
    void onAurora2TheMissingLoadFromS3PrivilegeIsNamed(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) throws Exception {
        String s = source.createSchema("s3_aurora2");
        source.execute("CREATE TABLE " + s + ".t (id INT PRIMARY KEY)", "INSERT INTO " + s + ".t VALUES (1)");
        try (S3DumpStore store = s3.store(BUCKET).prefix("aurora2/" + s).build();
                AuroraS3Emulation aurora = AuroraS3Emulation.aurora2(target, S3Server.shared())) {
            Dump.from(rootEndpoint(source)).schemas(s).to(store).compression(Compression.NONE).build().run();
            LoadException e = catchThrowableOfType(() -> Load.into(aurora.endpoint()).from(LoadSources.dump(store))
                    .method(LoadMethod.SERVER_SIDE).build().run(), LoadException.class);
            assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE);
            assertThat(e.diagnosis().render()).contains("lacks the LOAD FROM S3 privilege")
                    .contains("GRANT LOAD FROM S3 ON *.* TO '" + target.user() + "'@'%'").contains("Nothing was loaded");
            assertThat(serverRefuses(aurora, target.user(), target.password(), "LOAD DATA FROM S3 FILE 's3://" + BUCKET
                    + "/aurora2/" + s + "/data/" + s + "/t/t.000001.tsv' INTO TABLE " + s + ".t")).isEqualTo(1227);
        }
    }

    @Test
    void aCompressedDumpOrAStoreTheServerCannotReadIsRefusedAtBuild(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
        String s = source.createSchema("s3_zst");
        source.execute("CREATE TABLE " + s + ".t (id INT PRIMARY KEY)", "INSERT INTO " + s + ".t VALUES (1)");
        try (S3DumpStore store = s3.store(BUCKET).prefix("zst/" + s).build()) {
            Dump.from(rootEndpoint(source)).schemas(s).to(store).compression(Compression.ZSTD).build().run();
            assertThatThrownBy(() -> Load.into(endpoint(target)).from(LoadSources.dump(store))
                    .method(LoadMethod.SERVER_SIDE).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("uncompressed flat files only").hasMessageContaining("Compression.NONE");
        }
        java.nio.file.Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("dir-dump");
            var local = io.github.auroramigrate.core.store.DumpStores.directory(dir);
            Dump.from(rootEndpoint(source)).schemas(s).to(local).overwrite(true).compression(Compression.NONE).build().run();
            assertThatThrownBy(() -> Load.into(endpoint(target)).from(LoadSources.dump(local))
                    .method(LoadMethod.SERVER_SIDE).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not in a store the target can read itself");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(AuroraS3Emulation aurora, S3DumpStore store, String user, String what, String fix) {
        LoadException e = catchThrowableOfType(() -> Load.into(aurora.endpoint(user, "Loader-pw-1"))
                .from(LoadSources.dump(store)).method(LoadMethod.SERVER_SIDE).jobId("precheck").build().run(),
                LoadException.class);
        assertThat(e).as("the load must be refused: " + what).isNotNull();
        assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE);
        assertThat(e.diagnosis().render()).contains(what).contains(fix).contains("Nothing was loaded");
        assertThat(aurora.loads).as("nothing was read by the server").isEmpty();
    }

    /** @return the error number the emulated Aurora answers {@code sql} with, as {@code user} */
    private static int serverRefuses(AuroraS3Emulation aurora, String user, String sql) throws Exception {
        return serverRefuses(aurora, user, "Loader-pw-1", sql);
    }

    private static int serverRefuses(AuroraS3Emulation aurora, String user, String password, String sql) throws Exception {
        try (Connection c = aurora.endpoint(user, password).connect(); Statement st = c.createStatement()) {
            st.execute(sql);
            return 0;
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }
}
