package io.github.auroramigrate.core.store;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * How a target server reads a store's files by itself, with no byte passing through the loading client: Aurora
 * MySQL's {@code LOAD DATA FROM S3} for a dump in S3 (the {@code aws} module's S3 store offers it). A store that
 * offers it returns one from {@link DumpStore#serverSideRead()}; a load asks for it with
 * {@code Load.Builder.method(LoadMethod.SERVER_SIDE)}.
 *
 * <pre>{@code
 * // what a load does with it, per chunk file of an uncompressed flat dump:
 * String sql = "LOAD DATA " + read.loadDataSource("data/shop/t/t.000001.tsv") + " INTO TABLE `shop`.`t` ...";
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ServerSideRead {

    /** @return what reads what, for messages, e.g. {@code Aurora LOAD DATA FROM S3 of s3://bucket/dumps/shop} */
    String describe();

    /**
     * @param key a file of the store
     * @return what follows {@code LOAD DATA} and precedes {@code INTO TABLE} to have the server read that file, e.g.
     *         {@code FROM S3 FILE 's3-eu-west-1://bucket/dumps/shop/data/shop/t/t.000001.tsv'}
     */
    String loadDataSource(String key);

    /**
     * Checks, on a connection of the loading account, everything the target needs to read the files itself: the
     * right server, privileges or roles active in the session, cluster settings. Runs before anything is loaded.
     *
     * @return what is missing, each with the exact statement or console step that fixes it; empty when nothing is
     * @throws SQLException when the checks cannot be run at all
     */
    List<Diagnosis> check(Connection target) throws SQLException;

    /**
     * A server error of a server-side read explained better than the generic catalogue can (e.g. Aurora's "S3 API
     * returned error"); default: none, the catalogue's diagnosis is used.
     */
    default Optional<Diagnosis> diagnose(SQLException e) {
        return Optional.empty();
    }

    /**
     * After the load: compares what the load journaled as read by the server with the server's own record of it, where
     * the server keeps one (Aurora: {@code mysql.aurora_s3_load_history}). The load's journal decides what is loaded;
     * this only reports disagreement.
     *
     * @param keys the files the server read in this run, committed
     * @return disagreements as warnings; empty when the record agrees or does not exist
     * @throws SQLException when the record exists but cannot be read
     */
    default List<Diagnosis> crossCheck(Connection target, List<String> keys) throws SQLException {
        return List.of();
    }
}
