package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torture schema creates cleanly on every flavour, holds what its Javadoc promises, equals itself, and a
 * careful copy by hand (SHOW CREATE statements in another schema plus INSERT ... SELECT) compares EQUAL.
 */
class TortureSchemaIT {

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void createsCleanlyAndHoldsEveryObjectKind(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind);
        String db = server.createSchema("torture");
        long t0 = System.nanoTime();
        TortureSchema t = TortureSchema.create(server, db);
        long createMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(createMs).as("creation time in ms").isLessThan(15_000);
        assertThat(t.schema()).isEqualTo(db);

        SchemaSnapshot s = SchemaSnapshot.of(server, db);
        Map<SchemaObject.Kind, Long> counts = new java.util.EnumMap<>(SchemaObject.Kind.class);
        s.definitions().keySet().forEach(o -> counts.merge(o.kind(), 1L, Long::sum));
        assertThat(counts.get(SchemaObject.Kind.TABLE)).isEqualTo(kind == ServerKind.MYSQL_57 ? 31 : kind.isMariaDb() ? 33 : 32);
        assertThat(counts.get(SchemaObject.Kind.VIEW)).isEqualTo(8);
        assertThat(counts.get(SchemaObject.Kind.PROCEDURE)).isEqualTo(3);
        assertThat(counts.get(SchemaObject.Kind.FUNCTION)).isEqualTo(4);
        assertThat(counts.get(SchemaObject.Kind.TRIGGER)).isEqualTo(8);
        assertThat(counts.get(SchemaObject.Kind.EVENT)).isEqualTo(4);

        assertThat(s.rowCount(SchemaObject.table(TortureSchema.BIG_TABLE))).contains(TortureSchema.DEFAULT_BIG_ROWS);
        assertThat(s.rowCount(SchemaObject.table(TortureSchema.KEYLESS_TABLE))).contains(3002);
        assertThat(aspect(s, SchemaObject.table(TortureSchema.BIG_TABLE), "auto_increment"))
                .isEqualTo(Integer.toString(TortureSchema.DEFAULT_BIG_ROWS + 1000));
        assertThat(aspect(s, SchemaObject.schema(), "default collation")).isEqualTo("utf8mb4_unicode_ci");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.EVENT, "ev_replica_disabled"), "status"))
                .isEqualTo("SLAVESIDE_DISABLED");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.EVENT, "ev_at_disabled"), "status")).isEqualTo("DISABLED");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.EVENT, "ev_every_enabled"), "status")).isEqualTo("ENABLED");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.EVENT, "ev_every_enabled"), "time zone")).isEqualTo("+05:30");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.FUNCTION, "f_concat"), "sql_mode")).contains("PIPES_AS_CONCAT");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.FUNCTION, "f_latin1_ctx"), "character_set_client")).isEqualTo("latin1");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.TRIGGER, "trg_bi_first"), "order")).isEqualTo("1");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.TRIGGER, "trg_bi_normalize"), "order")).isEqualTo("2");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.TRIGGER, "trg_bi_last"), "order")).isEqualTo("3");
        assertThat(aspect(s, SchemaObject.of(SchemaObject.Kind.PROCEDURE, "p_compound"), "body"))
                .startsWith("outer_block: BEGIN").contains("'semi;colon $$ // ;; DELIMITER ;'").endsWith("END outer_block");
        assertThat(aspect(s, SchemaObject.table("idx_kinds"), "index `ft_body`"))
                .isEqualTo(kind.isMariaDb() ? "FULLTEXT (`body`)" : "FULLTEXT (`body`) parser ngram");
        if (kind != ServerKind.MYSQL_57) {
            assertThat(aspect(s, SchemaObject.table("gen_cols"), "column `secret` visibility")).isEqualTo("invisible");
            assertThat(aspect(s, SchemaObject.table("idx_kinds"), "index `ix_desc`")).isEqualTo("BTREE (`a` DESC, `b`)");
        }
        if (kind == ServerKind.MYSQL_80) {
            assertThat(aspect(s, SchemaObject.table("idx_kinds"), "index `ix_func`")).isEqualTo("BTREE ((lower ( name )))");
            assertThat(aspect(s, SchemaObject.table("idx_kinds"), "column `pt` srid")).isEqualTo("4326");
            assertThat(aspect(s, SchemaObject.table("checks"), "check `ck_not_enforced`")).isEqualTo("qty < 1000 not enforced");
        }
        // no event fired and no trigger ran on the loaded data
        assertThat(s.rowCount(SchemaObject.table("event_log"))).contains(0);
        assertThat(s.rowCount(SchemaObject.table("trg_audit"))).contains(2);
        assertThat(server.queryString("SELECT COUNT(*) FROM `" + db + "`.trg_target WHERE note LIKE '%[bi;%'")).contains("0");
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void snapshotEqualsItselfAndACopyByHand(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind);
        String db = server.createSchema("torture_src");
        TortureSchema.create(server, db);
        SchemaSnapshot first = SchemaSnapshot.of(server, db);
        SchemaSnapshot again = SchemaSnapshot.of(server, db);
        SchemaComparison.compare(first, again).assertEqual();

        String copy = db + "_c";
        try (Connection c = server.rootConnection()) {
            ManualCopy.copy(c, db, copy);
        }
        SchemaSnapshot copied = SchemaSnapshot.of(server, copy);
        SchemaDiff diff = SchemaComparison.builder().ignoreDefiners(false).build().diff(first, copied);
        diff.assertEqual();
        assertThat(diff.accepted()).isEmpty();
        assertThat(copied.schema()).isEqualTo(copy);
    }

    static String aspect(SchemaSnapshot s, SchemaObject o, String aspect) {
        return s.definition(o).orElseThrow(() -> new AssertionError("no " + o)).get(aspect);
    }
}
