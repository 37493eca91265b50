package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.format.FlatRowReader;
import com.mysql.cj.jdbc.JdbcStatement;
import com.zaxxer.hikari.HikariDataSource;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.StatementReader;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one chunk exactly once: in one transaction, check the journal, send the rows, insert the journal row,
 * commit. A failed attempt is rolled back (and its connection discarded) before a retry, so a retried chunk is never
 * doubled; only retryable diagnoses (lost connection, deadlock, lock wait timeout) are retried. Thread-safe: each
 * call borrows its own connection from the pool.
 */
final class ChunkLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkLoader.class);
    private static final int MAX_PARAMS = 60_000;
    private static final long MAX_BATCH_BYTES = 1L << 20;

    /** What happened to a chunk. */
    record Outcome(ChunkSource chunk, boolean skipped, long rows, Duration elapsed, int attempts) {
    }

    private final EndpointPool pool;
    private final LoadJournal journal;
    private final java.util.function.UnaryOperator<String> schemaOf;
    private final LoadMethod method;
    private final String endpoint;
    private final RetryPolicy<Outcome> retry;
    private final ServerSideChunks serverSide;

    /**
     * @param method  LOAD_DATA_LOCAL or INSERT (AUTO is resolved by the caller)
     * @param onRetry told about each retry, with the diagnosis of the failed attempt
     */
    ChunkLoader(EndpointPool pool, LoadJournal journal, LoadMethod method, int maxRetries, Duration firstBackoff,
            BiConsumer<ChunkSource, Diagnosis> onRetry, ThreadLocal<ChunkSource> current) {
        this(pool, journal, method, maxRetries, firstBackoff, onRetry, current, java.util.function.UnaryOperator.identity(),
                null);
    }

    /**
     * @param schemaOf   the target schema of a source schema (a load's renameSchema transform), identity otherwise
     * @param serverSide the chunks' server-side reads for {@link LoadMethod#SERVER_SIDE}, else null
     */
    ChunkLoader(EndpointPool pool, LoadJournal journal, LoadMethod method, int maxRetries, Duration firstBackoff,
            BiConsumer<ChunkSource, Diagnosis> onRetry, ThreadLocal<ChunkSource> current,
            java.util.function.UnaryOperator<String> schemaOf, ServerSideChunks serverSide) {
        if (method == LoadMethod.SERVER_SIDE && serverSide == null) {
            throw new IllegalArgumentException("SERVER_SIDE needs the chunks' server-side reads");
        }
        this.serverSide = serverSide;
        this.schemaOf = schemaOf;
        this.pool = pool;
        this.journal = journal;
        this.method = method;
        this.endpoint = pool.endpoint().describe();
        this.retry = RetryPolicy.<Outcome>builder()
                .handleIf(e -> e instanceof MigrationException me && me.diagnosis().isRetryable())
                .withBackoff(firstBackoff, firstBackoff.multipliedBy(25))
                .withMaxRetries(maxRetries)
                .onRetry(ev -> {
                    ChunkSource c = current.get();
                    Diagnosis d = ((MigrationException) ev.getLastException()).diagnosis();
                    LOG.warn("{}: retrying chunk {} (attempt {}) after {}", journal.jobId(), c == null ? "?" : c.id(),
                            ev.getAttemptCount() + 1, d.code());
                    if (c != null) {
                        onRetry.accept(c, d);
                    }
                })
                .build();
        this.current = current;
    }

    private final ThreadLocal<ChunkSource> current;

    /**
     * Loads the chunk, with retries.
     *
     * @throws LoadException when it cannot be loaded; nothing of it is committed then
     */
    Outcome load(ChunkSource chunk) {
        long start = System.nanoTime();
        int[] attempts = {0};
        current.set(chunk);
        try {
            Outcome o = Failsafe.with(retry).get(() -> {
                attempts[0]++;
                return attempt(chunk);
            });
            return new Outcome(chunk, o.skipped(), o.rows(), Duration.ofNanos(System.nanoTime() - start), attempts[0]);
        } finally {
            current.remove();
        }
    }

    private Outcome attempt(ChunkSource chunk) {
        Connection c = pool.connection();
        boolean clean = false;
        try {
            SessionSettings previous = SessionSettings.apply(c);
            c.setAutoCommit(false);
            Outcome outcome = inTransaction(c, chunk);
            c.setAutoCommit(true);
            previous.restore(c);
            clean = true;
            return outcome;
        } catch (Exception e) {
            rollbackQuietly(c);
            throw toLoadException(e, chunk);
        } finally {
            if (!clean) {
                evict(c);
            }
            closeQuietly(c);
        }
    }

    private Outcome inTransaction(Connection c, ChunkSource chunk) throws SQLException, IOException {
        if (journal.isLoaded(c, chunk.id())) {
            c.rollback();
            LOG.debug("{}: chunk {} already loaded, skipped", journal.jobId(), chunk.id());
            return new Outcome(chunk, true, 0, Duration.ZERO, 1);
        }
        long rows = chunk.format() == ChunkFormat.SQL ? sql(c, chunk)
                : method == LoadMethod.INSERT ? insert(c, chunk)
                : method == LoadMethod.SERVER_SIDE ? serverSide.load(c, chunk, targetTable(chunk)) : loadData(c, chunk);
        if (chunk.expectedRows().isPresent() && chunk.expectedRows().getAsLong() != rows) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "chunk " + chunk.id() + " of "
                    + chunk.qualifiedTable() + " loaded " + rows + " rows, the manifest says " + chunk.expectedRows().getAsLong()
                    + "; rolled back").withEndpoint(endpoint), chunk.qualifiedTable(), chunk.id(), null);
        }
        try {
            journal.record(c, chunk.id(), chunk.qualifiedTable(), rows, chunk.checksum());
        } catch (SQLException e) {
            if (e.getErrorCode() == 1062) {
                // Another loader of the same job committed this chunk meanwhile: ours must not count twice.
                c.rollback();
                LOG.info("{}: chunk {} was committed by another loader meanwhile; rolled back ours", journal.jobId(), chunk.id());
                return new Outcome(chunk, true, 0, Duration.ZERO, 1);
            }
            LoadException privilege = LoadJournal.privilegeFailure(e, endpoint);
            if (privilege != null) {
                throw privilege;
            }
            throw e;
        }
        c.commit();
        if (method == LoadMethod.SERVER_SIDE) {
            serverSide.committed(chunk);
        }
        return new Outcome(chunk, false, rows, Duration.ZERO, 1);
    }

    private long loadData(Connection c, ChunkSource chunk) throws SQLException, IOException {
        LocalInfileStream in = new LocalInfileStream(chunk.open());
        try (Statement st = c.createStatement()) {
            JdbcStatement js = st.unwrap(JdbcStatement.class);
            js.setLocalInfileInputStream(in);
            try {
                st.execute("LOAD DATA LOCAL INFILE 'chunk' INTO TABLE " + targetTable(chunk) + " " + chunk.loadDataOptions()
                        + " " + chunk.loadDataColumns());
                long rows = st.getUpdateCount();
                if (!in.atEnd()) {
                    throw new IOException("the driver stopped reading the chunk before its end");
                }
                return rows;
            } catch (SQLException e) {
                if (in.failure() != null) {
                    throw in.failure();
                }
                throw e;
            } finally {
                clearStream(js);
            }
        } finally {
            in.closeQuietly();
        }
        // A stream failure inside the driver leaves the server waiting for data: the caller evicts the connection.
    }

    private static void clearStream(JdbcStatement js) {
        try {
            js.setLocalInfileInputStream(null);
        } catch (RuntimeException e) {
            // The session is gone (killed or closed): nothing holds the stream any more.
            LOG.debug("clearing the LOCAL INFILE stream failed: {}", e.toString());
        }
    }

    private long insert(Connection c, ChunkSource chunk) throws SQLException, IOException {
        try (InputStream in = chunk.open()) {
            FlatRowReader reader = new FlatRowReader(in);
            String head = "INSERT INTO " + targetTable(chunk) + columnList(chunk) + " VALUES ";
            List<String> exprs = chunk.insertExpressions();
            List<List<byte[]>> batch = new ArrayList<>();
            long bytes = 0;
            long rows = 0;
            int width = -1;
            for (List<byte[]> row = reader.next(); row != null; row = reader.next()) {
                if (width < 0) {
                    width = row.size();
                } else if (row.size() != width) {
                    throw new IOException("row " + (rows + batch.size() + 1) + " has " + row.size() + " fields, the first had " + width);
                }
                batch.add(row);
                for (byte[] f : row) {
                    bytes += f == null ? 4 : f.length + 2;
                }
                if ((batch.size() + 1) * width > MAX_PARAMS || bytes > MAX_BATCH_BYTES) {
                    rows += flush(c, head, batch, width, exprs);
                    bytes = 0;
                }
            }
            rows += flush(c, head, batch, width, exprs);
            return rows;
        }
    }

    private static long flush(Connection c, String head, List<List<byte[]>> batch, int width, List<String> exprs)
            throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        if (!exprs.isEmpty() && exprs.size() != width) {
            throw new SQLException("rows have " + width + " fields, the chunk declares " + exprs.size() + " columns");
        }
        String tuple = "(" + (exprs.isEmpty() ? String.join(",", Collections.nCopies(width, "?")) : String.join(",", exprs)) + ")";
        String sql = head + String.join(",", Collections.nCopies(batch.size(), tuple));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (List<byte[]> row : batch) {
                for (byte[] f : row) {
                    if (f == null) {
                        ps.setNull(i++, Types.NULL);
                    } else if (isAscii(f)) {
                        // Numbers and dates are ASCII; as a string they convert like LOAD DATA text does.
                        ps.setString(i++, new String(f, StandardCharsets.US_ASCII));
                    } else {
                        // Other bytes go as a hex literal, stored unchanged as LOAD DATA ... CHARACTER SET binary would
                        // (a hex literal would be a number in a numeric column: hence only for non-ASCII values).
                        ps.setBytes(i++, f);
                    }
                }
            }
            ps.executeUpdate();
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    private long sql(Connection c, ChunkSource chunk) throws SQLException, IOException {
        long rows = 0;
        try (InputStream in = chunk.open();
                StatementReader reader = StatementReader.of(in, chunk.id(), SqlFileSource.BYTES);
                Statement st = c.createStatement()) {
            st.execute("USE " + quote(schemaOf.apply(chunk.schema())));
            // read byte for byte, decoded in the character set the file declares (mydumper: SET NAMES binary)
            io.github.auroramigrate.core.transform.TransformSession charset =
                    io.github.auroramigrate.core.transform.TransformSession.open(new FileCharset(), chunk.id());
            for (io.github.auroramigrate.core.sql.Statement raw = reader.read(); raw != null; raw = reader.read()) {
                for (io.github.auroramigrate.core.sql.Statement s : charset.apply(raw)) {
                    try {
                        rows += st.executeUpdate(s.text());
                    } catch (SQLException e) {
                        throw new LoadException(ErrorCatalog.diagnose(e, endpoint).withLocation(s.location()),
                                chunk.qualifiedTable(), chunk.id(), e);
                    }
                }
            }
            in.transferTo(OutputStream.nullOutputStream());
            st.execute("SET NAMES utf8mb4"); // files from other tools switch it (mydumper: SET NAMES binary)
        } catch (MigrationException e) {
            if (e instanceof LoadException le) {
                throw le;
            }
            throw new IOException(e.getMessage(), e); // the splitter found the file cut or undecodable
        }
        return rows;
    }

    private static boolean isAscii(byte[] f) {
        for (byte b : f) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String columnList(ChunkSource chunk) {
        return chunk.columns().isEmpty() ? ""
                : chunk.columns().stream().map(ChunkLoader::quote).collect(Collectors.joining(", ", " (", ")"));
    }

    /** @return the chunk's table on the target, quoted, in its (possibly renamed) schema */
    private String targetTable(ChunkSource chunk) {
        return quote(schemaOf.apply(chunk.schema())) + "." + quote(chunk.table());
    }

    static String quote(String identifier) {
        return io.github.auroramigrate.core.sql.SqlText.quoteIdentifier(identifier);
    }

    private LoadException toLoadException(Exception e, ChunkSource chunk) {
        if (e instanceof LoadException le) {
            return le;
        }
        Diagnosis d;
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            d = Diagnosis.of(DiagnosisCode.FILE_NOT_FOUND, "chunk " + chunk.id() + " of " + chunk.qualifiedTable()
                    + ": its file is not in the store (" + missing.getFile() + "); nothing of it was committed")
                    .withEndpoint(endpoint).withAdvice("Put the file back (or dump again) and run the load again: it "
                            + "resumes with this chunk.");
        } else if (e instanceof IOException) {
            d = Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "chunk " + chunk.id() + " of " + chunk.qualifiedTable()
                    + " could not be read: " + e.getMessage() + "; nothing of it was committed").withEndpoint(endpoint);
        } else {
            d = ErrorCatalog.diagnose(e, endpoint);
        }
        return new LoadException(d, chunk.qualifiedTable(), chunk.id(), e);
    }

    private void evict(Connection c) {
        try {
            pool.dataSource().unwrap(HikariDataSource.class).evictConnection(c);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{}: could not evict a connection: {}", journal.jobId(), e.toString());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("rollback failed (the connection is discarded): {}", e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
