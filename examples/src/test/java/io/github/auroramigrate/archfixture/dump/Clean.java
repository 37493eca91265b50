package io.github.auroramigrate.archfixture.dump;

import io.github.auroramigrate.archfixture.internal.Secret;

/** Fixture of ArchitectureRulesTest: uses an internal type without exposing it (allowed). */
public final class Clean {
    /** @return a name computed with an internal type */
    public String name() {
        return new Secret().getClass().getSimpleName();
    }

    Secret packagePrivate() { // not API
        return new Secret();
    }
}
