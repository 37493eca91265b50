package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.store.ServerSideRead;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aurora MySQL's {@code LOAD DATA FROM S3 FILE 's3-region://bucket/key'} for the files of an {@link S3DumpStore}: the
 * statement text, the check of what the cluster and the loading account need (Aurora 3: the {@code AWS_LOAD_S3_ACCESS}
 * role granted and active; Aurora 2: the {@code LOAD FROM S3} privilege; both: an IAM role in
 * {@code aws_default_s3_role} / {@code aurora_load_from_s3_role}), Aurora's S3 error texts, and the cross-check with
 * {@code mysql.aurora_s3_load_history}. Immutable and thread-safe.
 */
final class AuroraS3Read implements ServerSideRead {
    private static final Logger LOG = LoggerFactory.getLogger(AuroraS3Read.class);
    static final String ROLE = "AWS_LOAD_S3_ACCESS";
    static final String HISTORY = "mysql.aurora_s3_load_history";

    private final String bucket;
    private final String prefix;
    private final String region;

    /**
     * @param prefix the store's key prefix ("" or ending with {@code /})
     * @param region the bucket's region, or null for the cluster's own ({@code s3://} URIs)
     */
    AuroraS3Read(String bucket, String prefix, String region) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.region = region;
    }

    @Override
    public String describe() {
        return "Aurora LOAD DATA FROM S3 of s3://" + bucket + "/" + prefix;
    }

    @Override
    public String loadDataSource(String key) {
        return "FROM S3 FILE " + literal(uri(key));
    }

    /** @return Aurora's URI of a file of the store: {@code s3-region://bucket/prefix/key}, or {@code s3://...} */
    String uri(String key) {
        return (region == null ? "s3" : "s3-" + region) + "://" + bucket + "/" + prefix + key;
    }

    @Override
    public List<Diagnosis> check(Connection c) throws SQLException {
        Optional<String> aurora = variable(c, "aurora_version");
        if (aurora.isEmpty()) {
            return List.of(problem("the target is not Aurora MySQL (it has no @@aurora_version): LOAD DATA FROM S3 "
                    + "exists only there", "Load through the client with LoadMethod.AUTO: it streams the files from S3 by "
                    + "LOAD DATA LOCAL INFILE and works on every target."));
        }
        boolean v3 = aurora.get().startsWith("3");
        String account = scalar(c, "SELECT CURRENT_USER()");
        String grantee = grantee(account);
        List<Diagnosis> problems = new ArrayList<>();
        String role = variable(c, "aws_default_s3_role").orElse("");
        if (!v3 && role.isBlank()) {
            role = variable(c, "aurora_load_from_s3_role").orElse("");
        }
        if (role.isBlank()) {
            String parameter = v3 ? "aws_default_s3_role" : "aurora_load_from_s3_role (or aws_default_s3_role)";
            problems.add(problem("the cluster has no IAM role for S3: " + parameter + " is empty, so Aurora cannot read "
                    + "s3://" + bucket + " (it fails with \"Both aurora_load_from_s3_role and aws_default_s3_role are not "
                    + "specified\")", "Give the cluster a role that may s3:GetObject, s3:GetObjectVersion and s3:ListBucket "
                    + "on arn:aws:s3:::" + bucket + " and arn:aws:s3:::" + bucket + "/*: `aws rds add-role-to-db-cluster "
                    + "--db-cluster-identifier <cluster> --role-arn <role-arn> --feature-name s3Import`, then set it in "
                    + "the cluster's custom parameter group: `aws rds modify-db-cluster-parameter-group "
                    + "--db-cluster-parameter-group-name <group> --parameters "
                    + "\"ParameterName=aws_default_s3_role,ParameterValue=<role-arn>,ApplyMethod=immediate\"`."));
        }
        if (v3) {
            checkRole(c, grantee, problems);
        } else if (!hasLoadFromS3(c)) {
            problems.add(problem(account + " lacks the LOAD FROM S3 privilege",
                    "As the cluster's master user: GRANT LOAD FROM S3 ON *.* TO " + grantee + ";"));
        }
        return problems;
    }

    /** Aurora 3: the role must be granted and active in the session, directly or through another active role. */
    private static void checkRole(Connection c, String grantee, List<Diagnosis> problems) throws SQLException {
        Map<String, Set<String>> edges = new HashMap<>();
        boolean granted = false;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT GRANTEE, ROLE_NAME FROM information_schema.APPLICABLE_ROLES")) {
            while (rs.next()) {
                edges.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                granted |= ROLE.equalsIgnoreCase(rs.getString(2));
            }
        }
        if (!granted) {
            problems.add(problem(grantee + " has not been granted the " + ROLE + " role",
                    "As the cluster's master user: GRANT " + ROLE + " TO " + grantee + "; then SET DEFAULT ROLE ALL TO "
                            + grantee + "; (or set activate_all_roles_on_login=1 in the cluster parameter group)."));
            return;
        }
        Set<String> active = new HashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ROLE_NAME FROM information_schema.ENABLED_ROLES")) {
            while (rs.next()) {
                active.add(rs.getString(1));
            }
        }
        List<String> todo = new ArrayList<>(active); // roles granted to an active role are in effect too
        while (!todo.isEmpty()) {
            for (String r : edges.getOrDefault(todo.remove(todo.size() - 1), Set.of())) {
                if (active.add(r)) {
                    todo.add(r);
                }
            }
        }
        if (active.stream().noneMatch(ROLE::equalsIgnoreCase)) {
            problems.add(problem("the " + ROLE + " role is granted to " + grantee + " but not active in its sessions "
                    + "(Aurora 3 needs it active: roles are not active on login unless they are default roles)",
                    "SET DEFAULT ROLE ALL TO " + grantee + "; (it takes effect at the next login, and the load logs in "
                            + "anew) or set activate_all_roles_on_login=1 in the cluster parameter group."));
        }
    }

    private static boolean hasLoadFromS3(Connection c) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        }
        return grantsLoadFromS3(grants);
    }

    /** @return whether {@code SHOW GRANTS} lines give LOAD FROM S3 on {@code *.*} (by name or as ALL PRIVILEGES) */
    static boolean grantsLoadFromS3(List<String> grants) {
        for (String line : grants) {
            String g = line.toUpperCase(Locale.ROOT);
            int on = g.indexOf(" ON *.* ");
            if (on > 0 && (g.substring(0, on).contains("LOAD FROM S3") || g.substring(0, on).contains("ALL PRIVILEGES"))) {
                return true;
            }
        }
        return false;
    }

    /** Aurora reports S3 failures as "S3 API returned error: ..." and missing privileges by name. */
    @Override
    public Optional<Diagnosis> diagnose(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (!m.contains("S3") && !m.contains(ROLE)) {
            return Optional.empty();
        }
        String advice = m.contains("Access Denied") || m.contains("AccessDenied")
                ? "The cluster's IAM role (aws_default_s3_role) may not read s3://" + bucket + ": allow s3:GetObject, "
                        + "s3:GetObjectVersion and s3:ListBucket (and kms:Decrypt for an SSE-KMS key) on the bucket."
                : m.contains("not specified")
                        ? "Set aws_default_s3_role in the cluster parameter group to a role associated with the cluster."
                        : "Check the cluster's IAM role, its access to the bucket and the cluster's network path to S3 "
                                + "(a VPC endpoint for S3 or a NAT gateway).";
        return Optional.of(new Diagnosis(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, e.getErrorCode(), e.getSQLState(),
                "Aurora could not read from S3: " + m, null, null, advice));
    }

    /**
     * Every file the journal says the server read must appear in Aurora's history. Extra history rows are expected:
     * a statement whose transaction was rolled back (a failed attempt, retried) may still be recorded there.
     */
    @Override
    public List<Diagnosis> crossCheck(Connection c, List<String> keys) throws SQLException {
        Set<String> recorded = new HashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT load_prefix, file_name FROM " + HISTORY + " WHERE load_prefix LIKE "
                        + literal(likePrefix()))) {
            while (rs.next()) {
                recorded.add(rs.getString(1));
                recorded.add(rs.getString(2));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1142) { // no such table here, or not readable
                LOG.info("{}: {} cannot be read ({}); the load's journal alone records what was loaded", describe(),
                        HISTORY, e.getMessage());
                return List.of();
            }
            throw e;
        }
        List<String> missing = keys.stream().filter(k -> !recorded.contains(uri(k))).sorted().toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Diagnosis.of(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, missing.size() + " of the " + keys.size()
                + " files the load journaled as read by Aurora are not in " + HISTORY + " (e.g. " + uri(missing.get(0))
                + ")").withAdvice("The journal decides what is loaded and the rows were counted when they were "
                + "committed; compare the tables with Verify to be sure."));
    }

    private String likePrefix() {
        String p = uri("");
        return p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Diagnosis problem(String what, String fix) {
        return new Diagnosis(DiagnosisCode.SERVER_SIDE_LOAD_UNAVAILABLE, 0, "", what, null, null, fix);
    }

    /** @return the global value of a system variable, or empty when the server has no such variable */
    private static Optional<String> variable(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@GLOBAL." + name)) {
            return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            if (e.getErrorCode() == 1193) { // unknown system variable
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code user@host} as CURRENT_USER() gives it, as a quoted grantee: {@code 'user'@'host'}. */
    static String grantee(String account) {
        int at = account.lastIndexOf('@');
        return at < 0 ? literal(account) : literal(account.substring(0, at)) + "@" + literal(account.substring(at + 1));
    }

    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
