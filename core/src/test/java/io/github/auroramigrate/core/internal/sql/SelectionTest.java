package io.github.auroramigrate.core.internal.sql;

import io.github.auroramigrate.core.sql.SystemSchemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.TableRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final List<String> SCHEMAS = List.of("shop", "crm", "aurora_migrate", "mysql");
    private static final List<TableRef> TABLES = List.of(TableRef.of("shop", "orders"), TableRef.of("shop", "items"),
            TableRef.of("crm", "leads"), TableRef.of("aurora_migrate", "load_progress"));

    @Test
    void aGoodSelectionPasses() {
        assertThat(Selection.check(TableFilter.all(), SCHEMAS, TABLES, List.of(), "dump")).isNull();
        assertThat(Selection.check(TableFilter.all().schemas("sh*").tables("shop.orders"), SCHEMAS, TABLES,
                List.of("shop.orders"), "dump")).isNull();
    }

    @Test
    void namesEachUnmatchedPatternWithTheClosestNamesFirst() {
        Diagnosis d = Selection.check(TableFilter.all().schemas("shpo", "crm").tables("crm.lead"), SCHEMAS, TABLES,
                List.of(), "dump of u@db:3306");
        assertThat(d.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(d.message()).startsWith("dump of u@db:3306: 'shpo' matches nothing - 2 schemas exist: shop, crm")
                .contains("'crm.lead' matches nothing - 3 tables exist: crm.leads, ")
                .doesNotContain("aurora_migrate").doesNotContain("mysql");
        assertThat(d.remedy()).contains("Nothing was locked or written");
    }

    @Test
    void theLibrarysSchemaIsExplainedNotListed() {
        Diagnosis d = Selection.check(TableFilter.all().schemas("aurora_migrate"), SCHEMAS, TABLES, List.of(), "verify");
        assertThat(d.message()).contains("'aurora_migrate' matches nothing (")
                .contains("this library's own schema");
        Diagnosis sys = Selection.check(TableFilter.all().tables("mysql.user"), SCHEMAS, TABLES, List.of(), "verify");
        assertThat(sys.message()).contains("system schemas are never");
    }

    @Test
    void aWhereTableOutsideTheSelectionIsUnmatched() {
        Diagnosis d = Selection.check(TableFilter.all().schemas("shop"), SCHEMAS, TABLES, List.of("crm.leads"), "dump");
        assertThat(d.message()).contains("'crm.leads' matches nothing");
    }

    @Test
    void patternsThatEachMatchButLeaveNothingAreAnErrorToo() {
        Diagnosis d = Selection.check(TableFilter.all().schemas("shop").excludeSchemas("sh*"), SCHEMAS, TABLES, List.of(),
                "dump");
        assertThat(d.message()).contains("leaves nothing");
        assertThat(Selection.check(TableFilter.all(), List.of("mysql"), List.of(), List.of(), "dump").message())
                .contains("no schemas exist");
    }

    @Test
    void listsABoundedNumberOfNames() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("schema_" + i);
        }
        Diagnosis d = Selection.check(TableFilter.all().schemas("schema_42x"), many, List.of(), List.of(), "dump");
        assertThat(d.message()).contains("500 schemas exist; closest: schema_42, ").endsWith(", ...");
        assertThat(d.message().split(",")).hasSizeLessThanOrEqualTo(Selection.SHOWN + 2);
        assertThat(Selection.distance("kitten", "sitting")).isEqualTo(3);
    }
}
