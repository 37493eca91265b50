package io.github.auroramigrate.examples.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A small "shop" schema with the things that trip migrations to Aurora: a view and a function whose DEFINER is
 * another account, a MyISAM table with MyISAM-only options, a table without a primary key, a zero-date default.
 *
 * <pre>{@code
 * try (Connection c = server.rootConnection()) { SampleSchema.create(c, "shop"); }
 * }</pre>
 */
public final class SampleSchema {
    private SampleSchema() {
    }

    /** Creates the schema (dropping an older copy) and fills it with a few hundred rows. */
    public static void create(Connection root, String schema) throws SQLException {
        String s = "`" + schema + "`";
        List<String> statements = List.of(
                "DROP DATABASE IF EXISTS " + s,
                "CREATE DATABASE " + s + " DEFAULT CHARACTER SET utf8mb4",
                "CREATE USER IF NOT EXISTS 'someuser'@'%' IDENTIFIED BY 'Someuser-pw-1'",
                "GRANT SELECT, EXECUTE ON " + s + ".* TO 'someuser'@'%'",
                "CREATE TABLE " + s + ".customers (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100) NOT NULL,"
                        + " email VARCHAR(200), created DATETIME(6) NOT NULL, KEY idx_email (email)) ENGINE=InnoDB",
                "CREATE TABLE " + s + ".orders (id BIGINT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL,"
                        + " amount DECIMAL(12,2) NOT NULL, note TEXT, KEY idx_customer (customer_id)) ENGINE=InnoDB",
                "CREATE TABLE " + s + ".legacy_log (id INT NOT NULL, msg CHAR(80), PRIMARY KEY (id))"
                        + " ENGINE=MyISAM ROW_FORMAT=FIXED PACK_KEYS=1",
                "CREATE TABLE " + s + ".audit_trail (at DATETIME NOT NULL, what VARCHAR(200))",
                "SET SESSION sql_mode = ''",
                "CREATE TABLE " + s + ".shipments (id INT PRIMARY KEY, shipped DATE NOT NULL DEFAULT '0000-00-00')",
                "INSERT INTO " + s + ".customers (name, email, created) SELECT CONCAT('customer ', n), CONCAT('c', n, '@example.com'),"
                        + " NOW(6) - INTERVAL n HOUR FROM (SELECT a.n + b.n * 10 + 1 AS n FROM"
                        + " (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6"
                        + " UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) a,"
                        + " (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6"
                        + " UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b) nums",
                "INSERT INTO " + s + ".orders (customer_id, amount, note) SELECT id, id * 1.25, REPEAT('x', id) FROM " + s + ".customers",
                "INSERT INTO " + s + ".legacy_log VALUES (1, 'first'), (2, 'second')",
                "INSERT INTO " + s + ".audit_trail VALUES (NOW(), 'created'), (NOW(), 'created')",
                "INSERT INTO " + s + ".shipments (id) VALUES (1)",
                "CREATE DEFINER=`someuser`@`%` SQL SECURITY DEFINER VIEW " + s + ".big_orders AS"
                        + " SELECT o.id, c.name, o.amount FROM " + s + ".orders o JOIN " + s + ".customers c ON c.id = o.customer_id"
                        + " WHERE o.amount > 100",
                "CREATE DEFINER=`someuser`@`%` FUNCTION " + s + ".order_total(cid INT) RETURNS DECIMAL(12,2) READS SQL DATA"
                        + " RETURN (SELECT COALESCE(SUM(amount), 0) FROM " + s + ".orders WHERE customer_id = cid)");
        try (Statement st = root.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
