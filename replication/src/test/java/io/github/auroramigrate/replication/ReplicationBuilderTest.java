package io.github.auroramigrate.replication;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicationBuilderTest {
    final Endpoint target = Endpoint.builder().host("127.0.0.1").user("root").build();
    final Endpoint source = Endpoint.builder().host("127.0.0.2").user("root").build();
    final ReplicationUser user = ReplicationUser.of("repl", "pw");
    final BinlogPosition pos = new BinlogPosition("binlog.000001", 4);

    @Test
    void validatesAtBuild() {
        assertThatThrownBy(() -> Replication.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Replication.of(target).startAt(pos).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Replication.of(target).heartbeat(Duration.ofSeconds(1)).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Replication.of(target).source(source, user).startAt(pos)
                .startAt(GtidSet.of("0-1-5")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.of(target).pollInterval(Duration.ofMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.of(target).connectRetry(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.of(target).source(source, user).heartbeat(Duration.ofMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.of(target).sourceAddress("h", 0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.of(target).remedyTimeout(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOptionsTheForcedDialectCannotHonour() {
        assertThatThrownBy(() -> Replication.of(target).dialect(Dialect.RDS).connectRetry(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect-retry argument");
        // the default interval is not an option the user asked for: nothing to refuse
        assertThatCode(() -> Replication.of(target).dialect(Dialect.RDS).build().close()).doesNotThrowAnyException();
        assertThatCode(() -> Replication.of(target).dialect(Dialect.MYSQL_80).connectRetry(Duration.ofSeconds(5)).build()
                .close()).doesNotThrowAnyException();
    }

    @Test
    void buildsWithoutConnecting() {
        // nothing listens on 127.0.0.2:3306 here; build() must not connect
        assertThatCode(() -> Replication.of(target).source(source, user).startAt(pos).heartbeat(Duration.ofSeconds(1))
                .build().close()).doesNotThrowAnyException();
        assertThatCode(() -> Replication.of(target).build().close()).doesNotThrowAnyException();
    }
}
