/**
 * The {@code aurora-migrate} command line: {@link io.github.auroramigrate.cli.AuroraMigrate} is its entry point,
 * {@link io.github.auroramigrate.cli.ExitCode} its exit statuses. Everything else is in {@code cli.internal} and carries
 * no compatibility guarantee; the command's interface is its options, its {@code --json} events (versioned, see
 * docs/cli.md) and its exit codes.
 *
 * <pre>{@code
 * aurora-migrate --help
 * }</pre>
 */
package io.github.auroramigrate.cli;
