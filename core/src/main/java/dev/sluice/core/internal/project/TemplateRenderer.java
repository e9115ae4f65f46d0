package dev.sluice.core.internal.project;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.jinja.Environment;
import dev.sluice.jinja.TemplateException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders Jinja inside YAML values (profiles.yml, dbt_project.yml, config trees) as dbt does: as
 * text, except that a value which is a single expression ending in {@code as_number},
 * {@code as_bool} or {@code as_native} becomes that native value.
 */
public final class TemplateRenderer {
    private static final Pattern NATIVE = Pattern.compile("^\\s*\\{\\{.*\\|\\s*as_(number|bool|native)\\s*\\}\\}\\s*$",
            Pattern.DOTALL);

    private final Environment env;
    private final Map<String, ?> globals;

    public TemplateRenderer(Environment env, Map<String, ?> globals) {
        this.env = env;
        this.globals = globals;
    }

    /** Renders every string inside {@code value} (maps and lists recursively). */
    public Object renderValue(Object value, Location where) {
        if (value instanceof String s) {
            return render(s, where);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, where)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                out.add(renderValue(v, where));
            }
            return out;
        }
        return value;
    }

    /** Renders one string; returns it unchanged when it holds no Jinja. */
    public Object render(String text, Location where) {
        if (!text.contains("{{") && !text.contains("{%")) {
            return text;
        }
        String out;
        try {
            out = env.parse(where == null ? null : where.file(), text).render(globals);
        } catch (TemplateException e) {
            // a context function's own error (no docs block, no such var) says what is wrong; the place is here
            String reason = e.getCause() instanceof SluiceException s ? s.reason() : e.reason();
            throw SluiceException.user("yaml.render", where, "Cannot render '" + text.strip() + "': " + reason, e);
        }
        java.util.regex.Matcher m = NATIVE.matcher(text);
        if (m.matches()) {
            return nativeValue(out.strip(), m.group(1), text, where);
        }
        return out;
    }

    private static Object nativeValue(String out, String kind, String text, Location where) {
        switch (kind) {
            case "number" -> {
                try {
                    BigDecimal d = new BigDecimal(out);
                    return d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : d.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw SluiceException.user("yaml.render", where, "Cannot convert '" + out + "' (from " + text.strip()
                            + ") to a number");
                }
            }
            case "bool" -> {
                if (out.equals("True") || out.equals("true")) {
                    return true;
                }
                if (out.equals("False") || out.equals("false")) {
                    return false;
                }
                throw SluiceException.user("yaml.render", where, "Cannot convert '" + out + "' (from " + text.strip()
                        + ") to a boolean");
            }
            default -> {
                return NativeLiterals.parse(out);
            }
        }
    }
}
