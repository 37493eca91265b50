package io.github.auroramigrate.core.diagnose;

import java.util.Set;

/**
 * The catalogue of failures the library recognises, after the Aurora migration handbook's
 * "Troubleshooting Self-Managed Migrations" section, with the remedy for each in our own words.
 *
 * <pre>{@code
 * if (e.code() == DiagnosisCode.UNKNOWN_HOST) { ... }
 * }</pre>
 *
 * <p>Codes are stable: programs may switch on them. Each lists the MySQL/MariaDB error numbers it covers
 * ({@link #errorNumbers()}); client-side codes (2003, 2005, 2006, 2013, 2020) are also recognised from
 * Connector/J's exceptions, which do not carry those numbers.
 */
public enum DiagnosisCode {
    /** 2005: the host name does not resolve. */
    UNKNOWN_HOST(false, "The host name could not be resolved (client error 2005).",
            "Check the host name for typos (copy the endpoint from the console rather than typing it). "
                    + "Resolve it with host, dig or nslookup from this same machine; if it fails from every client and "
                    + "the name is right, the DNS endpoint itself is at fault (for an AWS-managed endpoint, contact AWS "
                    + "Support); if it fails on some clients only, look at their OS or network DNS settings.",
            2005),
    /** 2003: the host resolves but nothing answers on the port. */
    CANNOT_CONNECT(true, "The server could not be reached on that host and port (client error 2003).",
            "Check that the server is running and accepting connections (not in recovery or shutting down) and "
                    + "that the port is right (a custom port such as 3307 must be given explicitly). For Aurora/RDS: the "
                    + "instance must be Available, its security group, network ACLs and routes must allow this client, "
                    + "and it must be Publicly Accessible if you connect from outside its VPC. Trace the route with a "
                    + "TCP-based tool; Aurora does not answer ICMP.",
            2003, 2002),
    /** 1045 with "using password: YES": the password (or user/host pair) was rejected. */
    ACCESS_DENIED_BAD_PASSWORD(false, "Access denied: the server rejected the user name and password.",
            "The client did send a password, so check it (and the user name and the host the account is defined "
                    + "for). Try the same credentials from another client to rule out the client. If no client can log "
                    + "in, reset the password: for the Aurora master user use Modify on the cluster (console or "
                    + "'aws rds modify-db-cluster'), for other users SET PASSWORD as the master user, for a self-managed "
                    + "server follow the MySQL reset procedure.",
            1045),
    /** 1045 with "using password: NO": no password was sent. */
    ACCESS_DENIED_NO_PASSWORD(false, "Access denied: no password was sent, and the account needs one.",
            "The client sent no password. Set one on the endpoint (Endpoint.builder().password(...)); with the mysql "
                    + "command line, '-p pAssw0rd' with a space sends none - write '-ppAssw0rd' or use --password=.",
            1045),
    /** 1044/1142/1143/1045 on a statement: the user lacks a privilege the statement needs. */
    ACCESS_DENIED_STATEMENT(false, "Access denied: the user lacks a privilege this statement needs.",
            "Find the statement at the reported line and check that the user holds every privilege it needs "
                    + "(GRANT it, or run the statement as a user that holds it).",
            1044, 1142, 1143),
    /** 1227: the statement needs SUPER (or a dynamic privilege) - typical of DEFINER clauses on Aurora. */
    SUPER_PRIVILEGE_REQUIRED(false, "The statement needs the SUPER privilege (or an equivalent dynamic privilege).",
            "Aurora and RDS never grant SUPER. Look at the statement at the reported line: if it carries a DEFINER "
                    + "for another account, strip or replace the definer (Transforms.stripDefiners()) or create the "
                    + "objects as that account; if it is SET GLOBAL, SET sql_log_bin or SET @@GLOBAL.GTID_PURGED, drop it "
                    + "(Transforms.dropSuperStatements()) and use the DB parameter group or the mysql.rds_* procedures "
                    + "instead. On a self-managed server a DBA can grant the privilege or run the statement.",
            1227),
    /** 1449: an object's DEFINER names an account that does not exist. */
    DEFINER_MISSING(false, "The account named in an object's DEFINER clause does not exist on this server.",
            "Create the account on the target, or re-create the object without the DEFINER (strip it) or with an "
                    + "existing account (replace it), e.g. by loading with Transforms.stripDefiners().",
            1449),
    /** 1064: syntax error. */
    SQL_SYNTAX(false, "The server could not parse the statement (syntax error).",
            "Look at the statement at the reported line. If it came from a dump of another server version, run it on "
                    + "a server of the source's version and on the target: if only the target rejects it, it is a version "
                    + "or configuration incompatibility (a transform can rewrite it). Otherwise the file is corrupt or was "
                    + "edited by hand: check missing characters, spaces and delimiters.",
            1064, 1149),
    /** 1049: unknown database. */
    UNKNOWN_DATABASE(false, "The schema (database) does not exist on this server.",
            "Check the name, create the schema before using it, and compare lower_case_table_names on source and "
                    + "target: a case difference makes a schema 'disappear'.",
            1049),
    /** 1146: table does not exist. */
    UNKNOWN_TABLE(false, "The table (or the schema it lives in) does not exist on this server.",
            "Check that the table and its schema exist and were created before this statement, check the name, and "
                    + "compare lower_case_table_names on source and target.",
            1146),
    /** 2020/1153/1301: a value or statement larger than max_allowed_packet. */
    PACKET_TOO_LARGE(false, "A row, value or statement was larger than max_allowed_packet.",
            "Find the longest value in the data (MAX(LENGTH(col))) and raise max_allowed_packet above it on the "
                    + "server (on Aurora/RDS: the DB parameter group) and on the client (Endpoint property "
                    + "maxAllowedPacket). The maximum is 1 GB.",
            2020, 1153, 1301),
    /** 2006/2013: the connection was lost. */
    SERVER_GONE_AWAY(true, "The connection to the server was lost (server has gone away / lost connection).",
            "The server restarted, killed the session, or a network device or timeout (wait_timeout, an idle-timeout "
                    + "firewall) closed it; a packet above max_allowed_packet also closes it. Check the server's error log "
                    + "and uptime. Work in chunks resumes from where it stopped when run again.",
            2006, 2013, 1927, 1053),
    /** 28/1114/126/1034/1021: out of disk or temporary space. */
    OUT_OF_SPACE(false, "The server ran out of space (disk full, table full or temporary space exhausted).",
            "Large ALTER TABLE and big SELECT / INSERT ... SELECT statements need temporary space up to the size of "
                    + "the table. On Aurora, watch the FreeLocalStorage metric and move to a larger instance class; alter "
                    + "one table at a time, split big operations into chunks, or use pt-online-schema-change. On a "
                    + "self-managed server, free disk space or raise tmp space.",
            28, 1114, 126, 1034, 1021),
    /** 1213: deadlock. */
    DEADLOCK(true, "The transaction was chosen as a deadlock victim and rolled back.",
            "Retry the transaction; frequent deadlocks mean concurrent writers touch the same rows in different "
                    + "orders.",
            1213),
    /** 1205: lock wait timeout. */
    LOCK_WAIT_TIMEOUT(true, "A lock wait timed out (innodb_lock_wait_timeout).",
            "Another transaction held the rows too long; find it in information_schema.innodb_trx and retry.", 1205),
    /** local_infile off on the server or the client. */
    LOCAL_INFILE_DISABLED(false, "LOAD DATA LOCAL INFILE is disabled on the server or on the client.",
            "Set local_infile=1 on the server (on Aurora/RDS: the parameter group) or load with the SQL fallback.",
            3948, 1148, 2068),
    /** Connector/J refused to fetch the RSA public key for caching_sha2_password over a plain connection. */
    PUBLIC_KEY_RETRIEVAL(false, "The account uses caching_sha2_password and the connection is not encrypted.",
            "Connect with TLS (Endpoint tls(TlsMode.REQUIRED)), or allow public key retrieval on a trusted network "
                    + "(Endpoint allowPublicKeyRetrieval(true)).",
            0),
    /** TLS could not be negotiated or the certificate was rejected. */
    TLS_FAILURE(false, "The TLS connection could not be established or the certificate was rejected.",
            "Check the TLS mode and the CA bundle (for Aurora/RDS, the RDS CA bundle for the region), and that the "
                    + "host name matches the certificate when verifying identity.",
            0),
    /** A dump or chunk file is corrupt, truncated or does not match its manifest. */
    CORRUPT_FILE(false, "A dump file is corrupt, truncated, or does not match its manifest.",
            "Re-create the file from the source (dump the affected chunk again); nothing from it was committed.", 0),
    /** Configuration or input the library rejected before touching a server. */
    INVALID_INPUT(false, "The input or configuration is not valid.", "Correct the input as the message says.", 0),
    /** The work was cancelled: its thread was interrupted or its job closed. */
    CANCELLED(true, "The operation was cancelled (interrupted or closed) before it finished.",
            "Nothing is wrong with the data; run it again when wanted (a dump starts over, a load resumes).", 0),
    /** Anything not in the catalogue. */
    UNKNOWN(false, "An error the catalogue does not recognise.",
            "Read the server's message and error number; the cause is attached.", 0);

    private final boolean retryable;
    private final String summary;
    private final String remedy;
    private final Set<Integer> errorNumbers;

    DiagnosisCode(boolean retryable, String summary, String remedy, int... errorNumbers) {
        this.retryable = retryable;
        this.summary = summary;
        this.remedy = remedy;
        this.errorNumbers = java.util.Arrays.stream(errorNumbers).filter(n -> n != 0).boxed()
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** @return whether running the same work again may succeed */
    public boolean isRetryable() {
        return retryable;
    }

    /** @return a one-line description of this kind of failure */
    public String summary() {
        return summary;
    }

    /** @return what to do, in general terms */
    public String remedy() {
        return remedy;
    }

    /** @return the MySQL/MariaDB error numbers this code covers (empty for purely library-side codes) */
    public Set<Integer> errorNumbers() {
        return errorNumbers;
    }
}
