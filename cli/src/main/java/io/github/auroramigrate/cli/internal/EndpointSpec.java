package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.aws.iam.RdsIamTokens;
import io.github.auroramigrate.aws.tls.RdsCaBundle;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one side's command-line options ({@code --source}, {@code --source-password-file}, ...) into an {@link
 * Endpoint}. The address is {@code [user@]host[:port][?property=value&...]} (MySQL Shell's form) or a Connector/J URL
 * {@code jdbc:mysql://...}; a password is never taken from the command line, where every user of the machine can read
 * it ({@code ps}): it comes from a file, from the environment variable {@code AURORA_MIGRATE_<SIDE>_PASSWORD}, or from
 * a prompt, in that order.
 *
 * <pre>{@code
 * Endpoint e = EndpointSpec.endpoint("source", "root@db1:3306", new EndpointSpec.Access(null, false, null, null, null), io);
 * }</pre>
 */
public final class EndpointSpec {
    private static final Pattern SHORT = Pattern.compile("(?:([^@]*)@)?(\\[[0-9A-Fa-f:.]+\\]|[^:/?@\\[\\]]+)(?::(\\d+))?(?:\\?(.*))?");

    private EndpointSpec() {
    }

    /**
     * How a side logs in, besides its address: where its password comes from, TLS, and IAM.
     *
     * @param passwordFile a file whose first line is the password, or null
     * @param prompt       whether to ask the person at the terminal
     * @param tls          the TLS mode, or null for the URL's or the default
     * @param caBundle     a PEM file of CA certificates, {@code rds} for the shipped RDS/Aurora ones, or null
     * @param iamRegion    the region of an RDS IAM token to log in with instead of a password, or null
     */
    public record Access(Path passwordFile, boolean prompt, TlsMode tls, String caBundle, String iamRegion) {
    }

    /**
     * @param side    "source" or "target" (or "replication"): names options and the environment variable
     * @param address the address option's value
     * @throws BadInput for a password in the address, an unreadable file, or a prompt without a terminal
     */
    public static Endpoint endpoint(String side, String address, Access access, Io io) {
        if (address == null || address.isBlank()) {
            throw new BadInput("--" + side + " is required: the " + side + " server as user@host[:port] or jdbc:mysql://...");
        }
        Endpoint.Builder b;
        try {
            b = Endpoint.builder().jdbcUrl(toJdbcUrl(side, address.trim()));
        } catch (IllegalArgumentException e) {
            throw new BadInput("--" + side + ": " + e.getMessage());
        }
        Endpoint parsed;
        try {
            parsed = b.build();
        } catch (RuntimeException e) {
            throw new BadInput("--" + side + ": " + e.getMessage());
        }
        if (parsed.hasPassword()) {
            throw new BadInput("--" + side + " must not carry a password: every user of this machine can read a command line"
                    + " (ps). Use --" + side + "-password-file FILE, the environment variable " + envName(side)
                    + ", or --" + side + "-password-prompt.");
        }
        TlsMode tls = access.tls();
        Path ca = access.caBundle() == null ? null
                : access.caBundle().equalsIgnoreCase("rds") ? RdsCaBundle.global() : Path.of(access.caBundle());
        if (access.iamRegion() != null) {
            if (access.passwordFile() != null || access.prompt()) {
                throw new BadInput("--" + side + "-iam logs in with a token: give no --" + side + "-password-file or --"
                        + side + "-password-prompt with it");
            }
            b.passwordSupplier(RdsIamTokens.of(parsed.host(), parsed.port(), parsed.user(), access.iamRegion()).build());
            if (tls == null) {
                tls = TlsMode.VERIFY_IDENTITY;
                ca = ca == null ? RdsCaBundle.global() : ca;
            }
        } else {
            String password = password(side, access.passwordFile(), access.prompt(), parsed.describe(), io);
            if (password != null) {
                b.password(password);
            }
        }
        if (tls != null) {
            b.tls(tls);
        }
        if (ca != null) {
            b.caBundle(ca);
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw new BadInput("--" + side + ": " + e.getMessage());
        }
    }

    /** @return {@code AURORA_MIGRATE_SOURCE_PASSWORD} for "source" */
    public static String envName(String side) {
        return "AURORA_MIGRATE_" + side.toUpperCase(Locale.ROOT) + "_PASSWORD";
    }

    /**
     * @return the password from the file, the environment or a prompt, or null when none of them is given
     */
    public static String password(String side, Path file, boolean prompt, String who, Io io) {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int eol = text.indexOf('\n');
                return (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
            } catch (IOException e) {
                throw new BadInput("--" + side + "-password-file " + file + " cannot be read: " + e.getMessage());
            }
        }
        String env = io.env().get(envName(side));
        if (env != null) {
            return env;
        }
        if (prompt) {
            if (io.prompt() == null) {
                throw new BadInput("--" + side + "-password-prompt needs a terminal to ask on; without one use --" + side
                        + "-password-file or " + envName(side));
            }
            char[] pw = io.prompt().apply("Password for " + who + ": ");
            return pw == null ? null : new String(pw);
        }
        return null;
    }

    /** @return a Connector/J URL for an address in either form; a password in the short form is kept so it is refused */
    static String toJdbcUrl(String side, String address) {
        if (address.startsWith("jdbc:")) {
            return address;
        }
        if (address.startsWith("mysql://")) {
            return "jdbc:" + address;
        }
        Matcher m = SHORT.matcher(address);
        if (!m.matches()) {
            throw new BadInput("--" + side + " " + address + " is not user@host[:port] nor a jdbc:mysql:// URL");
        }
        String user = m.group(1);
        StringBuilder url = new StringBuilder("jdbc:mysql://");
        if (user != null && !user.isEmpty()) {
            int colon = user.indexOf(':');
            url.append(enc(colon < 0 ? user : user.substring(0, colon)));
            if (colon >= 0) {
                url.append(':').append(enc(user.substring(colon + 1)));
            }
            url.append('@');
        }
        url.append(m.group(2));
        if (m.group(3) != null) {
            url.append(':').append(m.group(3));
        }
        url.append('/');
        if (m.group(4) != null && !m.group(4).isEmpty()) {
            url.append('?').append(m.group(4));
        }
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
