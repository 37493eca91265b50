package io.github.auroramigrate.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link TestServersExtension} for a shared {@link TestServer}.
 *
 * <pre>{@code
 * @ExtendWith(TestServersExtension.class)
 * class CopyIT {
 *     @Test
 *     void copies(@Server(ServerKind.MYSQL_80) TestServer source,
 *                 @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
 *     }
 * }
 * }</pre>
 *
 * <p>Two parameters of one method with the same kind and profile need distinct {@link #role()}s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Server {
    /** The server build. */
    ServerKind value();

    /** The Aurora emulation profile; default {@link AuroraProfile#NONE}. */
    AuroraProfile aurora() default AuroraProfile.NONE;

    /** Distinguishes shared servers of the same kind and profile; default "" means the profile's name. */
    String role() default "";
}
