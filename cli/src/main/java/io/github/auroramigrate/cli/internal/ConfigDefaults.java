package io.github.auroramigrate.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from the environment and a configuration file, under the command line: for {@code --source} the
 * environment variable {@code AURORA_MIGRATE_SOURCE}, else the key {@code source} of the properties file named by
 * {@code --config FILE} or {@code AURORA_MIGRATE_CONFIG}; an option given on the command line wins over both. A file
 * may not hold a password: name a password file ({@code source-password-file=...}) instead.
 *
 * <pre>{@code
 * # shop-migration.properties
 * source = root@10.0.0.5:3306
 * target = admin@mycluster.cluster-xyz.eu-west-1.rds.amazonaws.com
 * target-password-file = /run/secrets/aurora
 * schemas = shop
 * }</pre>
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    private final Io io;
    private final Properties file = new Properties();

    /**
     * @param config the configuration file, or null
     * @throws BadInput when the file cannot be read or holds a password
     */
    public ConfigDefaults(Io io, Path config) {
        this.io = io;
        if (config != null) {
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                throw new BadInput("the configuration file " + config + " cannot be read: " + e.getMessage());
            }
            for (String key : file.stringPropertyNames()) {
                if (key.toLowerCase(Locale.ROOT).endsWith("password")) {
                    throw new BadInput("the configuration file " + config + " holds a password (" + key + "): name a file that"
                            + " holds it instead, e.g. " + key + "-file = /run/secrets/...");
                }
            }
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o) || !o.longestName().startsWith("--")) {
            return null;
        }
        String key = o.longestName().substring(2);
        if (key.equals("config") || key.equals("help") || key.equals("version")) {
            return null;
        }
        String env = io.env().get("AURORA_MIGRATE_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
        return env != null ? env : file.getProperty(key);
    }
}
