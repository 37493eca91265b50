package io.github.auroramigrate.core.internal.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes {@link Manifest}s as JSON (docs/dump-format.md, section 2).
 *
 * <pre>{@code
 * Manifest m = ManifestIO.read(DumpStores.directory(Path.of("dump")));
 * byte[] json = ManifestIO.toJson(m);
 * }</pre>
 *
 * <p>Readers ignore unknown fields and reject another format or a newer format version with a
 * {@link DiagnosisCode#CORRUPT_FILE} diagnosis. Stateless and thread-safe.
 */
public final class ManifestIO {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ManifestIO() {
    }

    /** @return the manifest as UTF-8 JSON */
    public static byte[] toJson(Manifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the manifest as UTF-8 JSON; the stream is left open. */
    public static void write(Manifest manifest, OutputStream out) throws IOException {
        out.write(toJson(manifest));
    }

    /**
     * Parses a manifest.
     *
     * @throws MigrationException with {@link DiagnosisCode#CORRUPT_FILE} when the JSON is malformed, not a dump
     *                            manifest, or of a newer format version
     */
    public static Manifest fromJson(byte[] json) {
        Manifest m;
        try {
            m = MAPPER.readValue(json, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw corrupt("the manifest is not valid JSON of the dump format: " + e.getMessage(), e);
        }
        if (m == null || !Manifest.FORMAT.equals(m.format())) {
            throw corrupt("not an aurora-migrate dump manifest (format " + (m == null ? null : m.format()) + ")", null);
        }
        if (m.formatVersion() > Manifest.FORMAT_VERSION || m.formatVersion() < 1) {
            throw corrupt("dump format version " + m.formatVersion() + " is not supported by this library (reads "
                    + Manifest.FORMAT_VERSION + "); use a newer aurora-migrate", null);
        }
        return m;
    }

    /** Reads a manifest from a stream (read fully, not closed). */
    public static Manifest read(InputStream in) throws IOException {
        return fromJson(in.readAllBytes());
    }

    /**
     * Reads {@value Manifest#KEY} from a store.
     *
     * @throws MigrationException with {@link DiagnosisCode#FILE_NOT_FOUND} when it is missing (a wrong path),
     *                            {@link DiagnosisCode#FILE_NOT_READABLE} when it may not be read,
     *                            {@link DiagnosisCode#CORRUPT_FILE} when it cannot be read or parsed
     */
    public static Manifest read(DumpStore store) {
        try (InputStream in = store.open(Manifest.KEY)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.FILE_NOT_FOUND, "no " + Manifest.KEY + " in "
                    + store.describe() + ": " + (isEmpty(store) ? "there is nothing there (a wrong path?)"
                    : "it holds files but no manifest: not a dump of this library, or the dump has not started")), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.FILE_NOT_READABLE, "cannot read " + Manifest.KEY
                    + " in " + store.describe() + ": " + e.getMessage()), e);
        } catch (IOException e) {
            throw corrupt("cannot read " + Manifest.KEY + " from " + store.describe() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(DumpStore store) {
        try {
            return store.list("").isEmpty();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static MigrationException corrupt(String message, Throwable cause) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, message), cause);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return Instant.parse(p.getValueAsString());
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(p.getValueAsString(), Instant.class, "not an ISO-8601 instant");
            }
        }
    }
}
