package dev.sluice.core.spi;

import java.nio.file.Path;
import java.util.Map;

/** What an adapter may know of the invocation creating it. */
public interface AdapterContext {
    /** The dbt project directory (where an embedded database keeps its data). */
    Path projectDir();

    /** How many connections the run uses at most ({@code --threads} or the target's threads). */
    int threads();

    /** Environment variables, as the invocation sees them. */
    Map<String, String> environment();
}
