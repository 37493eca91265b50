package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Loading a dump under another schema name with {@code Transforms.renameSchema}: DDL, data and objects all go there. */
@ExtendWith(TestServersExtension.class)
class RenameOnLoadIT {

    @Test
    void aDumpLoadsUnderARenamedSchema(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("rename_src");
        String t = "renamed_" + s;
        CompoundBodiesIT.createObjects(source, s);
        LoadFixtures.createSourceTables(source, s, 1500);
        DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        CompoundBodiesIT.trustFunctionCreators(target);
        Transform rename = Transforms.renameSchema(s, t);

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                .transform(rename).threads(2).build().run();

        assertThat(r.chunksLoaded()).isPositive();
        assertThat(target.queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + s + "'"))
                .hasValue("0");
        SchemaComparison.compare(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, t)).assertEqual();
        assertThat(Verify.between(TestEndpoints.root(source), TestEndpoints.root(target)).schemas(s).transform(rename)
                .build().run().ok()).isTrue();
        target.execute("DROP DATABASE " + q(t));
    }
}
