package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.spi.BundledServerProvider;
import io.github.auroramigrate.testkit.spi.ServerProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * <pre>{@code ServerProvider p = Providers.forKind(ServerKind.MYSQL_57, Providers.wanted(), Providers.load(loader));}</pre>
 *
 * Picks the {@link ServerProvider} for a kind, and when none fits says exactly which artifact to add.
 */
public final class Providers {
    /** System property naming the provider to use; unset means the first that supports the kind. */
    public static final String PROPERTY = "aurora.testkit.provider";
    /** Group of the testkit's artifacts. */
    public static final String GROUP = "io.github.auroramigrate";
    /** The artifact of the Testcontainers provider. */
    public static final String TESTCONTAINERS_ARTIFACT = "aurora-migrate-testkit-testcontainers";
    /** Name of the Testcontainers provider. */
    public static final String TESTCONTAINERS = "testcontainers";

    private Providers() {
    }

    /** Every provider {@link ServiceLoader} finds through {@code loader}, in a stable order: bundles first, then by name. */
    public static List<ServerProvider> load(ClassLoader loader) {
        List<ServerProvider> all = new ArrayList<>();
        ServiceLoader.load(ServerProvider.class, loader).forEach(all::add);
        all.sort(Comparator.comparing((ServerProvider p) -> !BundledServerProvider.NAME.equals(p.name()))
                .thenComparing(ServerProvider::name));
        return all;
    }

    /** The value of {@value #PROPERTY}, empty if unset or blank. */
    public static Optional<String> wanted() {
        String w = System.getProperty(PROPERTY, "").strip();
        return w.isEmpty() ? Optional.empty() : Optional.of(w);
    }

    /** The bundle artifact that runs {@code kind} without Docker, empty if none exists. */
    public static Optional<String> bundleArtifact(ServerKind kind) {
        switch (kind) {
            case MYSQL_80:
                return Optional.of("aurora-migrate-testkit-mysql80");
            case MYSQL_57:
                return Optional.of("aurora-migrate-testkit-mysql57");
            case MARIADB_114:
                return Optional.of("aurora-migrate-testkit-mariadb114");
            default:
                return Optional.empty();
        }
    }

    /**
     * The first of {@code available} (in order) that supports {@code kind} and, if {@code wanted} is present,
     * has that name.
     *
     * @throws TestkitException naming the artifact to add when none fits
     */
    public static ServerProvider forKind(ServerKind kind, Optional<String> wanted, List<ServerProvider> available) {
        for (ServerProvider p : available) {
            if (p.supports(kind) && wanted.map(p.name()::equals).orElse(true)) {
                return p;
            }
        }
        throw new TestkitException(missing(kind, wanted, available));
    }

    private static String missing(ServerKind kind, Optional<String> wanted, List<ServerProvider> available) {
        String what = kind.displayName() + " (ServerKind." + kind.name() + ")";
        String containers = GROUP + ":" + TESTCONTAINERS_ARTIFACT + " (needs a Docker engine)";
        Optional<String> bundle = bundleArtifact(kind).map(b -> GROUP + ":" + b);
        String noBundle = "No bundled binaries exist for " + kind.displayName() + ": ";
        String head;
        String fix;
        if (wanted.isEmpty()) {
            head = "No server provider on the classpath can start " + what + ". ";
            fix = bundle.map(b -> "Add the test dependency " + b + " (bundled binaries, no Docker needed), or "
                    + containers + ".").orElse(noBundle + "add the test dependency " + containers + ".");
        } else {
            head = "No server provider named '" + wanted.get() + "' on the classpath can start " + what
                    + " (-D" + PROPERTY + "=" + wanted.get() + "). ";
            if (wanted.get().equals(BundledServerProvider.NAME)) {
                fix = bundle.map(b -> "Add the test dependency " + b + ".").orElse(noBundle + "add the test dependency "
                        + containers + " and set -D" + PROPERTY + "=" + TESTCONTAINERS + " (or unset it).");
            } else if (wanted.get().equals(TESTCONTAINERS)) {
                fix = "Add the test dependency " + containers + ".";
            } else {
                fix = "Add the artifact that registers the provider '" + wanted.get() + "', or unset -D" + PROPERTY + ".";
            }
        }
        return head + fix + " Providers on the classpath: " + (available.isEmpty() ? "none"
                : available.stream().map(p -> p.name() + supported(p)).collect(Collectors.joining(", "))) + ".";
    }

    private static String supported(ServerProvider p) {
        List<String> kinds = new ArrayList<>();
        for (ServerKind k : ServerKind.values()) {
            if (p.supports(k)) {
                kinds.add(k.name());
            }
        }
        return " " + kinds;
    }
}
