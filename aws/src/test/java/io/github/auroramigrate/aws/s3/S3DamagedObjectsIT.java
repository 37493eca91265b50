package io.github.auroramigrate.aws.s3;

import static io.github.auroramigrate.aws.s3.S3TestServer.endpoint;
import static io.github.auroramigrate.aws.s3.S3TestServer.rootEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
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
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Objects damaged behind the dump's back in S3 - truncated, a flipped byte, deleted - are each named by the load with
 * its diagnosis, nothing of the damaged chunk is committed, and after the object is repaired the same load resumes and
 * ends with the target equal to the source (rows and objects, by the test oracle and by Verify).
 */
@ExtendWith(TestServersExtension.class)
class S3DamagedObjectsIT {
    private static final String BUCKET = "aurora-migrate-damage";

    @Test
    void eachDamageIsNamedNothingOfItIsCommittedAndTheRepairedDumpLoadsExactly(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        S3TestServer s3 = S3TestServer.shared(BUCKET);
        String s = "s3_damage";
        TortureSchema.create(source, s);
        target.execute("DROP DATABASE IF EXISTS " + s, "DROP DATABASE IF EXISTS aurora_migrate",
                "SET GLOBAL log_bin_trust_function_creators = 1");
        String prefix = "dumps/" + s;
        try (S3DumpStore store = s3.store(BUCKET).prefix(prefix).build(); S3AsyncClient raw = s3.client()) {
            DumpResult dump = Dump.from(endpoint(source)).schemas(s).to(store).threads(2).build().run();
            List<String> chunks = new ArrayList<>();
            for (String k : store.list("data/")) {
                if (store.size(k) > 64) {
                    chunks.add(k);
                }
            }
            assertThat(chunks).hasSizeGreaterThan(3);
            // three damages at once; each run fails on one of them (which one first depends on the threads), which
            // is then repaired, until the dump is whole again
            Map<String, byte[]> originals = new HashMap<>();
            Map<String, DiagnosisCode> expected = new HashMap<>();
            String truncated = chunks.get(0);
            originals.put(truncated, read(store, truncated));
            put(raw, prefix + "/" + truncated, Arrays.copyOf(originals.get(truncated), originals.get(truncated).length / 2));
            expected.put(truncated, DiagnosisCode.CORRUPT_FILE);
            String flipped = chunks.get(chunks.size() / 2);
            originals.put(flipped, read(store, flipped));
            byte[] bad = originals.get(flipped).clone();
            bad[bad.length / 2] ^= 0x20;
            put(raw, prefix + "/" + flipped, bad);
            expected.put(flipped, DiagnosisCode.CORRUPT_FILE);
            String deleted = chunks.get(chunks.size() - 1);
            originals.put(deleted, read(store, deleted));
            store.delete(deleted);
            expected.put(deleted, DiagnosisCode.FILE_NOT_FOUND);

            long total = 0;
            while (!expected.isEmpty()) {
                long before = rowsIn(target);
                LoadException e = catchThrowableOfType(() -> load(target, store), LoadException.class);
                assertThat(e).as("a load with damaged chunks %s left fails", expected.keySet()).isNotNull();
                String key = expected.keySet().stream().filter(k -> e.diagnosis().render().contains(file(k))).findFirst()
                        .orElseThrow(() -> new AssertionError("names none of " + expected.keySet() + ": "
                                + e.diagnosis().render()));
                assertThat(e.diagnosis().code()).as(e.diagnosis().render()).isEqualTo(expected.remove(key));
                for (String k : originals.keySet()) {
                    if (expected.containsKey(k) || k.equals(key)) {
                        assertThat(journaled(target, k)).as("damaged chunk %s is not in the journal", k).isZero();
                    }
                }
                put(raw, prefix + "/" + key, originals.get(key));
                total += rowsIn(target) - before;
            }

            LoadResult done = load(target, store);
            assertThat(total + done.rowsLoaded()).as("every row loaded once over the four runs").isEqualTo(dump.rows());
            assertThat(done.chunksSkipped()).as("the chunks committed before the repairs are not loaded again")
                    .isGreaterThan(0);
        }
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s)).assertEqual();
        VerifyResult v = Verify.between(rootEndpoint(source), rootEndpoint(target)).schemas(s)
                .transform(Transforms.stripDefiners()).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
    }

    private static String file(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static LoadResult load(TestServer target, S3DumpStore store) {
        return Load.into(endpoint(target)).from(LoadSources.dump(store)).threads(2).maxRetries(0)
                .transform(Transforms.stripDefiners()).build().run();
    }

    private static long rowsIn(TestServer target) {
        if (target.queryString("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'aurora_migrate'"
                + " AND TABLE_NAME = 'load_progress'").orElse("0").equals("0")) {
            return 0; // before the first load
        }
        return Long.parseLong(target.queryString("SELECT COALESCE(SUM(rows_loaded),0) FROM aurora_migrate.load_progress")
                .orElse("0"));
    }

    private static long journaled(TestServer target, String key) {
        return Long.parseLong(target.queryString("SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE chunk_id = '"
                + key + "'").orElse("0"));
    }

    private static byte[] read(S3DumpStore store, String key) throws Exception {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private static void put(S3AsyncClient raw, String key, byte[] bytes) {
        raw.putObject(r -> r.bucket(BUCKET).key(key), AsyncRequestBody.fromBytes(bytes)).join();
    }


}
