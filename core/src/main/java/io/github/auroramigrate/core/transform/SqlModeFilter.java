package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Removes SQL modes the target does not know from {@code SET sql_mode = '...'} statements (plain or inside
 * executable comments, {@code @@sql_mode}, {@code @@SESSION.sql_mode}). Dumps set the source's sql_mode before
 * each routine and trigger, and MySQL 8.0 rejects a mode it does not know with
 * {@code ERROR 1231 Variable 'sql_mode' can't be set to the value of 'NO_AUTO_CREATE_USER'} - which every
 * MySQL 5.7 and MariaDB dump with routines contains. Built by {@link Transforms#fixSqlModes(TargetVersion)}.
 *
 * <pre>{@code
 * /*!50003 SET sql_mode = 'STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' * /
 *   -> /*!50003 SET sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION' * /     (target MYSQL_80)
 * }</pre>
 *
 * <p>Removed for MySQL 8.0: the modes 8.0 dropped ({@code NO_AUTO_CREATE_USER}, {@code DB2}, {@code MAXDB},
 * {@code MSSQL}, {@code MYSQL323}, {@code MYSQL40}, {@code ORACLE}, {@code POSTGRESQL}, {@code NO_FIELD_OPTIONS},
 * {@code NO_KEY_OPTIONS}, {@code NO_TABLE_OPTIONS}); for 5.7, {@code TIME_TRUNCATE_FRACTIONAL}; for both, MariaDB's
 * own modes ({@code EMPTY_STRING_IS_NULL}, {@code SIMULTANEOUS_ASSIGNMENT}, {@code TIME_ROUND_FRACTIONAL}...).
 * Removing {@code NO_AUTO_CREATE_USER} changes nothing (8.0 always behaves so); removing any other mode is
 * reported, since statements may behave differently without it. Report counter: {@code "mode removed"}.
 * Immutable and thread-safe.
 */
final class SqlModeFilter implements Transform {
    private static final Set<String> MYSQL_80 = Set.of("ALLOW_INVALID_DATES", "ANSI_QUOTES",
            "ERROR_FOR_DIVISION_BY_ZERO", "HIGH_NOT_PRECEDENCE", "IGNORE_SPACE", "NO_AUTO_VALUE_ON_ZERO",
            "NO_BACKSLASH_ESCAPES", "NO_DIR_IN_CREATE", "NO_ENGINE_SUBSTITUTION", "NO_UNSIGNED_SUBTRACTION",
            "NO_ZERO_DATE", "NO_ZERO_IN_DATE", "ONLY_FULL_GROUP_BY", "PAD_CHAR_TO_FULL_LENGTH", "PIPES_AS_CONCAT",
            "REAL_AS_FLOAT", "STRICT_ALL_TABLES", "STRICT_TRANS_TABLES", "TIME_TRUNCATE_FRACTIONAL", "ANSI",
            "TRADITIONAL");
    private static final Set<String> ONLY_80 = Set.of("TIME_TRUNCATE_FRACTIONAL");
    private static final Set<String> ONLY_57 = Set.of("NO_AUTO_CREATE_USER", "DB2", "MAXDB", "MSSQL", "MYSQL323",
            "MYSQL40", "ORACLE", "POSTGRESQL", "NO_FIELD_OPTIONS", "NO_KEY_OPTIONS", "NO_TABLE_OPTIONS");

    private final TargetVersion target;

    SqlModeFilter(TargetVersion target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String sqlMode(String mode) {
                return known(mode.toUpperCase(Locale.ROOT)) ? mode : null;
            }
        };
    }

    @Override
    public String name() {
        return "fixSqlModes";
    }

    private boolean known(String mode) {
        if (target == TargetVersion.MYSQL_80) {
            return MYSQL_80.contains(mode);
        }
        return (MYSQL_80.contains(mode) && !ONLY_80.contains(mode)) || ONLY_57.contains(mode);
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (s.kind() != StatementKind.SET || !s.text().toUpperCase(Locale.ROOT).contains("SQL_MODE")) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            String name = k.type() == TokenType.VARIABLE && k.text().startsWith("@@")
                    ? k.text().substring(k.text().lastIndexOf('.') + 1)
                    : k.isWord() ? k.text() : "";
            if (!name.equalsIgnoreCase("sql_mode")) {
                continue;
            }
            int eq = e.next(i);
            int v = eq >= 0 && (t.get(eq).isOperator("=") || t.get(eq).isOperator(":=")) ? e.next(eq) : -1;
            if (v < 0 || t.get(v).type() != TokenType.STRING) {
                continue;
            }
            List<String> kept = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String mode : t.get(v).name().split(",")) {
                String m = mode.strip().toUpperCase(Locale.ROOT);
                if (m.isEmpty() || known(m)) {
                    kept.add(mode.strip());
                } else {
                    removed.add(m);
                }
            }
            if (removed.isEmpty()) {
                continue;
            }
            e.replace(t.get(v), SqlText.quoteString(String.join(",", kept)));
            ctx.count("mode removed", removed.size());
            removed.remove("NO_AUTO_CREATE_USER");
            if (!removed.isEmpty()) {
                ctx.untranslatable(s, "sql_mode " + removed + " unknown to " + target + "; removed");
            }
        }
        return List.of(e.apply());
    }
}
