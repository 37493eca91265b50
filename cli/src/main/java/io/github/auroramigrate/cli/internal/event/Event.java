package io.github.auroramigrate.cli.internal.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened during a run, as the {@code --json} stream, the terminal and the report see it. Immutable.
 *
 * <pre>{@code
 * Event e = new Event("dump.progress", Instant.now(), 1.5, Map.of("rows", 1000L));
 * long rows = e.number("rows").longValue();
 * }</pre>
 *
 * @param name    the event's name, {@code area.what} (see docs/cli.md for the list)
 * @param at      when it happened
 * @param seconds seconds since the run started
 * @param fields  the event's data, in a stable order; values are strings, numbers, booleans, lists, maps or null
 */
public record Event(String name, Instant at, double seconds, Map<String, Object> fields) {
    /** Validates and copies the fields (keeping their order; null values allowed). */
    public Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return a field as a string, or null */
    public String text(String key) {
        Object v = fields.get(key);
        return v == null ? null : v.toString();
    }

    /** @return a field as a number, 0 when absent or not a number */
    public Number number(String key) {
        return fields.get(key) instanceof Number n ? n : 0;
    }

    /** @return whether the field is the boolean true */
    public boolean flag(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }
}
