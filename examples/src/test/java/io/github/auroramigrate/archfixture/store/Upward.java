package io.github.auroramigrate.archfixture.store;

import io.github.auroramigrate.archfixture.dump.Clean;

/** Fixture of ArchitectureRulesTest: the store (bottom layer) depending on dump (above it). */
public final class Upward {
    /** @return a name, through the upward dependency */
    public String name() {
        return new Clean().name();
    }
}
