package io.github.auroramigrate.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidSetTest {
    @Test
    void recognisesBothFlavoursAndNormalises() {
        GtidSet mysql = GtidSet.of("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,\n"
                + "4E11FA47-71CA-11E1-9E33-C80AA9429562:1-3:7");
        assertThat(mysql.flavour()).isEqualTo(GtidSet.Flavour.MYSQL);
        assertThat(mysql.value()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,"
                + "4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3:7");
        assertThat(GtidSet.of("0-1-100,1-2-7").flavour()).isEqualTo(GtidSet.Flavour.MARIADB);
        assertThat(GtidSet.empty().isEmpty()).isTrue();
        assertThat(GtidSet.empty().flavour()).isEqualTo(GtidSet.Flavour.EMPTY);
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> GtidSet.of("binlog.000001:4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.of("1-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.of("x'; DROP TABLE t; --")).isInstanceOf(IllegalArgumentException.class);
    }
}
