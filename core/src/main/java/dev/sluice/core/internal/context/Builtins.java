package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.PyTuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** dbt's small Python builtins in the context: {@code zip}, {@code set}, {@code local_md5}, {@code toyaml}, {@code fromyaml}. */
final class Builtins {
    private Builtins() {
    }

    /** zip(*iterables): tuples of the items at each position, as long as the shortest. */
    static Object zip(CallContext cc, Arguments args) {
        List<Iterator<?>> its = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Object v = args.get(i);
            if (!(v instanceof Iterable<?> it)) {
                return null; // dbt's zip returns its default (None) when an argument is not iterable
            }
            its.add(it.iterator());
        }
        List<Object> out = new ArrayList<>();
        while (!its.isEmpty() && its.stream().allMatch(Iterator::hasNext)) {
            Object[] row = new Object[its.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = its.get(i).next();
            }
            out.add(PyTuple.of(row));
        }
        return out;
    }

    /** set(iterable): its distinct items, in first-seen order; None when it is not iterable (dbt's default). */
    static Object set(CallContext cc, Arguments args) {
        Object v = args.size() > 0 ? args.get(0) : List.of();
        if (!(v instanceof Iterable<?> it)) {
            return args.size() > 1 ? args.get(1) : null;
        }
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        it.forEach(out::add);
        return out;
    }

    static Object localMd5(CallContext cc, Arguments args) {
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(String.valueOf(args.get(0)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** toyaml(value, default=None, sort_keys=False): block-style YAML. */
    static Object toYaml(CallContext cc, Arguments args) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Object value = args.get(0);
        boolean sort = Boolean.TRUE.equals(args.size() > 2 ? args.get(2) : args.keyword("sort_keys", false));
        try {
            return new Yaml(options).dump(sort ? sorted(value) : plain(value));
        } catch (YAMLException e) {
            return args.size() > 1 ? args.get(1) : args.keyword("default", null);
        }
    }

    /** fromyaml(text, default=None). */
    static Object fromYaml(CallContext cc, Arguments args) {
        try {
            return numbers(new Yaml(new SafeConstructor(new LoaderOptions())).load(String.valueOf(args.get(0))));
        } catch (YAMLException e) {
            return args.size() > 1 ? args.get(1) : args.keyword("default", null);
        }
    }

    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, plain(x)));
            return out;
        }
        if (v instanceof Iterable<?> l && !(v instanceof String)) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        return v;
    }

    private static Object sorted(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            m.forEach((k, x) -> out.put(k, sorted(x)));
            return out;
        }
        if (v instanceof Iterable<?> l && !(v instanceof String)) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return v;
    }

    /** YAML's ints as the engine's (Long). */
    private static Object numbers(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(numbers(k), numbers(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(numbers(x)));
            return out;
        }
        return v;
    }
}
