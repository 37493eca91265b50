package io.github.auroramigrate.core.sql;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.diagnose.SourceLocation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads SQL statements one at a time from a file or stream of any size, the way the {@code mysql} client splits a
 * dump: delimiters inside '...', "..." and {@code `...`} quotes and inside comments do not count, a delimiter
 * inside an executable comment {@code /*!...* /} does, and {@code DELIMITER ;;} lines change the delimiter so
 * that routine and trigger bodies with inner ';' stay whole. {@code USE db;} and other client-style statements
 * pass through as statements; comments and DELIMITER lines are kept as the next statement's
 * {@link Statement#leading()}, and what follows the last statement as {@link #trailer()}.
 *
 * <pre>{@code
 * try (StatementReader r = StatementReader.open(Path.of("myschema_dump.sql.gz"))) {
 *     for (Statement s : r) {
 *         execute(s.text());                       // s.line() is the line mysql would report
 *     }
 * }
 * }</pre>
 *
 * <p>Memory is bounded by the largest single statement: nothing else is kept. Gzip input is recognised by its
 * magic bytes. MariaDB's {@code /*M!999999\- enable the sandbox mode * /} first line, which only the
 * {@code mariadb} client acts on, is treated as a comment.
 *
 * <p>Errors: a quote or comment still open at the end of the input, or a file that is not valid in its character
 * set, fails with a {@link MigrationException} coded {@link DiagnosisCode#CORRUPT_FILE} whose location names the
 * line where the open construct started; a DELIMITER line without a delimiter fails with
 * {@link DiagnosisCode#SQL_SYNTAX}; I/O failures other than a truncated gzip stream are {@link DiagnosisCode#UNKNOWN}
 * with the {@link IOException} as cause.
 *
 * <p>Not thread-safe; iterate from one thread. {@link #iterator()} may be called once. Closing closes the
 * underlying reader.
 *
 * <p>Why one class of ~600 lines: it is a single state machine over the input (quotes, comments, conditional
 * comments, DELIMITER lines, the line and byte positions of every statement), whose states mean nothing apart.
 */
public final class StatementReader implements Iterable<Statement>, AutoCloseable {
    /** Longest statement accepted, in characters: 1 GiB, the server's max_allowed_packet ceiling. */
    public static final int MAX_STATEMENT_CHARS = 1 << 30;

    private static final int BUFFER = 1 << 16;
    private static final String SANDBOX = "/*M!999999\\-";

    private final Reader in;
    private final String file;
    private final SqlOptions options;
    private final char[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private long lineNo = 1;

    private StringBuilder target;
    private int segStart;
    private String delimiter;
    private String trailer;
    private long statementLine;
    private boolean iterated;
    private boolean closed;

    private StatementReader(Reader in, String file, SqlOptions options, String delimiter, int bufferSize) {
        this.in = Objects.requireNonNull(in, "reader");
        this.file = Objects.requireNonNull(file, "file");
        this.options = Objects.requireNonNull(options, "options");
        this.delimiter = delimiter;
        this.buf = new char[bufferSize];
    }

    /**
     * Opens a file (plain or gzip-compressed) as UTF-8 with the default options.
     *
     * @throws MigrationException if the file cannot be opened
     */
    public static StatementReader open(Path file) {
        return open(file, SqlOptions.DEFAULT);
    }

    /**
     * Opens a file (plain or gzip-compressed) with the given options.
     *
     * @throws MigrationException if the file cannot be opened (CORRUPT_FILE for a damaged gzip header,
     *                            INVALID_INPUT for a missing file)
     */
    public static StatementReader open(Path file, SqlOptions options) {
        Objects.requireNonNull(file, "file");
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            return of(raw, file.toString(), options);
        } catch (NoSuchFileException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "SQL file not found: " + file), e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw ioFailure(file.toString(), 0, e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /**
     * Reads an input stream (plain or gzip-compressed, detected by its magic bytes), decoded with
     * {@link SqlOptions#charset()} strictly.
     *
     * @param in       the bytes; closed by {@link #close()}
     * @param fileName the name used in statements and diagnoses
     * @param options  the lexical options
     */
    public static StatementReader of(InputStream in, String fileName, SqlOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            BufferedInputStream bin = new BufferedInputStream(in, BUFFER);
            bin.mark(2);
            int b1 = bin.read();
            int b2 = bin.read();
            bin.reset();
            InputStream body = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(bin, BUFFER) : bin;
            Reader reader = new InputStreamReader(body, options.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new StatementReader(reader, fileName, options, ";", BUFFER);
        } catch (IOException e) {
            throw ioFailure(fileName, 0, e);
        }
    }

    /** Reads from a character stream with the default options; closing this reader closes it. */
    public static StatementReader of(Reader reader, String fileName) {
        return of(reader, fileName, SqlOptions.DEFAULT);
    }

    /** Reads from a character stream ({@link SqlOptions#charset()} is not used); closing this reader closes it. */
    public static StatementReader of(Reader reader, String fileName, SqlOptions options) {
        return new StatementReader(reader, fileName, options, ";", BUFFER);
    }

    /**
     * The delimiter in force after {@code leading} text (whitespace, comments, DELIMITER lines), starting from
     * {@code current}. Used by {@link StatementWriter}.
     */
    static String delimiterAfter(String leading, String current, SqlOptions options) {
        if (!containsDelimiterWord(leading)) {
            return current;
        }
        try (StatementReader r = new StatementReader(new StringReader(leading), "<leading>", options, current,
                Math.max(64, Math.min(BUFFER, leading.length() + 16)))) {
            while (r.read() != null) {
                // leading text holds no statements; read to the end to apply its DELIMITER lines
            }
            return r.delimiter;
        }
    }

    /**
     * Whether {@code text} contains {@code delimiter} where the mysql client would end a statement (outside quotes
     * and comments). Used by {@link StatementWriter} to pick a delimiter a statement does not contain.
     */
    static boolean endsAtDelimiter(String text, String delimiter, SqlOptions options) {
        SqlOptions clientRule = options.toBuilder().splitMode(SplitMode.MYSQL_CLIENT).build();
        try (StatementReader r = new StatementReader(new StringReader(text), "<text>", clientRule, delimiter,
                Math.max(64, Math.min(BUFFER, text.length() + 16)))) {
            Statement first = r.read();
            return first != null && (first.terminated() || r.read() != null);
        } catch (MigrationException e) {
            return false;                          // malformed text: the server will say so
        }
    }

    private static boolean containsDelimiterWord(String s) {
        for (int i = 0; i + 9 <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 'd' || c == 'D') && s.regionMatches(true, i, "delimiter", 0, 9)) {
                return true;
            }
        }
        return false;
    }

    /** @return the name of the file or stream, as used in statements */
    public String file() {
        return file;
    }

    /** @return the delimiter currently in force */
    public String delimiter() {
        return delimiter;
    }

    /** @return the lexical options */
    public SqlOptions options() {
        return options;
    }

    /**
     * @return the text after the last statement (whitespace, comments, DELIMITER lines), once {@link #read()}
     *         has returned null; until then, null
     */
    public String trailer() {
        return trailer;
    }

    /**
     * Reads the next statement.
     *
     * @return the statement, or null at the end of the input
     * @throws MigrationException on an unterminated quote or comment (CORRUPT_FILE), an invalid DELIMITER line
     *                            (SQL_SYNTAX), undecodable bytes (CORRUPT_FILE) or an I/O failure
     */
    public Statement read() {
        if (trailer != null) {
            return null;
        }
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
        StringBuilder leading = new StringBuilder();
        statementLine = lineNo;
        target = leading;
        segStart = pos;
        if (!skipLeading()) {
            flush();
            trailer = leading.toString();
            return null;
        }
        flush();
        StringBuilder body = new StringBuilder();
        target = body;
        segStart = pos;
        long startLine = lineNo;
        String delimiterInForce = delimiter;
        statementLine = startLine;
        boolean terminated = scanBody();
        return Statement.read(body.toString(), leading.toString(), delimiterInForce, terminated, file, startLine,
                options);
    }

    /** @return the statements; may be called once */
    @Override
    public Iterator<Statement> iterator() {
        if (iterated) {
            throw new IllegalStateException("a StatementReader can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private Statement next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Statement next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Statement s = next;
                next = null;
                return s;
            }
        };
    }

    /** @return the statements as a sequential stream (closing the stream does not close this reader) */
    public Stream<Statement> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Closes the underlying reader; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                in.close();
            } catch (IOException e) {
                throw ioFailure(file, lineNo, e);
            }
        }
    }

    // ---------------------------------------------------------------- scanning

    /**
     * Consumes whitespace, comments, DELIMITER lines and empty statements into the leading text.
     *
     * @return true if a statement starts at pos, false at the end of the input
     */
    private boolean skipLeading() {
        while (true) {
            if (!fill(1)) {
                return false;
            }
            char c = buf[pos];
            if (c <= ' ' && Character.isWhitespace(c)) {
                advance();
            } else if (c == '#' || (c == '-' && lineCommentAhead())) {
                skipLineComment();
            } else if (c == '/' && fill(2) && buf[pos + 1] == '*') {
                if (!lookingAt(SANDBOX, false) && versionedAhead()) {
                    return true;
                }
                skipBlockComment();
            } else if ((c == 'd' || c == 'D') && delimiterCommandAhead()) {
                readDelimiterCommand();
            } else if (c == delimiter.charAt(0) && lookingAt(delimiter, false)) {
                for (int k = 0; k < delimiter.length(); k++) {
                    advance();                     // an empty statement: the mysql client skips it too
                }
            } else {
                return true;
            }
        }
    }

    /** @return true if the delimiter ended the statement, false if the input ended */
    private boolean scanBody() {
        boolean inVersioned = false;
        long versionedLine = 0;
        int versionedOffset = 0;
        char d0 = delimiter.charAt(0);
        while (true) {
            if (pos >= lim && !fill(1)) {
                if (inVersioned) {
                    throw unterminated("executable comment", versionedLine, versionedOffset);
                }
                flush();
                return false;
            }
            char c = buf[pos];
            switch (c) {
                case '\'' -> skipQuoted('\'', options.backslashEscapes(), "string literal");
                case '"' -> skipQuoted('"', options.backslashEscapes() && !options.ansiQuotes(),
                        options.ansiQuotes() ? "quoted identifier" : "string literal");
                case '`' -> skipQuoted('`', false, "quoted identifier");
                case '#' -> skipLineComment();
                case '-' -> {
                    if (lineCommentAhead()) {
                        skipLineComment();
                    } else {
                        advance();
                    }
                }
                case '/' -> {
                    if (fill(2) && buf[pos + 1] == '*') {
                        if (!inVersioned && versionedAhead()) {
                            versionedLine = lineNo;
                            versionedOffset = offset();
                            pos += 2;              // "/*" then the rest of the marker is ordinary text
                            inVersioned = true;
                        } else {
                            skipBlockComment();
                        }
                    } else {
                        advance();
                    }
                }
                case '*' -> {
                    if (inVersioned && fill(2) && buf[pos + 1] == '/') {
                        pos += 2;
                        inVersioned = false;
                    } else {
                        advance();
                    }
                }
                default -> {
                    if (c == d0 && delimiterAhead()) {
                        flush();
                        pos += delimiter.length();
                        segStart = pos;
                        return true;
                    }
                    advance();
                }
            }
        }
    }

    private boolean delimiterAhead() {
        if (options.splitMode() == SplitMode.WHOLE || !lookingAt(delimiter, false)) {
            return false;
        }
        if (options.splitMode() == SplitMode.MYDUMPER) {
            int k = delimiter.length();
            if (!fill(k + 1)) {
                return true;                       // end of input
            }
            char next = buf[pos + k];
            return next == '\n' || (next == '\r' && (!fill(k + 2) || buf[pos + k + 1] == '\n'));
        }
        return true;
    }

    private boolean lineCommentAhead() {
        if (!fill(2) || buf[pos + 1] != '-') {
            return false;
        }
        return !fill(3) || buf[pos + 2] <= ' ';
    }

    private boolean versionedAhead() {
        return lookingAt("/*!", false) || lookingAt("/*M!", false);
    }

    private boolean delimiterCommandAhead() {
        if (!lookingAt("delimiter", true) || !fill(10)) {
            return false;
        }
        char c = buf[pos + 9];
        return c == ' ' || c == '\t';
    }

    private void readDelimiterCommand() {
        long line = lineNo;
        StringBuilder cmd = new StringBuilder();
        while (fill(1) && buf[pos] != '\n') {
            cmd.append(buf[pos]);
            advance();
        }
        if (fill(1)) {
            advance();                             // the line break
        }
        String arg = cmd.substring("delimiter".length()).strip();
        int space = 0;
        while (space < arg.length() && !Character.isWhitespace(arg.charAt(space))) {
            space++;
        }
        arg = arg.substring(0, space);
        if (arg.isEmpty() || arg.indexOf('\\') >= 0) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.SQL_SYNTAX,
                    "DELIMITER must be followed by a delimiter (one or more characters, no backslash), line " + line
                            + " of " + file).withLocation(new SourceLocation(file, line, cmd.toString())));
        }
        delimiter = arg;
    }

    private void skipLineComment() {
        while (fill(1)) {
            char c = buf[pos];
            advance();
            if (c == '\n') {
                return;
            }
        }
    }

    private void skipBlockComment() {
        long startLine = lineNo;
        int startOffset = offset();
        pos += 2;
        while (true) {
            if (pos >= lim && !fill(1)) {
                throw unterminated("comment", startLine, startOffset);
            }
            char c = buf[pos];
            if (c == '*' && fill(2) && buf[pos + 1] == '/') {
                pos += 2;
                return;
            }
            advance();
        }
    }

    private void skipQuoted(char quote, boolean backslash, String what) {
        long startLine = lineNo;
        int startOffset = offset();
        pos++;
        while (true) {
            if (pos >= lim && !fill(1)) {
                throw unterminated(what, startLine, startOffset);
            }
            char c = buf[pos];
            if (c == quote) {
                pos++;
                if (fill(1) && buf[pos] == quote) {
                    pos++;                         // doubled quote
                    continue;
                }
                return;
            }
            if (c == '\\' && backslash) {
                pos++;
                if (!fill(1)) {
                    throw unterminated(what, startLine, startOffset);
                }
            }
            advance();
        }
    }

    private void advance() {
        if (buf[pos++] == '\n') {
            lineNo++;
        }
    }

    /** Compares the next chars with {@code s} (ASCII case-insensitively if asked). */
    private boolean lookingAt(String s, boolean ignoreCase) {
        if (!fill(s.length())) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char a = buf[pos + k];
            char b = s.charAt(k);
            if (a != b && !(ignoreCase && Character.toLowerCase(a) == b)) {
                return false;
            }
        }
        return true;
    }

    /** @return the offset of pos within the text being accumulated */
    private int offset() {
        return target.length() + (pos - segStart);
    }

    /** Appends the unflushed part of the buffer to the current target. */
    private void flush() {
        if (pos > segStart) {
            if (target.length() > MAX_STATEMENT_CHARS - (pos - segStart)) {
                throw tooLong(statementLine);
            }
            target.append(buf, segStart, pos - segStart);
        }
        segStart = pos;
    }

    /**
     * Makes at least {@code n} characters available from pos, refilling the buffer (after flushing the segment).
     *
     * @return false if the input ends before that
     */
    private boolean fill(int n) {
        if (lim - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        flush();
        int remaining = lim - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        pos = 0;
        segStart = 0;
        lim = remaining;
        try {
            while (lim - pos < n && !eof) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                } else {
                    lim += r;
                }
            }
        } catch (IOException e) {
            throw ioFailure(file, lineNo, e);
        }
        return lim - pos >= n;
    }

    // ---------------------------------------------------------------- errors

    private MigrationException unterminated(String what, long startLine, int startOffset) {
        flush();
        String excerpt = target.substring(startOffset, Math.min(target.length(), startOffset + 200));
        return new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE,
                        "Unterminated " + what + " starting at line " + startLine + " of " + file
                                + ": the input ended before it was closed")
                .withLocation(new SourceLocation(file, startLine, excerpt))
                .withAdvice("A dump that ends inside a quote or comment was usually truncated (disk full, an"
                        + " interrupted copy or dump); check its size and last lines. If the file is complete, the"
                        + " quoting rules may differ: try SqlOptions backslashEscapes(false) for a file written"
                        + " under NO_BACKSLASH_ESCAPES."));
    }

    private MigrationException tooLong(long startLine) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE,
                        "The statement starting at line " + startLine + " of " + file + " is longer than "
                                + MAX_STATEMENT_CHARS + " characters")
                .withLocation(new SourceLocation(file, startLine, target.substring(0, 200)))
                .withAdvice("No server accepts a statement over 1 GB (max_allowed_packet). The delimiter was"
                        + " probably never found: check DELIMITER lines and the split mode (SplitMode.MYDUMPER for"
                        + " mydumper files)."));
    }

    private static MigrationException ioFailure(String file, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE,
                    file + " is not valid in its character set after line " + line + " (" + e + ")")
                    .withAdvice("A dump holding raw binary column data is not valid UTF-8: dump with --hex-blob,"
                            + " or read the file with SqlOptions charset(StandardCharsets.ISO_8859_1), which"
                            + " keeps every byte."), e);
        }
        if (e instanceof ZipException || e instanceof java.io.EOFException) {
            return new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE,
                    file + " is not a complete gzip stream (" + e.getMessage() + ")"), e);
        }
        return new MigrationException(Diagnosis.of(DiagnosisCode.UNKNOWN,
                "Could not read " + file + (line > 0 ? " near line " + line : "") + ": " + e), e);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the original failure matters more
            }
        }
    }
}
