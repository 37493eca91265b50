package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the dump format does with each MySQL/MariaDB data type: how values are read, encoded and compared.
 * Shared by the dumper, the chunk reader and the verifier so they agree byte for byte.
 *
 * <pre>{@code
 * ValueEncoding e = ColumnTypes.encoding("bit");                 // HEX
 * String expr = ColumnTypes.readExpression(column);              // "(`f` * 1e0)" for a FLOAT
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ColumnTypes {
    private static final Set<String> SPATIAL = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");
    private static final Set<String> INTEGER = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> DECIMAL = Set.of("decimal", "numeric", "dec", "fixed");
    private static final Set<String> TEMPORAL = Set.of("date", "datetime", "timestamp", "time", "year");
    private static final Set<String> FLOATING = Set.of("float", "double", "real", "double precision");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob");

    private ColumnTypes() {
    }

    private static String norm(String dataType) {
        return dataType.toLowerCase(Locale.ROOT).strip();
    }

    /** @return how values of this {@code DATA_TYPE} are written in flat files */
    public static ValueEncoding encoding(String dataType) {
        String t = norm(dataType);
        if (t.equals("bit") || SPATIAL.contains(t)) {
            return ValueEncoding.HEX;
        }
        return t.equals("json") ? ValueEncoding.JSON : ValueEncoding.TEXT;
    }

    /** @return the key kind of a column type an index can be chunked by, or empty when it cannot be */
    public static Optional<KeyKind> keyKind(String dataType) {
        String t = norm(dataType);
        if (INTEGER.contains(t) || DECIMAL.contains(t)) {
            return Optional.of(KeyKind.NUMBER);
        }
        if (TEMPORAL.contains(t)) {
            return Optional.of(KeyKind.TEMPORAL);
        }
        if (t.equals("char") || t.equals("varchar")) {
            return Optional.of(KeyKind.STRING);
        }
        if (t.equals("binary") || t.equals("varbinary")) {
            return Optional.of(KeyKind.BINARY);
        }
        return Optional.empty();
    }

    /** @return whether the type is an integer type */
    public static boolean isInteger(String dataType) {
        return INTEGER.contains(norm(dataType));
    }

    /** @return whether values of this type are written bare (unquoted) in SQL */
    public static boolean isNumeric(String dataType) {
        String t = norm(dataType);
        return INTEGER.contains(t) || DECIMAL.contains(t) || FLOATING.contains(t) || t.equals("year");
    }

    /** @return whether the type holds binary strings (no character set) */
    public static boolean isBinaryString(String dataType) {
        return BINARY.contains(norm(dataType));
    }

    /** @return whether the type is a date/time type */
    public static boolean isTemporal(String dataType) {
        return TEMPORAL.contains(norm(dataType));
    }

    /**
     * The SQL expression that reads a column exactly: the quoted name, except FLOAT, read as a DOUBLE because the
     * server prints FLOAT with 6 significant digits only.
     */
    public static String readExpression(ColumnEntry column) {
        String q = quote(column.name());
        return norm(column.dataType()).equals("float") ? "(" + q + " * 1e0)" : q;
    }

    /**
     * The SQL expression a dump reads a column with: {@link #readExpression}, except MySQL's JSON, read as the target
     * will hold it after loading its text: re-parsed ({@code CAST(CAST(j AS CHAR) AS JSON)}). A document built by SQL
     * can hold DECIMAL numbers ({@code 0.500000000}), which no text can carry: loaded from text they become doubles
     * ({@code 0.5}), as with any logical dump. Dumped in that form, the manifest's checksums are the target's, so a
     * verification against the dump matches without re-reading the files (which a copy does not keep).
     */
    public static String dumpExpression(ColumnEntry column) {
        return norm(column.dataType()).equals("json") ? "CAST(CAST(" + quote(column.name()) + " AS CHAR) AS JSON)"
                : readExpression(column);
    }

    /** @return a backtick-quoted identifier */
    public static String quote(String identifier) {
        return io.github.auroramigrate.core.sql.SqlText.quoteIdentifier(identifier);
    }
}
