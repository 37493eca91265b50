package io.github.auroramigrate.cli.internal.terminal;

/**
 * Colours and symbols for the terminal: ANSI colours only on a terminal and without {@code NO_COLOR}
 * (no-color.org), Unicode symbols only when the output encoding is UTF-8. Immutable.
 *
 * <pre>{@code
 * Style s = new Style(true, true);
 * out.println(s.ok() + " dump");
 * }</pre>
 *
 * @param color   whether to colour
 * @param unicode whether to use Unicode symbols (else ASCII)
 */
public record Style(boolean color, boolean unicode) {
    private static final String RESET = "\u001b[0m";

    /** @return the mark of a step that succeeded */
    public String ok() {
        return paint("32;1", unicode ? "✔" : "[ok]");
    }

    /** @return the mark of a step that failed */
    public String failed() {
        return paint("31;1", unicode ? "✖" : "[FAILED]");
    }

    /** @return the mark of a step that succeeded with warnings */
    public String warn() {
        return paint("33;1", unicode ? "⚠" : "[warn]");
    }

    /** @return the mark of a step that was skipped */
    public String skipped() {
        return paint("2", unicode ? "○" : "[skip]");
    }

    /** @return the mark of a detail line */
    public String bullet() {
        return paint("2", unicode ? "·" : "-");
    }

    /** @return the arrow between source and target */
    public String arrow() {
        return unicode ? "→" : "->";
    }

    /** @return {@code text} in bold */
    public String bold(String text) {
        return paint("1", text);
    }

    /** @return {@code text} dimmed */
    public String dim(String text) {
        return paint("2", text);
    }

    /** @return {@code text} in red */
    public String red(String text) {
        return paint("31", text);
    }

    /** @return {@code text} in yellow */
    public String yellow(String text) {
        return paint("33", text);
    }

    /** @return {@code text} in green */
    public String green(String text) {
        return paint("32", text);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
