package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplierErrorTest {
    @Test
    void parsesMysql80RowDuplicate() {
        ApplierError e = ApplierError.parse("Worker 1 failed executing transaction 'ANONYMOUS' at source log binlog.000002, "
                + "end_log_pos 2093; Could not execute Write_rows event on table shop.orders; Duplicate entry '42' for key "
                + "'orders.PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's source log "
                + "binlog.000002, end_log_pos 2093");
        assertThat(e.table()).isEqualTo("shop.orders");
        assertThat(e.schema()).isEqualTo("shop");
        assertThat(e.tableName()).isEqualTo("orders");
        assertThat(e.keyValue()).isEqualTo("42");
        assertThat(e.keyName()).isEqualTo("orders.PRIMARY");
        assertThat(e.bareKeyName()).isEqualTo("PRIMARY");
        assertThat(e.eventFile()).isEqualTo("binlog.000002");
        assertThat(e.eventEnd()).isEqualTo(2093);
    }

    @Test
    void parsesHandbookRowNotFound() {
        ApplierError e = ApplierError.parse("Could not execute Delete_rows event on table test.t; Can't find record in "
                + "'t', Error_code: 1032; handler error HA_ERR_KEY_NOT_FOUND; the event's master log mysql-bin.012345, "
                + "end_log_pos 34567");
        assertThat(e.table()).isEqualTo("test.t");
        assertThat(e.keyName()).isEmpty();
        assertThat(e.eventFile()).isEqualTo("mysql-bin.012345");
        assertThat(e.eventEnd()).isEqualTo(34567);
    }

    @Test
    void toleratesStatementErrorsAndNull() {
        ApplierError e = ApplierError.parse("Error 'Duplicate entry 'key_value' for key 'key_name'' on query. Default "
                + "database: ''. Query: 'INSERT INTO table_name ...'");
        assertThat(e.keyName()).isEqualTo("key_name");
        assertThat(e.table()).isEmpty();
        assertThat(ApplierError.parse(null).eventEnd()).isEqualTo(-1);
    }
}
