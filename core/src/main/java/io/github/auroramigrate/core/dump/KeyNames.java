package io.github.auroramigrate.core.dump;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns object names into store key segments (docs/dump-format.md, section 1.1) and keeps them unique per
 * directory even on case-insensitive file systems. Thread-safe.
 */
final class KeyNames {
    private final Map<String, Set<String>> used = new HashMap<>();
    private final Map<String, String> assigned = new HashMap<>();

    /** Keeps {@code [A-Za-z0-9_-]}, writes every other UTF-8 byte as {@code %XX}. */
    static String encode(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.isEmpty() ? "%" : sb.toString();
    }

    /** @return the segment for {@code name} inside {@code parent}, the same one on every call */
    synchronized String segment(String parent, String name) {
        String id = parent + "\0" + name;
        String done = assigned.get(id);
        if (done != null) {
            return done;
        }
        Set<String> taken = used.computeIfAbsent(parent, k -> new HashSet<>());
        String base = encode(name);
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "~" + n;
        }
        assigned.put(id, candidate);
        return candidate;
    }
}
