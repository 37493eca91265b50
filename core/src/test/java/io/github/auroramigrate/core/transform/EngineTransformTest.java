package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import org.junit.jupiter.api.Test;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

class EngineTransformTest {

    @Test
    void myisamTableFromMysqldumpBecomesInnoDbWithoutRejectedOptions() {
        TransformTesting r = TransformTesting.fixture(Transforms.forceInnoDb(), Fixtures.MYSQL80_DUMP);
        assertThat(r.output).contains("CREATE TABLE `legacy` (\n  `id` int NOT NULL,\n  `code` char(10) NOT NULL,\n"
                + "  `body` varchar(100) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  FULLTEXT KEY `ft_body` (`body`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci ROW_FORMAT=DYNAMIC;");
        assertThat(r.report.count("forceInnoDb", "engine converted")).isEqualTo(1);
        assertThat(r.report.count("forceInnoDb", "row_format changed")).isEqualTo(1);
        // PACK_KEYS, CHECKSUM, DELAY_KEY_WRITE, table KEY_BLOCK_SIZE and two index KEY_BLOCK_SIZEs
        assertThat(r.report.count("forceInnoDb", "option removed")).isEqualTo(6);
        // MEMORY is not converted by default
        assertThat(r.output).contains(") ENGINE=MEMORY DEFAULT CHARSET");
        // the rest of the file is unchanged: only the legacy CREATE TABLE differs
        String original = Fixtures.text(Fixtures.MYSQL80_DUMP);
        assertThat(r.output.length()).isLessThan(original.length());
        assertThat(r.output.replace("ROW_FORMAT=DYNAMIC;", "")).startsWith(original.substring(0,
                original.indexOf("CREATE TABLE `legacy`")));
    }

    @Test
    void ariaFromMariaDbAndChosenEngines() {
        TransformTesting r = TransformTesting.fixture(Transforms.forceInnoDb(), Fixtures.MARIADB114_DUMP);
        assertThat(r.output).contains(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n"
                + "/*!40101 SET character_set_client = @saved_cs_client */;\n\n--\n-- Dumping data for table `aria_t`");
        assertThat(r.output).doesNotContain("PAGE_CHECKSUM", "TRANSACTIONAL=1", "ENGINE=MyISAM", "ENGINE=Aria");

        assertThat(one(Transforms.forceInnoDb().engines("MEMORY"), "CREATE TABLE m (id INT) ENGINE=MEMORY"))
                .containsExactly("CREATE TABLE m (id INT) ENGINE=InnoDB");
        assertThat(one(Transforms.forceInnoDb().engines("MEMORY"), "CREATE TABLE m (id INT) ENGINE=MyISAM"))
                .containsExactly("CREATE TABLE m (id INT) ENGINE=MyISAM");
    }

    @Test
    void innoDbTablesOnlyGetWhatWouldFailFixed() {
        Transform t = Transforms.forceInnoDb();
        assertThat(one(t, "CREATE TABLE a (id INT) ENGINE=InnoDB ROW_FORMAT=FIXED"))
                .containsExactly("CREATE TABLE a (id INT) ENGINE=InnoDB ROW_FORMAT=DYNAMIC");
        // KEY_BLOCK_SIZE without ROW_FORMAT means COMPRESSED on InnoDB: kept
        assertThat(one(t, "CREATE TABLE a (id INT) ENGINE=InnoDB KEY_BLOCK_SIZE=8"))
                .containsExactly("CREATE TABLE a (id INT) ENGINE=InnoDB KEY_BLOCK_SIZE=8");
        assertThat(one(t, "CREATE TABLE a (id INT) ROW_FORMAT=DYNAMIC KEY_BLOCK_SIZE=8"))
                .containsExactly("CREATE TABLE a (id INT) ROW_FORMAT=DYNAMIC");
        assertThat(one(t, "CREATE TABLE a (id INT) ENGINE=MyISAM ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"))
                .containsExactly("CREATE TABLE a (id INT) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8");
        // PACK_KEYS on an InnoDB table is accepted by InnoDB: left alone
        assertThat(one(t, "CREATE TABLE a (id INT) ENGINE=InnoDB PACK_KEYS=1"))
                .containsExactly("CREATE TABLE a (id INT) ENGINE=InnoDB PACK_KEYS=1");
    }

    @Test
    void alterPartitionsColumnsAndMerge() {
        Transform t = Transforms.forceInnoDb();
        assertThat(one(t, "ALTER TABLE x ENGINE=MyISAM")).containsExactly("ALTER TABLE x ENGINE=InnoDB");
        assertThat(one(t, "CREATE TABLE p (id INT) ENGINE=MyISAM PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS"
                + " THAN (10) ENGINE = MyISAM, PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = MyISAM)"))
                .containsExactly("CREATE TABLE p (id INT) ENGINE=InnoDB PARTITION BY RANGE (id) (PARTITION p0"
                        + " VALUES LESS THAN (10) ENGINE = InnoDB, PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE ="
                        + " InnoDB)");
        // columns named like options are not options
        String cols = "CREATE TABLE c (engine VARCHAR(10), checksum INT, row_format CHAR(5)) ENGINE=MyISAM";
        assertThat(one(t, cols)).containsExactly(cols.replace("ENGINE=MyISAM", "ENGINE=InnoDB"));
        // comments and strings mentioning MyISAM stay
        String commented = "CREATE TABLE d (s VARCHAR(20) DEFAULT 'ENGINE=MyISAM') COMMENT='was ENGINE=MyISAM'";
        assertThat(one(t, commented)).containsExactly(commented);

        TransformTesting merge = TransformTesting.run(t, "CREATE TABLE m (id INT) ENGINE=MRG_MyISAM UNION=(a,b);");
        assertThat(merge.output).isEqualTo("CREATE TABLE m (id INT) ENGINE=MRG_MyISAM UNION=(a,b);");
        assertThat(merge.report.findings()).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(1));
    }
}
