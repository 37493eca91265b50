package io.github.auroramigrate.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of Aurora's LOAD DATA FROM S3 as the library writes it, and what it reads from Aurora's answers. */
class AuroraS3ReadTest {

    @Test
    void theStatementNamesTheObjectWithTheStoresRegionOrTheClusters() {
        AuroraS3Read eu = new AuroraS3Read("my-bucket", "dumps/shop/", "eu-west-1");
        assertThat(eu.loadDataSource("data/shop/t/t.000001.tsv"))
                .isEqualTo("FROM S3 FILE 's3-eu-west-1://my-bucket/dumps/shop/data/shop/t/t.000001.tsv'");
        AuroraS3Read cluster = new AuroraS3Read("my-bucket", "", null);
        assertThat(cluster.loadDataSource("data/a'b/t/t.000001.tsv"))
                .isEqualTo("FROM S3 FILE 's3://my-bucket/data/a''b/t/t.000001.tsv'");
        assertThat(eu.describe()).isEqualTo("Aurora LOAD DATA FROM S3 of s3://my-bucket/dumps/shop/");
    }

    @Test
    void aurora2sPrivilegeIsReadFromTheGrantsAuroraPrints() {
        // the master user's grants as Aurora MySQL 2 shows them, and an account given only the privilege
        assertThat(AuroraS3Read.grantsLoadFromS3(List.of("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, "
                + "PROCESS, REFERENCES, INDEX, ALTER, SHOW DATABASES, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, "
                + "REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, CREATE "
                + "USER, EVENT, TRIGGER, LOAD FROM S3, SELECT INTO S3, INVOKE LAMBDA ON *.* TO 'admin'@'%' WITH GRANT "
                + "OPTION"))).isTrue();
        assertThat(AuroraS3Read.grantsLoadFromS3(List.of("GRANT USAGE ON *.* TO 'loader'@'%'",
                "GRANT LOAD FROM S3 ON *.* TO 'loader'@'%'"))).isTrue();
        assertThat(AuroraS3Read.grantsLoadFromS3(List.of("GRANT ALL PRIVILEGES ON *.* TO 'root'@'%'"))).isTrue();
        assertThat(AuroraS3Read.grantsLoadFromS3(List.of("GRANT SELECT, INSERT ON *.* TO 'app'@'%'",
                "GRANT ALL PRIVILEGES ON `shop`.* TO 'app'@'%'"))).as("ALL on one schema is not LOAD FROM S3").isFalse();
        assertThat(AuroraS3Read.grantsLoadFromS3(List.of("GRANT SELECT ON *.* TO 'load from s3'@'%'")))
                .as("an account named so").isFalse();
    }

    @Test
    void auroraS3ErrorsAreExplainedOthersLeftToTheCatalogue() {
        AuroraS3Read r = new AuroraS3Read("b", "", null);
        assertThat(r.diagnose(new SQLException("S3 API returned error: Access Denied:Access Denied", "HY000", 63994)))
                .hasValueSatisfying(d -> {
                    assertThat(d.code()).isEqualTo(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE);
                    assertThat(d.vendorCode()).isEqualTo(63994);
                    assertThat(d.remedy()).contains("s3:GetObject").contains("kms:Decrypt");
                });
        assertThat(r.diagnose(new SQLException("S3 API returned error: Both aurora_load_from_s3_role and "
                + "aws_default_s3_role are not specified", "HY000", 63985)))
                .hasValueSatisfying(d -> assertThat(d.remedy()).contains("aws_default_s3_role"));
        assertThat(r.diagnose(new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062))).isEmpty();
        assertThat(AuroraS3Read.grantee("loader@%")).isEqualTo("'loader'@'%'");
        assertThat(AuroraS3Read.grantee("o'brien@10.0.0.%")).isEqualTo("'o''brien'@'10.0.0.%'");
    }
}
