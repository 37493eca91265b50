package io.github.auroramigrate.core.probe;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server version such as 8.0.31 or 11.4.5, parsed from {@code SELECT VERSION()}.
 *
 * <pre>{@code
 * ServerVersion v = ServerVersion.parse("8.0.31-log");
 * v.atLeast(8, 0, 22);   // true
 * }</pre>
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param raw   the text the server reported
 */
public record ServerVersion(int major, int minor, int patch, String raw) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Validates the parts. */
    public ServerVersion {
        Objects.requireNonNull(raw, "raw");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part in " + raw);
        }
    }

    /**
     * Parses a VERSION() string; MariaDB's old "5.5.5-10.x" replication prefix is skipped.
     *
     * @throws IllegalArgumentException when no version number is found
     */
    public static ServerVersion parse(String version) {
        String text = Objects.requireNonNull(version, "version");
        if (text.startsWith("5.5.5-")) {
            text = text.substring(6);
        }
        Matcher m = NUMBERS.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("not a server version: " + version);
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), version);
    }

    /** @return whether this version is at least major.minor.patch */
    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new ServerVersion(major, minor, patch, "")) >= 0;
    }

    /** @return "major.minor.patch" */
    public String number() {
        return major + "." + minor + "." + patch;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return number();
    }
}
