package dev.sluice.core.internal.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;

/** dbt's {@code tojson(value)} and {@code fromjson(text)} context functions. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static Object toJson(CallContext cc, Arguments args) {
        try {
            return MAPPER.writeValueAsString(args.get(0));
        } catch (JsonProcessingException e) {
            return args.size() > 1 ? args.get(1) : null;
        }
    }

    static Object fromJson(CallContext cc, Arguments args) {
        try {
            return normalize(MAPPER.readValue(String.valueOf(args.get(0)), Object.class));
        } catch (JsonProcessingException e) {
            return args.size() > 1 ? args.get(1) : null;
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }
}
