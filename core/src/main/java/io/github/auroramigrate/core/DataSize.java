package io.github.auroramigrate.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data in bytes, e.g. a chunk size or a buffer limit. Binary units (1 KiB = 1024 bytes).
 *
 * <pre>{@code
 * DataSize chunk = DataSize.ofMegabytes(64);
 * chunk.toBytes();                 // 67108864
 * DataSize.parse("512k");          // 524288 bytes
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param bytes the number of bytes, not negative
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
    private static final long KIB = 1024L;
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*([kmgt]?)(i?b)?\\s*", Pattern.CASE_INSENSITIVE);

    /** Validates the size. */
    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a data size cannot be negative: " + bytes);
        }
    }

    /** @return {@code n} bytes */
    public static DataSize ofBytes(long n) {
        return new DataSize(n);
    }

    /** @return {@code n} KiB */
    public static DataSize ofKilobytes(long n) {
        return new DataSize(Math.multiplyExact(n, KIB));
    }

    /** @return {@code n} MiB */
    public static DataSize ofMegabytes(long n) {
        return new DataSize(Math.multiplyExact(n, KIB * KIB));
    }

    /** @return {@code n} GiB */
    public static DataSize ofGigabytes(long n) {
        return new DataSize(Math.multiplyExact(n, KIB * KIB * KIB));
    }

    /**
     * Parses {@code "123"}, {@code "64k"}, {@code "64MB"}, {@code "1GiB"}, {@code "2t"} (binary units).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DataSize parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a data size: '" + text + "' (expected e.g. 512k, 64MB, 1G)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> ofKilobytes(n);
            case "m" -> ofMegabytes(n);
            case "g" -> ofGigabytes(n);
            case "t" -> new DataSize(Math.multiplyExact(n, KIB * KIB * KIB * KIB));
            default -> ofBytes(n);
        };
    }

    /** @return the size in bytes */
    public long toBytes() {
        return bytes;
    }

    @Override
    public int compareTo(DataSize o) {
        return Long.compare(bytes, o.bytes);
    }

    /** @return e.g. {@code 64 MiB}, {@code 1.5 GiB} or {@code 100 B} */
    @Override
    public String toString() {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= KIB && u < units.length - 1) {
            v /= KIB;
            u++;
        }
        return u == 0 || v == Math.rint(v) ? String.format(Locale.ROOT, "%d %s", (long) v, units[u])
                : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
