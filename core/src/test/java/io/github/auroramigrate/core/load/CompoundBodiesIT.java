package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routines, triggers and events whose bodies hold {@code ;} (every real BEGIN ... END body) go through Load and Copy:
 * each object exists on the target with the source's body, characteristics and session context, the trigger was
 * created after the data (it doubles inserted values, so created before it would have corrupted them), and a view
 * on a function loads (views come after routines).
 */
@ExtendWith(TestServersExtension.class)
class CompoundBodiesIT {

    /** What the handbook says to do on Aurora (the DB cluster parameter group): binary logging is on in the emulation. */
    static void trustFunctionCreators(TestServer target) throws SQLException {
        try (Connection c = target.rootConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        }
    }

    static void createObjects(TestServer source, String s) {
        source.execute("CREATE TABLE " + q(s) + ".t (id INT PRIMARY KEY, v INT, note VARCHAR(200))",
                "INSERT INTO " + q(s) + ".t VALUES (1, 10, 'a;b'), (2, 20, 'DELIMITER $$'), (3, 30, NULL)",
                "CREATE TABLE " + q(s) + ".audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(100))");
        try (Connection c = source.rootConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("USE " + q(s));
            st.execute("SET SESSION sql_mode = 'PIPES_AS_CONCAT,NO_ENGINE_SUBSTITUTION'");
            st.execute("CREATE FUNCTION f_label(x INT) RETURNS VARCHAR(50) DETERMINISTIC COMMENT 'uses ||; under PIPES'\n"
                    + "BEGIN\n"
                    + "  DECLARE r VARCHAR(50) DEFAULT '';\n"
                    + "  -- a comment with ; and DELIMITER //\n"
                    + "  SET r = 'n=' || x || ';';\n"
                    + "  RETURN r; /* trailing ; comment */\n"
                    + "END");
            st.execute("SET SESSION sql_mode = DEFAULT");
            st.execute("CREATE PROCEDURE p_sum(IN lim INT, OUT total INT) SQL SECURITY INVOKER READS SQL DATA\n"
                    + "outer_block: BEGIN\n"
                    + "  DECLARE done INT DEFAULT 0;\n"
                    + "  DECLARE x INT;\n"
                    + "  DECLARE cur CURSOR FOR SELECT v FROM t WHERE id <= lim ORDER BY id;\n"
                    + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;\n"
                    + "  SET total = 0;\n"
                    + "  OPEN cur;\n"
                    + "  read_loop: LOOP\n"
                    + "    FETCH cur INTO x;\n"
                    + "    IF done THEN LEAVE read_loop; END IF;\n"
                    + "    BEGIN\n"
                    + "      DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET total = -1; END;\n"
                    + "      SET total = total + x; -- 'not a ; string'\n"
                    + "    END;\n"
                    + "  END LOOP read_loop;\n"
                    + "  CLOSE cur;\n"
                    + "END outer_block");
            st.execute("CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\n"
                    + "BEGIN\n"
                    + "  IF NEW.v IS NOT NULL THEN SET NEW.v = NEW.v * 2; END IF;\n"
                    + "  INSERT INTO audit (what) VALUES (CONCAT('insert;', NEW.id));\n"
                    + "END");
            st.execute("CREATE EVENT e_cleanup ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE"
                    + " DISABLE COMMENT 'never runs in tests' DO\n"
                    + "BEGIN\n"
                    + "  DELETE FROM audit WHERE what LIKE '%;%';\n"
                    + "  UPDATE t SET note = 'x;y' WHERE id = 0;\n"
                    + "END");
            st.execute("CREATE VIEW v_labels AS SELECT id, f_label(v) AS label FROM t");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadCreatesCompoundObjectsFromBothFormats(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path flat, @TempDir Path sql) throws Exception {
        String s = source.createSchema("bodies");
        createObjects(source, s);
        trustFunctionCreators(target);
        target.execute("CREATE DATABASE " + q(s)); // a schema the user created beforehand is adopted (same defaults)
        for (Path dir : List.of(flat, sql)) {
            DumpLoadIT.dump(source, s, dir, dir == flat ? DumpFormat.FLAT : DumpFormat.SQL);
            LoadResult r = Load.into(TestEndpoints.of(target))
                    .from(LoadSources.dump(DumpStores.directory(dir)))
                    .transform(Transforms.stripDefiners())
                    .build().run();
            assertThat(r.chunksLoaded()).isPositive();
            assertObjects(source, s, target, s);
            target.execute("DROP DATABASE " + q(s));
        }
    }

    @Test
    void copyCreatesCompoundObjects(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        String s = source.createSchema("bodies_copy");
        createObjects(source, s);
        trustFunctionCreators(target);
        Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).dump(d -> d.schemas(s))
                .load(l -> l.transform(Transforms.stripDefiners())).build().run();
        assertObjects(source, s, target, s);
    }

    /** Bodies, characteristics and contexts equal; data not changed by the trigger; objects usable. */
    static void assertObjects(TestServer source, String s, TestServer target, String t) throws Exception {
        assertThat(rows(target, "SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS,"
                + " SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION"
                + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1", t))
                .isEqualTo(rows(source, "SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC,"
                        + " SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT, CHARACTER_SET_CLIENT,"
                        + " COLLATION_CONNECTION, DATABASE_COLLATION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                        + " ORDER BY 1", s))
                .hasSize(2);
        String triggers = "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_STATEMENT, ACTION_TIMING,"
                + " SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = ? ORDER BY 1";
        assertThat(rows(target, triggers, t)).isEqualTo(rows(source, triggers, s)).hasSize(1);
        String events = "SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, STATUS,"
                + " ON_COMPLETION, EVENT_COMMENT, SQL_MODE, TIME_ZONE FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
                + " ORDER BY 1";
        assertThat(rows(target, events, t)).isEqualTo(rows(source, events, s)).hasSize(1);
        String data = "SELECT id, v, note FROM %s.t ORDER BY id";
        assertThat(rows(target, String.format(data, q(t)))).isEqualTo(rows(source, String.format(data, q(s))));
        assertThat(rows(target, "SELECT COUNT(*) FROM " + q(t) + ".audit")).containsExactly(List.of("0"));
        assertThat(rows(target, "SELECT label FROM " + q(t) + ".v_labels ORDER BY id"))
                .containsExactly(List.of("n=10;"), List.of("n=20;"), List.of("n=30;"));
        try (Connection c = target.connection(t); java.sql.Statement st = c.createStatement()) {
            st.execute("CALL p_sum(2, @total)");
            try (ResultSet rs = st.executeQuery("SELECT @total")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(30);
            }
        }
    }

    static List<List<String>> rows(TestServer server, String sql, String... params) throws SQLException {
        try (Connection c = server.rootConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
