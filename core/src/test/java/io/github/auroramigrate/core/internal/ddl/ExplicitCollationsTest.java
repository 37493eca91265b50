package io.github.auroramigrate.core.internal.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplicitCollationsTest {

    @Test
    void mysql57TableGetsItsTableAndColumnCollations() {
        String ddl = "CREATE TABLE `t` (\n"
                + "  `id` int(11) NOT NULL,\n"
                + "  `a` varchar(5) CHARACTER SET latin1 DEFAULT 'CHARACTER SET x',\n"
                + "  `b` text,\n"
                + "  `c` varchar(9) CHARACTER SET utf8mb4 NOT NULL,\n"
                + "  `d` char(2) COLLATE utf8mb4_bin DEFAULT NULL,\n"
                + "  `e` enum('x','y') CHARACTER SET ascii,\n"
                + "  `g` varchar(20) GENERATED ALWAYS AS (convert(`a` using utf8mb4)) VIRTUAL,\n"
                + "  PRIMARY KEY (`id`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC";
        String pinned = ExplicitCollations.pin(ddl, "utf8mb4_general_ci", Map.of("a", "latin1_swedish_ci",
                "b", "utf8mb4_general_ci", "C", "utf8mb4_general_ci", "d", "utf8mb4_bin", "e", "ascii_general_ci",
                "g", "utf8mb4_general_ci"));
        assertThat(pinned).isEqualTo("CREATE TABLE `t` (\n"
                + "  `id` int(11) NOT NULL,\n"
                + "  `a` varchar(5) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT 'CHARACTER SET x',\n"
                + "  `b` text,\n"
                + "  `c` varchar(9) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,\n"
                + "  `d` char(2) COLLATE utf8mb4_bin DEFAULT NULL,\n"
                + "  `e` enum('x','y') CHARACTER SET ascii COLLATE ascii_general_ci,\n"
                + "  `g` varchar(20) GENERATED ALWAYS AS (convert(`a` using utf8mb4)) VIRTUAL,\n"
                + "  PRIMARY KEY (`id`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC");
    }

    @Test
    void explicitCollationsStayAsTheyAre() {
        String ddl = "CREATE TABLE `t` (\n  `a` varchar(5) CHARACTER SET latin1 COLLATE latin1_bin\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci";
        assertThat(ExplicitCollations.pin(ddl, "utf8mb4_0900_ai_ci", Map.of("a", "latin1_bin"))).isEqualTo(ddl);
    }

    @Test
    void schemaDefaultsGetTheirCollationInsideTheExecutableComment() {
        assertThat(ExplicitCollations.pin("CREATE DATABASE `s` /*!40100 DEFAULT CHARACTER SET utf8mb4 */",
                "utf8mb4_general_ci", Map.of()))
                .isEqualTo("CREATE DATABASE `s` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */");
        String maria = "CREATE DATABASE `s` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci */";
        assertThat(ExplicitCollations.pin(maria, "utf8mb4_uca1400_ai_ci", Map.of())).isEqualTo(maria);
    }

    @Test
    void oddColumnNamesAreMatchedByName() {
        String ddl = "CREATE TABLE `t` (`se,lect` varchar(5) CHARACTER SET latin1, `x``y` text CHARACTER SET utf8mb3)"
                + " DEFAULT CHARSET=latin1";
        assertThat(ExplicitCollations.pin(ddl, "latin1_swedish_ci", Map.of("se,lect", "latin1_german1_ci",
                "x`y", "utf8mb3_general_ci"))).isEqualTo("CREATE TABLE `t` (`se,lect` varchar(5) CHARACTER SET latin1"
                + " COLLATE latin1_german1_ci, `x``y` text CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci)"
                + " DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci");
    }
}
