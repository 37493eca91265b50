package io.github.auroramigrate.testkit.fidelity.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The statements of the torture schema for one flavour, run in order in the schema (as default database)
 * on one connection. See {@link io.github.auroramigrate.testkit.fidelity.TortureSchema} for the contents.
 *
 * <p>Why ~570 lines: it is data (the schema's DDL per flavour), not logic; one file reads as one schema.
 */
public final class TortureDdl {
    /** The sql_mode tables and data are created under: strict, but zero and invalid dates allowed. */
    public static final String DATA_MODE = "STRICT_ALL_TABLES,ALLOW_INVALID_DATES,NO_ENGINE_SUBSTITUTION";
    private static final String ALL_BYTES;

    static {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        ALL_BYTES = HexFormat.of().withUpperCase().formatHex(b);
    }

    private final boolean my8;
    private final boolean my57;
    private final boolean maria;
    private final int bigRows;
    private final int largeBytes;
    private final List<String> s = new ArrayList<>();

    private TortureDdl(ServerFlavour f, int bigRows, int largeBytes) {
        this.my8 = f.mysql8();
        this.maria = f.mariaDb();
        this.my57 = !my8 && !maria;
        this.bigRows = bigRows;
        this.largeBytes = largeBytes;
    }

    /** The statements for {@code flavour}. */
    public static List<String> statements(ServerFlavour flavour, int bigRows, int largeBytes) {
        TortureDdl d = new TortureDdl(flavour, bigRows, largeBytes);
        d.session();
        d.allTypes();
        d.bigRows();
        d.keyless();
        d.relations();
        d.generated();
        d.collations();
        d.options();
        d.partitions();
        d.checks();
        d.indexes();
        d.defaults();
        d.identifiers();
        if (d.maria) {
            d.mariaTypes();
        }
        d.triggerTables();
        d.routines();
        d.views();
        d.triggers();
        d.events();
        d.add("SET SESSION sql_mode = '" + DATA_MODE + "'");
        d.add("SET time_zone = '+00:00'");
        return List.copyOf(d.s);
    }

    private void add(String sql) {
        s.add(sql.strip());
    }

    /** {@code n} from 0 to 9999 as a derived table {@code nums(n)}, filtered by the caller. */
    private static String numbers() {
        String d = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
                + "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        return "(SELECT a.d + b.d * 10 + c.d * 100 + e.d * 1000 AS n FROM " + d + " a, " + d + " b, " + d + " c, " + d
                + " e) nums";
    }

    private String geom(String wkt) {
        return "ST_GeomFromText('" + wkt + "')";
    }

    private void session() {
        add("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
        add("SET time_zone = '+00:00'");
        add("SET SESSION sql_mode = '" + DATA_MODE + "'");
        add("SET foreign_key_checks = 1");
        // a schema collation no server has as its default
        add("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    private void allTypes() {
        add("""
            CREATE TABLE all_types (
              id INT NOT NULL PRIMARY KEY,
              ti TINYINT, tiu TINYINT UNSIGNED, bool1 TINYINT(1), si SMALLINT, siu SMALLINT UNSIGNED,
              mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
              zf INT(8) UNSIGNED ZEROFILL,
              d65 DECIMAL(65,30), d650 DECIMAL(65,0), d55 DECIMAL(5,5), du DECIMAL(10,2) UNSIGNED,
              f FLOAT, f74 FLOAT(7,4), d DOUBLE,
              bt1 BIT(1), bt64 BIT(64),
              dt DATE, dtm DATETIME, dtm6 DATETIME(6), ts TIMESTAMP NULL DEFAULT NULL, ts6 TIMESTAMP(6) NULL DEFAULT NULL,
              tm TIME, tm6 TIME(6), yr YEAR,
              c10 CHAR(10), vc VARCHAR(255), vlat VARCHAR(100) CHARACTER SET latin1, vgbk VARCHAR(50) CHARACTER SET gbk,
              tt TINYTEXT, tx TEXT, mtx MEDIUMTEXT, ltx LONGTEXT,
              bn BINARY(16), vb VARBINARY(300), tb TINYBLOB, bl BLOB, mb MEDIUMBLOB, lb LONGBLOB,
              e ENUM('a','b','ç','€'), st SET('x','y','z','ü'),
              j JSON,
              g GEOMETRY, pt POINT, ls LINESTRING, pg POLYGON, mpt MULTIPOINT, mls MULTILINESTRING, mpg MULTIPOLYGON,
              gc GEOMETRYCOLLECTION""" + (my8 ? ", g4326 POINT SRID 4326, g0 GEOMETRY SRID 0" : "") + """

            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='every type at its edges'""");
        add("INSERT INTO all_types (id) VALUES (1)");
        add("INSERT INTO all_types (id, ti, tiu, bool1, si, siu, mi, miu, i, iu, bi, biu, zf, d65, d650, d55, du, f, f74, d,"
                + " bt1, bt64, dt, dtm, dtm6, ts, ts6, tm, tm6, yr, c10, vc, vlat, vgbk, tt, tx, mtx, ltx, bn, vb, tb, bl, mb, lb,"
                + " st, j) VALUES (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'0', b'0', '0000-00-00',"
                + " '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000',"
                + " '00:00:00', '00:00:00.000000', 0, '', '', '', '', '', '', '', '', X'', X'', X'', X'', X'', X'', '', '[]')");
        add("INSERT INTO all_types (id, ti, tiu, bool1, si, siu, mi, miu, i, iu, bi, biu, zf, d65, d650, d55, du, f, f74, d,"
                + " bt1, bt64, dt, dtm, dtm6, ts, ts6, tm, tm6, yr, c10, vc, vlat, vgbk, tt, tx, mtx, bn, vb, e, st, j,"
                + " g, pt, ls, pg, mpt, mls, mpg, gc" + (my8 ? ", g4326, g0" : "") + ") VALUES (3, 127, 255, 127, 32767, 65535,"
                + " 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, 18446744073709551615, 42,"
                + " 99999999999999999999999999999999999.999999999999999999999999999999, " + "9".repeat(65) + ", 0.99999,"
                + " 99999999.99, 3.402823466e38, 999.9999, 1.7976931348623157e308, b'1', b'" + "1".repeat(64) + "',"
                + " '9999-12-31', '9999-12-31 23:59:59', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07',"
                + " '2038-01-19 03:14:07.999999', '838:59:59', '838:59:59.000000', 2155, REPEAT('😀', 10), REPEAT('ü', 255),"
                + " REPEAT('ÿ', 100), REPEAT('中', 50), REPEAT('a', 255), REPEAT('x', 65535), REPEAT('m', 100000),"
                + " X'" + "FF".repeat(16) + "', X'" + "FF".repeat(300) + "', '€', 'x,y,z,ü',"
                + " '{\"int\": 1, \"neg\": -42, \"big\": 18446744073709551615, \"bigneg\": -9223372036854775808,"
                + " \"dec\": 3.14159265358979323846, \"exp\": 1e300, \"tiny\": -1e-300, \"zero\": 0, \"negzero\": -0.0,"
                + " \"half\": 1.5, \"str\": \"t\\\\u00e9\\\\n\\\\\\\\ \\\\\"q\\\\\" 😀 𝄞\", \"nested\": {\"a\": [1, [2, [3, {\"b\": null}]]],"
                + " \"t\": true, \"f\": false}, \"empty\": {}, \"emptyarr\": [], \"ключ\": \"значение\"}',"
                + " " + geom("POLYGON((0 0,10 0,10 10,0 10,0 0),(5 5,7 5,7 7,5 7,5 5))") + ", " + geom("POINT(1.5 -2.25)")
                + ", " + geom("LINESTRING(0 0,1 1,2 -2)") + ", " + geom("POLYGON((0 0,1 0,1 1,0 0))")
                + ", " + geom("MULTIPOINT(0 0,1 1)") + ", " + geom("MULTILINESTRING((0 0,1 1),(2 2,3 3))")
                + ", " + geom("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))")
                + ", " + geom("GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))")
                + (my8 ? ", ST_GeomFromText('POINT(45.5 -122.25)', 4326), ST_GeomFromText('POINT(-10000000000 0.0000000001)', 0)" : "") + ")");
        add("INSERT INTO all_types (id, ti, tiu, si, siu, mi, miu, i, iu, bi, biu, d65, d650, d55, du, f, f74, d, bt64,"
                + " dt, dtm, dtm6, ts, ts6, tm, tm6, yr, e, st) VALUES (4, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0,"
                + " -9223372036854775808, 0, -99999999999999999999999999999999999.999999999999999999999999999999,"
                + " -" + "9".repeat(65) + ", -0.99999, 0, -3.402823466e38, -999.9999, -1.7976931348623157e308, b'0',"
                + " '1000-01-01', '1000-01-01 00:00:00', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01',"
                + " '1970-01-01 00:00:01.000000', '-838:59:59', '-838:59:59.000000', 1901, 'a', 'x')");
        // -0e0 is stored as negative zero; invalid and zero-part dates are kept under ALLOW_INVALID_DATES
        add("INSERT INTO all_types (id, f, d, f74, bi, biu, d65, d55, bt64, dt, dtm, dtm6, tm, tm6, yr, c10, vc, vlat, vgbk,"
                + " tx, e, st, j) VALUES (5, -0e0, -0e0, 0.0001, -1, 9223372036854775808,"
                + " 0.000000000000000000000000000001, 0.00001, b'1" + "0".repeat(63) + "', '2020-02-30',"
                + " '2021-04-31 12:00:00', '2020-00-15 00:00:00.000001', '-00:00:01', '-00:00:00.000001', 1970, 'ab\\tc',"
                + " 'tab\\there\\nnew\\rline \\\\ back \\'q\\' \\0 nul \\Z \\\\N 😀 𝄞 ü ', _latin1 X'80A4FF41',"
                + " _gbk X'815C', '\\\\N', 'ç', '', '[1, -0.0, 2.50, \"\", null, {\"k\": \"v\"}]')");
        add("INSERT INTO all_types (id, f, d, vc, tx, vb, bn, vgbk) VALUES (6, 1e-45, 4.9e-324, ' trailing  ', '\\\\',"
                + " X'" + ALL_BYTES + "', X'00FF5C0A0D091A27225C4E000000FF00', _gbk X'D6D0CEC45C5C')");
        // large values (several MB) with every byte value
        int reps = Math.max(1, largeBytes / 256);
        add("INSERT INTO all_types (id, lb, bl, mb, tb, ltx, tx) VALUES (7, REPEAT(X'" + ALL_BYTES + "', " + reps + "),"
                + " REPEAT(X'" + ALL_BYTES + "', 255), X'" + ALL_BYTES + "', REPEAT(X'5C', 255),"
                + " REPEAT('ü😀\\tline\\n', " + Math.max(1, largeBytes / 13) + "), REPEAT('é', 32767))");
    }

    private void bigRows() {
        add("""
            CREATE TABLE big_rows (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              k INT NOT NULL,
              name VARCHAR(100) NOT NULL,
              amount DECIMAL(20,6) NOT NULL,
              ratio DOUBLE,
              at DATETIME(6),
              j JSON,
              payload VARBINARY(64),
              KEY ix_k (k)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
        add("INSERT INTO big_rows (id, k, name, amount, ratio, at, j, payload) SELECT n + 1, n MOD 97,"
                + " CONCAT('row ', n, ' ', ELT(n MOD 4 + 1, '😀', 'ü', 'plain', 'quote''s')), n * 1.000001 - 1000, n / 7,"
                + " TIMESTAMP('2024-03-31 01:30:00.5') + INTERVAL n SECOND, JSON_OBJECT('n', n, 'half', n / 2, 's', CONCAT('v', n)),"
                + " UNHEX(SHA2(n, 256)) FROM " + numbers() + " WHERE n < " + bigRows);
        add("ALTER TABLE big_rows AUTO_INCREMENT = " + (bigRows + 1000));
    }

    private void keyless() {
        add("CREATE TABLE no_key (a INT, b VARCHAR(20), c DECIMAL(10,2), d DATETIME) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        // every row three times, plus two all-NULL rows
        add("INSERT INTO no_key SELECT n DIV 3, CONCAT('dup ', n DIV 3), (n DIV 3) / 4, TIMESTAMP('2020-01-01') + INTERVAL (n DIV 3) DAY"
                + " FROM " + numbers() + " WHERE n < 3000");
        add("INSERT INTO no_key VALUES (NULL, NULL, NULL, NULL), (NULL, NULL, NULL, NULL)");
        add("CREATE TABLE uniq_no_pk (code VARCHAR(20) NOT NULL, v INT, note VARCHAR(50), UNIQUE KEY uk_code (code))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO uniq_no_pk SELECT CONCAT('c', LPAD(n, 5, '0')), n, IF(n MOD 3 = 0, NULL, 'note') FROM " + numbers()
                + " WHERE n < 200");
        add("INSERT INTO uniq_no_pk VALUES ('C-ü', NULL, 'non-ASCII key')");
    }

    private void relations() {
        add("SET foreign_key_checks = 0");
        // orders is created first and names zz_customers, which sorts later; plus a self-reference
        add("""
            CREATE TABLE orders (
              id INT NOT NULL PRIMARY KEY,
              parent_id INT NULL,
              cust_region VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
              cust_since DATETIME(3) NOT NULL,
              total DECIMAL(12,2) NOT NULL,
              KEY ix_parent (parent_id),
              KEY ix_cust (cust_region, cust_since),
              CONSTRAINT fk_orders_parent FOREIGN KEY (parent_id) REFERENCES orders (id) ON DELETE SET NULL,
              CONSTRAINT `fk orders→customers` FOREIGN KEY (cust_region, cust_since)
                REFERENCES zz_customers (region, since) ON UPDATE CASCADE ON DELETE RESTRICT
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");
        add("""
            CREATE TABLE zz_customers (
              region VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
              since DATETIME(3) NOT NULL,
              name VARCHAR(50) NOT NULL,
              PRIMARY KEY (region, since)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");
        add("SET foreign_key_checks = 1");
        add("INSERT INTO zz_customers SELECT ELT(n MOD 4 + 1, 'eu', 'EU', 'us-west', 'zz'),"
                + " TIMESTAMP('2001-02-03 04:05:06.789') + INTERVAL n DAY, CONCAT('customer ', n) FROM " + numbers() + " WHERE n < 20");
        add("INSERT INTO orders SELECT n + 1, IF(n MOD 3 = 0 OR n = 0, NULL, n), ELT((n MOD 20) MOD 4 + 1, 'eu', 'EU', 'us-west', 'zz'),"
                + " TIMESTAMP('2001-02-03 04:05:06.789') + INTERVAL (n MOD 20) DAY, n * 2.5 FROM " + numbers() + " WHERE n < 300 ORDER BY n");
    }

    private void generated() {
        add("CREATE TABLE gen_cols (\n  id INT NOT NULL PRIMARY KEY,\n  price DECIMAL(10,2) NOT NULL,\n  qty INT NOT NULL,\n"
                + "  doc JSON,\n"
                + "  total DECIMAL(12,2) GENERATED ALWAYS AS (price * qty) STORED,\n"
                + "  label VARCHAR(80) GENERATED ALWAYS AS (CONCAT('item ', id, ' – ', qty, '×')) VIRTUAL,\n"
                + "  doc_name VARCHAR(50) GENERATED ALWAYS AS (JSON_UNQUOTE(JSON_EXTRACT(doc, '$.name'))) VIRTUAL,\n"
                + (my57 ? "" : "  secret VARCHAR(20) DEFAULT 'hidden' INVISIBLE,\n  inv_n INT INVISIBLE,\n")
                + "  KEY ix_doc_name (doc_name),\n  KEY ix_total (total)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO gen_cols (id, price, qty, doc" + (my57 ? "" : ", secret, inv_n") + ") SELECT n, n + 0.25, n MOD 7,"
                + " JSON_OBJECT('name', CONCAT('n', n, ' ü'))" + (my57 ? "" : ", CONCAT('s', n), IF(n MOD 2 = 0, NULL, -n)")
                + " FROM " + numbers() + " WHERE n < 100");
    }

    private void collations() {
        add("CREATE TABLE collations (\n  id INT NOT NULL PRIMARY KEY,\n"
                + "  c_bin VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,\n"
                + "  c_general VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci,\n"
                + "  c_unicode VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,\n"
                + "  c_latin1 VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_german2_ci,\n"
                + "  c_latin1_bin VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin,\n"
                + "  c_gbk VARCHAR(20) CHARACTER SET gbk COLLATE gbk_bin,\n"
                + "  c_ascii CHAR(5) CHARACTER SET ascii COLLATE ascii_bin,\n"
                + "  c_utf8mb3 VARCHAR(20) CHARACTER SET utf8 COLLATE utf8_unicode_ci,\n"
                + "  c_enum ENUM('x','X') CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,\n"
                + (my8 ? "  c_0900 VARCHAR(20) COLLATE utf8mb4_0900_as_cs,\n" : "")
                + (maria ? "  c_uca1400 VARCHAR(20) COLLATE utf8mb4_uca1400_ai_ci,\n" : "")
                + "  c_default VARCHAR(20),\n"
                + "  UNIQUE KEY uq_bin (c_bin)\n) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci");
        String extra = (my8 ? ", c_0900" : "") + (maria ? ", c_uca1400" : "");
        String[][] values = {{"1", "a"}, {"2", "A"}, {"3", "ä"}, {"4", "ß"}, {"5", "é"}};
        for (String[] v : values) {
            String x = "'" + v[1] + "'";
            add("INSERT INTO collations (id, c_bin, c_general, c_unicode, c_latin1, c_latin1_bin, c_gbk, c_ascii, c_utf8mb3,"
                    + " c_enum, c_default" + extra + ") VALUES (" + v[0] + ", " + x + ", " + x + ", " + x + ", " + x + ", " + x
                    + ", ELT(" + v[0] + ", 'a', 'A', '中', '文', '字'), " + (v[1].length() == 1 && v[1].charAt(0) < 128 ? x : "'?'")
                    + ", " + x + ", " + (v[0].equals("2") ? "'X'" : "'x'") + ", " + x + (my8 ? ", " + x : "") + (maria ? ", " + x : "")
                    + ")");
        }
        add("INSERT INTO collations (id, c_bin, c_general) VALUES (6, '😀', '😀')");
        // no collation named: 5.7 gives utf8mb4_general_ci, 8.0 utf8mb4_0900_ai_ci, MariaDB 11.4 utf8mb4_uca1400_ai_ci
        add("CREATE TABLE implicit_collation (id INT NOT NULL PRIMARY KEY, v VARCHAR(20), UNIQUE KEY uq_v (v))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO implicit_collation VALUES (1, 'a'), (2, 'b'), (3, 'ü')");
    }

    private void options() {
        add("CREATE TABLE opt_compact (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10)) ENGINE=InnoDB"
                + " ROW_FORMAT=COMPACT STATS_PERSISTENT=0 AUTO_INCREMENT=5000 DEFAULT CHARSET=utf8mb4"
                + " COMMENT='row format ''compact''; counter 5000 – ü'");
        add("INSERT INTO opt_compact (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        add("CREATE TABLE opt_redundant (id INT NOT NULL PRIMARY KEY, v VARCHAR(10)) ENGINE=InnoDB ROW_FORMAT=REDUNDANT"
                + " DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO opt_redundant VALUES (1, 'r')");
        add("CREATE TABLE opt_compressed (id INT NOT NULL PRIMARY KEY, v TEXT) ENGINE=InnoDB ROW_FORMAT=COMPRESSED"
                + " KEY_BLOCK_SIZE=8 DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO opt_compressed VALUES (1, REPEAT('compress me ', 1000))");
        add("CREATE TABLE opt_dynamic (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4");
        add("CREATE TABLE legacy_myisam (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body TEXT, FULLTEXT KEY ft_body (body))"
                + " ENGINE=MyISAM CHECKSUM=1 AUTO_INCREMENT=77 DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO legacy_myisam (id, body) VALUES (1, 'full text search'), (2, 'MyISAM ü')");
    }

    private void partitions() {
        add("CREATE TABLE part_range (id INT NOT NULL, d DATE NOT NULL, v VARCHAR(10), PRIMARY KEY (id, d)) ENGINE=InnoDB"
                + " PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2"
                + " (PARTITION p2019 VALUES LESS THAN (2020) COMMENT 'old ü', PARTITION p2020 VALUES LESS THAN (2021),"
                + " PARTITION pmax VALUES LESS THAN MAXVALUE)");
        add("INSERT INTO part_range SELECT n, TIMESTAMP('2019-06-01') + INTERVAL n DAY, CONCAT('v', n) FROM " + numbers()
                + " WHERE n < 900");
        add("CREATE TABLE part_list (id INT NOT NULL PRIMARY KEY, v INT) ENGINE=InnoDB PARTITION BY LIST (id MOD 4)"
                + " (PARTITION p_even VALUES IN (0, 2), PARTITION p_odd VALUES IN (1, 3))");
        add("INSERT INTO part_list SELECT n, n * n FROM " + numbers() + " WHERE n < 50");
        add("CREATE TABLE part_hash (id INT NOT NULL PRIMARY KEY, v INT) ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 4");
        add("INSERT INTO part_hash SELECT n, n FROM " + numbers() + " WHERE n < 50");
        add("CREATE TABLE part_key (code VARCHAR(20) NOT NULL PRIMARY KEY, v INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                + " PARTITION BY KEY (code) PARTITIONS 3");
        add("INSERT INTO part_key SELECT CONCAT('k', n), n FROM " + numbers() + " WHERE n < 50");
        add("CREATE TABLE part_range_columns (d DATE NOT NULL, name VARCHAR(10) NOT NULL, PRIMARY KEY (d, name)) ENGINE=InnoDB"
                + " DEFAULT CHARSET=utf8mb4 PARTITION BY RANGE COLUMNS (d, name)"
                + " (PARTITION p0 VALUES LESS THAN ('2020-01-01', 'm'), PARTITION p1 VALUES LESS THAN (MAXVALUE, MAXVALUE))");
        add("INSERT INTO part_range_columns VALUES ('2019-12-31', 'z'), ('2020-01-01', 'a'), ('2020-01-01', 'n')");
    }

    private void checks() {
        if (my57) {
            return; // 5.7 parses CHECK and ignores it
        }
        add("CREATE TABLE checks (\n  id INT NOT NULL PRIMARY KEY,\n  qty INT NOT NULL CHECK (qty >= 0),\n"
                + "  price DECIMAL(10,2),\n  status VARCHAR(10),\n"
                + "  CONSTRAINT ck_price CHECK (price IS NULL OR price > 0),\n"
                + "  CONSTRAINT `ck status ü` CHECK (status IN ('new', 'it''s', 'dün'))"
                + (my8 ? ",\n  CONSTRAINT ck_not_enforced CHECK (qty < 1000) NOT ENFORCED" : "")
                + "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO checks VALUES (1, 0, NULL, 'new'), (2, 5, 9.99, 'it''s'), (3, 7, 0.01, 'dün')");
    }

    private void indexes() {
        String point = my8 ? "POINT NOT NULL SRID 4326" : "POINT NOT NULL";
        add("CREATE TABLE idx_kinds (\n  id INT NOT NULL PRIMARY KEY,\n  name VARCHAR(100) NOT NULL,\n  code VARCHAR(40),\n"
                + "  body TEXT,\n  a INT,\n  b INT,\n  pt " + point + ",\n"
                + "  KEY ix_prefix (name(10)),\n"
                + "  KEY ix_comment (code) COMMENT 'index comment ''q'' ü',\n"
                + (my57 ? "" : "  KEY ix_desc (a DESC, b),\n")
                + (my8 ? "  KEY ix_func ((lower(name))),\n  KEY ix_func2 ((a + b), name(5)),\n  KEY ix_invisible (b) INVISIBLE,\n" : "")
                + (maria ? "  KEY ix_invisible (b) IGNORED,\n" : "")
                + "  UNIQUE KEY ux_code (code),\n"
                + "  FULLTEXT KEY ft_body (body)" + (maria ? "" : " WITH PARSER ngram") + ",\n"
                + "  SPATIAL KEY sp_pt (pt)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        String pt = my8 ? "ST_GeomFromText(CONCAT('POINT(', n MOD 90, ' ', n MOD 180, ')'), 4326)"
                : "ST_GeomFromText(CONCAT('POINT(', n MOD 90, ' ', n MOD 180, ')'))";
        add("INSERT INTO idx_kinds SELECT n, CONCAT('Name ', n, ' Ü'), IF(n MOD 5 = 0, NULL, CONCAT('code-', n)),"
                + " CONCAT('全文 text body ', n), n MOD 10, n MOD 7, " + pt + " FROM " + numbers() + " WHERE n < 60");
    }

    private void defaults() {
        add("CREATE TABLE defaults_t (\n  id INT NOT NULL PRIMARY KEY,\n"
                + "  s VARCHAR(20) NOT NULL DEFAULT 'it''s ü',\n  n INT DEFAULT -1,\n  dd DECIMAL(6,3) DEFAULT '1.500',\n"
                + "  b BIT(4) DEFAULT b'1010',\n  e ENUM('x','y') NOT NULL DEFAULT 'y',\n"
                + "  created TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n"
                + "  dt DATETIME DEFAULT '2000-01-01 00:00:00',\n  zero_dt DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00',\n"
                + "  nul VARCHAR(5) DEFAULT NULL,\n  quoted VARCHAR(10) DEFAULT 'NULL',\n"
                + (my8 ? "  u VARCHAR(36) DEFAULT (uuid()),\n  j JSON DEFAULT (JSON_ARRAY(1, 'a')),\n  tx TEXT DEFAULT ('text ü'),\n" : "")
                + (maria ? "  u VARCHAR(36) DEFAULT uuid(),\n  tx TEXT DEFAULT 'text ü',\n" : "")
                + "  upd DATETIME(6) NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP(6)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO defaults_t (id, created" + (my57 ? "" : ", u") + ") VALUES (1, '2020-01-01 00:00:00.123'"
                + (my57 ? "" : ", '123e4567-e89b-12d3-a456-426614174000'") + "), (2, '2021-06-30 23:59:59.999'"
                + (my57 ? "" : ", 'fixed'") + ")");
    }

    private void identifiers() {
        add("CREATE TABLE `select` (`order` INT NOT NULL PRIMARY KEY, `from` VARCHAR(10), `key` INT, `group` DATE)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO `select` VALUES (1, 'where', 2, '2020-01-01'), (2, NULL, NULL, NULL)");
        add("CREATE TABLE `back``tick` (`col``q` INT NOT NULL PRIMARY KEY, `a b` VARCHAR(5)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO `back``tick` VALUES (1, '`'), (2, '``')");
        add("CREATE TABLE `with space` (`x y` INT NOT NULL PRIMARY KEY, `z.w` INT) ENGINE=InnoDB");
        add("INSERT INTO `with space` VALUES (1, 1)");
        add("CREATE TABLE `dot.ted` (id INT NOT NULL PRIMARY KEY, `a.b` VARCHAR(3)) ENGINE=InnoDB");
        add("INSERT INTO `dot.ted` VALUES (1, 'x.y')");
        add("CREATE TABLE `tâblé` (`çolonne` INT NOT NULL PRIMARY KEY, `naïve` VARCHAR(10)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO `tâblé` VALUES (1, 'café')");
        add("CREATE TABLE `表格` (`列` INT NOT NULL PRIMARY KEY, `值` VARCHAR(10)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO `表格` VALUES (1, '中文')");
        String t64 = "t_" + "x".repeat(62);
        String c64 = "c_" + "y".repeat(62);
        add("CREATE TABLE `" + t64 + "` (`" + c64 + "` INT NOT NULL PRIMARY KEY) ENGINE=InnoDB");
        add("INSERT INTO `" + t64 + "` VALUES (64)");
    }

    private void mariaTypes() {
        add("CREATE TABLE maria_types (id INT NOT NULL PRIMARY KEY, u UUID, i4 INET4, i6 INET6) ENGINE=InnoDB");
        add("INSERT INTO maria_types VALUES (1, NULL, NULL, NULL),"
                + " (2, '123e4567-e89b-12d3-a456-426614174000', '192.168.0.1', '2001:db8::ff00:42:8329'),"
                + " (3, '00000000-0000-0000-0000-000000000000', '0.0.0.0', '::'),"
                + " (4, 'ffffffff-ffff-ffff-ffff-ffffffffffff', '255.255.255.255', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),"
                + " (5, '01234567-89ab-4def-8123-456789abcdef', '10.0.0.1', '::ffff:1.2.3.4')");
    }

    private void triggerTables() {
        add("CREATE TABLE trg_target (id INT NOT NULL PRIMARY KEY, amount DECIMAL(10,2) NOT NULL, note VARCHAR(200),"
                + " touched INT NOT NULL DEFAULT 0) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("CREATE TABLE trg_audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, action VARCHAR(10) NOT NULL, target_id INT,"
                + " detail VARCHAR(200)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        add("INSERT INTO trg_target SELECT n + 1, n * 7.25, CONCAT('note ', n), 0 FROM " + numbers() + " WHERE n < 50");
        add("INSERT INTO trg_audit (action, target_id, detail) VALUES ('seed', 1, 'written before the triggers existed'),"
                + " ('seed', 2, NULL)");
        add("CREATE TABLE event_log (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, note VARCHAR(200),"
                + " at TIMESTAMP(6) NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    private void routines() {
        add("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        add("""
            CREATE PROCEDURE p_compound(IN p_limit INT, OUT p_total DECIMAL(65,30), INOUT p_log VARCHAR(200) CHARACTER SET latin1)
              COMMENT 'compound: labels; handlers; cursors -- and ''quotes'' $$'
              SQL SECURITY INVOKER
              READS SQL DATA
            outer_block: BEGIN
              DECLARE done INT DEFAULT FALSE;
              DECLARE v_amount DECIMAL(10,2);
              DECLARE v_text VARCHAR(100) DEFAULT 'semi;colon $$ // ;; DELIMITER ;';
              DECLARE n INT DEFAULT 0;
              DECLARE cur CURSOR FOR SELECT amount FROM trg_target ORDER BY id;
              DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
              DECLARE EXIT HANDLER FOR SQLEXCEPTION
              BEGIN
                SET p_log = CONCAT(p_log, ' failed;'); -- a comment with ; and $$
              END;
              SET p_total = 0;
              /* a block comment; with
            DELIMITER //
                 and $$ inside */
              OPEN cur;
              read_loop: LOOP
                FETCH cur INTO v_amount;
                IF done THEN
                  LEAVE read_loop;
                END IF;
                SET n = n + 1;
                IF n > p_limit THEN
                  LEAVE read_loop;
                END IF;
                IF v_amount IS NULL THEN
                  ITERATE read_loop;
                END IF;
                inner_block: BEGIN
                  DECLARE tmp DECIMAL(65,30);
                  SET tmp = v_amount;
                  SET p_total = p_total + tmp;
                END inner_block;
              END LOOP read_loop;
              CLOSE cur;
              WHILE n > 0 DO
                SET n = n - 1;
              END WHILE;
              REPEAT
                SET n = n + 1;
              UNTIL n >= 2 END REPEAT;
              # hash comment; DELIMITER ;;
              SET p_log = CONCAT(p_log, ' done;', v_text, "double \\"quoted\\" ;");
            END outer_block""");
        add("""
            CREATE PROCEDURE p_delimiters()
              NO SQL
            BEGIN
              -- the next lines look like client commands but are inside a comment and a string
              /*
            DELIMITER ;
              */
              SELECT 'DELIMITER $$
            END $$
            DELIMITER ;' AS d, '//' AS slashes, ';;' AS semis;
            END""");
        add("CREATE PROCEDURE `p odd ü`(IN `select` INT, OUT `from` VARCHAR(10)) DETERMINISTIC NO SQL"
                + " SET `from` = CONCAT('v', `select`)");
        add("CREATE FUNCTION `f$$x`() RETURNS INT DETERMINISTIC NO SQL RETURN 1");
        // a body whose meaning depends on the sql_mode it was created under
        add("SET SESSION sql_mode = 'PIPES_AS_CONCAT,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        add("CREATE FUNCTION f_concat(a VARCHAR(50), b VARCHAR(50)) RETURNS VARCHAR(120) CHARSET utf8mb4"
                + " DETERMINISTIC NO SQL COMMENT 'a || b concatenates only under PIPES_AS_CONCAT'"
                + " RETURN a || '|' || b");
        add("SET SESSION sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        add("""
            CREATE FUNCTION f_ansi() RETURNS INT
              READS SQL DATA SQL SECURITY INVOKER
            BEGIN
              DECLARE n INT;
              SELECT COUNT(*) INTO n FROM "trg_target" WHERE "amount" > 0; -- identifiers in double quotes
              RETURN n;
            END""");
        add("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        // created with another character set context (ASCII text, so the bytes are the same either way)
        add("SET NAMES latin1");
        add("CREATE FUNCTION f_latin1_ctx(s VARCHAR(20)) RETURNS INT DETERMINISTIC NO SQL RETURN CHAR_LENGTH(s)");
        add("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    private void views() {
        // names sort in reverse dependency order: creating views alphabetically fails
        add("CREATE VIEW c_level1 AS SELECT region, since, name FROM zz_customers WHERE region <> 'zz'");
        add("CREATE VIEW b_level2 AS SELECT region, COUNT(*) AS n FROM c_level1 GROUP BY region");
        add("CREATE VIEW a_level3 AS SELECT region, n * 2 AS doubled FROM b_level2 WHERE n > 0");
        add("CREATE VIEW v_func AS SELECT id, f_concat(note, 'x') AS joined, f_ansi() AS positive, f_latin1_ctx(note) AS len"
                + " FROM trg_target");
        add("CREATE ALGORITHM=MERGE VIEW v_merge AS SELECT id, amount, note FROM trg_target WHERE amount > 10"
                + " WITH CASCADED CHECK OPTION");
        add("CREATE VIEW v_check_local AS SELECT id, amount FROM v_merge WHERE id < 40 WITH LOCAL CHECK OPTION");
        add("CREATE ALGORITHM=TEMPTABLE SQL SECURITY INVOKER VIEW v_temptable AS SELECT k, SUM(amount) AS total, COUNT(*) AS n"
                + " FROM big_rows GROUP BY k");
        add("CREATE VIEW `v with space ü` AS SELECT `order`, `from` AS `fröm`, 'it''s' AS lit FROM `select`");
    }

    private void triggers() {
        add("""
            CREATE TRIGGER trg_bi_normalize BEFORE INSERT ON trg_target FOR EACH ROW
            BEGIN
              -- doubles the amount: rows loaded while this trigger exists are corrupted
              IF NEW.amount IS NOT NULL THEN
                SET NEW.amount = NEW.amount * 2;
              END IF;
              SET NEW.note = CONCAT(COALESCE(NEW.note, ''), ' [bi; "quoted" $$ // ;; DELIMITER]');
            END""");
        add("CREATE TRIGGER trg_bi_first BEFORE INSERT ON trg_target FOR EACH ROW PRECEDES trg_bi_normalize"
                + " SET NEW.touched = NEW.touched + 1");
        add("""
            CREATE TRIGGER trg_bi_last BEFORE INSERT ON trg_target FOR EACH ROW FOLLOWS trg_bi_normalize
            inner_t: BEGIN
              DECLARE n INT DEFAULT 0;
              lbl: LOOP
                SET n = n + 1;
                IF n >= 3 THEN
                  LEAVE lbl;
                END IF;
              END LOOP lbl;
              SET NEW.touched = NEW.touched + n;
            END inner_t""");
        add("CREATE TRIGGER trg_ai_audit AFTER INSERT ON trg_target FOR EACH ROW"
                + " INSERT INTO trg_audit (action, target_id, detail) VALUES ('insert', NEW.id, CONCAT('amount=', NEW.amount))");
        add("""
            CREATE TRIGGER trg_bu BEFORE UPDATE ON trg_target FOR EACH ROW
            BEGIN
              IF NEW.amount < 0 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative; not allowed';
              ELSEIF NEW.amount > 1000 THEN
                SET NEW.note = 'big';
              ELSE
                SET NEW.touched = OLD.touched + 1;
              END IF;
            END""");
        add("CREATE TRIGGER trg_au AFTER UPDATE ON trg_target FOR EACH ROW"
                + " INSERT INTO trg_audit (action, target_id, detail) VALUES ('update', NEW.id, CONCAT(OLD.amount, '->', NEW.amount))");
        add("""
            CREATE TRIGGER trg_bd BEFORE DELETE ON trg_target FOR EACH ROW
            BEGIN
              DECLARE c INT;
              SELECT COUNT(*) INTO c FROM trg_audit WHERE target_id = OLD.id;
              IF c > 1000 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'too much history';
              END IF;
            END""");
        add("CREATE TRIGGER `trg ad ü` AFTER DELETE ON trg_target FOR EACH ROW"
                + " INSERT INTO trg_audit (action, target_id) VALUES ('delete', OLD.id)");
    }

    private void events() {
        // created under a non-UTC zone; every schedule starts in 2037, so no event fires during a test
        add("SET time_zone = '+05:30'");
        add("""
            CREATE EVENT ev_every_enabled ON SCHEDULE EVERY 1 DAY STARTS '2037-01-01 00:00:00' ENDS '2037-12-31 23:59:59'
              ON COMPLETION PRESERVE ENABLE COMMENT 'daily; harmless until 2037'
            DO BEGIN
              DECLARE n INT DEFAULT 0;
              lbl: WHILE n < 3 DO
                SET n = n + 1;
              END WHILE lbl;
              INSERT INTO event_log (name, note) VALUES ('ev_every_enabled', CONCAT('n=', n, '; $$ //'));
            END""");
        add("CREATE EVENT ev_at_disabled ON SCHEDULE AT '2037-06-01 12:00:00' ON COMPLETION PRESERVE DISABLE"
                + " DO INSERT INTO event_log (name) VALUES ('ev_at_disabled')");
        add("CREATE EVENT ev_replica_disabled ON SCHEDULE EVERY 2 HOUR STARTS '2037-02-01 00:00:00'"
                + " ON COMPLETION NOT PRESERVE DISABLE ON SLAVE"
                + " DO BEGIN INSERT INTO event_log (name) VALUES ('ev_replica_disabled'); END");
        add("CREATE EVENT ev_at_not_preserve ON SCHEDULE AT '2037-03-01 01:02:03' ON COMPLETION NOT PRESERVE ENABLE"
                + " DO DELETE FROM event_log WHERE name = 'never'");
    }
}
