package io.github.auroramigrate.core.internal.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRangePredicateTest {
    private static final KeyColumn ID = new KeyColumn("id", KeyKind.NUMBER, null);
    private static final KeyColumn SKU = new KeyColumn("sku", KeyKind.STRING, "latin1");
    private static final KeyColumn AT = new KeyColumn("at", KeyKind.TEMPORAL, null);

    @Test
    void singleColumnRanges() {
        assertThat(KeyRangePredicate.sql(List.of(ID), null, null)).isEqualTo("1=1");
        assertThat(KeyRangePredicate.sql(List.of(ID), List.of("10"), null)).isEqualTo("`id` > 10");
        assertThat(KeyRangePredicate.sql(List.of(ID), null, List.of("-5"))).isEqualTo("`id` <= -5");
        assertThat(KeyRangePredicate.sql(List.of(ID), List.of("10"), List.of("20"))).isEqualTo("`id` > 10 AND `id` <= 20");
        assertThat(KeyRangePredicate.sql(List.of(AT), List.of("2024-01-01 00:00:00.5"), null))
                .isEqualTo("`at` > '2024-01-01 00:00:00.5'");
    }

    @Test
    void compositeRangesAreLexicographicWithAnIndexablePrefix() {
        assertThat(KeyRangePredicate.sql(List.of(SKU, ID), List.of("C4", "7"), List.of("61", "3"))).isEqualTo(
                "`sku` >= _latin1 X'C4' AND (`sku` > _latin1 X'C4' OR (`sku` = _latin1 X'C4' AND `id` > 7))"
                        + " AND `sku` <= _latin1 X'61' AND (`sku` < _latin1 X'61' OR (`sku` = _latin1 X'61' AND `id` <= 3))");
        assertThat(KeyRangePredicate.literal(new KeyColumn("b", KeyKind.BINARY, null), "00FF")).isEqualTo("X'00FF'");
    }

    @Test
    void rejectsBoundsThatAreNotValuesOfTheKind() {
        assertThatThrownBy(() -> KeyRangePredicate.sql(List.of(ID), List.of("1 OR 1=1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRangePredicate.literal(AT, "2024' OR '1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRangePredicate.literal(SKU, "ZZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRangePredicate.sql(List.of(ID, SKU), List.of("1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksumQueryReadsFloatAsDoubleAndCountsNulls() {
        String q = ChunkChecksum.query("s", "t", List.of(new ColumnEntry("id", "int", "int", null, ValueEncoding.TEXT),
                new ColumnEntry("f", "float", "float", null, ValueEncoding.TEXT)), "`id` > 1");
        assertThat(q).isEqualTo("SELECT COUNT(*), COALESCE(BIT_XOR(h), 0), COALESCE(SUM(h), 0) FROM (SELECT "
                + "CRC32(CONCAT_WS('#',CAST(`id` AS BINARY),CAST((`f` * 1e0) AS BINARY),CONCAT(ISNULL(`id`),ISNULL((`f` * 1e0)))))"
                + " AS h FROM `s`.`t` WHERE `id` > 1) x");
    }
}
