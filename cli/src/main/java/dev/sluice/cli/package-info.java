/**
 * The {@code sluice} command: one picocli class per command, each calling one operation of
 * {@link dev.sluice.core.Sluice}. This is the only place that prints, exits, binds the logging
 * backend and maps failures to exit codes ({@link dev.sluice.cli.ExitCode}). Nothing here is API.
 */
package dev.sluice.cli;
