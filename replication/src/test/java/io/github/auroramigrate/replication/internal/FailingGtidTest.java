package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailingGtidTest {
    @Test
    void recognisesOneGtid() {
        assertThat(FailingGtid.isGtid("3E11FA47-71CA-11E1-9E33-C80AA9429562:23")).isTrue();
        assertThat(FailingGtid.isGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:my_tag:23")).isTrue();
        assertThat(FailingGtid.isGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-23")).isFalse();
        assertThat(FailingGtid.isGtid("ANONYMOUS")).isFalse();
        assertThat(FailingGtid.isGtid(null)).isFalse();
    }

    @Test
    void firstGtidOfASet() {
        assertThat(FailingGtid.firstOf("3e11fa47-71ca-11e1-9e33-c80aa9429562:7-9:12,\n"
                + "4e11fa47-71ca-11e1-9e33-c80aa9429562:1")).contains("3e11fa47-71ca-11e1-9e33-c80aa9429562:7");
        assertThat(FailingGtid.firstOf("3e11fa47-71ca-11e1-9e33-c80aa9429562:t1:5-6"))
                .contains("3e11fa47-71ca-11e1-9e33-c80aa9429562:t1:5");
        assertThat(FailingGtid.firstOf("")).isEmpty();
        assertThat(FailingGtid.firstOf(null)).isEmpty();
    }
}
