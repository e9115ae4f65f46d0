package dev.sluice.cli;

import dev.sluice.core.api.SluiceListener;

/** Loads a project for a command; {@link #SLUICE} is the real one, tests pass a fake. */
@FunctionalInterface
interface Launcher {
    Launcher SLUICE = (settings, listener) -> Session.of(settings.configure().listener(listener).load());

    /**
     * @throws dev.sluice.core.api.SluiceException when the project or profile is invalid
     */
    Session open(LaunchSettings settings, SluiceListener listener);
}
