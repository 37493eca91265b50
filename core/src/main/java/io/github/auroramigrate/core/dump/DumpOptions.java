package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.store.DumpStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The validated configuration of a {@link Dump}. Immutable. */
record DumpOptions(Endpoint endpoint, DumpStore store, int threads, DataSize chunkSize, Compression compression,
        DumpFormat format, List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
        List<String> excludeTables, Map<String, String> where, boolean ddl, boolean data, boolean views, boolean routines,
        boolean triggers, boolean events, boolean users, Consistency consistency, boolean requireConsistency,
        Duration lockTimeout, DumpListener listener, Executor executor, boolean overwrite,
        io.github.auroramigrate.core.transform.Transform transform) {

    DumpOptions {
        includeSchemas = List.copyOf(includeSchemas);
        excludeSchemas = List.copyOf(excludeSchemas);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
        where = Map.copyOf(where);
    }

    TableFilter filter() {
        return TableFilter.all().schemas(includeSchemas.toArray(String[]::new))
                .excludeSchemas(excludeSchemas.toArray(String[]::new)).tables(includeTables.toArray(String[]::new))
                .excludeTables(excludeTables.toArray(String[]::new));
    }

    String whereFor(TableRef t) {
        return where.get(t.schema() + "." + t.name());
    }
}
