package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Parameter;

/**
 * JUnit 5 extension that injects shared {@link TestServer}s into parameters annotated with
 * {@link Server} (test methods, lifecycle methods and constructors).
 *
 * <pre>{@code
 * @ExtendWith(TestServersExtension.class)
 * class ReplicationIT {
 *     @Test
 *     void replicates(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer source,
 *                     @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) {
 *     }
 * }
 * }</pre>
 *
 * <p>Servers are shared across test classes of the JVM (see {@link TestServers#shared}) and stopped at
 * JVM exit; a server that fails to start fails the test, it is never skipped. Stateless and thread-safe.
 */
public final class TestServersExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestServer.class
                && parameterContext.isAnnotated(Server.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Server wanted = parameterContext.findAnnotation(Server.class).orElseThrow();
        String role = TestServers.normalizeRole(wanted.aurora(), wanted.role());
        Parameter[] all = parameterContext.getDeclaringExecutable().getParameters();
        for (int i = 0; i < all.length; i++) {
            Server other = all[i].getAnnotation(Server.class);
            if (i != parameterContext.getIndex() && other != null && other.value() == wanted.value()
                    && other.aurora() == wanted.aurora()
                    && TestServers.normalizeRole(other.aurora(), other.role()).equals(role)) {
                throw new ParameterResolutionException("Parameters " + i + " and " + parameterContext.getIndex()
                        + " of " + parameterContext.getDeclaringExecutable().getName() + " ask for the same server ("
                        + wanted.value() + ", " + wanted.aurora() + ", role '" + role
                        + "'); give them distinct @Server(role = ...)");
            }
        }
        try {
            return TestServers.shared(wanted.value(), wanted.aurora(), role);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }
}
