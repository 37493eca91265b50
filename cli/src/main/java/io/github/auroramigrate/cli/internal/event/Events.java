package io.github.auroramigrate.cli.internal.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's event bus: every command reports what happens as named events with fields, and each sink (terminal,
 * {@code --json}, report) renders them its way. Thread-safe: library listeners call it from worker threads; events
 * reach the sinks one at a time, in the order they were emitted.
 *
 * <pre>{@code
 * events.emit("dump.finished", "rows", 1234L, "seconds", 1.5);
 * }</pre>
 */
public final class Events implements AutoCloseable {
    /** The version of the event format ({@code "v"} in every JSON line); raised when a field changes meaning or goes. */
    public static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final List<EventSink> sinks = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final Instant start = Instant.now();
    private final String runId = RUN_ID.format(start) + "-" + Integer.toHexString(0x1000 | ThreadLocalRandom.current().nextInt(0x1000)).substring(1);
    private boolean closed;

    /** Adds a sink; events emitted before are not replayed to it. */
    public synchronized Events to(EventSink sink) {
        sinks.add(sink);
        return this;
    }

    /** @return this run's id, {@code yyyyMMdd-HHmmss-xxx} (UTC) */
    public String runId() {
        return runId;
    }

    /** @return when the run started */
    public Instant start() {
        return start;
    }

    /** @return seconds since the run started */
    public double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Emits an event.
     *
     * @param keyValues field names and values, alternating
     */
    public void emit(String name, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name/value pairs: " + name);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        emit(name, fields);
    }

    /** Emits an event with the given fields. */
    public synchronized void emit(String name, Map<String, Object> fields) {
        if (closed) {
            return;
        }
        Event e = new Event(name, Instant.now(), Math.round(elapsed() * 1000) / 1000.0, fields);
        for (EventSink s : sinks) {
            try {
                s.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("an event sink failed on {}; the run goes on", name, ex);
            }
        }
    }

    /** Closes every sink; later events are dropped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EventSink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException ex) {
                LOG.warn("an event sink failed to close", ex);
            }
        }
    }
}
