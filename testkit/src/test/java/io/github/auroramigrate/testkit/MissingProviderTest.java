package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.Providers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The base testkit's own classpath has no provider at all (no bundle, no Docker client): asking for a
 * server through the real ServiceLoader fails, naming the artifact to add, and a test asking for one fails
 * rather than being skipped.
 */
class MissingProviderTest {

    @Test
    void theRealLookupFindsNoProviderOnTheBaseClasspath() {
        assertThat(Providers.load(getClass().getClassLoader())).isEmpty();
    }

    @Test
    void startingAKindWithoutItsBundleNamesTheArtifact() {
        assertThatThrownBy(() -> TestServers.startPrivate(ServerKind.MYSQL_57))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("can start MySQL 5.7.22 (ServerKind.MYSQL_57)")
                .hasMessageContaining("Add the test dependency io.github.auroramigrate:aurora-migrate-testkit-mysql57")
                .hasMessageEndingWith("Providers on the classpath: none.");
    }

    @Test
    void aTestAskingForAMissingKindFailsAndIsNotSkipped() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(NeedsMariaDb.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getTestsSkippedCount() + summary.getTestsAbortedCount()).isZero();
        Throwable failure = summary.getFailures().get(0).getException();
        while (!(failure instanceof TestkitException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertThat(failure).isInstanceOf(TestkitException.class)
                .hasMessageContaining("io.github.auroramigrate:aurora-migrate-testkit-mariadb114");
    }

    @ExtendWith(TestServersExtension.class)
    static class NeedsMariaDb {
        @Test
        void t(@Server(ServerKind.MARIADB_114) TestServer s) {
        }
    }
}
