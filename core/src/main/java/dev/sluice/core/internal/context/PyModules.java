package dev.sluice.core.internal.context;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dbt's {@code modules} context variable: Python's {@code datetime}, {@code re},
 * {@code itertools} and {@code pytz} as templates use them
 * ({@code modules.datetime.datetime.now().strftime('%Y')}), with Python's values and printing.
 */
public final class PyModules {
    private static final Map<String, Object> STANDARD = create(Clock.systemDefaultZone());

    private PyModules() {
    }

    /** The modules on the system clock; immutable and shared. */
    public static Map<String, Object> standard() {
        return STANDARD;
    }

    /** The modules with {@code now()} and {@code today()} read from {@code clock}. */
    public static Map<String, Object> create(Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pytz", PytzModule.create());
        m.put("datetime", PyDateTimeModule.create(clock));
        m.put("re", PyReModule.create());
        m.put("itertools", PyItertools.create());
        return Collections.unmodifiableMap(m);
    }
}
