package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.Consistency;

/**
 * The consistency guarantee a dump achieved.
 *
 * <pre>{@code
 * if (!m.consistency().consistent()) { ... }
 * }</pre>
 *
 * @param level            the level
 * @param consistent       whether all dumped tables come from one snapshot
 * @param coordinatesExact whether the coordinates match that snapshot
 * @param description      what was done and what it guarantees, in words
 */
public record ConsistencyEntry(Consistency level, boolean consistent, boolean coordinatesExact, String description) {
    /** @return the entry describing {@code level}, with an optional note appended */
    public static ConsistencyEntry of(Consistency level, String note) {
        String d = note == null || note.isBlank() ? level.description() : level.description() + ". " + note;
        return new ConsistencyEntry(level, level.consistent(), level.coordinatesExact(), d);
    }
}
