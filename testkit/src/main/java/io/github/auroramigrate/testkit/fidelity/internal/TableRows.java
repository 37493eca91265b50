package io.github.auroramigrate.testkit.fidelity.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical rows of one table or view ({@link Values} says what each value is), or the error that
 * reading them raised (e.g. a view whose definer is missing).
 */
public record TableRows(TableShape shape, List<Object[]> rows, String error) {
    public TableRows {
        Objects.requireNonNull(shape, "shape");
        rows = List.copyOf(rows);
    }

    /** The error message if the rows could not be read. */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }

    /** Position of a column, or -1. */
    public int indexOf(String column) {
        List<TableShape.Column> cols = shape.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
