package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.ddl.ExplicitCollations;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.TransformContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the collations a dump file meant when the server that wrote it had other defaults than the target: a file
 * of MySQL 5.7 (its header says {@code -- Server version 5.7.x}) names {@code CHARSET=utf8mb4} without a collation
 * wherever the collation was 5.7's default, {@code utf8mb4_general_ci}; MySQL 8.0 would read it as
 * {@code utf8mb4_0900_ai_ci} (other sorting, comparison and uniqueness). Such a file's tables, schemas and routine
 * parameters get that collation named. Other character sets have the same defaults on both; files of MariaDB need
 * {@code Transforms.mapCollations} anyway. A file without the header (mydumper's) is judged by its first CREATE TABLE or
 * CREATE DATABASE: MySQL 8.0 and MariaDB always name the collation of a utf8mb4 table or schema, MySQL 5.x leaves
 * the default one out. Report counter {@code "collation named"}. Stateless (the file's version lives in the
 * stream's context); thread-safe.
 */
final class FileCollationDefaults implements Transform {
    private static final Object STATE = new Object();
    private static final Pattern SERVER_VERSION = Pattern.compile("(?m)^--\\s*Server version\\s+(\\d+)\\.(\\d+)\\S*");
    /**
     * A table or schema in utf8mb4 without a collation named: MySQL 8.0 always names utf8mb4's (its default changed),
     * MariaDB always names one; other character sets' defaults are named by nobody, and are the same everywhere.
     */
    private static final Pattern NO_COLLATE = Pattern.compile(
            "(?i)(?:\\)\\s*(?:ENGINE=\\w+\\s+)?(?:AUTO_INCREMENT=\\d+\\s+)?DEFAULT CHARSET=utf8mb4|DEFAULT CHARACTER SET utf8mb4)(?!\\w)(?!\\s+COLLATE)");
    private static final Map<String, String> MYSQL_57 = Map.of("utf8mb4", "utf8mb4_general_ci");

    /** What the file's header said. */
    private static final class Source {
        boolean read;
        Map<String, String> defaults;
    }

    private final boolean fromMySql5;

    /** Decides by each script's header or first CREATE TABLE / DATABASE. */
    FileCollationDefaults() {
        this(false);
    }

    /** @param fromMySql5 whether every script comes from MySQL 5.x (decided for a whole directory of scripts) */
    FileCollationDefaults(boolean fromMySql5) {
        this.fromMySql5 = fromMySql5;
    }

    /** @return whether a CREATE TABLE or CREATE DATABASE text leaves its character set's default collation unnamed */
    static boolean fromMySql5(String createStatement) {
        return NO_COLLATE.matcher(createStatement).find();
    }

    @Override
    public String name() {
        return "fileCollationDefaults";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        Source source = ctx.state(STATE, Source::new);
        if (!source.read && fromMySql5) {
            source.read = true;
            source.defaults = MYSQL_57;
        }
        if (!source.read) {
            Matcher m = SERVER_VERSION.matcher(s.leading());
            if (m.find()) {
                source.read = true;
                source.defaults = Integer.parseInt(m.group(1)) == 5 && !m.group().contains("MariaDB") ? MYSQL_57 : null;
            } else if (s.kind() == StatementKind.CREATE_TABLE || s.kind() == StatementKind.CREATE_DATABASE) {
                // no header (mydumper): MySQL 8.0 and MariaDB always name the table's and schema's collation, only
                // MySQL 5.x (and MariaDB 10, whose utf8mb4 default is the same) leave out a default one
                source.read = true;
                source.defaults = NO_COLLATE.matcher(s.text()).find() ? MYSQL_57 : null;
            }
        }
        if (source.defaults == null) {
            return List.of(s);
        }
        boolean routine = s.kind() == StatementKind.CREATE_PROCEDURE || s.kind() == StatementKind.CREATE_FUNCTION;
        if (!routine && s.kind() != StatementKind.CREATE_TABLE && s.kind() != StatementKind.CREATE_DATABASE) {
            return List.of(s);
        }
        String pinned = ExplicitCollations.pinDefaults(s.text(), routine, source.defaults);
        if (pinned.equals(s.text())) {
            return List.of(s);
        }
        ctx.count("collation named");
        return List.of(s.withText(pinned));
    }
}
