package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.proxy.internal.PacketReader;
import io.github.auroramigrate.testkit.proxy.internal.Packets;
import io.github.auroramigrate.testkit.proxy.internal.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decisions validate what they are given and answer only for their kind; the builder refuses bad settings. */
class QueryDecisionTest {

    @Test
    void errorsAreValidated() {
        QueryDecision e = QueryDecision.error(1227, "42000", "Access denied");
        assertThat(e.errorCode()).isEqualTo(1227);
        assertThat(e.sqlState()).isEqualTo("42000");
        assertThat(e.text()).isEqualTo("Access denied");
        assertThat(e).hasToString("error 1227 (42000)");
        assertThatThrownBy(() -> QueryDecision.error(0, "42000", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDecision.error(65536, "42000", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDecision.error(1, "4200", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDecision.error(1, "42a00", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDecision.ok(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDecision.replace(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void accessorsAnswerOnlyForTheirKind() {
        QueryDecision ok = QueryDecision.ok(3);
        assertThat(ok.affectedRows()).isEqualTo(3);
        assertThatThrownBy(ok::errorCode).isInstanceOf(IllegalStateException.class).hasMessageContaining("OK");
        assertThatThrownBy(ok::text).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QueryDecision.pass().response()).isInstanceOf(IllegalStateException.class);
        assertThat(QueryDecision.replace("SELECT 'secret'").toString()).doesNotContain("secret");
    }

    @Test
    void aLocalInfileRequestCannotBeRelayed() throws IOException {
        byte[] request = ("\u00fbfile.tsv").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Packets.frames(request, 1).forEach(wire::writeBytes);
        Response r = Response.read(new PacketReader(new ByteArrayInputStream(wire.toByteArray())), true, false);
        assertThat(r.kind()).isEqualTo(ServerResponse.Kind.LOCAL_INFILE);
        assertThat(r.fileName()).isEqualTo("file.tsv");
        assertThatThrownBy(() -> QueryDecision.relay(r)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sendLocalInfile");
        assertThatThrownBy(r::affectedRows).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBuilderRefusesBadSettings() {
        assertThatThrownBy(() -> MysqlProxy.to("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MysqlProxy.to(null, 3306)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MysqlProxy.to("127.0.0.1", 3306).responseTimeout(java.time.Duration.ZERO).start())
                .isInstanceOf(IllegalArgumentException.class);
        try (MysqlProxy proxy = MysqlProxy.to("127.0.0.1", 3306).start()) {
            assertThat(proxy.host()).isEqualTo("127.0.0.1");
            assertThatThrownBy(() -> proxy.latency(java.time.Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> proxy.bandwidth(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> proxy.cutAfter(Direction.CLIENT_TO_SERVER, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> proxy.cutOnQuery(null, QueryCut.BEFORE_SENDING))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
