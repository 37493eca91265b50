package io.github.auroramigrate.core.internal.manifest;

/**
 * The server a dump was taken from.
 *
 * <pre>{@code
 * manifest.source().flavor();   // "MYSQL", "MARIADB", ...
 * }</pre>
 *
 * @param endpoint            {@code user@host:port}
 * @param flavor              the server flavour ({@code MYSQL}, {@code MARIADB}, {@code PERCONA}, {@code RDS_MYSQL},
 *                            {@code AURORA_MYSQL})
 * @param version             {@code major.minor.patch}
 * @param versionString       {@code VERSION()} as reported
 * @param versionComment      {@code @@version_comment}
 * @param serverId            {@code @@server_id}
 * @param serverUuid          {@code @@server_uuid} (MySQL), or null
 * @param lowerCaseTableNames {@code @@lower_case_table_names}
 * @param maxAllowedPacket    the source's {@code @@max_allowed_packet}
 * @param characterSetServer  {@code @@character_set_server}
 * @param sqlMode             the source's global {@code @@sql_mode}
 * @param timeZone            the source's {@code @@time_zone}
 */
public record SourceServer(String endpoint, String flavor, String version, String versionString, String versionComment,
        long serverId, String serverUuid, int lowerCaseTableNames, long maxAllowedPacket, String characterSetServer,
        String sqlMode, String timeZone) {
}
