package dev.sluice.cli;

import dev.sluice.core.api.DepsResult;
import dev.sluice.core.api.SluiceListener;
import java.nio.file.Path;
import java.util.List;

/** Loads a project for a command; {@link #SLUICE} is the real one, tests pass a fake. */
@FunctionalInterface
interface Launcher {
    Launcher SLUICE = (settings, listener) -> Session.of(settings.configure().listener(listener).load());

    /**
     * @throws dev.sluice.core.api.SluiceException when the project or profile is invalid
     */
    Session open(LaunchSettings settings, SluiceListener listener);

    /** Installs the project's packages; it does not load the project, which needs them. */
    default DepsResult deps(LaunchSettings settings, SluiceListener listener) {
        return settings.configure().listener(listener).deps();
    }

    /** Deletes the clean-targets; it does not load the project (whose packages may be what was cleaned). */
    default List<Path> clean(LaunchSettings settings, SluiceListener listener) {
        return settings.configure().listener(listener).clean();
    }
}
