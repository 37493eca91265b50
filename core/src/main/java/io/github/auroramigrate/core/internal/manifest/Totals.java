package io.github.auroramigrate.core.internal.manifest;

/**
 * Counts over the whole dump, so far.
 *
 * <pre>{@code
 * manifest.totals().rows();
 * }</pre>
 *
 * @param tables         tables in the dump
 * @param tablesComplete tables whose data is completely dumped
 * @param chunks         chunk files written
 * @param rows           rows written
 * @param dataBytes      uncompressed bytes written
 * @param fileBytes      stored bytes written
 */
public record Totals(int tables, int tablesComplete, long chunks, long rows, long dataBytes, long fileBytes) {
    /** Nothing yet. */
    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);
}
