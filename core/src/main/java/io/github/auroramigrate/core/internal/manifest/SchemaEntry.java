package io.github.auroramigrate.core.internal.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema of a dump and its objects (views are listed globally, in dependency order, in
 * {@link Manifest#views()}).
 *
 * <pre>{@code
 * for (SchemaEntry s : manifest.schemas()) { execute(read(s.ddlFile())); s.tables().forEach(...); }
 * }</pre>
 *
 * @param name     schema name
 * @param ddlFile  store key of its CREATE DATABASE, or null when DDL was not dumped
 * @param tables   its tables
 * @param routines its procedures and functions
 * @param triggers its triggers (create after loading data)
 * @param events   its events
 */
public record SchemaEntry(String name, String ddlFile, List<TableEntry> tables, List<ObjectEntry> routines,
        List<ObjectEntry> triggers, List<ObjectEntry> events) {
    /** Validates and copies. */
    public SchemaEntry {
        Objects.requireNonNull(name, "name");
        tables = tables == null ? List.of() : List.copyOf(tables);
        routines = routines == null ? List.of() : List.copyOf(routines);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** @return the table of that name, if dumped */
    public Optional<TableEntry> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }
}
