package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Signature;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code modules.pytz}: {@code timezone(name)}, {@code utc}/{@code UTC}, {@code all_timezones}. */
final class PytzModule {
    private static final Signature TIMEZONE = Signature.of("timezone").required("zone").build();

    private PytzModule() {
    }

    static PyModule create() {
        List<String> names = new ArrayList<>(ZoneId.getAvailableZoneIds());
        names.removeIf(n -> n.startsWith("SystemV/"));
        names.sort(null);
        return new PyModule("pytz", Map.of(
                "timezone", PyValues.fn(TIMEZONE, a -> PytzZone.forName(a[0])),
                "utc", PytzZone.UTC,
                "UTC", PytzZone.UTC,
                "all_timezones", List.copyOf(names)));
    }
}
