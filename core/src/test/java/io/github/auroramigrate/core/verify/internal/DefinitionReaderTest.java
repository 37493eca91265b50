package io.github.auroramigrate.core.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The read-time repairs of what a server's catalog prints (the catalog reads themselves run in the verify ITs). */
class DefinitionReaderTest {
    @Test
    void textMySql80PrintsEncodedTwiceIsDecodedOnceMoreAndGenuineLatin1IsKept() {
        assertThat(DefinitionReader.utf8Repaired("\u00e2\u0080\u0093 \u00c3\u0097")).isEqualTo("\u2013 \u00d7");
        assertThat(DefinitionReader.utf8Repaired("caf\u00e9")).isEqualTo("caf\u00e9");
        assertThat(DefinitionReader.utf8Repaired("\u00fc \u2013")).isEqualTo("\u00fc \u2013");
    }
}
