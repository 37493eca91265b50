package io.github.auroramigrate.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Part sizes: from the file's expected size, growing so that no file meets S3's 10,000-part limit. */
class S3PartSizeTest {
    private static final long MIB = 1L << 20;

    @Test
    void theFirstPartIsTheConfiguredSizeUnlessTheFileIsExpectedToBeHuge() {
        assertThat(S3Upload.firstPartSize(8 * MIB, -1)).isEqualTo(8 * MIB);
        assertThat(S3Upload.firstPartSize(8 * MIB, 64 * MIB)).isEqualTo(8 * MIB);
        assertThat(S3Upload.firstPartSize(8 * MIB, 100_000_000_000L)).as("100 GB: 20 MB parts, 5,000 of them")
                .isEqualTo(20 * MIB);
        assertThat(S3Upload.firstPartSize(8 * MIB, 10_000_000_000_000L)).as("memory stays bounded")
                .isEqualTo(64 * MIB);
        assertThat(S3Upload.firstPartSize(256 * MIB, 1)).isEqualTo(256 * MIB);
    }

    @Test
    void partsDoubleEveryThousandUpToOneGibibyte() {
        int first = (int) (8 * MIB);
        assertThat(S3Upload.partSize(first, 1)).isEqualTo(first);
        assertThat(S3Upload.partSize(first, 1000)).isEqualTo(first);
        assertThat(S3Upload.partSize(first, 1001)).isEqualTo(2 * first);
        assertThat(S3Upload.partSize(first, 7001)).isEqualTo(S3Upload.MAX_PART);
        assertThat(S3Upload.partSize(first, 10_000)).isEqualTo(S3Upload.MAX_PART);
    }

    @Test
    void tenThousandPartsHoldMoreThanAnyDumpFileFromTheSmallestFirstPart() {
        for (long first : new long[] {5 * MIB, 8 * MIB}) {
            long total = 0;
            for (int n = 1; n <= S3Upload.MAX_PARTS; n++) {
                total += S3Upload.partSize((int) first, n);
            }
            assertThat(total).as("from " + first / MIB + " MiB parts").isGreaterThan(3L << 40); // > 3 TiB
        }
    }
}
