package io.github.auroramigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.sql.SystemSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void appliesSchemasTablesPatternsAndExclusions() {
        TableFilter f = TableFilter.all().schemas("shop*").excludeSchemas("shop_old").excludeTables("shop.audit_*");
        assertThat(f.schema("shop")).isTrue();
        assertThat(f.schema("shop_eu")).isTrue();
        assertThat(f.schema("shop_old")).isFalse();
        assertThat(f.schema("other")).isFalse();
        assertThat(f.table("shop", "orders")).isTrue();
        assertThat(f.table("shop", "audit_2024")).isFalse();
        assertThat(f.table("shop_eu", "audit_2024")).isTrue();
        assertThat(SystemSchemas.excluded("mysql")).isTrue();
        assertThat(SystemSchemas.excluded("MySQL")).isTrue();
        assertThat(SystemSchemas.excluded("aurora_migrate")).isTrue();
        assertThat(SystemSchemas.excluded("shop")).isFalse();

        TableFilter tables = TableFilter.all().tables("a.t1", "b.*");
        assertThat(tables.schema("a")).isTrue();
        assertThat(tables.schema("c")).isFalse();
        assertThat(tables.table("a", "t1")).isTrue();
        assertThat(tables.table("a", "t2")).isFalse();
        assertThat(tables.wholeSchema("a")).isFalse();
        assertThat(tables.wholeSchema("b")).isTrue();
        assertThat(TableFilter.matches("t?_x*", "t1_x.y")).isTrue();
        assertThat(TableFilter.matches("a.b", "aXb")).as("dots are literal").isFalse();
        assertThat(TableFilter.matches("sh[o]p", "sh[o]p")).as("regex characters are literal").isTrue();
        assertThat(TableFilter.matches("sh[o]p", "shop")).isFalse();
        assertThat(TableFilter.matches("Shop", "shop")).as("case-sensitive").isFalse();
    }

    @Test
    void aBareTableNameMeansAnySchemaAndAnUnknownSchemaOnlyMatchesStarPatterns() {
        TableFilter f = TableFilter.all().excludeTables("shop.leg*", "*.tmp_?", "audit");
        assertThat(f.table("shop", "legacy")).isFalse();
        assertThat(f.table("other", "legacy")).isTrue();
        assertThat(f.table("x", "tmp_1")).isFalse();
        assertThat(f.table("x", "tmp_12")).isTrue();
        assertThat(f.table("any", "audit")).isFalse();
        assertThat(f.table(null, "legacy")).isTrue();
        assertThat(f.table(null, "audit")).isFalse();
    }

    @Test
    void oddIdentifiersMatchThemselves() {
        TableFilter f = TableFilter.all().tables("we`ird sch.tä ble", "select.from");
        assertThat(f.table("we`ird sch", "tä ble")).isTrue();
        assertThat(f.table("select", "from")).isTrue();
        assertThat(f.table("select", "from2")).isFalse();
        // split at the first dot: a table name may hold dots
        assertThat(TableFilter.all().tables("s.a.b").table("s", "a.b")).isTrue();
    }

    @Test
    void unmatchedNamesEveryPatternThatMatchesNothing() {
        TableFilter f = TableFilter.all().schemas("shop", "shpo").excludeSchemas("nosuch*")
                .tables("shop.orders", "shop.ordres").excludeTables("shop.orders_*");
        List<String> bad = f.unmatched(List.of("shop", "crm"),
                List.of(TableRef.of("shop", "orders"), TableRef.of("crm", "leads")));
        assertThat(bad).containsExactly("shpo", "nosuch*", "shop.ordres", "shop.orders_*");
        assertThat(TableFilter.all().unmatched(List.of(), List.of())).isEmpty();
    }

    @Test
    void rejectsBadPatternsAndIsImmutable() {
        assertThatThrownBy(() -> TableFilter.all().tables(".t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableFilter.all().tables("s.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableFilter.all().schemas(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableFilter.all().schemas((String) null)).isInstanceOf(NullPointerException.class);
        TableFilter a = TableFilter.all();
        TableFilter b = a.schemas("x");
        assertThat(a.keepsEverything()).isTrue();
        assertThat(b.keepsEverything()).isFalse();
        assertThat(b).isEqualTo(TableFilter.all().schemas("x")).hasSameHashCodeAs(TableFilter.all().schemas("x"));
        assertThat(b.toString()).isEqualTo("TableFilter{schemas=[x]}");
    }
}
