package io.github.auroramigrate.examples.flatfile;

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
 * The {@link CsvExportImport} example, pointed at the test's servers as a user points it at theirs: it ends with its verdict,
 * and the target holds the sample schema exactly (objects and rows, by the test oracle) up to what its transforms
 * change on purpose.
 */
@ExtendWith(TestServersExtension.class)
class CsvExportImportIT {

    @Test
    void runsAndTheTargetMatchesTheSource(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp) throws Exception {
        String schema = "ex_csv";
        ExampleSupport.prepare(source, target, schema);

        String out = ExampleSupport.run(CsvExportImport::main, ExampleSupport.args(source, target, schema, tmp, "--export-dir", source.secureFilePriv().resolve("csv-it").toString()));

        assertThat(out).contains("tables as CSV to", "VERDICT: 5 tables imported from CSV and verified equal");
        ExampleSupport.assertSameSchema(source, target, schema, ExampleSupport.INNODB_CONVERSION);
    }
}
