package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.internal.manifest.Chunking;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import java.util.ArrayList;
import java.util.List;

/** One table to dump: what to read, how it is chunked, and where its files go. Immutable. */
final class TableJob {
    final TableRef ref;
    final Catalog.Table table;
    final List<ColumnEntry> columns;
    final List<String> generated;
    final Chunking chunking;
    final String where;
    final String dataPrefix;
    final String selectList;
    /** Rows and bytes to plan with: information_schema's until {@link #sized} replaces them with a sample's. */
    final TableSizer.Size size;

    TableJob(Catalog.Table table, String where, String dataPrefix) {
        this.ref = table.ref();
        this.table = table;
        this.where = where == null || where.isBlank() ? null : where;
        this.dataPrefix = dataPrefix;
        List<ColumnEntry> cols = new ArrayList<>();
        List<String> gen = new ArrayList<>();
        for (Catalog.Column c : table.columns()) {
            if (c.generated()) {
                gen.add(c.name());
            } else {
                cols.add(new ColumnEntry(c.name(), c.dataType(), c.columnType(), c.charset(), ColumnTypes.encoding(c.dataType())));
            }
        }
        this.columns = List.copyOf(cols);
        this.generated = List.copyOf(gen);
        this.chunking = chunking(table);
        StringBuilder sb = new StringBuilder();
        for (ColumnEntry c : columns) {
            sb.append(sb.isEmpty() ? "" : ", ").append(ColumnTypes.dumpExpression(c));
        }
        this.selectList = sb.toString();
        this.size = new TableSizer.Size(table.estimatedRows(), table.estimatedBytes());
    }

    private TableJob(TableJob t, TableSizer.Size size) {
        this.ref = t.ref;
        this.table = t.table;
        this.columns = t.columns;
        this.generated = t.generated;
        this.chunking = t.chunking;
        this.where = t.where;
        this.dataPrefix = t.dataPrefix;
        this.selectList = t.selectList;
        this.size = size;
    }

    /** @return this job planned with {@code size} */
    TableJob sized(TableSizer.Size size) {
        return new TableJob(this, size);
    }

    private static Chunking chunking(Catalog.Table t) {
        Catalog.Index index = Catalog.chunkIndex(t);
        if (index == null) {
            return Chunking.NONE;
        }
        List<KeyColumn> key = new ArrayList<>();
        for (String name : index.columns()) {
            Catalog.Column c = t.column(name);
            KeyKind kind = ColumnTypes.keyKind(c.dataType()).orElseThrow();
            key.add(new KeyColumn(c.name(), kind, kind == KeyKind.STRING ? c.charset() : null));
        }
        boolean integer = key.size() == 1 && ColumnTypes.isInteger(t.column(index.columns().get(0)).dataType());
        return new Chunking(index.name(), integer ? ChunkingMethod.INTEGER_RANGE : ChunkingMethod.INDEX_WALK, key);
    }

    /** @return the average row size to plan with (at least 1; 256 for a table without rows) */
    long averageRowBytes() {
        return size.rows() > 0 && size.bytes() > 0 ? Math.max(1, size.bytes() / size.rows()) : 256;
    }

    /** @return the key of chunk file {@code index} */
    String chunkKey(int index, String extension) {
        String name = dataPrefix.substring(dataPrefix.lastIndexOf('/') + 1);
        return dataPrefix + "/" + name + "." + String.format(java.util.Locale.ROOT, "%06d", index) + extension;
    }

    /** @return the query reading rows matching {@code predicate} (the row filter is added) */
    String select(String predicate) {
        String filter = predicate == null ? where : where == null ? predicate : "(" + predicate + ") AND (" + where + ")";
        return "SELECT " + selectList + " FROM " + ref.qualified() + (filter == null ? "" : " WHERE " + filter);
    }
}
