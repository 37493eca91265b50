package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Option values the commands share, parsed from text: dump stores ({@code dir} or {@code s3://bucket/prefix}),
 * transforms by name, sizes and durations. Each failure is a {@link BadInput} naming the option.
 *
 * <pre>{@code
 * Transform t = Options.transform("--transform", List.of("strip-definers", "force-innodb"));
 * }</pre>
 */
public final class Options {
    /** The transforms {@code --transform} accepts, with what each does. */
    public static final String TRANSFORMS = "strip-definers, force-innodb, drop-super-statements, strip-tablespaces,"
            + " mariadb-to-mysql, map-mariadb-types, drop-generated-column-values, rename-schema:FROM:TO,"
            + " exclude-tables:PATTERN";

    private Options() {
    }

    /** @return a store for a directory path or a URI with a scheme ({@code s3://}, {@code file:}) */
    public static DumpStore store(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInput(option + " is required: a directory or a URI such as s3://bucket/prefix");
        }
        try {
            if (value.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
                return DumpStores.of(URI.create(value));
            }
            return DumpStores.directory(Path.of(value));
        } catch (IllegalArgumentException e) {
            throw new BadInput(option + " " + value + ": " + e.getMessage());
        }
    }

    /** @return the transforms named, applied in order, or null when none */
    public static Transform transform(String option, List<String> names) {
        Transform t = null;
        for (String name : names) {
            for (String one : name.split(",")) {
                Transform next = one(option, one.trim());
                t = t == null ? next : t.andThen(next);
            }
        }
        return t;
    }

    private static Transform one(String option, String name) {
        String[] p = name.split(":");
        switch (p[0].toLowerCase(Locale.ROOT)) {
            case "strip-definers":
                return Transforms.stripDefiners();
            case "force-innodb":
                return Transforms.forceInnoDb();
            case "drop-super-statements":
                return Transforms.dropSuperStatements();
            case "strip-tablespaces":
                return Transforms.stripTablespaces();
            case "mariadb-to-mysql":
                return Transforms.mariaDbToMySql();
            case "map-mariadb-types":
                return Transforms.mapMariaDbTypes();
            case "drop-generated-column-values":
                return Transforms.dropGeneratedColumnValues();
            case "rename-schema":
                if (p.length == 3) {
                    return Transforms.renameSchema(p[1], p[2]);
                }
                break;
            case "exclude-tables":
                if (p.length == 2) {
                    return Transforms.excludeTables(p[1].split("\\|"));
                }
                break;
            default:
                break;
        }
        throw new BadInput(option + " " + name + " is not a transform: use " + TRANSFORMS);
    }

    /**
     * @return the pre-check's names for the transforms given ({@code Transforms.stripDefiners()} for
     *         {@code strip-definers}), to tell which findings the load will fix
     */
    public static java.util.Set<String> fixes(List<String> names) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String name : names) {
            for (String one : name.split(",")) {
                String[] words = one.trim().split(":")[0].split("-");
                StringBuilder camel = new StringBuilder(words[0]);
                for (int i = 1; i < words.length; i++) {
                    camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
                }
                out.add("Transforms." + camel.toString().replace("Innodb", "InnoDb") + "()");
            }
        }
        return out;
    }

    /** @return a size such as {@code 64MiB} or {@code 1GiB} */
    public static DataSize size(String option, String value) {
        try {
            return DataSize.parse(value);
        } catch (RuntimeException e) {
            throw new BadInput(option + " " + value + " is not a size such as 64MiB: " + e.getMessage());
        }
    }

    /** @return a duration such as {@code 90s}, {@code 30m}, {@code 6h} or ISO-8601 {@code PT6H} */
    public static Duration duration(String option, String value) {
        try {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(v.replaceAll("(ms|s|m|h|d)$", ""));
            if (v.endsWith("ms")) {
                return Duration.ofMillis(n);
            }
            return switch (v.charAt(v.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (RuntimeException e) {
            throw new BadInput(option + " " + value + " is not a duration such as 90s, 30m or 6h");
        }
    }

    /** @return {@code value} when at least 1 */
    public static int positive(String option, int value) {
        if (value < 1) {
            throw new BadInput(option + " must be at least 1, not " + value);
        }
        return value;
    }
}
