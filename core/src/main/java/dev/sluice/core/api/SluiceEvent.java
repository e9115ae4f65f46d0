package dev.sluice.core.api;

/**
 * What a running command reports as it goes; the library never prints, the CLI renders these as
 * dbt does ({@code 1 of 7 START sql table model rsv.rsv__drugs ... [RUN]}).
 */
public sealed interface SluiceEvent {
    /**
     * A command is about to run {@code total} nodes. {@code summary} counts the project as dbt's
     * "Found ..." line does ("7 models, 3 seeds, 2 sources, 40 macros"); {@code threads} and
     * {@code target} are what it runs with.
     */
    record RunStarted(String command, int total, String summary, int threads, String target) implements SluiceEvent {
    }

    /** Node {@code index} of {@code total} starts; {@code description} reads like "sql table model rsv.rsv__drugs". */
    record NodeStarted(int index, int total, NodeInfo node, String description) implements SluiceEvent {
    }

    /** Node {@code index} of {@code total} ended. */
    record NodeFinished(int index, int total, NodeResult result, String description) implements SluiceEvent {
    }

    /**
     * How far a long node has got: {@code done} of {@code total} {@code unit}s (a seed: bytes of its
     * file read by both passes, checking then loading). Sent at most every 5%, for files over 1 MB.
     */
    record Progress(NodeInfo node, long done, long total, String unit) implements SluiceEvent {
    }

    /** The command ended. */
    record RunFinished(RunResult result) implements SluiceEvent {
    }

    /** Free-form information or a warning (e.g. an unknown config key), with its location when about a file. */
    record Message(Level level, String text, Location location) implements SluiceEvent {
    }

    enum Level { DEBUG, INFO, WARN }
}
