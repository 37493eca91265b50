package io.github.auroramigrate.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's public API hands out no {@code replication.internal} type (seen through reflection, as a user's
 * compiler sees it; the project-wide size rule is in the examples module's ArchitectureRulesTest).
 */
class ApiShapeTest {
    static final String INTERNAL = "io.github.auroramigrate.plan.internal.";

    @Test
    void publicApiExposesNoInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> api = apiTypes();
        assertThat(api).as("public API types found").contains(Plan.class, Plan.Builder.class,
                PlanReport.class, StepContext.class);
        for (Class<?> c : api) {
            List<Type> exposed = new ArrayList<>();
            exposed.add(c.getGenericSuperclass());
            exposed.addAll(List.of(c.getGenericInterfaces()));
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    exposed.add(f.getGenericType());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    exposed.addAll(List.of(k.getGenericParameterTypes()));
                    exposed.addAll(List.of(k.getGenericExceptionTypes()));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    exposed.add(m.getGenericReturnType());
                    exposed.addAll(List.of(m.getGenericParameterTypes()));
                    exposed.addAll(List.of(m.getGenericExceptionTypes()));
                }
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    exposed.add(rc.getGenericType());
                }
            }
            exposed.stream().filter(t -> t != null && t.getTypeName().contains(INTERNAL))
                    .forEach(t -> leaks.add(c.getName() + " exposes " + t.getTypeName()));
        }
        assertThat(leaks).isEmpty();
    }

    /** Public types (top-level and nested) outside the internal package, from the module's compiled classes. */
    static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Plan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.startsWith(INTERNAL) || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, ApiShapeTest.class.getClassLoader());
                if (isPublicApi(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
