package io.github.auroramigrate.core.sql;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes statements back as a SQL script the {@code mysql} client can replay: each statement's leading text,
 * its text and its delimiter. Statements read by {@link StatementReader} and written unchanged reproduce the
 * input byte for byte (including the reader's {@link StatementReader#trailer()} passed to
 * {@link #writeTrailer(String)}).
 *
 * <pre>{@code
 * try (StatementReader in = StatementReader.open(Path.of("dump.sql.gz"));
 *      StatementWriter out = StatementWriter.open(Path.of("fixed.sql.gz"))) {
 *     for (Statement s : in) {
 *         out.write(s);
 *     }
 *     out.writeTrailer(in.trailer());
 * }
 * }</pre>
 *
 * <p>DELIMITER lines are re-emitted where needed: when a statement's delimiter differs from the one in force in
 * the output (because a transform dropped the statement whose leading text held the DELIMITER line), and when a
 * statement's text contains its delimiter outside quotes and comments (a generated {@code CREATE PROCEDURE} with
 * inner ';' is written under {@code DELIMITER ;;}). In {@link SplitMode#MYDUMPER} no DELIMITER line is ever
 * written (myloader does not know them).
 *
 * <p>Not thread-safe. Files whose name ends in {@code .gz} are gzip-compressed. Characters the charset cannot
 * encode fail with {@link DiagnosisCode#INVALID_INPUT}; I/O failures with {@link DiagnosisCode#UNKNOWN}.
 */
public final class StatementWriter implements AutoCloseable {
    private static final List<String> ALTERNATIVE_DELIMITERS = List.of(";;", "$$", "//", ";;;", "$$$");

    private final Writer out;
    private final String name;
    private final SqlOptions options;
    private String delimiter = ";";
    private boolean pendingDelimiter;
    private char last = '\n';
    private long written;
    private boolean closed;

    private StatementWriter(Writer out, String name, SqlOptions options) {
        this.out = Objects.requireNonNull(out, "writer");
        this.name = Objects.requireNonNull(name, "name");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Creates (or replaces) a UTF-8 file; gzip-compressed if its name ends in {@code .gz}. */
    public static StatementWriter open(Path file) {
        return open(file, SqlOptions.DEFAULT);
    }

    /** Creates (or replaces) a file in {@link SqlOptions#charset()}; gzip-compressed if its name ends in .gz. */
    public static StatementWriter open(Path file, SqlOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        OutputStream raw = null;
        try {
            raw = Files.newOutputStream(file);
            OutputStream body = file.getFileName().toString().endsWith(".gz")
                    ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
            return of(body, file.toString(), options);
        } catch (IOException e) {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // report the first failure
                }
            }
            throw failure(file.toString(), e);
        }
    }

    /** Writes to a byte stream in {@link SqlOptions#charset()}, strictly encoded; closing this closes it. */
    public static StatementWriter of(OutputStream out, String name, SqlOptions options) {
        Writer w = new OutputStreamWriter(out, options.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new StatementWriter(new BufferedWriter(w, 1 << 16), name, options);
    }

    /** Writes to a character stream with the default options; closing this closes it. */
    public static StatementWriter of(Writer out) {
        return new StatementWriter(out, "<writer>", SqlOptions.DEFAULT);
    }

    /** Writes to a character stream ({@link SqlOptions#charset()} is not used); closing this closes it. */
    public static StatementWriter of(Writer out, SqlOptions options) {
        return new StatementWriter(out, "<writer>", options);
    }

    /** @return the delimiter in force at this point of the output */
    public String delimiter() {
        return delimiter;
    }

    /** @return how many statements were written */
    public long statementsWritten() {
        return written;
    }

    /**
     * Writes a statement: its leading text, a DELIMITER line if needed, its text and its delimiter (omitted if the
     * statement was the unterminated end of its file; added back if another statement follows).
     *
     * @throws MigrationException on an I/O or encoding failure
     */
    public void write(Statement s) {
        Objects.requireNonNull(s, "statement");
        terminatePending();
        emit(s.leading());
        delimiter = StatementReader.delimiterAfter(s.leading(), delimiter, options);
        String wanted = options.splitMode() == SplitMode.MYDUMPER ? ";" : safeDelimiter(s);
        if (!wanted.equals(delimiter) && options.splitMode() != SplitMode.MYDUMPER) {
            if (last != '\n') {
                emit("\n");
            }
            emit("DELIMITER " + wanted + "\n");
            delimiter = wanted;
        }
        emit(s.text());
        written++;
        if (s.terminated()) {
            endStatement(s.text());
        } else {
            pendingDelimiter = true;
        }
    }

    /**
     * Writes text that follows the last statement (a reader's {@link StatementReader#trailer()}): whitespace,
     * comments, DELIMITER lines.
     */
    public void writeTrailer(String trailer) {
        if (trailer == null || trailer.isEmpty()) {
            return;
        }
        emit(trailer);
        delimiter = StatementReader.delimiterAfter(trailer, delimiter, options);
    }

    /** Flushes buffered output. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    /** Flushes and closes the output; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw failure(name, e);
            }
        }
    }

    private void terminatePending() {
        if (pendingDelimiter) {
            pendingDelimiter = false;
            endStatement(null);
            emit("\n");
        }
    }

    private void endStatement(String text) {
        if (text != null && endsInsideLineComment(text)) {
            emit("\n");                            // the delimiter would be commented out
        }
        emit(options.splitMode() == SplitMode.MYDUMPER ? ";" : delimiter);
    }

    /** The statement's own delimiter, unless its text contains it at top level: then one that it does not. */
    private String safeDelimiter(Statement s) {
        String d = s.delimiter();
        if (!splitsAt(s.text(), d)) {
            return d;
        }
        for (String alt : ALTERNATIVE_DELIMITERS) {
            if (!splitsAt(s.text(), alt)) {
                return alt;
            }
        }
        throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                "No delimiter can enclose the statement at " + s.location() + ": it contains ;; $$ and //"));
    }

    private boolean splitsAt(String text, String d) {
        return text.contains(d) && StatementReader.endsAtDelimiter(text, d, options);
    }

    private boolean endsInsideLineComment(String text) {
        int nl = text.lastIndexOf('\n');
        String lastLine = text.substring(nl + 1);
        if (lastLine.indexOf('#') < 0 && !lastLine.contains("--")) {
            return false;
        }
        List<Token> tokens = SqlLexer.tokenize(text, options);
        Token t = tokens.get(tokens.size() - 1);
        return t.type() == TokenType.COMMENT && (t.text().startsWith("#") || t.text().startsWith("--"))
                && !t.text().endsWith("\n");
    }

    private void emit(String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            out.write(text);
        } catch (IOException e) {
            throw failure(name, e);
        }
        last = text.charAt(text.length() - 1);
    }

    private static MigrationException failure(String name, IOException e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                    "A statement written to " + name + " holds characters its charset cannot encode: " + e), e);
        }
        return new MigrationException(Diagnosis.of(DiagnosisCode.UNKNOWN, "Could not write " + name + ": " + e), e);
    }
}
