package io.github.auroramigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinlogPositionTest {
    @Test
    void ordersByFileIndexThenOffset() {
        BinlogPosition a = new BinlogPosition("mysql-bin.000289", 1307);
        BinlogPosition b = new BinlogPosition("mysql-bin.000290", 4);
        BinlogPosition c = new BinlogPosition("mysql-bin.000290", 120);
        assertThat(a).isLessThan(b);
        assertThat(c).isGreaterThan(b);
        assertThat(c.isAtOrAfter(b)).isTrue();
        assertThat(b.isAtOrAfter(c)).isFalse();
        assertThat(new BinlogPosition("binlog.000010", 4)).isGreaterThan(new BinlogPosition("binlog.000009", 9999));
        // numeric, not lexical: 1000000 > 999999
        assertThat(new BinlogPosition("binlog.1000000", 4)).isGreaterThan(new BinlogPosition("binlog.999999", 9999));
    }

    @Test
    void nextFileKeepsWidthAndBase() {
        BinlogPosition p = new BinlogPosition("mysql-bin-changelog.012345", 4567);
        assertThat(p.fileIndex()).isEqualTo(12345);
        assertThat(p.baseName()).isEqualTo("mysql-bin-changelog");
        assertThat(p.nextFile()).isEqualTo(new BinlogPosition("mysql-bin-changelog.012346", 4));
        assertThat(new BinlogPosition("binlog.000009", 4).nextFile().file()).isEqualTo("binlog.000010");
        assertThat(new BinlogPosition("binlog.999999", 4).nextFile().file()).isEqualTo("binlog.1000000");
        assertThat(BinlogPosition.startOf("binlog.000003")).isEqualTo(new BinlogPosition("binlog.000003", 4));
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> new BinlogPosition(null, 4)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BinlogPosition(" ", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinlogPosition("b.000001", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinlogPosition("b.000001", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinlogPosition("b'.000001", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BinlogPosition("b.000001", 0).position()).isZero();
        assertThat(new BinlogPosition("noindex", 4).fileIndex()).isEqualTo(-1);
        assertThatThrownBy(() -> new BinlogPosition("noindex", 4).nextFile()).isInstanceOf(IllegalStateException.class);
    }
}
