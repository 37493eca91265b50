package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.Statement;
import org.junit.jupiter.api.Test;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

class TablespaceAndRenameTest {

    @Test
    void tablespaceAndDataDirectoryClausesFromMysqldump() {
        TransformTesting r = TransformTesting.fixture(Transforms.stripTablespaces(), Fixtures.MYSQL80_DUMP);
        String original = Fixtures.text(Fixtures.MYSQL80_DUMP);
        assertThat(r.output).isEqualTo(original.replace(") /*!50100 TABLESPACE `ts1` */ ENGINE=InnoDB", ") ENGINE=InnoDB")
                .replace(" DATA DIRECTORY='/tmp/fx/ddir80/'", ""));
        assertThat(r.report.count("stripTablespaces", "clause removed")).isEqualTo(2);
    }

    @Test
    void tablespaceForms() {
        Transform t = Transforms.stripTablespaces();
        assertThat(one(t, "CREATE TABLESPACE ts1 ADD DATAFILE 'ts1.ibd' ENGINE=InnoDB")).isEmpty();
        assertThat(one(t, "DROP TABLESPACE ts1")).isEmpty();
        assertThat(one(t, "ALTER TABLE t DISCARD TABLESPACE")).containsExactly("ALTER TABLE t DISCARD TABLESPACE");
        assertThat(one(t, "CREATE TABLE t (id INT) TABLESPACE innodb_system STORAGE DISK ENGINE=InnoDB"))
                .containsExactly("CREATE TABLE t (id INT) ENGINE=InnoDB");
        assertThat(one(t, "CREATE TABLE t (id INT, tablespace INT) DATA DIRECTORY = '/d' INDEX DIRECTORY = '/i'"))
                .containsExactly("CREATE TABLE t (id INT, tablespace INT)");
        assertThat(one(t, "CREATE TABLE p (id INT) PARTITION BY HASH(id) (PARTITION p0 DATA DIRECTORY = '/a',"
                + " PARTITION p1 DATA DIRECTORY = '/b')"))
                .containsExactly("CREATE TABLE p (id INT) PARTITION BY HASH(id) (PARTITION p0, PARTITION p1)");
    }

    @Test
    void renameSchemaInDumpKeepsStringsAndComments() {
        TransformTesting r = TransformTesting.fixture(Transforms.renameSchema("shop", "shop_copy"),
                Fixtures.MYSQL80_DUMP);
        String original = Fixtures.text(Fixtures.MYSQL80_DUMP);
        assertThat(r.output).isEqualTo(original
                .replace("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop`", "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop_copy`")
                .replace("USE `shop`;", "USE `shop_copy`;"));
        assertThat(r.output).contains("-- Current Database: `shop`");   // comments untouched
        assertThat(r.report.count("renameSchema", "name renamed")).isEqualTo(3);
    }

    @Test
    void renameQualifiedNames() {
        Transform t = Transforms.renameSchema("shop", "s2");
        assertThat(one(t, "INSERT INTO shop.t1 VALUES ('shop.t1')")).containsExactly("INSERT INTO `s2`.t1 VALUES ('shop.t1')");
        assertThat(one(t, "SELECT `shop`.`t1`.`id` FROM `shop`.`t1` JOIN other.shop o"))
                .containsExactly("SELECT `s2`.`t1`.`id` FROM `s2`.`t1` JOIN other.shop o");
        assertThat(one(t, "GRANT SELECT ON shop.* TO 'u'@'%'")).containsExactly("GRANT SELECT ON `s2`.* TO 'u'@'%'");
        assertThat(one(t, "DROP DATABASE IF EXISTS shop")).containsExactly("DROP DATABASE IF EXISTS `s2`");
        assertThat(one(t, "USE shopping")).containsExactly("USE shopping");
        // a big extended INSERT: only the head is rewritten
        String big = "INSERT INTO `shop`.`t` VALUES " + "(1,'`shop`.`t`'),".repeat(10_000) + "(2,'x')";
        Statement out = TransformSession.open(t, "b").apply(Fixtures.readAll(big).get(0)).get(0);
        assertThat(out.text()).startsWith("INSERT INTO `s2`.`t` VALUES (1,'`shop`.`t`')").hasSize(big.length() - 2);
    }
}
