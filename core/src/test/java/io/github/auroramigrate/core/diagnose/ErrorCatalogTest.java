package io.github.auroramigrate.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Mapping rules that real servers cannot provoke here (disk full) and the precedence between rules. */
class ErrorCatalogTest {

    @Test
    void everyHandbookErrorNumberHasACode() {
        assertThat(ErrorCatalog.codeFor(2005)).isEqualTo(DiagnosisCode.UNKNOWN_HOST);
        assertThat(ErrorCatalog.codeFor(2003)).isEqualTo(DiagnosisCode.CANNOT_CONNECT);
        assertThat(ErrorCatalog.codeFor(1227)).isEqualTo(DiagnosisCode.SUPER_PRIVILEGE_REQUIRED);
        assertThat(ErrorCatalog.codeFor(1064)).isEqualTo(DiagnosisCode.SQL_SYNTAX);
        assertThat(ErrorCatalog.codeFor(1049)).isEqualTo(DiagnosisCode.UNKNOWN_DATABASE);
        assertThat(ErrorCatalog.codeFor(1146)).isEqualTo(DiagnosisCode.UNKNOWN_TABLE);
        assertThat(ErrorCatalog.codeFor(2020)).isEqualTo(DiagnosisCode.PACKET_TOO_LARGE);
        assertThat(ErrorCatalog.codeFor(2006)).isEqualTo(DiagnosisCode.SERVER_GONE_AWAY);
        for (int n : new int[] {28, 1114, 126, 1034}) {
            assertThat(ErrorCatalog.codeFor(n)).as("error %d", n).isEqualTo(DiagnosisCode.OUT_OF_SPACE);
        }
        assertThat(ErrorCatalog.codeFor(99999)).isEqualTo(DiagnosisCode.UNKNOWN);
    }

    @Test
    void diskFullAndKeyFileErrorsFromTheServerAreOutOfSpace() {
        Diagnosis d = ErrorCatalog.diagnose(new SQLException("Incorrect key file for table 't'; try to repair it", "HY000", 1034), "u@h:1");
        assertThat(d.code()).isEqualTo(DiagnosisCode.OUT_OF_SPACE);
        assertThat(d.vendorCode()).isEqualTo(1034);
        assertThat(d.endpointDescription()).contains("u@h:1");
        assertThat(d.isRetryable()).isFalse();
    }

    @Test
    void localDiskFullIsOutOfSpace() {
        Diagnosis d = ErrorCatalog.diagnose(new IOException("No space left on device"), null);
        assertThat(d.code()).isEqualTo(DiagnosisCode.OUT_OF_SPACE);
    }

    @Test
    void networkCausesWinOverTheDriverWrapper() {
        SQLException wrapped = new SQLNonTransientConnectionException("Communications link failure", "08S01", 0,
                new UnknownHostException("nosuchhost.invalid"));
        assertThat(ErrorCatalog.diagnoseConnect(wrapped, null).code()).isEqualTo(DiagnosisCode.UNKNOWN_HOST);
        SQLException refused = new SQLNonTransientConnectionException("Communications link failure", "08S01", 0,
                new ConnectException("Connection refused"));
        assertThat(ErrorCatalog.diagnoseConnect(refused, null).code()).isEqualTo(DiagnosisCode.CANNOT_CONNECT);
    }

    @Test
    void accessDeniedDependsOnPasswordAndPhase() {
        SQLException yes = new SQLException("Access denied for user 'u'@'h' (using password: YES)", "28000", 1045);
        SQLException no = new SQLException("Access denied for user 'u'@'h' (using password: NO)", "28000", 1045);
        assertThat(ErrorCatalog.diagnoseConnect(yes, null).code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_BAD_PASSWORD);
        assertThat(ErrorCatalog.diagnoseConnect(no, null).code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_NO_PASSWORD);
        assertThat(ErrorCatalog.diagnose(yes, null).code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
    }

    @Test
    void renderNamesFileLineAndStatement() {
        Diagnosis d = ErrorCatalog.diagnose(new SQLException("Access denied; you need (at least one of) the SUPER privilege(s)"
                + " for this operation", "42000", 1227), "master@db:3306")
                .withLocation(new SourceLocation("myschema_dump.sql", 884, "/*!50001 CREATE ALGORITHM=UNDEFINED */\n"
                        + "/*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER */ /*!50001 VIEW `v1` AS select 1 */"));
        assertThat(d.render()).contains("ERROR 1227 (42000)", "myschema_dump.sql line 884", "master@db:3306",
                "DEFINER=`someuser`@`%`", "what to do:");
        assertThat(new MigrationException(d).getMessage()).isEqualTo(d.render());
    }

    @Test
    void longExcerptsAreShortened() {
        SourceLocation at = new SourceLocation("f.sql", 1, "x".repeat(10_000));
        assertThat(at.excerpt()).hasSize(SourceLocation.MAX_EXCERPT).endsWith("...");
    }

    @Test
    void mariaDbsErrno150IsAForeignKeyAndOtherCantCreateTableErrorsAreNot() {
        SQLException fk = new SQLException("Can't create table `s`.`c1` (errno: 150 \"Foreign key constraint is incorrectly "
                + "formed\")", "HY000", 1005);
        assertThat(ErrorCatalog.diagnose(fk, null).code()).isEqualTo(DiagnosisCode.FOREIGN_KEY_INVALID);
        SQLException other = new SQLException("Can't create table `s`.`t` (errno: 28 \"No space left on device\")", "HY000", 1005);
        assertThat(ErrorCatalog.diagnose(other, null).code()).isNotEqualTo(DiagnosisCode.FOREIGN_KEY_INVALID);
    }

    /** Advice that names a transform must name one that exists, with the argument types it takes. */
    @Test
    void everyTransformTheAdviceNamesExists() throws Exception {
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("Transforms\\.(\\w+)\\(([^)]*)\\)");
        int seen = 0;
        for (DiagnosisCode code : DiagnosisCode.values()) {
            java.util.regex.Matcher m = call.matcher(code.summary() + " " + code.remedy());
            while (m.find()) {
                seen++;
                String name = m.group(1);
                int arity = m.group(2).isBlank() ? 0 : m.group(2).split(",").length;
                assertThat(java.util.Arrays.stream(io.github.auroramigrate.core.transform.Transforms.class.getMethods())
                        .filter(x -> java.lang.reflect.Modifier.isStatic(x.getModifiers()))
                        .anyMatch(x -> x.getName().equals(name) && x.getParameterCount() == arity))
                        .as(code + " names Transforms." + name + " with " + arity + " argument(s)").isTrue();
            }
        }
        assertThat(seen).isGreaterThan(3);
    }
}
