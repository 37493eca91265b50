package io.github.auroramigrate.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedColumnValuesTest {
    private static final String MYSQL80 = "CREATE TABLE `g` (\n"
            + "  `id` int NOT NULL,\n"
            + "  `a` int DEFAULT NULL,\n"
            + "  `b` int GENERATED ALWAYS AS ((`a` * 2)) VIRTUAL,\n"
            + "  `c` varchar(20) GENERATED ALWAYS AS (concat(_utf8mb4'c',`a`)) STORED,\n"
            + "  `note` varchar(20) DEFAULT NULL,\n"
            + "  `h` int DEFAULT NULL /*!80023 INVISIBLE */,\n"
            + "  PRIMARY KEY (`id`),\n"
            + "  KEY `by_c` (`c`)\n"
            + ") ENGINE=InnoDB;\n";

    @Test
    void valuesOfGeneratedColumnsAreCutFromEveryRowAndAColumnListIsAdded() {
        TransformTesting t = TransformTesting.run(Transforms.dropGeneratedColumnValues(), MYSQL80
                + "INSERT INTO `g` VALUES (1,10,20,'c10','x'),(2,NULL,NULL,NULL,'it\\'s; (a), \\\\'),(3,-1,-2,'c-1',NULL);\n");
        assertThat(t.output).endsWith("INSERT INTO `g` (`id`,`a`,`note`) VALUES (1,10,'x'),(2,NULL,'it\\'s; (a), \\\\'),"
                + "(3,-1,NULL);\n");
        assertThat(t.report.count("dropGeneratedColumnValues", "generated column value dropped")).isEqualTo(6);
    }

    @Test
    void anExplicitColumnListLosesItsGeneratedColumns() {
        assertThat(TransformTesting.run(Transforms.dropGeneratedColumnValues(), MYSQL80
                + "INSERT INTO `g` (`id`, `b`, `note`, `c`) VALUES (1, 20, CONCAT('a', 'b,c'), 'c10') ON DUPLICATE KEY UPDATE "
                + "note = 'z';\n").output).endsWith("INSERT INTO `g` (`id`,`note`) VALUES (1, CONCAT('a', 'b,c'))"
                + " ON DUPLICATE KEY UPDATE note = 'z';\n");
    }

    @Test
    void otherTablesAndMismatchedRowsPassUnchanged() {
        String other = "CREATE TABLE `p` (`x` int);\nINSERT INTO `p` VALUES (1),(2);\n";
        String wrongCount = "INSERT INTO `g` VALUES (1,2);\n";
        String select = "INSERT INTO `g` (id) SELECT 1;\n";
        String out = TransformTesting.run(Transforms.dropGeneratedColumnValues(), MYSQL80 + other + wrongCount + select).output;
        assertThat(out).endsWith(other + wrongCount + select);
    }

    @Test
    void mariaDbSyntaxAndQualifiedNamesAreRecognised() {
        String maria = "CREATE TABLE `s`.`g` (`id` int(11) NOT NULL, `v` int(11) AS (`id` * 3) PERSISTENT, `w` text);\n";
        assertThat(TransformTesting.run(Transforms.dropGeneratedColumnValues(), maria
                + "INSERT INTO `s`.`g` VALUES (1,3,'a');\n").output).endsWith("INSERT INTO `s`.`g` (`id`,`w`) VALUES (1,'a');\n");
    }
}
