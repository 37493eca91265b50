package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-check of differing ranges of a {@link Verify}: the rows of both sides (or of the dump's chunk files) compared
 * value by value, type-aware, on connections of its own that read raw bytes; opened lazily, closed with it.
 */
final class Rechecks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rechecks.class);

    private final Endpoint source;
    private final Endpoint target;
    private final DumpStore store;
    private final int chunkRows;
    private Connection onSource;
    private Connection onTarget;

    /** @param source the source server, or null when verifying against a dump's {@code store} */
    Rechecks(Endpoint source, Endpoint target, DumpStore store, int chunkRows) {
        this.source = source;
        this.target = target;
        this.store = store;
        this.chunkRows = chunkRows;
    }

    private Connection open(Endpoint e) throws SQLException {
        Connection c = e.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
            st.execute("SET character_set_results = binary");
        }
        return c;
    }

    /** @return the difference with the rows that differ, or empty when every value is equal by type */
    Optional<Difference> between(String sourceSchema, List<ColumnEntry> cols, List<ColumnEntry> targetCols,
            List<KeyColumn> key, Difference d) {
        try {
            if (onSource == null) {
                onSource = open(source);
            }
            if (onTarget == null) {
                onTarget = open(target);
            }
            RowRecheck check = new RowRecheck(cols, targetCols, key.stream().map(KeyColumn::name).toList(), chunkRows);
            try (RowRecheck.Rows e = RowRecheck.query(onSource, sourceSchema, d.table(), cols, d.range());
                    RowRecheck.Rows a = RowRecheck.query(onTarget, d.schema(), d.table(), cols, d.range())) {
                return outcome(d, check.compare(e, a));
            }
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, target.describe(), false);
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.UNKNOWN, "re-checking " + d.table() + ": " + e), e);
        }
    }

    /** Re-checks against the dump's chunk files; the difference as it is when they cannot be read. */
    Optional<Difference> fromDump(TableEntry te, List<ColumnEntry> targetCols, List<ChunkEntry> chunks, Difference d,
            String predicate) {
        try {
            for (ChunkEntry c : chunks) {
                if (c.file().contains(".sql") || !store.exists(c.file())) {
                    LOG.info("verify: {}.{} range {} differs and cannot be re-checked: chunk {} is {}", d.schema(),
                            d.table(), d.range(), c.file(), c.file().contains(".sql") ? "in SQL format" : "gone");
                    return Optional.of(d);
                }
            }
            if (onTarget == null) {
                onTarget = open(target);
            }
            List<String> key = te.chunking().key().stream().map(KeyColumn::name).toList();
            RowRecheck check = new RowRecheck(te.columns(), targetCols, key, chunkRows);
            try (RowRecheck.Rows e = RowRecheck.chunks(store, te, chunks);
                    RowRecheck.Rows a = RowRecheck.query(onTarget, d.schema(), d.table(), te.columns(), predicate)) {
                return outcome(d, check.compare(e, a));
            }
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, target.describe(), false);
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot re-check " + d.schema() + "."
                    + d.table() + " from the dump in " + store.describe() + ": " + e.getMessage()), e);
        }
    }

    private Optional<Difference> outcome(Difference d, RowRecheck.Outcome o) {
        if (!o.differs()) {
            LOG.info("verify: {}.{} range {}: checksums differ, values are equal by type (re-checked {} rows)",
                    d.schema(), d.table(), d.range(), o.actualRows());
            return Optional.empty();
        }
        return Optional.of(new Difference(d.kind(), d.schema(), d.table(), d.chunk(), d.lower(), d.upper(), d.range(),
                d.expected(), d.actual(), o.rows(), true));
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {onSource, onTarget}) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("verify: closing a re-check connection: {}", e.toString());
                }
            }
        }
    }
}
