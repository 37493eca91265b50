package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexDeferralTest {
    private static final String DDL = "CREATE TABLE `t` (\n"
            + "  `id` int NOT NULL,\n"
            + "  `name` varchar(10) DEFAULT NULL,\n"
            + "  `a` int DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`),\n"
            + "  UNIQUE KEY `u_a` (`a`,`id`),\n"
            + "  KEY `by``name` (`name`(5))\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    @Test
    void secondaryIndexesAreSplitOffAndThePrimaryKeyStays() {
        IndexDeferral.Split s = IndexDeferral.split(DDL);
        assertThat(s.deferred()).isTrue();
        assertThat(s.createTable()).isEqualTo("CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `name` varchar(10) DEFAULT NULL,\n"
                + "  `a` int DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        assertThat(s.indexes()).containsExactly("UNIQUE KEY `u_a` (`a`,`id`)", "KEY `by``name` (`name`(5))");
        assertThat(s.names()).containsExactly("u_a", "by`name");
    }

    @Test
    void tablesWithForeignKeysFulltextOnlyOrNoIndexesStayAsTheyAre() {
        String fk = DDL.replace("  KEY `by``name` (`name`(5))\n", "  KEY `by``name` (`name`(5)),\n"
                + "  CONSTRAINT `f` FOREIGN KEY (`a`) REFERENCES `p` (`id`)\n");
        assertThat(IndexDeferral.split(fk).deferred()).isFalse();
        assertThat(IndexDeferral.split(fk).createTable()).isEqualTo(fk);
        String fulltext = "CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `x` text,\n  PRIMARY KEY (`id`),\n"
                + "  FULLTEXT KEY `ft` (`x`)\n) ENGINE=InnoDB";
        assertThat(IndexDeferral.split(fulltext).deferred()).isFalse();
        assertThat(IndexDeferral.split("CREATE VIEW v AS SELECT 1").deferred()).isFalse();
    }
}
