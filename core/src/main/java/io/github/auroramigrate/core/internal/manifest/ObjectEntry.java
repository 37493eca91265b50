package io.github.auroramigrate.core.internal.manifest;

import java.util.Objects;

/**
 * A view, routine, trigger or event and the file holding its DDL (one statement, no delimiter).
 *
 * <pre>{@code
 * for (ObjectEntry v : manifest.views()) { execute(read(v.ddlFile())); }   // dependency order
 * }</pre>
 *
 * @param schema              schema name
 * @param name                object name
 * @param type                object type
 * @param ddlFile             store key of the DDL file
 * @param table               the table of a trigger, else null
 * @param sqlMode             sql_mode the object was created with (routines, triggers, events), else null
 * @param characterSetClient  character_set_client it was created with, or null
 * @param collationConnection collation_connection it was created with, or null
 * @param databaseCollation   the schema's collation when it was created, or null
 * @param timeZone            an event's time zone, else null
 */
public record ObjectEntry(String schema, String name, ObjectType type, String ddlFile, String table, String sqlMode,
        String characterSetClient, String collationConnection, String databaseCollation, String timeZone) {
    /** Validates required parts. */
    public ObjectEntry {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ddlFile, "ddlFile");
    }
}
