package io.github.auroramigrate.examples.withdowntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.examples.ExampleSupport;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link DumpAndImport} example, pointed at the test's servers as a user points it at theirs: it ends with its verdict,
 * and the target holds the sample schema exactly (objects and rows, by the test oracle) up to what its transforms
 * change on purpose.
 */
@ExtendWith(TestServersExtension.class)
class DumpAndImportIT {

    @Test
    void runsAndTheTargetMatchesTheSource(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp) throws Exception {
        String schema = "ex_downtime";
        ExampleSupport.prepare(source, target, schema);

        String out = ExampleSupport.run(DumpAndImport::main, ExampleSupport.args(source, target, schema, tmp));

        assertThat(out).contains("VERDICT: " + schema + " moved and verified");
        ExampleSupport.assertSameSchema(source, target, schema, ExampleSupport.INNODB_CONVERSION);
    }
}
