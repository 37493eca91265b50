package io.github.auroramigrate.testkit.fidelity.internal;

import java.util.List;
import java.util.Objects;

/**
 * What reading the rows of a table or view needs: its columns in order and the columns that identify a row
 * (the primary key, else the first unique key of NOT NULL whole columns; empty: rows are a multiset).
 */
public record TableShape(String name, boolean view, List<Column> columns, List<String> key) {
    public TableShape {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /**
     * One column.
     *
     * @param dataType information_schema's DATA_TYPE, lower case
     * @param json     true for JSON columns and MariaDB's JSON alias (LONGTEXT with a json_valid check)
     */
    public record Column(String name, String dataType, boolean json) {
    }
}
