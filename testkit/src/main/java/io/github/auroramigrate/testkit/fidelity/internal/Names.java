package io.github.auroramigrate.testkit.fidelity.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Spellings that differ between servers for the same thing: charsets, collations, types, sql_mode. */
public final class Names {
    private static final Pattern INT_WIDTH = Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");
    private static final Pattern UTF8 = Pattern.compile("\\butf8(?!mb)");

    private Names() {
    }

    /** {@code utf8} and {@code utf8_*} are {@code utf8mb3} and {@code utf8mb3_*} (MySQL 5.7 and MariaDB's old name). */
    public static String charset(String name) {
        return name == null ? null : UTF8.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("utf8mb3");
    }

    /** Same rule as {@link #charset}, for collation names. */
    public static String collation(String name) {
        return charset(name);
    }

    /**
     * A column or parameter type: lower case, integer display widths dropped unless ZEROFILL (MySQL 8.0.19+
     * no longer prints them), {@code year(4)} is {@code year}, {@code integer} is {@code int},
     * {@code geomcollection} (MySQL 8.0) is {@code geometrycollection}, {@code utf8} is {@code utf8mb3}.
     */
    public static String type(String columnType) {
        if (columnType == null) {
            return null;
        }
        String t = columnType.toLowerCase(Locale.ROOT).strip();
        if (!t.contains("zerofill")) {
            t = INT_WIDTH.matcher(t).replaceAll("$1");
        }
        t = t.replace("year(4)", "year").replace("integer", "int").replace("geomcollection", "geometrycollection");
        return UTF8.matcher(t).replaceAll("utf8mb3");
    }

    /**
     * sql_mode as a sorted set of flags, without {@code NO_AUTO_CREATE_USER} (removed in MySQL 8.0, where it
     * cannot be set; it only ever affected GRANT).
     */
    public static String sqlMode(String mode) {
        if (mode == null) {
            return null;
        }
        return Arrays.stream(mode.toUpperCase(Locale.ROOT).split(","))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.equals("NO_AUTO_CREATE_USER"))
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(","));
    }

    /** A foreign key rule: {@code NO ACTION} is {@code RESTRICT} (InnoDB treats them alike; 5.7 and 8.0 report an
     *  unspecified rule differently). */
    public static String foreignKeyRule(String rule) {
        return "NO ACTION".equals(rule) ? "RESTRICT" : rule;
    }

    /** Backtick-quotes an identifier for SQL text. */
    public static String quoteId(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
