package io.github.auroramigrate.core.sql;

/**
 * Where one statement ends and the next begins: the rule of the client that wrote (or will replay) the file.
 *
 * <pre>{@code
 * SqlOptions mydumperFiles = SqlOptions.builder().splitMode(SplitMode.MYDUMPER).build();
 * }</pre>
 */
public enum SplitMode {
    /**
     * The {@code mysql}/{@code mariadb} command-line client's rule, used by {@code mysqldump} and
     * {@code mariadb-dump} files: a statement ends at the delimiter in force (';' unless changed by a
     * {@code DELIMITER} line) outside quotes and comments, wherever it occurs on the line.
     */
    MYSQL_CLIENT,
    /**
     * The rule of {@code myloader}: a statement ends at a ';' that is the last character of its line (outside
     * quotes and comments). mydumper writes routine and trigger bodies without {@code DELIMITER} lines and puts
     * a space after every ';' inside them, so those bodies only split correctly with this mode.
     */
    MYDUMPER,
    /**
     * The whole input is one statement, whatever delimiters it holds: the rule of this library's own dump files
     * (docs/dump-format.md: each DDL file holds exactly one statement, without a trailing delimiter, so a routine
     * body's inner ';' needs no {@code DELIMITER} handling). Comments before the statement are still its leading
     * text, and an unterminated quote or comment is still an error.
     */
    WHOLE
}
