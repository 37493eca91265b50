package io.github.auroramigrate.examples.mydumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.examples.ExampleSupport;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.ExpectedDifference;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link ParallelImport} example, pointed at the test's servers as a user points it at theirs: it ends with its verdict,
 * and the target holds the sample schema exactly (objects and rows, by the test oracle) up to what its transforms
 * change on purpose.
 */
@ExtendWith(TestServersExtension.class)
class ParallelImportIT {

    @Test
    void runsAndTheTargetMatchesTheSource(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp) throws Exception {
        String schema = "ex_mydumper";
        ExampleSupport.prepare(source, target, schema);

        String out = ExampleSupport.run(ParallelImport::main, ExampleSupport.args(source, target, schema, tmp));

        assertThat(out).contains("mydumper wrote", "VERDICT: the mydumper directory was imported in parallel and verified equal");
        List<ExpectedDifference> expected = new java.util.ArrayList<>(ExampleSupport.INNODB_CONVERSION);
        expected.add(ExpectedDifference.of(SchemaObject.Kind.FUNCTION, "order_total", "sql_mode", null, null,
                "mydumper 0.10 does not record a routine's sql_mode"));
        ExampleSupport.assertSameSchema(source, target, schema, expected);
    }
}
