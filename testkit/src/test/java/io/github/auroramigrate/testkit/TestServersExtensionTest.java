package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Parameter resolution rules that need no running server. */
class TestServersExtensionTest {

    @Test
    void twoParametersForTheSameServerNeedDistinctRoles() {
        TestExecutionSummary summary = run(SameServerTwice.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("ask for the same server")
                .hasMessageContaining("distinct @Server(role = ...)");
    }

    @Test
    void profileOnTheWrongKindFailsResolution() {
        TestExecutionSummary summary = run(WrongKind.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("AURORA_MYSQL_2 runs on MYSQL_57 only");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    @ExtendWith(TestServersExtension.class)
    static class SameServerTwice {
        @Test
        void t(@Server(ServerKind.MYSQL_80) TestServer a, @Server(ServerKind.MYSQL_80) TestServer b) {
        }
    }

    @ExtendWith(TestServersExtension.class)
    static class WrongKind {
        @Test
        void t(@Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer a) {
        }
    }
}
