package io.github.auroramigrate.core.diagnose;

import java.util.Objects;

/**
 * Where in a file a failing statement came from: the file, the 1-based line its text starts on, and an
 * excerpt of the statement (shortened to at most {@value #MAX_EXCERPT} characters).
 *
 * <pre>{@code
 * SourceLocation at = new SourceLocation("myschema_dump.sql", 884, "CREATE ... DEFINER=`someuser`@`%` ... VIEW `v1`");
 * }</pre>
 *
 * @param file    file name or path as the user gave it
 * @param line    1-based line number of the statement's first line
 * @param excerpt the statement text, shortened; never null
 */
public record SourceLocation(String file, long line, String excerpt) {
    /** Longest excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 300;

    /** Validates and shortens the excerpt. */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(excerpt, "excerpt");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        excerpt = shorten(excerpt);
    }

    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT - 3) + "...";
    }

    @Override
    public String toString() {
        return file + " line " + line + ": " + excerpt;
    }
}
