package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.EndpointSpec;
import io.github.auroramigrate.cli.internal.Io;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationUser;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine.Option;

/**
 * The account the target replicates as: its name and where its password comes from (a file, the environment, or, when
 * the command creates the account, a random one nobody needs to know: the target's replication settings keep it).
 *
 * <pre>{@code
 * @Mixin ReplicationUserOptions repl;   // ReplicationUser u = repl.create(io, source, target);
 * }</pre>
 */
public final class ReplicationUserOptions {
    @Option(names = "--replication-user", defaultValue = "aurora_migrate_repl", paramLabel = "NAME", description = "The"
            + " account the target replicates as. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--replication-password-file", paramLabel = "FILE", description = "Its password: a file, else"
            + " AURORA_MIGRATE_REPLICATION_PASSWORD, else (when the command creates the account) a random one.")
    Path passwordFile;

    /** Creates (or updates) the account on the source for replication into the target. */
    ReplicationUser create(Io io, Endpoint source, Endpoint target) {
        String pw = EndpointSpec.password("replication", passwordFile, false, name, io);
        return ReplicationUser.create(source, name, pw == null ? randomPassword() : pw, target);
    }

    /** @return the existing account (its password only needed to configure replication) */
    ReplicationUser existing(Io io) {
        String pw = EndpointSpec.password("replication", passwordFile, false, name, io);
        return ReplicationUser.of(name, pw == null ? "" : pw);
    }

    /** A password for an account nobody logs in as by hand: 24 letters and digits after a fixed prefix. */
    private static String randomPassword() {
        String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("Am1-");
        for (int i = 0; i < 24; i++) {
            sb.append(abc.charAt(r.nextInt(abc.length())));
        }
        return sb.toString();
    }
}
