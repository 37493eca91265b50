package io.github.auroramigrate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's architecture (issue 13): the public API of core, replication and testkit exposes no internal type, core's
 * packages depend downwards only, core depends on no other module, and nothing in core touches the AWS SDK. Each rule is also run on a deliberately broken fixture
 * ({@code io.github.auroramigrate.archfixture}) to show it can fail.
 */
class ArchitectureRulesTest {
    private static final String CORE = "io.github.auroramigrate.core";
    private static final String FIXTURE = "io.github.auroramigrate.archfixture";
    private static final String REPLICATION = "io.github.auroramigrate.replication";
    private static final String TESTKIT = "io.github.auroramigrate.testkit";
    private static JavaClasses core;
    private static JavaClasses replication;
    private static JavaClasses testkit;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);
        replication = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(REPLICATION);
        assertThat(replication.size()).as("replication's main classes were found").isGreaterThan(30);
        testkit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TESTKIT);
        assertThat(testkit.contain(TESTKIT + ".proxy.MysqlProxy")).as("testkit's main classes were found").isTrue();
        fixture = new ClassFileImporter().importPackages(FIXTURE, "software.amazon.fixture");
        assertThat(core.size()).as("core's main classes were found").isGreaterThan(150);
        assertThat(fixture.contain(FIXTURE + ".dump.Leaky")).isTrue();
    }

    @Test
    void thePublicApiExposesNoInternalType() {
        ArchitectureRules.publicApiExposesNoInternalType(CORE).check(core);
    }

    @Test
    void replicationsPublicApiExposesNoInternalType() {
        ArchitectureRules.publicApiExposesNoInternalType(REPLICATION).check(replication);
    }

    @Test
    void testkitsPublicApiExposesNoInternalType() {
        ArchitectureRules.publicApiExposesNoInternalType(TESTKIT).check(testkit);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        ArchitectureRules.modulesDependDownwards(CORE, REPLICATION, "io.github.auroramigrate.aws").check(core);
    }

    @Test
    void packagesDependDownwardsOnly() {
        ArchitectureRules.layering(CORE).check(core);
    }

    @Test
    void coreDoesNotUseTheAwsSdk() {
        ArchitectureRules.noAwsSdk(CORE).check(core);
    }

    @Test
    void anExposedInternalTypeIsCaught() {
        assertThat(violations(ArchitectureRules.publicApiExposesNoInternalType(FIXTURE)))
                .contains(FIXTURE + ".dump.Leaky exposes " + FIXTURE + ".internal.Secret")
                .doesNotContain(FIXTURE + ".dump.Clean exposes");
    }

    @Test
    void anUpwardDependencyIsCaught() {
        assertThat(violations(ArchitectureRules.layering(FIXTURE)))
                .contains(FIXTURE + ".store.Upward").contains(FIXTURE + ".dump.Clean");
    }

    @Test
    void aModuleDependingUpwardsIsCaught() {
        // the fixture's store plays the core module, its dump the replication module
        assertThat(violations(ArchitectureRules.modulesDependDownwards(FIXTURE + ".store", FIXTURE + ".dump",
                FIXTURE + ".none"))).contains(FIXTURE + ".store.Upward").contains(FIXTURE + ".dump.Clean");
    }

    @Test
    void anAwsSdkDependencyIsCaught() {
        assertThat(violations(ArchitectureRules.noAwsSdk(FIXTURE)))
                .contains(FIXTURE + ".load.UsesAws").contains("software.amazon.fixture.FakeClient");
    }

    @Test
    void everyLongMainFileSaysWhy() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("core/src/main/java")).as("the project root").isDirectory();
        assertThat(ArchitectureRules.longFilesThatDoNotSayWhy(root)).isEmpty();
    }

    @Test
    void aLongFileThatDoesNotSayWhyIsCaught(@TempDir Path root)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve("m/src/main/java/x"));
        String body = "class A {\n" + "    // line\n".repeat(ArchitectureRules.MAX_LINES) + "}\n";
        Files.writeString(dir.resolve("Silent.java"), "/** A. */\n" + body);
        Files.writeString(dir.resolve("Explained.java"), "/** Why one class of ~420 lines: a table. */\n"
                + body);
        Files.writeString(dir.resolve("Short.java"), "/** A. */\nclass B {\n}\n");
        Path tests = Files.createDirectories(root.resolve("m/src/test/java/x"));
        Files.writeString(tests.resolve("LongTest.java"), body);

        assertThat(ArchitectureRules.longFilesThatDoNotSayWhy(root)).singleElement().asString()
                .startsWith(Path.of("m/src/main/java/x/Silent.java").toString()).contains("lines");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult r = rule.evaluate(fixture);
        assertThat(r.hasViolation()).as("the rule fails on the broken fixture: " + rule.getDescription()).isTrue();
        return String.join("\n", r.getFailureReport().getDetails());
    }
}
