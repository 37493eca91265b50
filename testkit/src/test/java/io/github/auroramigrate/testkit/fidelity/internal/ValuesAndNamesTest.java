package io.github.auroramigrate.testkit.fidelity.internal;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonical values and names: equal by value where the servers differ only in spelling, different otherwise. */
class ValuesAndNamesTest {

    @Test
    void decimalsTemporalsAndFloatsByValue() {
        assertThat(Values.decimal("1.500")).isEqualTo(Values.decimal("1.5"));
        assertThat(Values.decimal("-0.00")).isEqualTo(Values.decimal("0"));
        assertThat(Values.decimal("1.000001")).isNotEqualTo(Values.decimal("1.000002"));
        assertThat(Values.temporal("12:00:00.500")).isEqualTo("12:00:00.5");
        assertThat(Values.temporal("2024-01-01 00:00:00.000000")).isEqualTo("2024-01-01 00:00:00");
        assertThat(Values.temporal("2155")).isEqualTo("2155");
        assertThat(Values.same(-0.0d, 0.0d)).isFalse();
        assertThat(Values.same(1.2345678f, 1.2345678f)).isTrue();
        assertThat(Values.same(Math.nextUp(1.0d), 1.0d)).isFalse();
        assertThat(Values.same(BigInteger.TEN, Values.decimal("10.0"))).isTrue();
        assertThat(Values.format(-0.0f)).isEqualTo("-0.0 (bits 0x80000000)");
    }

    @Test
    void jsonAsDocuments() {
        assertThat(Values.json("{\"a\": 1, \"b\": [1.50, -0.0, 1e300]}"))
                .isEqualTo(Values.json("{\"b\":[1.5,0,1E+300],\"a\":1.0}"));
        assertThat(Values.json("{\"a\": 1}")).isNotEqualTo(Values.json("{\"a\": 2}"));
        assertThat(Values.json("[1, 2]")).isNotEqualTo(Values.json("[2, 1]"));
        assertThat(Values.json("\"t\\u00e9\"")).isEqualTo(Values.json("\"té\""));
        assertThat(Values.json("not json")).isEqualTo("not json");
        assertThat(Values.same(Values.json("{\"a\": 1}"), "{\"a\":1.0}")).isTrue();
    }

    @Test
    void bytesAreComparedAndShownAsHex() {
        byte[] big = new byte[100];
        big[99] = 1;
        assertThat(new Values.Bytes(new byte[] {0, (byte) 0xFF})).isEqualTo(new Values.Bytes(new byte[] {0, (byte) 0xFF}));
        assertThat(Values.format(new Values.Bytes(new byte[] {0, (byte) 0xFF}))).isEqualTo("0x00FF");
        assertThat(Values.format(new Values.Bytes(big))).startsWith("0x0000").contains("(100 bytes, sha-256 ");
        assertThat(Values.format("a'b\n")).isEqualTo("'a\\'b\\u000a'");
    }

    @Test
    void namesAndTypes() {
        assertThat(Names.charset("utf8")).isEqualTo("utf8mb3");
        assertThat(Names.collation("utf8_general_ci")).isEqualTo("utf8mb3_general_ci");
        assertThat(Names.collation("utf8mb4_general_ci")).isEqualTo("utf8mb4_general_ci");
        assertThat(Names.type("int(11)")).isEqualTo("int");
        assertThat(Names.type("bigint(20) unsigned")).isEqualTo("bigint unsigned");
        assertThat(Names.type("int(8) unsigned zerofill")).isEqualTo("int(8) unsigned zerofill");
        assertThat(Names.type("varchar(10)")).isEqualTo("varchar(10)");
        assertThat(Names.type("geomcollection")).isEqualTo("geometrycollection");
        assertThat(Names.sqlMode("STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER,ANSI_QUOTES"))
                .isEqualTo(Names.sqlMode("ANSI_QUOTES,STRICT_TRANS_TABLES")).isEqualTo("ANSI_QUOTES,STRICT_TRANS_TABLES");
        assertThat(Names.foreignKeyRule("NO ACTION")).isEqualTo("RESTRICT");
        assertThat(Names.foreignKeyRule("CASCADE")).isEqualTo("CASCADE");
    }
}
