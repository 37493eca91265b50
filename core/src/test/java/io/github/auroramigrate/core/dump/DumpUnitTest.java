package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.TableRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.store.DumpStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DumpUnitTest {
    private static final Endpoint E = Endpoint.builder().host("db").user("u").build();

    @Test
    void builderValidatesEverythingAtBuild() {
        assertThatThrownBy(() -> Dump.from(E).build()).isInstanceOf(NullPointerException.class).hasMessageContaining("store");
        Dump.Builder b = Dump.from(E).to(DumpStores.directory(Path.of("x")));
        assertThatThrownBy(() -> b.threads(-1).build()).isInstanceOf(IllegalArgumentException.class);
        b.threads(2);
        assertThatThrownBy(() -> b.chunkSize(DataSize.ofBytes(100)).build()).isInstanceOf(IllegalArgumentException.class);
        b.chunkSize(DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> b.lockTimeout(Duration.ofMillis(5)).build()).isInstanceOf(IllegalArgumentException.class);
        b.lockTimeout(Duration.ofSeconds(5));
        assertThatThrownBy(() -> Dump.from(E).to(DumpStores.directory(Path.of("x"))).tables("nodot").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.table");
        assertThatThrownBy(() -> Dump.from(E).to(DumpStores.directory(Path.of("x"))).where("a.t", "1; DROP TABLE x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.build().toString()).contains("u@db:3306");
    }

    @Test
    void keySegmentsAreSafeAndUniqueIgnoringCase() {
        assertThat(KeyNames.encode("Orders_2024-x")).isEqualTo("Orders_2024-x");
        assertThat(KeyNames.encode("a.b/c é")).isEqualTo("a%2Eb%2Fc%20%C3%A9");
        assertThat(KeyNames.encode("..")).isEqualTo("%2E%2E");
        KeyNames names = new KeyNames();
        assertThat(names.segment("data/s", "T")).isEqualTo("T");
        assertThat(names.segment("data/s", "t")).isEqualTo("t~2");
        assertThat(names.segment("data/s", "T")).as("stable").isEqualTo("T");
        assertThat(names.segment("data/other", "t")).isEqualTo("t");
    }

    @Test
    void viewsAreOrderedAfterWhatTheySelectFrom() {
        TableRef a = TableRef.of("s", "a_top");
        TableRef b = TableRef.of("s", "b_base");
        TableRef c = TableRef.of("s", "c_leaf");
        TableRef x = TableRef.of("t", "x_other_schema");
        Map<TableRef, String> defs = Map.of(
                a, "select `b`.`id` from `s`.`b_base` `b` join `t`.`x_other_schema`",
                b, "select `c`.`id` from `s`.`c_leaf` `c`",
                c, "select 1 AS `id`",
                x, "select 2 AS `id`");
        assertThat(Catalog.orderViews(List.of(a, b, c, x), defs)).containsExactly(c, b, x, a);
    }

    @Test
    void consistencyMethodsAreTriedStrongestFirst() {
        assertThat(Snapshotter.candidates(true, true)).containsExactly(Consistency.VERIFIED_SNAPSHOT,
                Consistency.BACKUP_STAGE, Consistency.GLOBAL_READ_LOCK, Consistency.TABLE_LOCKS);
        assertThat(Snapshotter.candidates(true, false)).containsExactly(Consistency.BACKUP_STAGE,
                Consistency.GLOBAL_READ_LOCK, Consistency.TABLE_LOCKS);
        assertThat(Snapshotter.candidates(false, true)).containsExactly(Consistency.GLOBAL_READ_LOCK, Consistency.TABLE_LOCKS);
    }

    @Test
    void valuesValidate() {
        assertThatThrownBy(() -> new BinlogPosition("binlog.000001", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BinlogPosition("binlog.000002", 4)).isGreaterThan(new BinlogPosition("binlog.000001", 900));
        assertThat(new GtidSet(GtidSet.Flavor.MYSQL, "a:1-5,\nb:1-2").text()).isEqualTo("a:1-5,b:1-2");
        assertThatThrownBy(() -> new GtidSet(GtidSet.Flavor.MARIADB, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TableRef.of("a`b", "c").qualified()).isEqualTo("`a``b`.`c`");
    }
}
