package io.github.auroramigrate.aws.s3;

import static io.github.auroramigrate.aws.s3.S3TestServer.endpoint;
import static io.github.auroramigrate.aws.s3.S3TestServer.rootEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.store.StoreOutputStream;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 dump store against a real S3-compatible server (S3Mock, a separate JVM): the store's contract (a file
 * appears only when closed, an aborted one never, missing objects and buckets diagnosed), {@code DumpStores.of} for
 * {@code s3://} URIs, and a dump of the torture schema to S3 loaded from S3 into an Aurora-like 3 target, EQUAL by the
 * test oracle and by Verify.
 */
@ExtendWith(TestServersExtension.class)
class S3DumpStoreIT {
    private static final String BUCKET = "aurora-migrate-it";
    private static S3TestServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3TestServer.shared(BUCKET);
    }

    @Test
    void aFileAppearsOnlyWhenClosedAndAnAbortedOneNever() throws Exception {
        try (S3DumpStore store = s3.store(BUCKET).prefix("contract/").build()) {
            assertThat(store.describe()).isEqualTo("s3://" + BUCKET + "/contract");
            byte[] big = new byte[20 << 20]; // several 8 MiB parts
            new Random(7).nextBytes(big);
            StoreOutputStream out = store.create("data/big.bin");
            out.write(big, 0, 12 << 20);
            assertThat(store.exists("data/big.bin")).as("not visible while being written").isFalse();
            out.write(big, 12 << 20, big.length - (12 << 20));
            out.close();
            assertThat(store.size("data/big.bin")).isEqualTo(big.length);
            try (InputStream in = store.open("data/big.bin")) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(big));
            }

            StoreOutputStream aborted = store.create("data/aborted.bin");
            aborted.write(big, 0, 9 << 20);
            aborted.abort();
            assertThat(store.exists("data/aborted.bin")).isFalse();

            store.put("manifest.json", "{}".getBytes());
            store.put("manifest.json", "{\"v\":2}".getBytes()); // replaced whole
            try (InputStream in = store.open("manifest.json")) {
                assertThat(new String(in.readAllBytes())).isEqualTo("{\"v\":2}");
            }
            assertThat(store.list("")).containsExactly("data/big.bin", "manifest.json");
            assertThat(store.list("data/")).containsExactly("data/big.bin");
            store.delete("data/big.bin");
            store.delete("data/never-was.bin");
            assertThat(store.list("")).containsExactly("manifest.json");
            assertThatThrownBy(() -> store.open("data/big.bin")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("s3://" + BUCKET + "/contract/data/big.bin");
            assertThatThrownBy(() -> store.size("nope")).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void anUploadACrashedWriterLeftIsAbortedBeforeTheNextWriteAndSaidWhich() throws Exception {
        String prefix = "orphans/";
        try (S3AsyncClient raw = s3.client()) {
            // what a writer killed mid-file leaves: a multipart upload with a part, never completed
            String orphan = startUpload(raw, prefix + "data/half.bin");
            try (S3DumpStore store = s3.store(BUCKET).prefix(prefix).abortOrphanedUploads(false).build()) {
                StoreOutputStream mine = store.create("data/mine.bin");
                mine.write(new byte[9 << 20]); // a part is sent: the upload exists on the server
                assertThat(store.abortOrphanedUploads()).as("the orphan, not this store's own upload in progress")
                        .containsExactly("data/half.bin");
                mine.close();
                assertThat(store.list("")).containsExactly("data/mine.bin");
            }
            assertThat(uploads(raw, prefix)).doesNotContain(orphan);

            String second = startUpload(raw, prefix + "data/half2.bin");
            try (S3DumpStore store = s3.store(BUCKET).prefix(prefix).build()) {
                store.put("manifest.json", "{}".getBytes()); // a whole-file write does not look
                assertThat(uploads(raw, prefix)).contains(second);
                store.create("data/next.bin").close();        // the first streamed one does
                assertThat(uploads(raw, prefix)).doesNotContain(second);
                assertThat(store.list("")).doesNotContain("data/half2.bin");
            }
        }
    }

    private static String startUpload(S3AsyncClient raw, String key) {
        String id = raw.createMultipartUpload(r -> r.bucket(BUCKET).key(key)).join().uploadId();
        raw.uploadPart(r -> r.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                AsyncRequestBody.fromBytes(new byte[5 << 20])).join();
        return id;
    }

    private static List<String> uploads(S3AsyncClient raw, String prefix) {
        return raw.listMultipartUploads(r -> r.bucket(BUCKET).prefix(prefix)).join().uploads().stream()
                .map(MultipartUpload::uploadId).toList();
    }

    @Test
    void aMissingBucketIsSaidSo() {
        try (S3DumpStore store = s3.store("no-such-bucket-here").build()) {
            assertThatThrownBy(() -> store.put("x", new byte[1])).isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-bucket-here").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> store.list("")).isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void badConfigurationFailsAtBuild() {
        assertThatThrownBy(() -> S3DumpStore.of("Bad_Bucket").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad_Bucket");
        assertThatThrownBy(() -> S3DumpStore.of("ok-bucket").prefix("a/../b").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3DumpStore.of("ok-bucket").partSize(io.github.auroramigrate.core.DataSize.ofMegabytes(1))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 MiB");
    }

    @Test
    void anS3UriFindsThisStoreThroughCoreAndNeverTakesCredentials() throws Exception {
        String uri = "s3://" + BUCKET + "/by-uri/shop?region=us-east-1&pathStyle=true&endpoint=" + s3.endpoint();
        String[] keys = {"aws.accessKeyId", "aws.secretAccessKey"};
        System.setProperty(keys[0], "test");
        System.setProperty(keys[1], "test");
        try (DumpStore store = DumpStores.of(URI.create(uri))) {
            assertThat(store).isInstanceOf(S3DumpStore.class);
            assertThat(store.describe()).isEqualTo("s3://" + BUCKET + "/by-uri/shop");
            store.put("hello.txt", "hi".getBytes());
            assertThat(store.list("")).containsExactly("hello.txt");
        } finally {
            System.clearProperty(keys[0]);
            System.clearProperty(keys[1]);
        }
        assertThatThrownBy(() -> DumpStores.of(URI.create("s3://" + BUCKET + "/x?secretKey=hunter2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretkey")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aDumpToS3LoadsFromS3IntoAuroraLike3Exactly(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        String s = "s3_torture";
        TortureSchema.create(source, s);
        target.execute("DROP DATABASE IF EXISTS " + s);
        // what the handbook sets in the cluster's parameter group before routines can be created without SUPER
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        try (S3DumpStore store = s3.store(BUCKET).prefix("dumps/" + s).build()) {
            DumpResult dump = Dump.from(endpoint(source)).schemas(s).to(store).threads(2).build().run();
            assertThat(store.list("").stream().filter(k -> k.startsWith("data/"))).hasSizeGreaterThan(5);

            // Aurora's master user has no SUPER: definers go, as the pre-check would advise
            LoadResult load = Load.into(endpoint(target)).from(LoadSources.dump(store)).threads(2)
                    .transform(Transforms.stripDefiners()).verify(true).build().run();

            assertThat(load.rowsLoaded()).isEqualTo(dump.rows());
            assertThat(load.verification().orElseThrow().ok()).as("%s", load.verification()).isTrue();
        }
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s)).assertEqual();
        VerifyResult v = Verify.between(rootEndpoint(source), rootEndpoint(target)).schemas(s)
                .transform(Transforms.stripDefiners()).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
        assertThat(v.objectDifferences()).isEmpty();
    }



    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
