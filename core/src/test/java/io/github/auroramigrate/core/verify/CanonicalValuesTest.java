package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Type-aware canonical values: equal values in different spellings are equal, different values are not. */
class CanonicalValuesTest {
    private static ColumnEntry col(String type, String charset) {
        return new ColumnEntry("c", type, type, charset, ValueEncoding.TEXT);
    }

    private static String canon(CanonicalValues.Kind kind, String text) {
        return CanonicalValues.canonical(kind, "utf8mb4", text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kindsFollowBothSidesTypes() {
        assertThat(CanonicalValues.kind(col("longtext", "utf8mb4"), col("json", null))).isEqualTo(CanonicalValues.Kind.JSON);
        assertThat(CanonicalValues.kind(col("float", null), col("double", null))).isEqualTo(CanonicalValues.Kind.FLOATING);
        assertThat(CanonicalValues.kind(col("decimal", null), col("decimal", null))).isEqualTo(CanonicalValues.Kind.EXACT_NUMBER);
        assertThat(CanonicalValues.kind(col("varchar", "latin1"), col("varchar", "utf8mb4"))).isEqualTo(CanonicalValues.Kind.TEXT);
        assertThat(CanonicalValues.kind(col("varchar", "utf8mb3"), col("varchar", "utf8"))).isEqualTo(CanonicalValues.Kind.BYTES);
    }

    @Test
    void jsonIsADocument() {
        CanonicalValues.Kind j = CanonicalValues.Kind.JSON;
        assertThat(canon(j, "{\"b\": 1,   \"a\": [1.0, 2e0]}")).isEqualTo(canon(j, "{\"a\": [1, 2], \"b\": 1}"));
        assertThat(canon(j, "{\"a\": \"\\u00e9\"}")).isEqualTo(canon(j, "{\"a\":\"é\"}"));
        assertThat(canon(j, "{\"a\": [1, 2]}")).isNotEqualTo(canon(j, "{\"a\": [2, 1]}"));
        assertThat(canon(j, "{\"a\": \"1\"}")).isNotEqualTo(canon(j, "{\"a\": 1}"));
        assertThat(canon(j, null)).isNull();
        assertThat(canon(j, "null")).isNotNull();
    }

    @Test
    void numbersAndTimesByValue() {
        CanonicalValues.Kind d = CanonicalValues.Kind.FLOATING;
        assertThat(canon(d, "0.30000000000000004")).isEqualTo(canon(d, "3.0000000000000004e-1"));
        assertThat(canon(d, "1e20")).isEqualTo(canon(d, "100000000000000000000"));
        assertThat(canon(d, "0.1")).isNotEqualTo(canon(d, "0.10000000000000002"));
        assertThat(canon(d, "-0")).isEqualTo(canon(d, "0"));
        CanonicalValues.Kind n = CanonicalValues.Kind.EXACT_NUMBER;
        assertThat(canon(n, "1.500")).isEqualTo(canon(n, "1.5"));
        assertThat(canon(n, "0.000")).isEqualTo(canon(n, "0"));
        assertThat(canon(n, "18446744073709551615")).isNotEqualTo(canon(n, "-1"));
        CanonicalValues.Kind t = CanonicalValues.Kind.TEMPORAL;
        assertThat(canon(t, "2024-01-01 00:00:00.500")).isEqualTo(canon(t, "2024-01-01 00:00:00.5"));
        assertThat(canon(t, "2024-01-01 00:00:00.000000")).isEqualTo(canon(t, "2024-01-01 00:00:00"));
        assertThat(canon(t, "0000-00-00")).isNotEqualTo(canon(t, "0000-00-01"));
    }

    @Test
    void stringsByBytesOrDecodedAcrossCharsets() {
        byte[] latin1 = {(byte) 0xE9}; // é in latin1 (cp1252)
        byte[] utf8 = "é".getBytes(StandardCharsets.UTF_8);
        assertThat(CanonicalValues.canonical(CanonicalValues.Kind.TEXT, "latin1", latin1))
                .isEqualTo(CanonicalValues.canonical(CanonicalValues.Kind.TEXT, "utf8mb4", utf8));
        assertThat(CanonicalValues.canonical(CanonicalValues.Kind.BYTES, null, latin1))
                .isNotEqualTo(CanonicalValues.canonical(CanonicalValues.Kind.BYTES, null, utf8));
        assertThat(CanonicalValues.canonical(CanonicalValues.Kind.BYTES, null, "a ".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(CanonicalValues.canonical(CanonicalValues.Kind.BYTES, null, "a".getBytes(StandardCharsets.UTF_8)));
        assertThat(CanonicalValues.canonical(CanonicalValues.Kind.BIT, null, new byte[] {0, 5}))
                .isEqualTo(CanonicalValues.canonical(CanonicalValues.Kind.BIT, null, new byte[] {5}));
        assertThat(CanonicalValues.display(new byte[] {0, (byte) 0xFF})).isEqualTo("0x00FF");
    }
}
