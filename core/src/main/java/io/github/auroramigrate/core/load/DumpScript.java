package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.sql.SplitMode;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A DDL file of a dump ({@link DumpLoadSource}): exactly one statement without delimiter, read whole
 * (docs/dump-format.md 1), run in its schema with the session context the object was created with. Immutable.
 */
final class DumpScript implements SqlScript {
    private static final SqlOptions WHOLE_FILE = SqlOptions.builder().splitMode(SplitMode.WHOLE).build();

    private final DumpStore store;
    private final String key;
    private final String schema;
    private final Map<String, String> session;
    private final String databaseCollation;

    DumpScript(DumpStore store, String key, String schema, Map<String, String> session, String databaseCollation) {
        this.store = store;
        this.key = key;
        this.schema = schema;
        this.session = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(session));
        this.databaseCollation = databaseCollation;
    }

    @Override
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public Map<String, String> sessionVariables() {
        return session;
    }

    @Override
    public Optional<String> databaseCollation() {
        return Optional.ofNullable(databaseCollation);
    }

    @Override
    public SqlOptions options() {
        return WHOLE_FILE;
    }

    @Override
    public InputStream open() throws IOException {
        return store.open(key);
    }

    @Override
    public String toString() {
        return "DumpScript{" + key + "}";
    }
}
