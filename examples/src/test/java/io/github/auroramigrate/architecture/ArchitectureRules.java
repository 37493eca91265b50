package io.github.auroramigrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library's architecture rules, as functions of a base package so that {@link ArchitectureRulesTest} can show
 * each one failing on a deliberately broken set of classes.
 *
 * <pre>{@code
 * ArchitectureRules.publicApiExposesNoInternalType("io.github.auroramigrate.core").check(classes);
 * }</pre>
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * No public type outside an {@code internal} package exposes an internal type: in a public or protected
     * method's return, parameter or exception types (generic arguments included), a public or protected field, or its
     * supertypes.
     */
    static ArchRule publicApiExposesNoInternalType(String base) {
        return ArchRuleDefinition.classes().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(new ArchCondition<JavaClass>("expose no type of an internal package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (String leak : leaks(c)) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " exposes " + leak));
                        }
                    }
                }).because("internal packages carry no compatibility guarantees, so the API must not hand them out");
    }

    /**
     * Packages depend downwards only. From the bottom: the vocabulary (the base package itself), diagnose and store;
     * sql, endpoint, probe and the internal packages; transform and verify; dump, load and precheck; copy on top.
     */
    static ArchRule layering(String base) {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("vocabulary").definedBy(DescribedPredicate.describe("the package " + base,
                        (JavaClass c) -> c.getPackageName().equals(base)))
                .layer("diagnose").definedBy(base + ".diagnose..")
                .layer("store").definedBy(base + ".store..")
                .layer("sql").definedBy(base + ".sql..")
                .layer("endpoint").definedBy(base + ".endpoint..")
                .layer("probe").definedBy(base + ".probe..")
                .layer("internal").definedBy(base + ".internal..")
                .layer("transform").definedBy(base + ".transform..")
                .layer("verify").definedBy(base + ".verify..")
                .layer("dump").definedBy(base + ".dump..")
                .layer("load").definedBy(base + ".load..")
                .layer("precheck").definedBy(base + ".precheck..")
                .layer("copy").definedBy(base + ".copy..")
                .whereLayer("copy").mayNotBeAccessedByAnyLayer()
                .whereLayer("precheck").mayOnlyBeAccessedByLayers("copy")
                .whereLayer("load").mayOnlyBeAccessedByLayers("copy")
                .whereLayer("dump").mayOnlyBeAccessedByLayers("precheck", "copy")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("dump", "load", "precheck", "copy")
                .whereLayer("transform").mayOnlyBeAccessedByLayers("verify", "dump", "load", "precheck", "copy")
                .whereLayer("internal").mayOnlyBeAccessedByLayers("transform", "verify", "dump", "load", "precheck",
                        "copy")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("internal", "transform", "verify", "dump", "load",
                        "precheck", "copy")
                .whereLayer("endpoint").mayOnlyBeAccessedByLayers("probe", "internal", "transform", "verify", "dump",
                        "load", "precheck", "copy")
                .whereLayer("sql").mayOnlyBeAccessedByLayers("endpoint", "probe", "internal", "transform", "verify",
                        "dump", "load", "precheck", "copy")
                .whereLayer("store").mayOnlyBeAccessedByLayers("sql", "endpoint", "probe", "internal", "transform",
                        "verify", "dump", "load", "precheck", "copy")
                .because("vocabulary and store sit at the bottom, the capabilities on top (issue 13)");
    }

    /** Modules depend one way: core on none of the others, replication not on aws. */
    static ArchRule modulesDependDownwards(String core, String replication, String aws) {
        return noClasses().that().resideInAPackage(core + "..").should().dependOnClassesThat()
                .resideInAnyPackage(replication + "..", aws + "..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.github.auroramigrate.testkit..")
                .because("core is the bottom module; testkit is for tests only");
    }

    /** The core never touches the AWS SDK: a user who never uses AWS pulls none of it in. */
    static ArchRule noAwsSdk(String base) {
        return noClasses().that().resideInAPackage(base + "..").should().dependOnClassesThat()
                .resideInAPackage("software.amazon..")
                .because("the AWS SDK belongs to the optional aws module");
    }

    /** A file says why it is long with a sentence such as "Why one class of ~600 lines: ..." (or "... lines because ..."). */
    private static final Pattern SAYS_WHY =
            Pattern.compile("Why[^\n]{0,40}\\blines\\b|\\blines because\\b");

    /** The longest a main source file may be without its Javadoc saying why (issue 13: "~400 lines"). */
    static final int MAX_LINES = 410;

    /**
     * Main source files ({@code <module>/src/main/java/**.java} under {@code root}) over {@link #MAX_LINES} lines whose
     * text does not say why they are that long.
     *
     * @return one line per such file: its path relative to root and its length
     */
    static List<String> longFilesThatDoNotSayWhy(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*")).toList()) {
                String text = Files.readString(f);
                long lines = text.lines().count();
                if (lines > MAX_LINES && !SAYS_WHY.matcher(text).find()) {
                    out.add(root.relativize(f) + ": " + lines + " lines");
                }
            }
        }
        return out;
    }

    private static List<String> leaks(JavaClass c) {
        List<String> out = new ArrayList<>();
        c.getRawSuperclass().ifPresent(s -> check(out, "its superclass", Set.of(s)));
        for (JavaType i : c.getInterfaces()) {
            check(out, "its interface", i.getAllInvolvedRawTypes());
        }
        for (JavaCodeUnit u : c.getCodeUnits()) {
            if (!visible(u.getModifiers()) || u.getName().equals("<clinit>")) {
                continue;
            }
            String where = u.getFullName();
            check(out, where + " (returns)", u.getReturnType().getAllInvolvedRawTypes());
            for (JavaType p : u.getParameterTypes()) {
                check(out, where + " (parameter)", p.getAllInvolvedRawTypes());
            }
            for (JavaClass t : u.getThrowsClause().getTypes()) {
                check(out, where + " (throws)", Set.of(t));
            }
        }
        for (JavaField f : c.getFields()) {
            if (visible(f.getModifiers())) {
                check(out, f.getFullName(), f.getType().getAllInvolvedRawTypes());
            }
        }
        return out;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void check(List<String> out, String where, Set<JavaClass> types) {
        for (JavaClass t : types) {
            if (t.getPackageName().contains(".internal")) {
                out.add(t.getName() + " in " + where);
            }
        }
    }
}
