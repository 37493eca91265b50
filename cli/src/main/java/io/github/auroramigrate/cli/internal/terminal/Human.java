package io.github.auroramigrate.cli.internal.terminal;

import java.util.Locale;

/**
 * Numbers for people, as the terminal and the reports print them: {@code 1,234,567}, {@code 3.2 MiB}, {@code 1.5 s},
 * {@code 2 min 05 s}.
 *
 * <pre>{@code
 * Human.bytes(3_355_443)   // "3.2 MiB"
 * }</pre>
 */
public final class Human {
    private Human() {
    }

    /** @return {@code n} with thousands separators */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return a byte count in B, KiB, MiB, GiB or TiB with one decimal */
    public static String bytes(double n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (Math.abs(n) >= 1024 && u < units.length - 1) {
            n /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", n) : String.format(Locale.ROOT, "%.1f %s", n, units[u]);
    }

    /** @return seconds as {@code 0.42 s}, {@code 12.3 s}, {@code 4 min 05 s} or {@code 2 h 03 min} */
    public static String seconds(double s) {
        if (s < 1) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}
