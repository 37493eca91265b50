package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Copy source to target with no files while another thread keeps inserting rows with increasing ids into the source
 * and logs the binlog position after each commit: the target holds exactly the rows committed up to the snapshot
 * coordinates the copy reports, and everything else equals the source (row counts and checksums). Memory is bounded
 * far below the data size.
 */
@ExtendWith(TestServersExtension.class)
class CopyIT {
    /** One logged commit of the writer. */
    record Commit(long id, BinlogPosition after) {
    }

    @Test
    void aCopyUnderWritesHoldsExactlyTheRowsCommittedUpToItsCoordinates(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "copy-target") TestServer target) throws Exception {
        String s = source.createSchema("copy");
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("CREATE TABLE " + q(s) + ".w (id BIGINT PRIMARY KEY, v VARCHAR(40))",
                "INSERT INTO " + q(s) + ".w SELECT id, CONCAT('initial ', id) FROM " + q(s) + ".t_pk",
                "ANALYZE TABLE " + q(s) + ".t_pk, " + q(s) + ".t_nopk, " + q(s) + ".w");
        List<Commit> log = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(source, s, log, stop, writerFailure), "copy-it-writer");
        writer.start();
        CopyResult r;
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (log.size() < 20 && System.nanoTime() < deadline && writerFailure.get() == null) {
                Thread.onSpinWait();
            }
            assertThat(log).as("writer running before the copy starts").hasSizeGreaterThanOrEqualTo(20);
            r = Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).threads(2)
                    .dump(d -> d.schemas(s).chunkSize(DataSize.ofKilobytes(32))).memoryLimit(DataSize.ofKilobytes(64))
                    .load(l -> l.verify(true)).build().run();
        } finally {
            stop.set(true);
            writer.join(30_000);
        }
        assertThat(writerFailure.get()).isNull();

        BinlogPosition at = r.binlogPosition().orElseThrow();
        long lastIncluded = log.stream().filter(c -> c.after().file().equals(at.file()) && c.after().position() <= at.position())
                .mapToLong(Commit::id).max().orElseThrow();
        assertThat(lastIncluded).isGreaterThanOrEqualTo(3020);
        assertThat(log.stream().mapToLong(Commit::id).max().orElseThrow()).isGreaterThan(lastIncluded);
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(s) + ".w")).isEqualTo(lastIncluded);
        assertThat(count(target, "SELECT MAX(id) FROM " + q(s) + ".w")).isEqualTo(lastIncluded);
        assertThat(checksum(target, s, lastIncluded)).isEqualTo(checksum(source, s, lastIncluded));
        for (String t : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
        }

        assertThat(r.load().verification()).hasValueSatisfying(v -> assertThat(v.ok()).as(v.summary()).isTrue());
        assertThat(r.load().chunksLoaded()).isEqualTo(r.dump().chunks()).isGreaterThan(6);
        assertThat(r.dump().dataBytes()).isGreaterThan(4 * 64 * 1024L);
        // complete chunks waiting for the loader: the limit plus what the two workers finish meanwhile
        assertThat(r.peakBuffered().toBytes()).isLessThanOrEqualTo(64 * 1024L + 2 * 2 * 32 * 1024L);
    }

    /**
     * A copy's own verification (against its streamed dump's manifest; the chunk files are gone by then, so nothing can
     * be re-checked from them) finds the torture schema equal: JSON documents holding decimals (which a text dump turns
     * into doubles on the target, as any logical dump does) are dumped as the target will hold them.
     */
    @Test
    void aCopysOwnVerificationFindsTheTortureSchemaEqual(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "copy-verify-target") TestServer target) {
        String s = "copy_verified";
        io.github.auroramigrate.testkit.fidelity.TortureSchema.create(source, s);
        target.execute("DROP DATABASE IF EXISTS " + s, "SET GLOBAL log_bin_trust_function_creators = 1");
        CopyResult r = Copy.from(TestEndpoints.root(source)).to(TestEndpoints.root(target)).threads(2)
                .dump(d -> d.schemas(s)).load(l -> l.verify(true)).build().run();
        assertThat(r.load().verification()).hasValueSatisfying(v -> assertThat(v.ok()).as("%s %s", v.summary(),
                v.differences()).isTrue());
        io.github.auroramigrate.testkit.fidelity.SchemaComparison.builder().build().diff(
                io.github.auroramigrate.testkit.fidelity.SchemaSnapshot.of(source, s),
                io.github.auroramigrate.testkit.fidelity.SchemaSnapshot.of(target, s)).assertEqual();
    }

    @Test
    void aCopyWithoutTargetOrSchemasIsRejected(@Server(ServerKind.MYSQL_80) TestServer source) {
        Endpoint e = TestEndpoints.of(source);
        assertThatThrownBy(() -> Copy.from(e).dump(d -> d.schemas("x")).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Copy.from(e).to(e).threads(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Copy.from(e).to(e).dump(d -> d.schemas("x").chunkSize(DataSize.ofMegabytes(2)))
                .memoryLimit(DataSize.ofMegabytes(1)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Copy.from(e).to(e).dump(d -> d.threads(-1)).build())
                .as("a dump option its builder refuses fails the copy's build").isInstanceOf(IllegalArgumentException.class);
    }

    private static void write(TestServer source, String s, List<Commit> log, AtomicBoolean stop,
            AtomicReference<Throwable> failure) {
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            for (long id = 3001; !stop.get(); id++) {
                st.executeUpdate("INSERT INTO " + q(s) + ".w VALUES (" + id + ", 'written " + id + "')"); // autocommit
                try (ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                    rs.next();
                    log.add(new Commit(id, new BinlogPosition(rs.getString(1), rs.getLong(2))));
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        }
    }

    private static String checksum(TestServer server, String s, long upTo) throws SQLException {
        try (Connection c = server.rootConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), BIT_XOR(CRC32(CONCAT_WS('#', id, v))), SUM(CRC32(CONCAT_WS('#', id, v))) "
                        + "FROM " + q(s) + ".w WHERE id <= " + upTo)) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3);
        }
    }
}
