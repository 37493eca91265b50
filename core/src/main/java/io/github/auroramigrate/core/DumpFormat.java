package io.github.auroramigrate.core;

/**
 * The layout of data chunk files (docs/dump-format.md, sections 3 and 5).
 *
 * <pre>{@code
 * Dump.from(source).format(DumpFormat.SQL) ...
 * }</pre>
 */
public enum DumpFormat {
    /** Tab-separated, escaped, loadable unchanged with LOAD DATA (the default). Extension {@code .tsv}. */
    FLAT(".tsv"),
    /** Multi-row INSERT statements, one per line. Extension {@code .sql}. */
    SQL(".sql");

    private final String extension;

    DumpFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name suffix before any compression suffix */
    public String extension() {
        return extension;
    }
}
