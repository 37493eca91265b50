package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Endpoint.Builder.jdbcUrl: what a Connector/J URL sets, what it may not, and that the password never shows. */
class JdbcUrlTest {
    /** Every character that has a meaning in a URL, a quote, a backslash, a space and non-ASCII. */
    private static final String NASTY = "p@ss:w/rd?#&=%+ 'é\"\\;";

    private static Endpoint parse(String url) {
        return Endpoint.builder().jdbcUrl(url).build();
    }

    private static MigrationException refused(String url) {
        MigrationException e = catchThrowableOfType(() -> parse(url), MigrationException.class);
        assertThat(e).as(url).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(e.getCause()).as("the driver's exception quotes the URL").isNull();
        return e;
    }

    @Test
    void hostPortDatabaseUserPasswordAndKnownProperties() {
        Endpoint e = parse("jdbc:mysql://master:secret@db.example:3307/app?sslMode=REQUIRED&connectTimeout=2500"
                + "&allowPublicKeyRetrieval=true&socketTimeout=60000&tcpKeepAlive=true");
        assertThat(e.host()).isEqualTo("db.example");
        assertThat(e.port()).isEqualTo(3307);
        assertThat(e.database()).contains("app");
        assertThat(e.user()).isEqualTo("master");
        assertThat(e.tls()).isEqualTo(TlsMode.REQUIRED);
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(e.driverProperties()).containsEntry("password", "secret").containsEntry("allowPublicKeyRetrieval", "true")
                .containsEntry("socketTimeout", "60000").containsEntry("tcpKeepAlive", "true");
        assertThat(e.properties()).containsOnlyKeys("socketTimeout", "tcpKeepAlive");
        assertThat(e.jdbcUrl()).isEqualTo("jdbc:mysql://db.example:3307/app");
    }

    @Test
    void noPortMeans3306AndNoDatabaseMeansNone() {
        Endpoint e = parse("jdbc:mysql://u@db.example");
        assertThat(e.port()).isEqualTo(3306);
        assertThat(e.database()).isEmpty();
        assertThat(e.hasPassword()).isFalse();
        assertThat(parse("jdbc:mysql://u@db.example/").database()).isEmpty();
        assertThat(parse("jdbc:mysql://db.example/?user=u").port()).isEqualTo(3306);
    }

    @Test
    void ipv6HostsInBracketsWithAndWithoutPort() {
        Endpoint e = parse("jdbc:mysql://u@[2001:db8::17]:3310/app");
        assertThat(e.host()).isEqualTo("2001:db8::17");
        assertThat(e.port()).isEqualTo(3310);
        assertThat(e.jdbcUrl()).isEqualTo("jdbc:mysql://[2001:db8::17]:3310/app");
        Endpoint loopback = parse("jdbc:mysql://u@[::1]/");
        assertThat(loopback.host()).isEqualTo("::1");
        assertThat(loopback.port()).isEqualTo(3306);
    }

    @Test
    void aPercentEncodedPasswordWithEveryReservedCharacterArrivesExactlyAndNeverShows() {
        String encoded = URLEncoder.encode(NASTY, StandardCharsets.UTF_8);
        String user = "app user@corp";
        Endpoint e = parse("jdbc:mysql://" + URLEncoder.encode(user, StandardCharsets.UTF_8) + ":" + encoded
                + "@db.example:3306/my%20db");
        assertThat(e.user()).isEqualTo(user);
        assertThat(e.database()).contains("my db");
        assertThat(e.driverProperties().getProperty("password")).isEqualTo(NASTY);
        for (String shown : new String[] {e.toString(), e.describe(), e.jdbcUrl()}) {
            assertThat(shown).doesNotContain(NASTY).doesNotContain(encoded).doesNotContain("p@ss");
        }
        // in the query, as the driver also reads it
        Endpoint q = parse("jdbc:mysql://db.example/?user=u&password=" + encoded);
        assertThat(q.driverProperties().getProperty("password")).isEqualTo(NASTY);
        assertThat(q.toString()).doesNotContain("p@ss").contains("****");
    }

    @Test
    void laterBuilderCallsOverrideTheUrl() {
        Endpoint e = Endpoint.builder().jdbcUrl("jdbc:mysql://u:old@db.example:3307/app").password("new").port(3308)
                .build();
        assertThat(e.driverProperties().getProperty("password")).isEqualTo("new");
        assertThat(e.port()).isEqualTo(3308);
        assertThat(e.user()).isEqualTo("u");
    }

    @Test
    void unknownAndUnsafePropertiesAreRefusedByNameWithoutThePassword() {
        MigrationException e = refused("jdbc:mysql://u:" + "hunter2" + "@db.example/app?allowMultiQueries=true"
                + "&autoDeserialize=true&allowLoadLocalInfile=true&zeroDateTimeBehavior=EXCEPTION&sesionVariables=x"
                + "&useSSL=false&trustCertificateKeyStoreUrl=file:/tmp/x");
        assertThat(e.getMessage()).contains("allowMultiQueries", "autoDeserialize", "allowLoadLocalInfile",
                "zeroDateTimeBehavior", "useSSL", "trustCertificateKeyStoreUrl", "sesionVariables", "unknown")
                .doesNotContain("hunter2");
        assertThat(e.diagnosis().render()).doesNotContain("hunter2");
        assertThat(refused("jdbc:mysql://db.example/?user=u&sessionVariables=sql_mode=''").getMessage())
                .contains("sessionVariables");
    }

    @Test
    void badValuesOfKnownPropertiesAreRefused() {
        assertThat(refused("jdbc:mysql://u@h/?sslMode=MAYBE").getMessage()).contains("sslMode=MAYBE");
        assertThat(refused("jdbc:mysql://u@h/?connectTimeout=soon").getMessage()).contains("connectTimeout");
        assertThat(refused("jdbc:mysql://u@h/?allowPublicKeyRetrieval=yes").getMessage())
                .contains("allowPublicKeyRetrieval");
    }

    @Test
    void onlyOneMysqlHostIsAnEndpoint() {
        assertThat(refused("jdbc:mysql://u@h1,h2/app").getMessage()).contains("2 host(s)");
        refused("jdbc:mysql:loadbalance://u@h1/app");
        refused("jdbc:mysql:replication://u@h1,h2/app");
        assertThat(refused("jdbc:postgresql://u:hunter2@h/app").getMessage()).contains("not a MySQL Connector/J URL")
                .doesNotContain("hunter2");
        refused("jdbc:mysqlx://u@h:33060/app");
        assertThat(refused("jdbc:mysql://u:hunter2@/app").getMessage()).contains("no host").doesNotContain("hunter2");
        refused("jdbc:mysql:///app");
        assertThatThrownBy(() -> Endpoint.builder().jdbcUrl(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aMalformedUrlIsRefusedWithoutQuotingIt() {
        for (String url : new String[] {"jdbc:mysql://u:hunter2@[::1/app", "jdbc:mysql://u:hunter2@h:notaport/app",
                "jdbc:mysql://u:hunter2@h:70000/app"}) {
            MigrationException e = refused(url);
            assertThat(e.getMessage()).doesNotContain("hunter2");
            assertThat(e.diagnosis().render()).doesNotContain("hunter2");
        }
    }

    @Test
    void aUrlWithoutAUserNeedsOneFromTheBuilder() {
        assertThatThrownBy(() -> parse("jdbc:mysql://db.example/app")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("user");
        assertThat(Endpoint.builder().jdbcUrl("jdbc:mysql://db.example/app").user("u").build().user()).isEqualTo("u");
    }

    @Test
    void aCallersDataSourceExcludesLoginSettings() {
        DataSource ds = new com.zaxxer.hikari.HikariDataSource(); // never started: no connection is opened here
        Endpoint e = Endpoint.builder().host("db.example").user("app").dataSource(ds).build();
        assertThat(e.dataSource()).containsSame(ds);
        assertThat(e.toString()).contains("app@db.example:3306", "DataSource");
        assertThat(e.toBuilder().build()).isEqualTo(e);
        for (java.util.function.UnaryOperator<Endpoint.Builder> bad : java.util.List.<java.util.function.UnaryOperator<Endpoint.Builder>>of(
                b -> b.password("x"), b -> b.tls(TlsMode.REQUIRED), b -> b.allowPublicKeyRetrieval(true),
                b -> b.property("socketTimeout", "1"))) {
            assertThatThrownBy(() -> bad.apply(Endpoint.builder().host("h").user("u").dataSource(ds)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataSource");
        }
        assertThatThrownBy(() -> Endpoint.builder().dataSource(null)).isInstanceOf(NullPointerException.class);
    }
}
