package io.github.auroramigrate.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HumanTest {
    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(Human.duration(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(Human.duration(Duration.ofNanos(763_300_000))).isEqualTo("763 ms");
        assertThat(Human.duration(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(Human.duration(Duration.ofMillis(1000))).isEqualTo("1.0 s");
        assertThat(Human.duration(Duration.ofMillis(2_449))).isEqualTo("2.4 s");
        assertThat(Human.duration(Duration.ofMillis(9_999))).isEqualTo("9.9 s");
        assertThat(Human.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Human.duration(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(Human.duration(Duration.ofSeconds(192))).isEqualTo("3 min 12 s");
        assertThat(Human.duration(Duration.ofSeconds(3_725))).isEqualTo("1 h 2 min");
        assertThat(Human.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Human.duration(Duration.ofMillis(-1500))).isEqualTo("-1.5 s");
        assertThat(Human.duration((Duration) null)).isEqualTo("?");
        assertThat(Human.duration(Optional.empty())).isEqualTo("none");
        assertThat(Human.duration(Optional.of(Duration.ofSeconds(5)))).isEqualTo("5.0 s").doesNotContain("PT", "Optional");
    }

    @Test
    void sizesRatesAndCounts() {
        assertThat(Human.bytes(0)).isEqualTo("0 B");
        assertThat(Human.bytes(330_301_440)).isEqualTo("315 MiB");
        assertThat(Human.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Human.bytes(-1)).isEqualTo("?");
        assertThat(Human.rate(3L << 20, Duration.ofSeconds(1))).isEqualTo("3 MiB/s");
        assertThat(Human.rate(100, Duration.ZERO)).isEqualTo("?");
        assertThat(Human.count(1_234_567)).isEqualTo("1,234,567");
    }
}
