package io.github.auroramigrate.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters tell what the migration did: a dump and a load of a real schema (with a re-run that skips every chunk)
 * and a replication that catches up, with the counters equal to the results' own figures and the lag gauges set;
 * the target equal to the source.
 */
@ExtendWith(TestServersExtension.class)
class MigrationMetricsIT {

    @Test
    void theMetersMatchWhatTheDumpTheLoadAndTheReplicationDid(@Server(ServerKind.MYSQL_80) TestServer src,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer tgt,
            @TempDir Path dir) throws Exception {
        String db = src.createSchema("metrics");
        src.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(100))",
                "INSERT /*+ SET_VAR(cte_max_recursion_depth = 30000) */ INTO " + db + ".t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                        + " SELECT i, REPEAT('x', 50) FROM n",
                "CREATE TABLE " + db + ".k (a INT, b VARCHAR(10))", "INSERT INTO " + db + ".k VALUES (1, 'd'), (1, 'd')",
                "ANALYZE TABLE " + db + ".t");
        tgt.execute("DROP DATABASE IF EXISTS " + db);
        Endpoint source = Endpoint.builder().host(src.host()).port(src.port()).user(src.rootUser())
                .password(src.rootPassword()).allowPublicKeyRetrieval(true).build();
        Endpoint target = Endpoint.builder().host(tgt.host()).port(tgt.port()).user(tgt.user()).password(tgt.password())
                .allowPublicKeyRetrieval(true).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MigrationMetrics metrics = MigrationMetrics.of(registry).tag("migration", "it").build();

        DumpResult dump = Dump.from(source).schemas(db).to(DumpStores.directory(dir)).chunkSize(DataSize.ofKilobytes(64))
                .threads(2).listener(metrics.dump()).build().run();
        assertThat(counter(registry, "aurora.migrate.dump.rows")).isEqualTo(dump.rows()).isEqualTo(20002);
        assertThat(counter(registry, "aurora.migrate.dump.chunks")).isEqualTo(dump.chunks()).isGreaterThan(3);
        assertThat(registry.get("aurora.migrate.dump.tables.done").tag("migration", "it").gauge().value()).isEqualTo(2);

        LoadResult load = Load.into(target).from(LoadSources.dump(DumpStores.directory(dir))).threads(2)
                .listener(metrics.load()).build().run();
        assertThat(registry.get("aurora.migrate.load.chunks").tag("result", "loaded").counter().count())
                .isEqualTo(load.chunksLoaded());
        assertThat(counter(registry, "aurora.migrate.load.rows")).isEqualTo(load.rowsLoaded()).isEqualTo(20002);
        assertThat(registry.get("aurora.migrate.load.chunk.duration").timer().count()).isEqualTo(load.chunksLoaded());
        LoadResult again = Load.into(target).from(LoadSources.dump(DumpStores.directory(dir))).listener(metrics.load())
                .build().run();
        assertThat(registry.get("aurora.migrate.load.chunks").tag("result", "skipped").counter().count())
                .isEqualTo(again.chunksSkipped()).isEqualTo(load.chunksLoaded());
        assertThat(registry.get("aurora.migrate.load.chunks.done").gauge().value()).isEqualTo(load.chunksLoaded());
        assertThat(registry.get("aurora.migrate.replication.lag.seconds").tag("measure", "heartbeat").gauge().value())
                .as("no replication yet").isNaN();

        src.execute("INSERT INTO " + db + ".t VALUES (20001, 'after the dump')");
        ReplicationUser user = ReplicationUser.create(source, "mrepl", "Repl-pw-1", target);
        try (Replication repl = Replication.of(target).source(source, user).startAt(dump.binlogPosition().orElseThrow())
                .heartbeat(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(100)).listener(metrics.replication())
                .build()) {
            repl.configure();
            repl.start();
            repl.awaitCaughtUp(Duration.ofSeconds(60));
            double lag = registry.get("aurora.migrate.replication.lag.seconds").tag("measure", "heartbeat").gauge().value();
            assertThat(lag).as("the heartbeat lag once caught up").isBetween(0.0, 30.0);
            assertThat(registry.get("aurora.migrate.replication.bytes.behind").gauge().value()).isEqualTo(0.0);
            repl.stop();
        }
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(src, db), SchemaSnapshot.of(tgt, db)).assertEqual();
    }

    private static double counter(SimpleMeterRegistry registry, String name) {
        return registry.get(name).tag("migration", "it").counter().count();
    }
}
