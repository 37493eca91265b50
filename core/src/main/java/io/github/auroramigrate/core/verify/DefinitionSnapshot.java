package io.github.auroramigrate.core.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured definitions of a set of schemas (and accounts) on one server at one time, as
 * {@link io.github.auroramigrate.core.verify.internal.DefinitionReader} reads them; stored in a dump as {@value #KEY}
 * (docs/dump-format.md section 2.6) so
 * that a target can be verified against the source's definitions later.
 *
 * <pre>{@code
 * DefinitionSnapshot s = DefinitionReader.read(connection, List.of("shop"), List.of());
 * s.write(store);                                       // definitions.json
 * DefinitionSnapshot again = DefinitionSnapshot.read(store).orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param server  the server's flavour and version, e.g. {@code MYSQL 8.0.31}
 * @param objects the definitions, ordered by kind, schema and name
 */
public record DefinitionSnapshot(String server, List<ObjectDefinition> objects) {
    /** The store key of a dump's definitions. */
    public static final String KEY = "definitions.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Validates and copies. */
    public DefinitionSnapshot {
        Objects.requireNonNull(server, "server");
        objects = List.copyOf(objects);
    }

    /** @return the definition of that object, if present */
    public Optional<ObjectDefinition> find(ObjectKind kind, String schema, String name) {
        return objects.stream().filter(o -> o.kind() == kind && o.schema().equals(schema) && o.name().equals(name))
                .findFirst();
    }

    /** @return the snapshot with only the objects {@code keep} accepts */
    public DefinitionSnapshot retain(java.util.function.Predicate<ObjectDefinition> keep) {
        return new DefinitionSnapshot(server, objects.stream().filter(keep).toList());
    }

    /**
     * The definitions as a transform with these effects leaves them (objects it does not create left out, a
     * renamed schema under its new name, engines, collations, options, SQL modes, security and definers as declared),
     * e.g. for a dump whose DDL files went through a transform.
     */
    public DefinitionSnapshot transformed(io.github.auroramigrate.core.transform.DefinitionEffects effects) {
        return new DefinitionSnapshot(server, objects.stream().map(o -> DefinitionComparator.expect(o, effects))
                .filter(Objects::nonNull).toList());
    }

    /**
     * Writes this snapshot as {@value #KEY} into a dump.
     *
     * @throws IOException when the store cannot write it
     */
    public void write(DumpStore store) throws IOException {
        store.put(KEY, JSON.writeValueAsBytes(this));
    }

    /**
     * Reads a dump's definitions.
     *
     * @return empty for a dump written without them (older versions, or without DDL)
     * @throws MigrationException CORRUPT_FILE when the file exists but cannot be read
     */
    public static Optional<DefinitionSnapshot> read(DumpStore store) {
        try {
            if (!store.exists(KEY)) {
                return Optional.empty();
            }
            try (InputStream in = store.open(KEY)) {
                return Optional.of(JSON.readValue(in, DefinitionSnapshot.class));
            }
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot read " + KEY + " in "
                    + store.describe() + ": " + e.getMessage()), e);
        }
    }
}
