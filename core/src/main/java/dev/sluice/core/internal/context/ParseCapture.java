package dev.sluice.core.internal.context;

import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What rendering a node at parse time found: its refs, sources, {@code config()} calls and the macros it called. */
public final class ParseCapture {
    private final List<RefCall> refs = new ArrayList<>();
    private final List<SourceCall> sources = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Set<String> macros = new LinkedHashSet<>();

    void ref(RefCall call) {
        for (RefCall r : refs) {
            if (r.name().equals(call.name()) && java.util.Objects.equals(r.packageName(), call.packageName())
                    && java.util.Objects.equals(r.version(), call.version())) {
                return;
            }
        }
        refs.add(call);
    }

    void source(SourceCall call) {
        for (SourceCall s : sources) {
            if (s.sourceName().equals(call.sourceName()) && s.tableName().equals(call.tableName())) {
                return;
            }
        }
        sources.add(call);
    }

    void config(Map<String, Object> values) {
        config.putAll(dev.sluice.core.internal.config.ConfigResolver.merge(config, values));
    }

    void macro(String uniqueId) {
        macros.add(uniqueId);
    }

    public List<RefCall> refs() {
        return List.copyOf(refs);
    }

    public List<SourceCall> sources() {
        return List.copyOf(sources);
    }

    /** What the node's {@code config()} calls set, merged in call order. */
    public Map<String, Object> config() {
        return new LinkedHashMap<>(config);
    }

    public List<String> macros() {
        return List.copyOf(macros);
    }
}
