package io.github.auroramigrate.archfixture.dump;

import io.github.auroramigrate.archfixture.internal.Secret;
import java.util.List;

/** Fixture of ArchitectureRulesTest: a public type exposing an internal one (in a generic argument). */
public final class Leaky {
    private final Secret kept = new Secret(); // using it inside is fine

    /** @return internal types: the violation */
    public List<Secret> secrets() {
        return List.of(kept);
    }
}
