package io.github.auroramigrate.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE PROCEDURE} statements for the emulated {@code mysql.rds_*} procedures, with the
 * argument lists AWS documents for Aurora MySQL. Version 2 gets the {@code _master} names, version 3
 * the {@code _source} names and, for code written against version 2, the {@code _master} names too.
 * Both get {@code rds_skip_transaction_with_gtid(gtid_to_skip)}; version 3 also
 * {@code rds_gtid_purged(gtid_set)} (AWS: Aurora MySQL 3.04 and higher).
 */
final class RdsProcedures {
    private RdsProcedures() {
    }

    private static final String CLEAR_ON_ERROR =
            "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @rds_sql = NULL; RESIGNAL; END;\n";
    private static final String RUN_SQL =
            "  PREPARE rds_stmt FROM @rds_sql;\n"
            + "  SET @rds_sql = NULL;\n"
            + "  EXECUTE rds_stmt;\n"
            + "  DEALLOCATE PREPARE rds_stmt;\n";

    private static final String SET_EXTERNAL =
            "(IN host_name VARCHAR(255), IN host_port INT, IN replication_user_name VARCHAR(255),"
            + " IN replication_user_password VARCHAR(255), IN mysql_binary_log_file_name VARCHAR(255),"
            + " IN mysql_binary_log_file_location BIGINT, IN ssl_encryption INT)\n"
            + "BEGIN\n" + CLEAR_ON_ERROR
            + "  IF host_name IS NULL OR host_port IS NULL OR replication_user_name IS NULL\n"
            + "     OR replication_user_password IS NULL OR mysql_binary_log_file_name IS NULL\n"
            + "     OR mysql_binary_log_file_location IS NULL THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Invalid arguments: host, port, user, password,"
            + " log file name and position must not be NULL';\n"
            + "  END IF;\n"
            + "  SET @rds_sql = CONCAT('{CHANGE} {P}HOST=', QUOTE(host_name), ', {P}PORT=', host_port,\n"
            + "    ', {P}USER=', QUOTE(replication_user_name), ', {P}PASSWORD=', QUOTE(replication_user_password),\n"
            + "    ', {P}LOG_FILE=', QUOTE(mysql_binary_log_file_name), ', {P}LOG_POS=', mysql_binary_log_file_location,\n"
            + "    ', {P}AUTO_POSITION=0, {P}SSL=', IF(ssl_encryption = 1, 1, 0), '{PUBKEY}');\n"
            + RUN_SQL
            + "END";

    private static final String SET_EXTERNAL_AUTO =
            "(IN host_name VARCHAR(255), IN host_port INT, IN replication_user_name VARCHAR(255),"
            + " IN replication_user_password VARCHAR(255), IN ssl_encryption INT)\n"
            + "BEGIN\n" + CLEAR_ON_ERROR
            + "  IF host_name IS NULL OR host_port IS NULL OR replication_user_name IS NULL\n"
            + "     OR replication_user_password IS NULL THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Invalid arguments: host, port, user and password"
            + " must not be NULL';\n"
            + "  END IF;\n"
            + "  SET @rds_sql = CONCAT('{CHANGE} {P}HOST=', QUOTE(host_name), ', {P}PORT=', host_port,\n"
            + "    ', {P}USER=', QUOTE(replication_user_name), ', {P}PASSWORD=', QUOTE(replication_user_password),\n"
            + "    ', {P}AUTO_POSITION=1, {P}SSL=', IF(ssl_encryption = 1, 1, 0), '{PUBKEY}');\n"
            + RUN_SQL
            + "END";

    private static final String SET_AUTO_POSITION =
            "(IN auto_position_mode TINYINT)\n"
            + "BEGIN\n"
            + "  IF auto_position_mode IS NULL OR auto_position_mode NOT IN (0, 1) THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'auto_position_mode must be 0 or 1';\n"
            + "  END IF;\n"
            + "  {STOP};\n"
            + "  SET @rds_sql = CONCAT('{CHANGE} {P}AUTO_POSITION=', auto_position_mode);\n"
            + RUN_SQL
            + "  {START};\n"
            + "END";

    private static final String NEXT_LOG =
            "(IN {ARG} INT)\n"
            + "BEGIN\n"
            + "  DECLARE cur VARCHAR(512) DEFAULT NULL;\n"
            + "  DECLARE ext VARCHAR(64);\n"
            + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET cur = NULL;\n"
            + "  SELECT Master_log_name INTO cur FROM mysql.slave_master_info WHERE Channel_name = '' LIMIT 1;\n"
            + "  IF cur IS NULL OR cur = '' OR {ARG} IS NULL THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Replication is not configured, or the log index is NULL';\n"
            + "  END IF;\n"
            + "  SET ext = SUBSTRING_INDEX(cur, '.', -1);\n"
            + "  SET @rds_sql = CONCAT('{CHANGE} {P}LOG_FILE=',\n"
            + "    QUOTE(CONCAT(LEFT(cur, CHAR_LENGTH(cur) - CHAR_LENGTH(ext)), LPAD({ARG} + 1, CHAR_LENGTH(ext), '0'))),\n"
            + "    ', {P}LOG_POS=4');\n"
            + "  {STOP};\n"
            + RUN_SQL
            + "  {START};\n"
            + "END";

    private static final String START = "()\nBEGIN\n  {START};\nEND";
    private static final String STOP = "()\nBEGIN\n  {STOP};\nEND";
    private static final String RESET = "()\nBEGIN\n  {STOP};\n  {RESET};\nEND";
    private static final String SKIP_ERROR =
            "()\nBEGIN\n  {STOP};\n  SET GLOBAL {SKIP} = 1;\n  {START};\n"
            + "  SELECT 'Statement in error has been skipped' AS Message;\nEND";

    private static final String START_UNTIL =
            "(IN replication_log_file VARCHAR(255), IN replication_stop_point BIGINT)\n"
            + "BEGIN\n"
            + "  IF replication_log_file IS NULL OR replication_stop_point IS NULL THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log file and stop point must not be NULL';\n"
            + "  END IF;\n"
            + "  SET @rds_sql = CONCAT('{START} UNTIL {P}LOG_FILE=', QUOTE(replication_log_file),\n"
            + "    ', {P}LOG_POS=', replication_stop_point);\n"
            + RUN_SQL
            + "END";

    private static final String SET_CONFIGURATION =
            "(IN name VARCHAR(100), IN value VARCHAR(100))\n"
            + "BEGIN\n"
            + "  DECLARE hours INT;\n"
            + "  IF name IS NULL OR name <> 'binlog retention hours' THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Unsupported configuration name; Aurora MySQL"
            + " supports binlog retention hours';\n"
            + "  END IF;\n"
            + "  IF value IS NOT NULL THEN\n"
            + "    IF value NOT REGEXP '^[0-9]+$' THEN\n"
            + "      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'binlog retention hours must be a whole number';\n"
            + "    END IF;\n"
            + "    SET hours = CAST(value AS UNSIGNED);\n"
            + "    IF hours < 1 OR hours > 2160 THEN\n"
            + "      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'binlog retention hours must be between 1 and 2160';\n"
            + "    END IF;\n"
            + "    {RETENTION};\n"
            + "  END IF;\n"
            + "  UPDATE mysql.rds_configuration c SET c.value = value WHERE c.name = name;\n"
            + "END";

    private static final String SHOW_CONFIGURATION =
            "()\nBEGIN\n  SELECT name, value, description FROM mysql.rds_configuration ORDER BY name;\nEND";

    private static final String KILL = "(IN thread BIGINT)\nBEGIN\n  KILL CONNECTION thread;\nEND";
    private static final String KILL_QUERY = "(IN thread BIGINT)\nBEGIN\n  KILL QUERY thread;\nEND";
    private static final String SESSION_BINLOG = "()\nBEGIN\n  SET SESSION sql_log_bin = {ONOFF};\nEND";
    private static final String SESSION_BINLOG_FORMAT =
            "(IN format VARCHAR(32))\n"
            + "BEGIN\n"
            + "  IF format IS NULL OR UPPER(format) NOT IN ('ROW', 'STATEMENT', 'MIXED') THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'format must be ROW, STATEMENT or MIXED';\n"
            + "  END IF;\n"
            + "  SET SESSION binlog_format = UPPER(format);\n"
            + "END";

    // AWS: CALL mysql.rds_gtid_purged(gtid_set) replaces gtid_purged, CALL mysql.rds_gtid_purged('+gtid_set') appends
    // (Aurora MySQL 3.04 and higher); the server checks the set as it does for SET GLOBAL gtid_purged.
    private static final String GTID_PURGED =
            "(IN gtid_set LONGTEXT)\n"
            + "BEGIN\n"
            + "  IF gtid_set IS NULL THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gtid_set must not be NULL';\n"
            + "  END IF;\n"
            + "  SET GLOBAL gtid_purged = gtid_set;\n"
            + "END";

    // AWS: CALL mysql.rds_skip_transaction_with_gtid(gtid_to_skip) (Aurora MySQL 2 and 3): commits an empty
    // transaction with that GTID, so the applier skips the source's transaction when it comes to it.
    private static final String SKIP_WITH_GTID =
            "(IN gtid_to_skip VARCHAR(255))\n"
            + "BEGIN\n"
            + "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; SET GTID_NEXT = 'AUTOMATIC'; RESIGNAL; END;\n"
            + "  IF gtid_to_skip IS NULL OR gtid_to_skip NOT LIKE '%:%' THEN\n"
            + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gtid_to_skip must be one GTID, uuid:number';\n"
            + "  END IF;\n"
            + "  SET GTID_NEXT = gtid_to_skip;\n"
            + "  START TRANSACTION;\n"
            + "  COMMIT;\n"
            + "  SET GTID_NEXT = 'AUTOMATIC';\n"
            + "END";

    /** All statements to create the procedures of Aurora MySQL version 3 ({@code v3}) or version 2. */
    static List<String> create(boolean v3, String owner) {
        Map<String, String> d = v3
                ? Map.of("CHANGE", "CHANGE REPLICATION SOURCE TO", "P", "SOURCE_", "START", "START REPLICA",
                        "STOP", "STOP REPLICA", "RESET", "RESET REPLICA ALL", "SKIP", "sql_replica_skip_counter",
                        "PUBKEY", ", GET_SOURCE_PUBLIC_KEY=1",
                        "RETENTION", "SET GLOBAL binlog_expire_logs_seconds = hours * 3600")
                : Map.of("CHANGE", "CHANGE MASTER TO", "P", "MASTER_", "START", "START SLAVE",
                        "STOP", "STOP SLAVE", "RESET", "RESET SLAVE ALL", "SKIP", "sql_slave_skip_counter",
                        "PUBKEY", "",
                        "RETENTION", "SET GLOBAL expire_logs_days = CEIL(hours / 24)");
        List<String> out = new ArrayList<>();
        add(out, owner, d, "rds_set_external_master", SET_EXTERNAL);
        add(out, owner, d, "rds_set_external_master_with_auto_position", SET_EXTERNAL_AUTO);
        add(out, owner, d, "rds_set_master_auto_position", SET_AUTO_POSITION);
        add(out, owner, d, "rds_reset_external_master", RESET);
        add(out, owner, d, "rds_next_master_log", NEXT_LOG.replace("{ARG}", "curr_master_log"));
        add(out, owner, d, "rds_start_replication", START);
        add(out, owner, d, "rds_stop_replication", STOP);
        add(out, owner, d, "rds_skip_repl_error", SKIP_ERROR);
        add(out, owner, d, "rds_set_configuration", SET_CONFIGURATION);
        add(out, owner, d, "rds_show_configuration", SHOW_CONFIGURATION);
        add(out, owner, d, "rds_kill", KILL);
        add(out, owner, d, "rds_kill_query", KILL_QUERY);
        add(out, owner, d, "rds_skip_transaction_with_gtid", SKIP_WITH_GTID);
        if (v3) {
            add(out, owner, d, "rds_set_external_source", SET_EXTERNAL);
            add(out, owner, d, "rds_set_external_source_with_auto_position", SET_EXTERNAL_AUTO);
            add(out, owner, d, "rds_set_source_auto_position", SET_AUTO_POSITION);
            add(out, owner, d, "rds_reset_external_source", RESET);
            add(out, owner, d, "rds_next_source_log", NEXT_LOG.replace("{ARG}", "curr_source_log"));
            add(out, owner, d, "rds_start_replication_until", START_UNTIL);
            add(out, owner, d, "rds_gtid_purged", GTID_PURGED);
        } else {
            add(out, owner, d, "rds_disable_session_binlog", SESSION_BINLOG.replace("{ONOFF}", "0"));
            add(out, owner, d, "rds_enable_session_binlog", SESSION_BINLOG.replace("{ONOFF}", "1"));
            add(out, owner, d, "rds_set_session_binlog_format", SESSION_BINLOG_FORMAT);
        }
        return out;
    }

    private static void add(List<String> out, String owner, Map<String, String> dialect, String name, String body) {
        out.add("CREATE DEFINER=" + owner + " PROCEDURE mysql." + name + AuroraEmulation.fill(body, dialect)
                .replaceFirst("\nBEGIN", "\nSQL SECURITY DEFINER\nBEGIN"));
    }
}
