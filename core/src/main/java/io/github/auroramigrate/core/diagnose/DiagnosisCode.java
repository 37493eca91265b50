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
                    + "(GRANT it, or run the statement as a user that holds it). If the statement uses a view, routine "
                    + "or trigger, check that its DEFINER account exists on this server: MySQL reports a missing definer "
                    + "(1449) only to SUPER holders and plain 'access denied' to everyone else, Aurora's master user included.",
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
    /** A local file or directory the work needs (a dump directory, SQL file, mydumper or flat-file directory) is not there. */
    FILE_NOT_FOUND(false, "A file or directory the work needs does not exist (or is not of the expected kind).",
            "Check the path in the message: spelling, the working directory a relative path is resolved against "
                    + "(it is printed absolute), and that the dump or export was written there (for a dump directory: "
                    + "manifest.json is its first file). Nothing was read or changed on any server.", 0),
    /** A local file or directory exists but this process may not read it. */
    FILE_NOT_READABLE(false, "A file or directory exists but cannot be read by this process.",
            "Check the permissions of the path and of every directory above it for the user this JVM runs as (ls -ld), "
                    + "and that it is not locked or on a disconnected mount. Nothing was changed on any server.", 0),
    /** Configuration or input the library rejected before touching a server. */
    INVALID_INPUT(false, "The input or configuration is not valid.", "Correct the input as the message says.", 0),
    /** The work was cancelled: its thread was interrupted or its job closed. */
    CANCELLED(true, "The operation was cancelled (interrupted or closed) before it finished.",
            "Nothing is wrong with the data; run it again when wanted (a dump starts over, a load resumes).", 0),
    // ---- creating a schema on the target (the errors people actually hit while loading)
    /** 1050/1007/1304/1359/1537: the object to create exists already. */
    OBJECT_EXISTS(false, "An object of that name already exists on the target (table 1050, schema 1007, routine 1304, "
            + "trigger 1359, event 1537).",
            "A load resumed after a crash recognises what it created itself. An object this load did not create (left by "
                    + "another load, another dump of the same source, or made by hand) is only adopted when its definition is "
                    + "identical and it holds no rows: drop it (DROP TABLE, or the whole schema) and run again, or let a Load "
                    + "or Copy replace it with existingObjects(ExistingObjects.REPLACE). A SQL file without DROP TABLE IF "
                    + "EXISTS before its CREATE TABLE statements (mysqldump --skip-add-drop-table) fails on every table that "
                    + "exists: drop those tables first, or dump again with --add-drop-table.",
            1050, 1007, 1304, 1359, 1537),
    /** The DDL of an object changed between two runs of the same load while the object holds loaded data. */
    DDL_CHANGED(false, "The definition of an object differs from the one an earlier run of this load created it with.",
            "The dump's DDL file or the load's transform changed between runs. Run the load again with the transform of "
                    + "the first run, or drop the object (its table's loaded rows go with it) and clear this job's journal "
                    + "rows for it (LoadJournal.clear drops the whole job's progress) to start it over.", 0),
    /** 1419: creating a function or trigger with binary logging on needs SUPER or log_bin_trust_function_creators. */
    LOG_BIN_TRUST_FUNCTION_CREATORS(false, "The server has binary logging on, and creating a stored function or "
            + "trigger then needs SUPER (which Aurora and RDS do not grant) unless log_bin_trust_function_creators is 1.",
            "On Aurora/RDS set log_bin_trust_function_creators = 1 in the DB cluster (or instance) parameter group and "
                    + "apply it (no reboot needed for this one), then run the load again: what was loaded is kept. On a "
                    + "self-managed server: SET GLOBAL log_bin_trust_function_creators = 1.",
            1419),
    /** 1418: a function without DETERMINISTIC / NO SQL / READS SQL DATA while binary logging is on. */
    ROUTINE_CHARACTERISTIC_REQUIRED(false, "The function declares none of DETERMINISTIC, NO SQL or READS SQL DATA, "
            + "which a server with binary logging on requires (unless log_bin_trust_function_creators is 1).",
            "Set log_bin_trust_function_creators = 1 on the target (SET GLOBAL on a self-managed server, the DB parameter "
                    + "group on Aurora/RDS), which creates the function exactly as on the source; or declare in its CREATE "
                    + "FUNCTION the characteristic that is true of it: DETERMINISTIC, NO SQL or READS SQL DATA (a false "
                    + "DETERMINISTIC can make a replica's data differ).",
            1418),
    /** 1273/1115: the target does not know a collation or character set of the DDL. */
    UNKNOWN_COLLATION(false, "The target does not know a collation or character set the DDL names (e.g. MySQL 8.0's "
            + "utf8mb4_0900_ai_ci on MySQL 5.7 / Aurora MySQL 2, MariaDB's uca1400 collations on MySQL).",
            "Map collations to ones the target has: load with Transforms.mapCollations(TargetVersion.MYSQL_57) (or "
                    + "Transforms.mariaDbToMySql()); the pre-check lists every affected object. Sorting and comparison "
                    + "change with the collation: check unique keys on the mapped columns.",
            1273, 1115),
    /** 3105: a value was given for a generated column. */
    GENERATED_COLUMN_VALUE(false, "A value was written into a generated column (mysqldump and mariadb-dump write one "
            + "for every column, generated ones included, when dumping from MySQL 8.0).",
            "The server computes generated columns: INSERT statements must leave them out of their column lists. Dump and "
                    + "Copy of this library never write them, and LoadSources.sqlFile leaves them out of every INSERT of a file "
                    + "whose CREATE TABLE it has read (Transforms.dropGeneratedColumnValues()); for INSERTs without their "
                    + "CREATE TABLE in the same file (mariadb-dump --no-create-info), run the table's CREATE TABLE first "
                    + "in the same file, or name every other column (INSERT INTO t (a, b) VALUES ...).",
            3105),
    /** 1067: invalid default value. */
    INVALID_DEFAULT(false, "A column default is not valid under the target's sql_mode (typically a zero date "
            + "'0000-00-00' with NO_ZERO_DATE or a strict mode).",
            "The source accepted the default under a laxer sql_mode. Load and Copy create tables with NO_ZERO_DATE, "
                    + "NO_ZERO_IN_DATE and the strict modes off, as mysqldump's header does (SQL_MODE='NO_AUTO_VALUE_ON_ZERO'). "
                    + "A SQL file that sets no sql_mode (mysqldump --compact, a hand-written schema) runs under the target's: "
                    + "put /*!40101 SET SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */; at its top, or change the column's default.",
            1067),
    /** 1071: the key is longer than the index allows (767 bytes on 5.7 COMPACT/REDUNDANT rows). */
    KEY_TOO_LONG(false, "An index key is longer than the target allows (767 bytes per column with ROW_FORMAT "
            + "COMPACT/REDUNDANT, 3072 with DYNAMIC/COMPRESSED; utf8mb4 takes 4 bytes per character).",
            "On MySQL 5.7 / Aurora MySQL 2 use ROW_FORMAT=DYNAMIC (innodb_default_row_format=dynamic, "
                    + "innodb_large_prefix=ON); else index a prefix, e.g. KEY (col(191)), or use a collation of a narrower "
                    + "character set. The pre-check reports such keys before the load.",
            1071, 1709),
    /** 1215/3780/1822/6125, and MariaDB's 1005 with errno 150: a foreign key cannot be created. */
    FOREIGN_KEY_INVALID(false, "A foreign key could not be created: referenced table or index missing, or the "
            + "columns' types, character sets or collations differ between the two sides (3780).",
            "Both columns must have the same type, sign, length, character set and collation, and the referenced "
                    + "columns need an index; foreign_key_checks=0 does not lift this once the referenced table exists. "
                    + "MySQL 5.7 says only 'Cannot add foreign key constraint' (1215) and MariaDB 'errno: 150': SHOW ENGINE "
                    + "INNODB STATUS, section LATEST FOREIGN KEY ERROR, names the columns and the reason. A referenced table "
                    + "outside the dump must exist on the target with the source's column definitions; when a collation was "
                    + "mapped for the target, map it on both tables alike. Loads create foreign keys with foreign_key_checks=0, "
                    + "so table order does not matter.",
            1215, 3780, 1822, 6125),
    /** 4109/3750: generated invisible primary keys or sql_require_primary_key on the target. */
    PRIMARY_KEY_POLICY(false, "The target adds or requires primary keys for tables without one "
            + "(sql_generate_invisible_primary_key, which fails with 4109 when the table has an AUTO_INCREMENT column "
            + "that is not a key, or sql_require_primary_key, 3750).",
            "Turn sql_generate_invisible_primary_key and sql_require_primary_key off for the load (parameter group on "
                    + "Aurora/RDS), or give the source table a primary key before migrating. A generated my_row_id column "
                    + "would also make the target differ from the source.",
            4109, 3750),
    /**
     * The target would not keep part of a definition: it skips the construct (an executable comment for a later
     * version, such as {@code /*!80023 INVISIBLE * /}), parses and ignores it (CHECK and {@code DESC} before MySQL
     * 8.0.16 / 8.0), drops it with a warning, or rejects it; found by the loader before it sends the statement.
     */
    DEFINITION_NOT_KEPT(false, "The target would not keep part of a table definition as the source has it: it would "
            + "silently drop it (an executable comment for a later version such as /*!80023 INVISIBLE */, CHECK or DESC "
            + "on MySQL 5.7) or reject it, so the statement was not sent.",
            "Run the compatibility pre-check against this target: it lists every such construct with its fix. Load with "
                    + "the transform the message names (e.g. Transforms.downgradeTo(TargetVersion.MYSQL_57) for Aurora MySQL 2, "
                    + "Transforms.mapMariaDbTypes() for MariaDB types), which makes the change on purpose, counts it in the "
                    + "transform report and declares it to Verify; or change the definition on the source, or use a target "
                    + "that keeps it (Aurora MySQL 3 / MySQL 8.0.23 or later).",
            0),
    /** The load's own journal schema cannot be created or written. */
    JOURNAL_PRIVILEGE(false, "The load cannot create or write its journal schema on the target.",
            "As an administrator, grant the loading user what the journal needs: GRANT CREATE, DROP, SELECT, INSERT, "
                    + "UPDATE, DELETE ON `aurora_migrate`.* TO the loading account (SELECT CURRENT_USER() as that user names "
                    + "it); that also lets it create the schema. Then run the load again: it resumes where it stopped.",
            0),
    // ---- binlog replication (module replication); no error numbers here: 1062/1032/2003 etc. mean something
    // else outside a replica's status, so the replication module maps Last_IO_Errno/Last_SQL_Errno itself.
    /** The target has no replication configured (SHOW REPLICA STATUS is empty). */
    REPLICATION_NOT_CONFIGURED(false, "The target is not configured to replicate from a binary log source.",
            "Configure replication first (Replication.configure()), from the coordinates or GTID set recorded with "
                    + "the dump."),
    /** The replication threads are not running, and report no error. */
    REPLICATION_STOPPED(false, "Replication is stopped: the I/O or SQL (applier) thread is not running.",
            "Start it (Replication.start(), or CALL mysql.rds_start_replication on Aurora/RDS). It was stopped by "
                    + "someone or something on purpose, since no error is reported."),
    /** I/O thread: the replica cannot reach the source (2003/2005/2002, or stays "Connecting"). */
    REPLICATION_SOURCE_UNREACHABLE(true, "The replica's I/O thread cannot connect to the source.",
            "Check that the network and security configuration of the source (security groups, firewalls, "
                    + "bind-address) allow connections from the replica, and that the replica uses the right host and "
                    + "port (3306 is only the default). Test the same host, port, user and password with any MySQL client "
                    + "from the replica's network: replication uses the regular client protocol. If no error is shown "
                    + "but the thread stays 'Connecting', read the replica's error log for lines with ERROR."),
    /** I/O thread: the source rejected the replication user's name or password (1045). */
    REPLICATION_SOURCE_AUTH(false, "The source rejected the replication user's credentials.",
            "Check the replication user's name, host part and password on the source (SHOW GRANTS FOR 'repl'@'%'), "
                    + "re-create it with ReplicationUser.create(...), and configure the replica again."),
    /** I/O thread: TLS or authentication-plugin mismatch (2026, 2061, 2059). */
    REPLICATION_CHANNEL_SECURITY(false, "The replication connection failed on TLS or on the authentication plugin.",
            "A caching_sha2_password replication user needs TLS on the channel or GET_SOURCE_PUBLIC_KEY=1 (a 5.7 "
                    + "replica cannot use it at all: create the user with mysql_native_password). A channel that "
                    + "requires TLS needs a source with TLS enabled; MariaDB 11.4 replicas require TLS by default "
                    + "(MASTER_SSL=1) - turn it off explicitly for a source without TLS."),
    /** I/O 1236 'could not find first log file': the binary log the replica needs was purged. */
    REPLICATION_BINLOG_PURGED(false, "The binary log file the replica needs is no longer on the source (error 1236).",
            "Run SHOW BINARY LOGS on the source. If the next available file's number is exactly one higher, you may "
                    + "skip to it (Replication.skipToNextLogFile(), mysql.rds_next_master_log on Aurora) at the risk of "
                    + "losing the rest of the missing file; if the gap is larger, re-create the replica from a new dump "
                    + "and keep binary logs longer (binlog_expire_logs_seconds, or "
                    + "CALL mysql.rds_set_configuration('binlog retention hours', N) on RDS)."),
    /** I/O 1236 'impossible position': the position is past the end of the file (crash, wrong coordinates). */
    REPLICATION_IMPOSSIBLE_POSITION(false, "The replica asked for a position that does not exist in the source's binary "
            + "log file (error 1236).",
            "The source probably crashed or restarted without closing the file, or the coordinates are wrong. "
                    + "Check the coordinates; otherwise skip to the next binary log file (Replication.skipToNextLogFile(), "
                    + "mysql.rds_next_master_log on Aurora) and watch the replica closely afterwards."),
    /** Other I/O thread errors. */
    REPLICATION_IO_ERROR(false, "The replica's I/O thread stopped with an error.",
            "Read Last_IO_Error; fix the cause on the source or the channel settings and start replication again."),
    /** SQL thread 1062: duplicate entry. */
    REPLICATION_DUPLICATE_KEY(false, "The applier tried to insert a row whose key already exists on the target "
            + "(error 1062).",
            "Confirm the row exists on the target (a SELECT on the key in the message). Make sure nobody writes to the "
                    + "target (general log or advanced auditing find who did). Remove the conflicting row and start "
                    + "replication again; skipping the event (Replication.skipTransaction()) leaves source and target "
                    + "different; if neither is acceptable, re-create the replica."),
    /** SQL thread 1032: row not found. */
    REPLICATION_ROW_NOT_FOUND(false, "The applier tried to change or delete a row that does not exist on the target "
            + "(error 1032).",
            "Make sure nobody writes to the target. If you know the row's values, insert it on the target and start "
                    + "replication again; skipping the event (Replication.skipTransaction()) leaves source and target "
                    + "different; if neither is acceptable, re-create the replica."),
    /** Other SQL (applier) thread errors. */
    REPLICATION_SQL_ERROR(false, "The replica's SQL (applier) thread stopped with an error.",
            "Read Last_SQL_Error (and performance_schema.replication_applier_status_by_worker on a multi-threaded "
                    + "replica); fix the data or schema on the target and start replication again."),
    /** Source and replica share a server_id or server_uuid (1593), or server_id is 0. */
    REPLICATION_SERVER_ID_CONFLICT(false, "Source and replica need distinct, non-zero server_id (and server_uuid) values.",
            "Give every server a unique server_id (and delete auto.cnf on a cloned data directory so a new "
                    + "server_uuid is generated), then restart it."),
    /** I/O state 'Waiting for the slave SQL thread to free enough relay log space': normal. */
    REPLICATION_RELAY_LOG_SPACE(false, "The I/O thread waits for the applier to free relay log space.",
            "Nothing to do: this state is normal and does not slow replication down (relay_log_space_limit, or "
                    + "Aurora's own limit, caps how much binary log is fetched ahead)."),
    /** SQL state 'invalidating query cache entries': normal. */
    REPLICATION_QUERY_CACHE_INVALIDATION(false, "The applier is invalidating query cache entries.",
            "Nothing to do: this state is normal and can be ignored (Aurora shows it even with the query cache "
                    + "disabled)."),
    /** awaitCaughtUp/awaitPosition ran out of time. */
    REPLICATION_CATCH_UP_TIMEOUT(true, "The replica did not catch up with the source in the time allowed.",
            "Wait longer, or make the replica faster: ROW binary log format on the source, fewer features on the "
                    + "replica (binary logging, general log), multi-threaded replication when writes span schemas. "
                    + "Replication.stuckOrBusy(...) tells a busy applier from a stuck one."),
    /** Source pre-flight: binary logging is off. */
    BINLOG_DISABLED(false, "Binary logging is off on the source, so there is nothing to replicate from.",
            "Enable it (log_bin / --log-bin and a server_id; on RDS turn on automated backups) and restart the source."),
    /** Source pre-flight: binlog_format is not ROW. */
    BINLOG_FORMAT_NOT_ROW(false, "The source's binlog_format is not ROW.",
            "Set binlog_format=ROW (SET GLOBAL binlog_format='ROW' plus the configuration file, or the DB parameter "
                    + "group on RDS); ROW replicates non-deterministic statements safely and is often faster."),
    /** Source pre-flight: binary logs are purged sooner than the migration needs them. */
    BINLOG_RETENTION_TOO_SHORT(false, "The source keeps binary logs for less time than the migration needs.",
            "Keep binary logs at least as long as the dump, load and catch-up take, with a margin: "
                    + "binlog_expire_logs_seconds (MySQL 8.0+, MariaDB 10.6+), expire_logs_days (5.7), or "
                    + "CALL mysql.rds_set_configuration('binlog retention hours', N) on RDS/Aurora. Make sure the disk "
                    + "holds the extra binary logs (estimated from the current growth rate)."),
    /** The replication user lacks REPLICATION SLAVE (or the library's user lacks what a step needs). */
    REPLICATION_PRIVILEGE_MISSING(false, "A replication privilege is missing.",
            "GRANT REPLICATION SLAVE (and REPLICATION CLIENT; BINLOG MONITOR on MariaDB) ON *.* to the replication "
                    + "user on the source, or create it with ReplicationUser.create(...)."),
    /** A GTID start was asked for but GTIDs are off or the GTID set cannot be applied on the target. */
    GTID_NOT_AVAILABLE(false, "Replication from a GTID set is not possible with this source or target.",
            "Turn gtid_mode ON (with enforce_gtid_consistency) on both servers, or start from a binary log file and "
                    + "position instead."),
    /** The operation is not possible in this server's replication dialect (e.g. stopping only the SQL thread on RDS). */
    REPLICATION_UNSUPPORTED(false, "This replication operation is not available on this server.",
            "Use the operation the message suggests; Aurora/RDS only allow the mysql.rds_* procedures."),
    /** I/O 1236 under GTID auto-positioning: the source purged binary logs holding GTIDs the replica lacks. */
    REPLICATION_GTIDS_PURGED(false, "The source purged binary logs holding transactions (GTIDs) the replica has not "
            + "applied (error 1236 under GTID auto-positioning).",
            "Those transactions are gone from the source's binary logs, and under auto-positioning the source serves "
                    + "transactions by GTID, not by file: skipping to another file cannot help. Re-create the replica "
                    + "from a new dump (and start from its GTID set), or re-sync the affected tables from the source and "
                    + "then add the missing GTIDs to the target's gtid_purged. Keep binary logs longer "
                    + "(binlog_expire_logs_seconds, or CALL mysql.rds_set_configuration('binlog retention hours', N) on "
                    + "RDS/Aurora)."),
    /** A remedy (skip a transaction, skip to the next log file) ran but the replica did not get past the failure. */
    REPLICATION_REMEDY_FAILED(false, "A replication remedy ran, but the replica did not get past the failing "
            + "transaction or position.",
            "Read the evidence in the message (the status before and after). Nothing was skipped if the same error "
                    + "came back at the same place: fix the cause on the target (the conflicting or missing row) and "
                    + "start replication again, or re-create the replica from a new dump."),
    /** The cut-over did not complete; the report says which step failed and what was undone. */
    CUT_OVER_FAILED(false, "The cut-over did not complete.",
            "Read the cut-over report: every step before the switch is undone so the source takes writes again. Fix "
                    + "the failing step and run the cut-over again."),
    /** The target cannot read the dump's files itself (LoadMethod.SERVER_SIDE, e.g. Aurora's LOAD DATA FROM S3). */
    SERVER_SIDE_LOAD_UNAVAILABLE(false, "The target cannot read the dump's files itself (e.g. Aurora's LOAD DATA FROM "
            + "S3): it is not a server that can, a privilege, role or cluster setting it needs is missing, or the files "
            + "are not in a form it reads (compressed, SQL format).",
            "Apply the fix the message names and run the load again (nothing was loaded by this method), or load through "
                    + "the client with LoadMethod.AUTO, which works on every target.", 0),
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
