package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
    private static final String SECRET = "s3cr3t-Pa55";

    private Endpoint endpoint() {
        return Endpoint.builder().host("db.example").port(3307).user("master").password(SECRET).database("app").build();
    }

    @Test
    void aPasswordSupplierIsExclusiveAndNeverShown() {
        Endpoint.Builder b = Endpoint.builder().host("db").user("app").passwordSupplier(() -> "token-123");
        assertThat(b.build().toString()).contains("<supplied>").doesNotContain("token-123");
        assertThat(b.build().hasPassword()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.password("fixed").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void passwordNeverShows() {
        Endpoint e = endpoint();
        assertThat(e.toString()).doesNotContain(SECRET).contains("****", "master@db.example:3307");
        assertThat(e.describe()).doesNotContain(SECRET);
        assertThat(e.jdbcUrl()).doesNotContain(SECRET).isEqualTo("jdbc:mysql://db.example:3307/app");
        assertThat(e.driverProperties().getProperty("password")).isEqualTo(SECRET);
    }

    @Test
    void toBuilderKeepsEverything() {
        Endpoint e = endpoint();
        assertThat(e.toBuilder().build()).isEqualTo(e);
        assertThat(e.toBuilder().database("other").build().database()).contains("other");
    }

    @Test
    void buildValidatesEverything() {
        assertThatThrownBy(() -> Endpoint.builder().user("u").build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> Endpoint.builder().host("h").build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> Endpoint.builder().host("h").user("u").port(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> Endpoint.builder().host("h").user("u").tls(TlsMode.VERIFY_CA).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caBundle");
        assertThatThrownBy(() -> Endpoint.builder().host("h").user("u").property("password", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    @Test
    void ipv6HostsAreBracketed() {
        assertThat(Endpoint.builder().host("::1").user("u").build().jdbcUrl()).isEqualTo("jdbc:mysql://[::1]:3306/");
    }
}
