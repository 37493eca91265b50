package io.github.auroramigrate.core.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Transforms applied while dumping: the dump's DDL is ready for an Aurora-2-like target with no load-time transform. */
@ExtendWith(TestServersExtension.class)
class DumpTransformIT {

    @Test
    void definersAndMyIsamAreRewrittenInTheDumpItself(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target,
            @TempDir Path dir) throws Exception {
        String s = source.createSchema("dumptx");
        String q = "`" + s + "`.";
        source.execute("CREATE USER IF NOT EXISTS 'dumptx_definer'@'%' IDENTIFIED BY 'Dumptx-pw-1'",
                "CREATE TABLE " + q + "legacy (id INT PRIMARY KEY, msg CHAR(20)) ENGINE=MyISAM ROW_FORMAT=FIXED",
                "INSERT INTO " + q + "legacy VALUES (1, 'one'), (2, 'two')",
                "CREATE DEFINER=`dumptx_definer`@`%` VIEW " + q + "v AS SELECT id, msg FROM " + q + "legacy");
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store)
                .transform(Transforms.stripDefiners().andThen(Transforms.forceInnoDb())).build().run();

        List<String> ddl;
        try (Stream<Path> files = Files.walk(dir.resolve("schema"))) {
            ddl = files.filter(Files::isRegularFile).map(DumpTransformIT::read).toList();
        }
        assertThat(ddl).noneMatch(text -> text.contains("DEFINER=`dumptx_definer`"));
        assertThat(ddl).anyMatch(text -> text.contains("ENGINE=InnoDB") && text.contains("legacy"));
        assertThat(ddl).noneMatch(text -> text.contains("MyISAM") || text.contains("ROW_FORMAT=FIXED"));

        // no transform at load time: the dump itself is fit for the non-SUPER master user
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1).build().run();
        try (Connection c = TestEndpoints.of(target).connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), (SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                     + s + "' AND TABLE_NAME = 'legacy') FROM " + q + "v")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("InnoDB");
        }
    }

    @Test
    void aTransformThatRenamesObjectsIsRefused(@Server(ServerKind.MYSQL_57) TestServer source, @TempDir Path dir) {
        String s = source.createSchema("dumptxrename");
        source.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY)");
        MigrationException e = catchThrowableOfType(() -> Dump.from(TestEndpoints.of(source)).schemas(s).to(DumpStores.directory(dir))
                .transform(Transforms.renameSchema(s, s + "_new")).build().run(), MigrationException.class);
        assertThat(e).as("renaming while dumping must fail").isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
