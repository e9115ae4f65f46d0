package dev.sluice.core.internal.context;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.config.ConfigResolver;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * dbt's {@code config}: {@code {{ config(materialized='table') }}} records configs at parse time
 * (and prints nothing); {@code config.get('key', default)} and {@code config.require('key')}
 * read the node's configuration.
 */
final class ConfigObject implements JinjaCallable, JinjaObject {
    private static final Signature GET = Signature.of("get").required("name").optional("default", null)
            .optional("validator", null).build();
    private static final Signature REQUIRE = Signature.of("require").required("name").optional("validator", null)
            .build();

    private final ParseCapture capture;
    private final Supplier<Map<String, Object>> current;
    private final String file;

    ConfigObject(ParseCapture capture, Supplier<Map<String, Object>> current, String file) {
        this.capture = capture;
        this.current = current;
        this.file = file;
    }

    @Override
    public Object call(CallContext cc, Arguments args) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (args.size() == 1 && args.get(0) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> values.put(String.valueOf(k), v));
        } else if (args.size() > 0) {
            throw SluiceException.user("config.call", new Location(file, cc.line(), 0),
                    "Cannot call config(): pass keyword arguments, e.g. config(materialized='table')");
        }
        values.putAll(args.keywords());
        if (capture != null) {
            capture.config(ConfigResolver.normalize(values));
        }
        return "";
    }

    private Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>(current.get());
        if (capture != null) {
            m = ConfigResolver.merge(m, capture.config());
        }
        return m;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "get" -> (JinjaCallable) (cc, args) -> {
                Object[] a = GET.bind(args);
                Map<String, Object> m = effective();
                String key = ConfigResolver.normalizeKey(String.valueOf(a[0]));
                return m.containsKey(key) && m.get(key) != null ? m.get(key) : a[1];
            };
            case "require" -> (JinjaCallable) (cc, args) -> {
                Object[] a = REQUIRE.bind(args);
                Map<String, Object> m = effective();
                String key = ConfigResolver.normalizeKey(String.valueOf(a[0]));
                if (m.get(key) == null) {
                    if (capture != null) {
                        return null;
                    }
                    throw SluiceException.user("config.require", new Location(file, cc.line(), 0),
                            "Cannot compile: required config '" + key + "' is not set (set it with config(" + key
                                    + "=...) or in dbt_project.yml)");
                }
                return m.get(key);
            };
            case "set" -> (JinjaCallable) (cc, args) -> {
                if (capture != null && args.size() == 2) {
                    capture.config(Map.of(ConfigResolver.normalizeKey(String.valueOf(args.get(0))), args.get(1)));
                }
                return "";
            };
            default -> ABSENT;
        };
    }

    @Override
    public String str() {
        return "<config>";
    }
}
