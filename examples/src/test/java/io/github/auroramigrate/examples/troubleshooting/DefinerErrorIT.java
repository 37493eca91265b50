package io.github.auroramigrate.examples.troubleshooting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.examples.ExampleSupport;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link DefinerError} example, pointed at the test's servers as a user points it at theirs: it ends with its verdict,
 * and the target holds the sample schema exactly (objects and rows, by the test oracle) up to what its transforms
 * change on purpose.
 */
@ExtendWith(TestServersExtension.class)
class DefinerErrorIT {

    @Test
    void runsAndTheTargetMatchesTheSource(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target, @TempDir Path tmp) throws Exception {
        String schema = "ex_definer";
        ExampleSupport.prepare(source, target, schema);

        String out = ExampleSupport.run(DefinerError::main, ExampleSupport.args(source, target, schema, tmp));

        assertThat(out).contains("[SUPER_PRIVILEGE_REQUIRED] ERROR 1227", "myschema_dump.sql.gz line", "DEFINER", "VERDICT: imported after the fix and verified equal");
        ExampleSupport.assertSameSchema(source, target, schema, List.of());
    }
}
