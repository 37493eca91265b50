package io.github.auroramigrate.archfixture.load;

import software.amazon.fixture.FakeClient;

/** Fixture of ArchitectureRulesTest: a core class using the AWS SDK. */
public final class UsesAws {
    /** @return a name, from the SDK */
    public String name() {
        return new FakeClient().name();
    }
}
