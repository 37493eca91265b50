package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.Verification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the cut-over's steps check and set on the servers: the verification verdicts and the source's read_only. */
public final class CutOverChecks {
    private static final Logger LOG = LoggerFactory.getLogger(CutOver.class);
    private static final int MAX_SHOWN = 5;

    private CutOverChecks() {
    }

    /**
     * @return the summary of a clean result
     * @throws MigrationException CUT_OVER_FAILED naming the first differences, or when no table was compared (a
     *                            selection that matched nothing proves nothing)
     */
    public static String verdict(VerifyResult v) {
        if (v.tables().isEmpty()) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                    "Verification compared no tables (" + v.summary() + "): the schemas or tables it names match "
                            + "nothing on the source, so nothing shows that the target holds the data")
                    .withAdvice("Name the schemas (and tables) that exist on the source in Verify.between(..)."));
        }
        if (!v.ok()) {
            List<String> shown = new ArrayList<>();
            v.objectDifferences().stream().limit(MAX_SHOWN).forEach(d -> shown.add(d.toString()));
            v.differences().stream().limit(MAX_SHOWN).forEach(d -> shown.add(d.kind() + " "
                    + SqlText.quoteIdentifier(d.schema()) + "." + SqlText.quoteIdentifier(d.table())
                    + (d.range().isEmpty() ? "" : " where " + d.range())
                    + (d.rows().isEmpty() ? "" : " (" + d.rows().size() + " rows differ)")));
            int total = v.objectDifferences().size() + v.differences().size();
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                    "Verification found differences: " + v.summary() + ": " + String.join("; ", shown)
                            + (total > shown.size() ? "; and " + (total - shown.size()) + " more" : "")));
        }
        return v.summary();
    }

    /**
     * @return the summary of a matching verdict of a user's verifier
     * @throws MigrationException CUT_OVER_FAILED when it does not match
     */
    public static String verdict(Verification v) {
        if (!v.matches()) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                    "Verification found differences: " + v.summary()));
        }
        return v.summary();
    }

    /**
     * Sets {@code read_only} on the source.
     *
     * @return whether it was ON before
     */
    public static boolean setReadOnly(Endpoint source, boolean on, String name) throws SQLException {
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            boolean before;
            try (ResultSet rs = st.executeQuery("SELECT @@GLOBAL.read_only")) {
                rs.next();
                before = rs.getInt(1) == 1;
            }
            st.execute("SET GLOBAL read_only = " + (on ? "ON" : "OFF"));
            LOG.info("{}: source {} read_only={}", name, source.describe(), on ? "ON" : "OFF");
            return before;
        }
    }
}
