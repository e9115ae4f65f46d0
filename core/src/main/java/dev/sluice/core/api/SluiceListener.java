package dev.sluice.core.api;

/** Receives {@link SluiceEvent}s; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface SluiceListener {
    SluiceListener NONE = event -> { };

    void onEvent(SluiceEvent event);
}
