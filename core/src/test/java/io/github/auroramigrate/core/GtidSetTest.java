package io.github.auroramigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidSetTest {
    @Test
    void recognisesBothFlavoursAndNormalises() {
        GtidSet mysql = GtidSet.of("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,\n"
                + "4E11FA47-71CA-11E1-9E33-C80AA9429562:1-3:7");
        assertThat(mysql.flavor()).isEqualTo(GtidSet.Flavor.MYSQL);
        assertThat(mysql.text()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,"
                + "4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3:7");
        assertThat(GtidSet.of("0-1-100,1-2-7").flavor()).isEqualTo(GtidSet.Flavor.MARIADB);
        assertThat(GtidSet.empty().isEmpty()).isTrue();
        assertThat(GtidSet.empty().flavor()).isEqualTo(GtidSet.Flavor.EMPTY);
        assertThat(GtidSet.of(" \n").isEmpty()).isTrue();
        assertThat(GtidSet.of("0-1-100").isEmpty()).isFalse();
    }

    @Test
    void theDumpsRecordEqualsTheParsedSet() {
        GtidSet dumped = new GtidSet(GtidSet.Flavor.MARIADB, "0-1-42");
        assertThat(GtidSet.of("0-1-42")).isEqualTo(dumped);
        assertThat(GtidSet.of(dumped.text()).flavor()).isEqualTo(GtidSet.Flavor.MARIADB);
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> GtidSet.of("binlog.000001:4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.of("1-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.of("x'; DROP TABLE t; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GtidSet(GtidSet.Flavor.EMPTY, "0-1-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
