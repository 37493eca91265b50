package io.github.auroramigrate.core.sql;

import io.github.auroramigrate.core.diagnose.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SQL statement read from a file or stream, exactly as written.
 *
 * <pre>{@code
 * try (StatementReader r = StatementReader.open(Path.of("myschema_dump.sql"))) {
 *     for (Statement s : r) {
 *         jdbc.execute(s.text());                 // without delimiter, comments and DELIMITER lines
 *         log.debug("{} line {}", s.file(), s.line());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #text()}: the statement from its first significant character (comments before it are not part of
 *       it; an executable comment {@code /*!40101 ... * /} is) up to, not including, the delimiter. Send this to
 *       the server.</li>
 *   <li>{@link #leading()}: whatever came before it since the previous statement's delimiter: whitespace,
 *       comments and {@code DELIMITER} lines. Kept so that writing statements back reproduces the file byte for
 *       byte.</li>
 *   <li>{@link #delimiter()}: the delimiter in force ({@code ;} or what a {@code DELIMITER} line set, e.g.
 *       {@code ;;}); {@link #terminated()} tells whether the file actually had it after this statement (the last
 *       statement of a file may lack it).</li>
 *   <li>{@link #file()} and {@link #line()}: where it came from; the line is that of the first character of
 *       {@link #text()}, the number the {@code mysql} client reports in {@code ERROR ... at line N}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. The head of the statement ({@link #kind()}, {@link #objectName()},
 * {@link #tableNames()}) is read from its first tokens only, so it is cheap even on a multi-megabyte INSERT;
 * {@link #tokens()} lexes the whole text each time it is called.
 */
public final class Statement {
    private static final int EXCERPT_SOURCE = 2 * SourceLocation.MAX_EXCERPT;

    private final String text;
    private final String leading;
    private final String delimiter;
    private final boolean terminated;
    private final String file;
    private final long line;
    private final SqlOptions options;
    private volatile StatementHead head;

    private Statement(String text, String leading, String delimiter, boolean terminated, String file, long line,
            SqlOptions options) {
        this.text = Objects.requireNonNull(text, "text");
        this.leading = Objects.requireNonNull(leading, "leading");
        this.delimiter = Objects.requireNonNull(delimiter, "delimiter");
        this.file = Objects.requireNonNull(file, "file");
        this.options = Objects.requireNonNull(options, "options");
        if (text.isBlank()) {
            throw new IllegalArgumentException("statement text is blank");
        }
        if (delimiter.isEmpty() || delimiter.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad delimiter '" + delimiter + "'");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        this.terminated = terminated;
        this.line = line;
    }

    /**
     * A statement that did not come from a file (e.g. one a transform adds), terminated by ';'.
     *
     * @param sql the statement text, without delimiter
     * @return the statement, with file {@code "<generated>"}, line 1 and a line break as leading text
     * @throws IllegalArgumentException if {@code sql} is blank
     */
    public static Statement of(String sql) {
        return new Statement(sql, "\n", ";", true, "<generated>", 1, SqlOptions.DEFAULT);
    }

    /** Used by {@link StatementReader}. */
    static Statement read(String text, String leading, String delimiter, boolean terminated, String file, long line,
            SqlOptions options) {
        return new Statement(text, leading, delimiter, terminated, file, line, options);
    }

    /** @return the SQL to execute: exact text, without leading comments and without the delimiter */
    public String text() {
        return text;
    }

    /** @return whitespace, comments and DELIMITER lines between the previous statement and this one, exactly */
    public String leading() {
        return leading;
    }

    /** @return the delimiter in force for this statement ({@code ;} unless a DELIMITER line changed it) */
    public String delimiter() {
        return delimiter;
    }

    /** @return whether the delimiter followed this statement in the file (false only for a last, unterminated one) */
    public boolean terminated() {
        return terminated;
    }

    /** @return the file (or stream name) this statement came from */
    public String file() {
        return file;
    }

    /** @return the 1-based line of the first character of {@link #text()} */
    public long line() {
        return line;
    }

    /** @return the lexical options the statement was read with (used by {@link #tokens()}) */
    public SqlOptions options() {
        return options;
    }

    /** @return all tokens of {@link #text()} (lexed on each call: costly on a multi-megabyte INSERT) */
    public List<Token> tokens() {
        return SqlLexer.tokenize(text, options);
    }

    /** @return the first tokens of {@link #text()}, up to {@code maxSignificant} significant ones */
    public List<Token> headTokens(int maxSignificant) {
        return SqlLexer.tokenize(text, options, maxSignificant);
    }

    /** @return what the statement does, read from its first words */
    public StatementKind kind() {
        return head().kind;
    }

    /**
     * @return the object the statement creates, alters, drops, inserts into, locks or uses (for {@code USE}: the
     *         schema, as an unqualified name), if the head names one
     */
    public Optional<ObjectName> objectName() {
        return Optional.ofNullable(head().object);
    }

    /**
     * @return the tables this statement defines, drops, fills or locks, or is attached to (the table of a CREATE
     *         TRIGGER or CREATE INDEX); empty for statements that do not touch a table that way
     */
    public List<ObjectName> tableNames() {
        return head().tables;
    }

    private StatementHead head() {
        StatementHead h = head;
        if (h == null) {
            h = StatementHead.parse(text, options);
            head = h;
        }
        return h;
    }

    /** @return a copy with other text, keeping leading text, delimiter, file and line */
    public Statement withText(String newText) {
        return newText.equals(text) ? this
                : new Statement(newText, leading, delimiter, terminated, file, line, options);
    }

    /** @return a copy with other leading text (e.g. "" to drop the comments before it) */
    public Statement withLeading(String newLeading) {
        return newLeading.equals(leading) ? this
                : new Statement(text, newLeading, delimiter, terminated, file, line, options);
    }

    /**
     * A new statement placed next to this one (e.g. a transform emitting an extra statement): same file, line and
     * options, a line break as leading text, the delimiter ';'.
     */
    public Statement derive(String sql) {
        return new Statement(sql, "\n", ";", true, file, line, options);
    }

    /** @return where this statement is, for diagnoses */
    public SourceLocation location() {
        // cut before SourceLocation normalises whitespace: the text may be a multi-megabyte INSERT
        return new SourceLocation(file, line, text.length() <= EXCERPT_SOURCE ? text
                : text.substring(0, EXCERPT_SOURCE));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Statement s && s.text.equals(text) && s.leading.equals(leading)
                && s.delimiter.equals(delimiter) && s.terminated == terminated && s.file.equals(file)
                && s.line == line && s.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, leading, delimiter, terminated, file, line);
    }

    /** @return {@code file:line: excerpt} */
    @Override
    public String toString() {
        return location().toString();
    }
}
