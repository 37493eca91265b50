package io.github.auroramigrate.plan.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Endpoints, the hostile schema, the exact comparisons, and the servers' replication state for plan tests. */
final class PlanFixtures {
    private static final Map<String, Boolean> PREPARED = new ConcurrentHashMap<>();

    private PlanFixtures() {
    }

    /** The endpoint of the account tests act as (root, or the Aurora-like master user). */
    static Endpoint endpoint(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .allowPublicKeyRetrieval(true).build();
    }

    /** The root endpoint. */
    static Endpoint root(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.rootUser()).password(s.rootPassword())
                .allowPublicKeyRetrieval(true).build();
    }

    /** A fresh torture schema (small) with the application's table on the source. */
    static String tortureSource(TestServer source, String prefix) {
        String db = source.createSchema(prefix);
        TortureSchema.builder().bigRows(600).largeValueBytes(64 * 1024).create(source, db);
        source.execute(App.ddl(db), "CREATE TABLE `" + db + "`.side (id INT PRIMARY KEY, note VARCHAR(40) NOT NULL)",
                "INSERT INTO `" + db + "`.side VALUES (1, 'one'), (2, 'two'), (7, 'seven')");
        return db;
    }

    /**
     * What an Aurora target's parameter group would say, applied as root: stored functions may be created by the
     * master user (log_bin_trust_function_creators=1); and, as the master user, binary logs kept a day (the rollback
     * window needs them).
     */
    static void prepareAuroraTarget(TestServer target) {
        PREPARED.computeIfAbsent(target.host() + ":" + target.port(), k -> {
            target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
            try (var c = target.connection(); var st = c.createStatement()) {
                st.execute("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return true;
        });
    }

    /** Asserts that the schema is the same on both servers: every object and row (the oracle) and by Verify. */
    static void assertSame(TestServer a, TestServer b, String db) {
        SchemaComparison.compare(SchemaSnapshot.of(a, db), SchemaSnapshot.of(b, db)).assertEqual();
        VerifyResult v = Verify.between(root(a), root(b)).schemas(db).transform(Transforms.stripDefiners()).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
    }

    /** Stops and forgets any replication a failed test left on the servers (as root). */
    static void resetReplication(TestServer... servers) {
        for (TestServer s : servers) {
            if (replicates(s)) {
                boolean v8 = s.version().startsWith("8");
                s.execute(v8 ? "STOP REPLICA" : "STOP SLAVE", v8 ? "RESET REPLICA ALL" : "RESET SLAVE ALL");
            }
        }
    }

    /**
     * In an open rollback window: the application wrote {@code writes} times to the target; paused, the old source
     * gets every one of them through reverse replication and equals the target exactly; then the application resumes.
     */
    static void assertWindowCarriesWrites(App app, TestServer source, TestServer target, String db, long writes)
            throws Exception {
        app.awaitWrites("target", writes, Duration.ofSeconds(30));
        app.pause();
        await(Duration.ofSeconds(30), "the target's writes on the old source",
                () -> appRows(source, db, "target") == appRows(target, db, "target"));
        assertThat(appRows(source, db, "target")).isEqualTo(app.writesTo("target"));
        assertSame(source, target, db);
        app.resume();
    }

    /** @return whether replication is configured on a server (as root) */
    static boolean replicates(TestServer s) {
        boolean v8 = s.version().startsWith("8");
        try (var c = s.rootConnection(); var st = c.createStatement();
                var rs = st.executeQuery(v8 ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS")) {
            return rs.next();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether the schema exists on a server */
    static boolean hasSchema(TestServer s, String db) {
        return s.queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db + "'")
                .orElse("0").equals("1");
    }

    /** @return rows of app_orders written by the app while it used {@code server} */
    static long appRows(TestServer s, String db, String server) {
        return Long.parseLong(s.queryString("SELECT COUNT(*) FROM `" + db + "`.app_orders WHERE server = '" + server + "'")
                .orElseThrow());
    }

    /** Polls until {@code check} holds. */
    static void await(Duration timeout, String what, java.util.function.BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
