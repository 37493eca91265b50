package io.github.auroramigrate.archfixture.internal;

/** Fixture of ArchitectureRulesTest: an internal type. */
public final class Secret {
}
