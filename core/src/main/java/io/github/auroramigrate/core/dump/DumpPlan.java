package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.Consistency;
import java.util.List;
import java.util.Objects;

/**
 * What a dump will do: the result of {@link Dump#dryRun()}, and the first event of a real run.
 *
 * <pre>{@code
 * DumpPlan plan = Dump.from(source).schemas("shop").to(store).build().dryRun();
 * System.out.println(plan.consistency() + ": " + plan.consistencyNote());
 * plan.tables().forEach(t -> System.out.println(t.table() + " ~" + t.estimatedRows() + " rows, " + t.method()));
 * }</pre>
 *
 * @param source          the source server, in one line
 * @param consistency     the guarantee the dump will (dry run: expects to) achieve
 * @param consistencyNote why this level: privileges and flavour that decided it
 * @param binlogEnabled   whether the source logs binary logs (coordinates will be recorded)
 * @param threads         worker threads
 * @param tables          the tables whose data will be dumped, largest first
 * @param views           the views, in dependency order
 * @param routines        number of procedures and functions
 * @param triggers        number of triggers
 * @param events          number of events
 * @param users           number of accounts (0 unless users are dumped)
 * @param estimatedBytes  estimated data size, the sum of the tables' estimates
 * @param warnings        what will be skipped or degraded
 */
public record DumpPlan(String source, Consistency consistency, String consistencyNote, boolean binlogEnabled, int threads,
        List<PlannedTable> tables, List<TableRef> views, int routines, int triggers, int events, int users,
        long estimatedBytes, List<String> warnings) {

    /** Validates and copies. */
    public DumpPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(consistency, "consistency");
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        warnings = List.copyOf(warnings);
    }

    /**
     * One table of the plan.
     *
     * @param table           the table
     * @param estimatedRows   estimated rows (information_schema's TABLE_ROWS)
     * @param estimatedBytes  estimated bytes of its chunk files, uncompressed (rows times a sample's average row size)
     * @param method          how it will be split
     * @param index           the index it will be split by, or null
     * @param estimatedChunks expected number of chunk files
     * @param where           the row filter, or null
     */
    public record PlannedTable(TableRef table, long estimatedRows, long estimatedBytes, ChunkingMethod method, String index,
            long estimatedChunks, String where) {
    }
}
