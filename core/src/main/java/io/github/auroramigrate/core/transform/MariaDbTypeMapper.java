package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.transform.DefinitionLoss.Construct;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps MariaDB's UUID, INET4 and INET6 column types to MySQL types that hold their text form, which is what
 * dumps write for their values (and what MariaDB reads back), so every value arrives exactly. Built by
 * {@link Transforms#mapMariaDbTypes()}.
 *
 * <pre>{@code
 * `u` uuid DEFAULT NULL    ->  `u` CHAR(36) CHARACTER SET ascii DEFAULT NULL      123e4567-e89b-12d3-a456-426614174000
 * `i4` inet4               ->  `i4` VARCHAR(15) CHARACTER SET ascii               255.255.255.255
 * `i6` inet6               ->  `i6` VARCHAR(39) CHARACTER SET ascii               ffff:ffff:...:ffff, ::ffff:1.2.3.4
 * }</pre>
 *
 * <p>What changes is how the values compare: as text (ascii_general_ci, so case-insensitively, as MariaDB parses
 * them), not as addresses or UUIDs. {@code ORDER BY} and ranges over these columns sort textually
 * ({@code '10.0.0.1' < '9.0.0.1'}), and MariaDB's functions of these types are gone; each mapped column is reported
 * as untranslatable for that reason. Columns of table definitions (CREATE TABLE, ALTER TABLE ADD/MODIFY/CHANGE) are
 * mapped; these types in routine parameters or variables are left as they are (MySQL rejects them). The
 * {@link #definitionEffects()} declare the new types, character set and collation. Report counter:
 * {@code "type mapped"}. Immutable and thread-safe.
 */
final class MariaDbTypeMapper implements Transform {
    /** MariaDB type (upper case) to the MySQL type that holds its longest text form, and that type as information_schema shows it. */
    private static final Map<String, String[]> TYPES = Map.of(
            "UUID", new String[] {"CHAR(36) CHARACTER SET ascii", "char(36)"},
            "INET4", new String[] {"VARCHAR(15) CHARACTER SET ascii", "varchar(15)"},
            "INET6", new String[] {"VARCHAR(39) CHARACTER SET ascii", "varchar(39)"});

    @Override
    public String name() {
        return "mapMariaDbTypes";
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public Column column(Column c) {
                String[] to = c.type() == null ? null : TYPES.get(c.type().toUpperCase(Locale.ROOT));
                return to == null ? c : new Column(c.table(), c.name(), to[1], "ascii", "ascii_general_ci", c.invisible(),
                        c.srid());
            }
        };
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (!TableDdl.applies(s)) {
            return List.of(s);
        }
        String upper = s.text().toUpperCase(Locale.ROOT);
        if (!upper.contains("UUID") && !upper.contains("INET")) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        for (TableDdl.Use u : TableDdl.scan(e)) {
            if (u.construct() == Construct.MARIADB_TYPE) {
                e.replace(e.tokens().get(u.first()), TYPES.get(u.detail())[0]);
                ctx.count("type mapped");
                ctx.untranslatable(s, u.where() + ": " + u.detail() + " mapped to " + TYPES.get(u.detail())[0]
                        + ": values are kept as text and compare and sort as text");
            }
        }
        return List.of(e.apply());
    }
}
