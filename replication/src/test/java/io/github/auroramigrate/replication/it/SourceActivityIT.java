package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.replication.SourceActivity;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a cut-over guardrail reads on the source: an open write transaction (with its connection id, age and rows), a
 * read-only transaction told apart from it, and a DDL waiting for the metadata lock the transaction holds - then
 * nothing in flight once the transaction commits and the DDL has run.
 */
@ExtendWith(TestServersExtension.class)
class SourceActivityIT {

    @Test
    void mysql80(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer server) throws Exception {
        seesTransactionsAndDdl(server);
    }

    @Test
    void mysql57(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer server) throws Exception {
        seesTransactionsAndDdl(server);
    }

    static void seesTransactionsAndDdl(TestServer server) throws Exception {
        String db = server.createSchema("activity");
        server.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT)", "INSERT INTO `" + db + "`.t VALUES (1, 1), (2, 2)");
        var source = Fixtures.rootEndpoint(server);
        assertThat(SourceActivity.read(source).writing()).as("nothing of ours in flight yet").noneMatch(t ->
                t.statement().contains(db));
        try (Connection writer = server.rootConnection(); Connection reader = server.rootConnection();
                Connection ddl = server.rootConnection()) {
            long writerId = connectionId(writer);
            long readerId = connectionId(reader);
            long ddlId = connectionId(ddl);
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                st.executeUpdate("UPDATE `" + db + "`.t SET v = v + 1 WHERE id = 1");
            }
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + db + "`.t")) {
                rs.next();
            }
            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
                try (Statement st = ddl.createStatement()) {
                    st.execute("ALTER TABLE `" + db + "`.t ADD COLUMN w INT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            SourceActivity a = await(source, Duration.ofSeconds(20), s -> s.ddl().stream().anyMatch(d -> d.connectionId() == ddlId)
                    && s.transactions().stream().anyMatch(t -> t.connectionId() == writerId && t.age().toSeconds() >= 1));
            SourceActivity.OpenTransaction w = a.transactions().stream().filter(t -> t.connectionId() == writerId)
                    .findFirst().orElseThrow();
            assertThat(w.writes()).isTrue();
            assertThat(w.rowsModified()).isEqualTo(1);
            assertThat(w.user()).isEqualTo("root");
            assertThat(a.writingLongerThan(Duration.ZERO)).contains(w);
            assertThat(a.writingLongerThan(Duration.ofHours(1))).doesNotContain(w);
            assertThat(a.transactions()).filteredOn(t -> t.connectionId() == readerId)
                    .allSatisfy(t -> assertThat(t.writes()).as("a consistent read writes nothing").isFalse());
            assertThat(a.writing()).noneMatch(t -> t.connectionId() == readerId);
            SourceActivity.RunningStatement d = a.ddl().stream().filter(x -> x.connectionId() == ddlId).findFirst().orElseThrow();
            assertThat(d.statement()).startsWith("ALTER TABLE");
            assertThat(d.state()).containsIgnoringCase("metadata lock");
            assertThat(a.describe()).contains("connection " + writerId, "ALTER TABLE");
            writer.commit();
            reader.commit();
            alter.get();
            SourceActivity after = await(source, Duration.ofSeconds(20), s -> s.ddl().isEmpty()
                    && s.transactions().stream().noneMatch(t -> t.connectionId() == writerId || t.connectionId() == readerId));
            assertThat(after.writing()).noneMatch(t -> t.connectionId() == writerId);
        }
    }

    static SourceActivity await(io.github.auroramigrate.core.endpoint.Endpoint source, Duration timeout,
            Predicate<SourceActivity> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SourceActivity a = SourceActivity.read(source);
        while (!condition.test(a)) {
            assertThat(System.nanoTime()).as("condition not met within %s; last: %s", timeout, a).isLessThan(deadline);
            Fixtures.sleep(100);
            a = SourceActivity.read(source);
        }
        return a;
    }

    static long connectionId(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
