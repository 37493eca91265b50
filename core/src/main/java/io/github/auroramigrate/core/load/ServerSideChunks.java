package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.store.ServerSideRead;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The chunks of one load that the target reads itself ({@link LoadMethod#SERVER_SIDE}): which chunks can be, the
 * target's own check that it can, the statement per chunk, and the cross-check of what was committed against the
 * server's record. Thread-safe: chunk loads on worker threads record their committed files concurrently.
 */
final class ServerSideChunks {
    private final ServerSideRead read;
    private final String endpoint;
    private final Queue<String> committed = new ConcurrentLinkedQueue<>();

    private ServerSideChunks(ServerSideRead read, String endpoint) {
        this.read = read;
        this.endpoint = endpoint;
    }

    /**
     * @return the server-side reads of {@code source}, every chunk known so far checked to be readable by the server
     * @throws LoadException SERVER_SIDE_LOAD_UNAVAILABLE when the source's store offers none or a chunk cannot be read so
     */
    static ServerSideChunks of(LoadSource source, String endpoint) {
        ServerSideRead read = source.serverSideRead().orElseThrow(() -> new LoadException(Diagnosis.of(
                DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, source + " is not in a store the target can read itself: "
                        + "LoadMethod.SERVER_SIDE needs a dump in S3 (aws module, S3DumpStore) loaded into Aurora MySQL")
                .withEndpoint(endpoint), null, null, null));
        ServerSideChunks chunks = new ServerSideChunks(read, endpoint);
        source.chunks().forEach(chunks::key);
        return chunks;
    }

    /**
     * Runs the store's own check of the target (privileges, roles, cluster settings) on a connection of the load.
     *
     * @throws LoadException SERVER_SIDE_LOAD_UNAVAILABLE naming every problem found and its fix
     */
    void check(Connection c) throws SQLException {
        List<Diagnosis> problems = read.check(c);
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder what = new StringBuilder(read.describe()).append(" cannot run on ").append(endpoint).append(':');
        StringBuilder fix = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            what.append(" (").append(i + 1).append(") ").append(problems.get(i).message());
            fix.append(i == 0 ? "" : " ").append('(').append(i + 1).append(") ").append(problems.get(i).remedy());
        }
        throw new LoadException(new Diagnosis(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, 0, "", what
                + ". Nothing was loaded.", endpoint, null, fix + " Or load through the client with LoadMethod.AUTO."),
                null, null, null);
    }

    /**
     * Has the server read the chunk's file into {@code table} (schema and table quoted) inside the caller's transaction.
     *
     * @return the rows the server loaded
     */
    long load(Connection c, ChunkSource chunk, String table) throws SQLException, IOException {
        String key = key(chunk);
        chunk.checkServerSideFile();
        try (Statement st = c.createStatement()) {
            st.execute("LOAD DATA " + read.loadDataSource(key) + " INTO TABLE " + table + " " + chunk.loadDataOptions()
                    + " " + chunk.loadDataColumns());
            return st.getUpdateCount();
        } catch (SQLException e) {
            Optional<Diagnosis> d = read.diagnose(e);
            if (d.isPresent()) {
                throw new LoadException(d.get().withEndpoint(endpoint), chunk.qualifiedTable(), chunk.id(), e);
            }
            throw e;
        }
    }

    /** Records a chunk whose rows and journal row this run committed, for {@link #crossCheck}. */
    void committed(ChunkSource chunk) {
        committed.add(key(chunk));
    }

    /** @return the disagreements between what this run committed and the server's own record of its reads */
    List<Diagnosis> crossCheck(Connection c) throws SQLException {
        return committed.isEmpty() ? List.of() : read.crossCheck(c, new ArrayList<>(committed));
    }

    private String key(ChunkSource chunk) {
        return chunk.serverSideFile().orElseThrow(() -> new LoadException(Diagnosis.of(
                DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, "chunk " + chunk.id() + " of " + chunk.qualifiedTable()
                        + " cannot be read by " + read.describe() + ": the server reads uncompressed flat files only "
                        + "(Aurora cannot read compressed files); nothing was loaded by this method")
                .withEndpoint(endpoint).withAdvice("Dump with format(DumpFormat.FLAT) and compression(Compression.NONE) "
                        + "for a server-side load."), chunk.qualifiedTable(), chunk.id(), null));
    }
}
