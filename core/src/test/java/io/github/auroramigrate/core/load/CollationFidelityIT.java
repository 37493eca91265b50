package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.CompoundBodiesIT.rows;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MySQL 5.7 schema whose DDL names character sets without collations (5.7 prints none for a character set's
 * default) keeps every collation when loaded into MySQL 8.0, whose defaults differ (utf8mb4_0900_ai_ci): the schema,
 * every table and every column, and a routine's schema collation.
 */
@ExtendWith(TestServersExtension.class)
class CollationFidelityIT {
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME, COLLATION_NAME "
            + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND COLLATION_NAME IS NOT NULL ORDER BY 1, 2";
    private static final String TABLES = "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = ? ORDER BY 1";
    private static final String SCHEMA = "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
            + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
    private static final String PARAMETERS = "SELECT ORDINAL_POSITION, PARAMETER_NAME, CHARACTER_SET_NAME, COLLATION_NAME "
            + "FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? ORDER BY 1";
    private static final String ROUTINES = "SELECT ROUTINE_NAME, DATABASE_COLLATION, CHARACTER_SET_CLIENT, "
            + "COLLATION_CONNECTION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?";

    @Test
    void collationsOfA57SourceSurviveAnEightZeroTarget(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = "coll_" + Long.toHexString(System.nanoTime());
        source.execute("CREATE DATABASE " + q(s) + " CHARACTER SET utf8mb4",
                "CREATE TABLE " + q(s) + ".u (id INT PRIMARY KEY, a VARCHAR(20), b TEXT, e ENUM('x','ä'),"
                        + " l VARCHAR(10) CHARACTER SET latin1, k VARCHAR(10) COLLATE utf8mb4_bin) CHARACTER SET utf8mb4",
                "CREATE TABLE " + q(s) + ".l (id INT PRIMARY KEY, m VARCHAR(20) CHARACTER SET utf8mb4, n VARCHAR(5))"
                        + " CHARACTER SET latin1",
                "INSERT INTO " + q(s) + ".u VALUES (1, 'a', 'B', 'ä', 'é', 'K'), (2, 'A ', 'b', 'x', 'e', 'k')",
                "INSERT INTO " + q(s) + ".l VALUES (1, '😀', 'n')",
                "CREATE FUNCTION " + q(s) + ".f(p VARCHAR(10), l VARCHAR(3) CHARACTER SET latin1) RETURNS VARCHAR(10) DETERMINISTIC"
                        + " RETURN CONCAT(p, l, 'x')");
        assertThat(rows(source, TABLES, s)).extracting(r -> r.get(1)).containsOnly("utf8mb4_general_ci", "latin1_swedish_ci");

        DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        CompoundBodiesIT.trustFunctionCreators(target);
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();

        assertThat(rows(target, SCHEMA, s)).isEqualTo(rows(source, SCHEMA, s)).containsExactly(
                java.util.List.of("utf8mb4", "utf8mb4_general_ci"));
        assertThat(rows(target, TABLES, s)).isEqualTo(rows(source, TABLES, s));
        assertThat(rows(target, COLUMNS, s)).isEqualTo(rows(source, COLUMNS, s)).hasSize(7);
        assertThat(rows(target, ROUTINES, s)).isEqualTo(rows(source, ROUTINES, s)).hasSize(1);
        assertThat(rows(target, PARAMETERS, s)).isEqualTo(rows(source, PARAMETERS, s)).hasSize(3);
        // the semantics the collations carry: 'a' and 'A ' are equal under utf8mb4_general_ci (PAD SPACE), not 0900
        assertThat(rows(target, "SELECT COUNT(DISTINCT a) FROM " + q(s) + ".u")).containsExactly(java.util.List.of("1"));
    }

    /** The same dump into 5.7 itself: the explicit collations of routine parameters are accepted there too. */
    @Test
    void explicitCollationsLoadIntoTheSourcesOwnVersion(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, role = "target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("coll57");
        source.execute("CREATE FUNCTION " + q(s) + ".f(p VARCHAR(10) CHARSET utf8mb4) RETURNS VARCHAR(10) CHARSET latin1"
                + " DETERMINISTIC RETURN CONCAT(p, 'x')", "CREATE TABLE " + q(s) + ".t (a VARCHAR(3) CHARACTER SET utf8mb4)");
        DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
        assertThat(rows(target, PARAMETERS, s)).isEqualTo(rows(source, PARAMETERS, s)).hasSize(2);
        assertThat(rows(target, COLUMNS, s)).isEqualTo(rows(source, COLUMNS, s)).hasSize(1);
    }
}
