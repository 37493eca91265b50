package io.github.auroramigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {
    @Test
    void parsesAndPrintsBinaryUnits() {
        assertThat(DataSize.ofMegabytes(64).toBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(DataSize.parse("512k")).isEqualTo(DataSize.ofKilobytes(512));
        assertThat(DataSize.parse("64MB")).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(DataSize.parse("1 GiB")).isEqualTo(DataSize.ofGigabytes(1));
        assertThat(DataSize.parse("100")).isEqualTo(DataSize.ofBytes(100));
        assertThat(DataSize.ofMegabytes(64)).hasToString("64 MiB");
        assertThat(DataSize.ofBytes(1536)).hasToString("1.5 KiB");
        assertThat(DataSize.ofBytes(100)).hasToString("100 B");
        assertThat(DataSize.ofKilobytes(1)).isLessThan(DataSize.ofKilobytes(2));
        assertThatThrownBy(() -> DataSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.ofGigabytes(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }
}
