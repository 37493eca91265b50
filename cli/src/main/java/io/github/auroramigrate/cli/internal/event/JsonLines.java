package io.github.auroramigrate.cli.internal.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event format of {@code --json} and of a report's {@code events.jsonl}: one JSON object per line, per event,
 * {@code {"v":1,"ts":"...","t":1.234,"run":"...","event":"dump.progress",...fields}}. Reserved keys come first; an
 * event's own fields follow under their names.
 *
 * <pre>{@code
 * events.to(JsonLines.sink(System.out, events.runId()));
 * List<Event> again = JsonLines.read(Path.of("report/events.jsonl"));
 * }</pre>
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RESERVED = List.of("v", "ts", "t", "run", "event");

    private JsonLines() {
    }

    /** @return one line of JSON for the event (no line break) */
    public static String line(Event e, String runId) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", Events.VERSION);
        o.put("ts", e.at().toString());
        o.put("t", e.seconds());
        o.put("run", runId);
        o.put("event", e.name());
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            if (RESERVED.contains(f.getKey())) {
                throw new IllegalArgumentException("event " + e.name() + " uses the reserved key " + f.getKey());
            }
            o.set(f.getKey(), JSON.valueToTree(f.getValue()));
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** @return a sink writing one line per event to {@code out}, flushed at once (a reader sees each as it happens) */
    public static EventSink sink(PrintStream out, String runId) {
        return e -> {
            out.print(line(e, runId) + "\n");
            out.flush();
        };
    }

    /**
     * Reads a file of events written by {@link #sink}.
     *
     * @throws UncheckedIOException when the file cannot be read or a line is not an event of a known version
     */
    public static List<Event> read(Path file) {
        List<Event> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = JSON.readTree(line);
                if (o == null || !o.has("event") || o.path("v").asInt() != Events.VERSION) {
                    throw new IOException(file + " line " + n + " is not an aurora-migrate event of version " + Events.VERSION);
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!RESERVED.contains(f.getKey())) {
                        fields.put(f.getKey(), JSON.treeToValue(f.getValue(), Object.class));
                    }
                }
                out.add(new Event(o.get("event").asText(), Instant.parse(o.get("ts").asText()), o.path("t").asDouble(), fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
