package io.github.auroramigrate.core.probe;

import java.util.Objects;

/**
 * A stored object that runs with a definer's privileges: a view, routine, trigger or event.
 *
 * <pre>{@code
 * info.definedObjects().stream().filter(o -> !o.definer().startsWith("master@"))...
 * }</pre>
 *
 * @param type    VIEW, PROCEDURE, FUNCTION, TRIGGER or EVENT
 * @param schema  schema name
 * @param name    object name
 * @param definer the DEFINER account as {@code user@host}
 * @param securityType DEFINER or INVOKER (views and routines; DEFINER for triggers and events)
 */
public record DefinedObject(String type, String schema, String name, String definer, String securityType) {
    /** Validates that all parts are present. */
    public DefinedObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definer, "definer");
        Objects.requireNonNull(securityType, "securityType");
    }

    /** @return the user part of the definer */
    public String definerUser() {
        int at = definer.lastIndexOf('@');
        return at < 0 ? definer : definer.substring(0, at);
    }

    /** @return the host part of the definer */
    public String definerHost() {
        int at = definer.lastIndexOf('@');
        return at < 0 ? "%" : definer.substring(at + 1);
    }

    @Override
    public String toString() {
        return type + " `" + schema + "`.`" + name + "` DEFINER=" + definer;
    }
}
