package io.github.auroramigrate.core.compat;

import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestServersExtension.class)
class ScratchIT {
    @Test
    void probe(@Server(ServerKind.MYSQL_57) TestServer my57, @Server(ServerKind.MYSQL_80) TestServer my8) throws Exception {
        for (TestServer srv : new TestServer[] {my57, my8}) {
            String db = srv.createSchema("p");
            try (Connection c = srv.rootConnection(); Statement st = c.createStatement()) {
                st.execute("USE `" + db + "`");
                try {
                    st.execute("CREATE FUNCTION f(a VARCHAR(5) CHARSET utf8mb4 COLLATE utf8mb4_unicode_520_ci) RETURNS VARCHAR(10) CHARSET utf8mb4 COLLATE utf8mb4_bin DETERMINISTIC RETURN a");
                    try (ResultSet rs = st.executeQuery("SELECT PARAMETER_NAME, COLLATION_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = '" + db + "'")) {
                        while (rs.next()) System.out.println("OUT " + srv.kind() + " " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                    try (ResultSet rs = st.executeQuery("SHOW CREATE FUNCTION f")) { rs.next(); System.out.println("OUT " + rs.getString(3)); }
                } catch (Exception e) { System.out.println("OUT " + srv.kind() + " fails: " + e); }
                st.execute("CREATE TABLE d (tx TEXT DEFAULT ('text ü'), u VARCHAR(36) DEFAULT (uuid()))".replace("DEFAULT ('text ü'), u VARCHAR(36) DEFAULT (uuid())", srv.kind() == ServerKind.MYSQL_80 ? "DEFAULT ('text ü'), u VARCHAR(36) DEFAULT (uuid())" : ", u INT"));
                try (ResultSet rs = st.executeQuery("SELECT COLUMN_NAME, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db + "'")) {
                    while (rs.next()) System.out.println("OUT " + srv.kind() + " " + rs.getString(1) + " [" + rs.getString(2) + "] " + rs.getString(3));
                }
                st.execute("CREATE TABLE g (id INT, label VARCHAR(80) GENERATED ALWAYS AS (CONCAT('item – ', id, '×')) VIRTUAL)");
                try (ResultSet rs = st.executeQuery("SELECT GENERATION_EXPRESSION, HEX(GENERATION_EXPRESSION) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db + "' AND COLUMN_NAME = 'label'")) {
                    while (rs.next()) System.out.println("OUT " + srv.kind() + " gen " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
    }
}
