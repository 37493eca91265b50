package io.github.auroramigrate.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Token-level edits on one statement, applied together: delete, replace or insert around tokens, never touching
 * text the edits do not name (so string literals and comments stay as they were).
 *
 * <pre>{@code
 * StatementEditor e = StatementEditor.of(statement);
 * List<Token> t = e.tokens();
 * for (int i = e.next(-1); i >= 0; i = e.next(i)) {
 *     if (t.get(i).isWord("MyISAM")) {
 *         e.replace(t.get(i), "InnoDB");
 *     }
 * }
 * Statement rewritten = e.apply();      // the same instance when nothing changed
 * }</pre>
 *
 * <p>Edits may not overlap (an insertion at the edge of a deletion is fine); {@link #apply()} checks. Not
 * thread-safe; one editor per statement.
 */
public final class StatementEditor {
    private final Statement statement;
    private final List<Token> tokens;
    private final List<Edit> edits = new ArrayList<>();

    private record Edit(int start, int end, String text, int seq) {
    }

    private StatementEditor(Statement statement, List<Token> tokens) {
        this.statement = statement;
        this.tokens = tokens;
    }

    /** Lexes the statement (whole text). */
    public static StatementEditor of(Statement statement) {
        return new StatementEditor(Objects.requireNonNull(statement, "statement"), statement.tokens());
    }

    /** @return the statement being edited */
    public Statement statement() {
        return statement;
    }

    /** @return all tokens of the original text */
    public List<Token> tokens() {
        return tokens;
    }

    /** @return the index of the next significant token after index {@code i} (use -1 to start), or -1 */
    public int next(int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (tokens.get(k).isSignificant()) {
                return k;
            }
        }
        return -1;
    }

    /** @return the index of the previous significant token before index {@code i}, or -1 */
    public int previous(int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (tokens.get(k).isSignificant()) {
                return k;
            }
        }
        return -1;
    }

    /** Deletes one token. */
    public StatementEditor delete(Token t) {
        return replace(t.start(), t.end(), "");
    }

    /** Deletes the tokens from {@code first} through {@code last}, inclusive. */
    public StatementEditor delete(Token first, Token last) {
        return replace(first.start(), last.end(), "");
    }

    /** Replaces one token's text. */
    public StatementEditor replace(Token t, String text) {
        return replace(t.start(), t.end(), text);
    }

    /** Replaces the tokens from {@code first} through {@code last}, inclusive. */
    public StatementEditor replace(Token first, Token last, String text) {
        return replace(first.start(), last.end(), text);
    }

    /** Inserts text just before a token. */
    public StatementEditor insertBefore(Token t, String text) {
        return replace(t.start(), t.start(), text);
    }

    /** Inserts text just after a token. */
    public StatementEditor insertAfter(Token t, String text) {
        return replace(t.end(), t.end(), text);
    }

    /**
     * Replaces the characters {@code [start, end)} of the statement text.
     *
     * @throws IllegalArgumentException if the range is outside the text
     */
    public StatementEditor replace(int start, int end, String text) {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || end > statement.text().length()) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        edits.add(new Edit(start, end, text, edits.size()));
        return this;
    }

    /** @return whether any edit was recorded */
    public boolean changed() {
        return !edits.isEmpty();
    }

    /** @return the edited text */
    public String text() {
        String src = statement.text();
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::seq));
        StringBuilder sb = new StringBuilder(src.length());
        int at = 0;
        for (Edit e : sorted) {
            if (e.start() < at) {
                throw new IllegalArgumentException("overlapping edits at offset " + e.start());
            }
            sb.append(src, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(src, at, src.length()).toString();
    }

    /**
     * @return the statement with the edits applied (the same instance if there were none)
     * @throws IllegalArgumentException if edits overlap
     */
    public Statement apply() {
        return edits.isEmpty() ? statement : statement.withText(text());
    }
}
