package io.github.auroramigrate.core.internal.text;

import io.github.auroramigrate.core.DataSize;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The one formatter for durations, sizes and rates in summaries, {@code toString()}s and log lines: what a person
 * reads, never {@code PT0.7633S} or {@code Optional[...]}.
 *
 * <pre>{@code
 * Human.duration(Duration.ofMillis(763));      // 763 ms
 * Human.duration(Duration.ofMillis(2_440));    // 2.4 s
 * Human.duration(Duration.ofSeconds(3_725));   // 1 h 2 min
 * Human.bytes(330_301_440);                    // 315 MiB
 * Human.rate(3_300_000, Duration.ofSeconds(1)) // 3.1 MiB/s
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Human {
    private Human() {
    }

    /** @return e.g. {@code 0 ms}, {@code 763 ms}, {@code 2.4 s}, {@code 59 s}, {@code 3 min 12 s}, {@code 2 h 5 min}, {@code 3 d 4 h}; {@code ?} for null */
    public static String duration(Duration d) {
        if (d == null) {
            return "?";
        }
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", Math.floor(ms / 100.0) / 10);
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }

    /** @return {@link #duration(Duration)} of the value, or {@code none} */
    public static String duration(Optional<Duration> d) {
        return d.map(Human::duration).orElse("none");
    }

    /** @return e.g. {@code 100 B}, {@code 64 MiB}, {@code 1.5 GiB} (binary units, as {@link DataSize}) */
    public static String bytes(long bytes) {
        return bytes < 0 ? "?" : DataSize.ofBytes(bytes).toString();
    }

    /** @return bytes per second, e.g. {@code 3.1 MiB/s}; {@code ?} when no time passed */
    public static String rate(long bytes, Duration over) {
        if (over == null || over.isZero() || over.isNegative() || bytes < 0) {
            return "?";
        }
        return bytes((long) (bytes / (over.toNanos() / 1e9))) + "/s";
    }

    /** @return a count with thousands separators, e.g. {@code 1,234,567} */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
