package dev.sluice.core.internal.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.docs.layout.Layout;
import dev.sluice.core.internal.docs.layout.Placed;
import dev.sluice.core.internal.docs.layout.Point;
import dev.sluice.core.internal.docs.layout.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docs/graph-data.js}: the laid-out graph and the search index as one JavaScript
 * assignment, so the site needs no fetch and works from {@code file://}. Node and edge lists are
 * arrays of arrays to stay small at 10,000 nodes; edges refer to nodes by position.
 */
final class GraphData {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GraphData() {
    }

    static String script(String project, String generatedAt, SiteIndex site, Layout layout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project", project);
        data.put("generatedAt", generatedAt);
        data.put("width", round(layout.width()));
        data.put("height", round(layout.height()));
        data.put("schemas", site.schemas());
        List<Object> nodes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (SiteIndex.Page p : site.graphPages()) {
            Placed at = layout.nodes().get(p.uniqueId());
            if (at == null) {
                continue;
            }
            index.put(p.uniqueId(), nodes.size());
            nodes.add(List.of(p.uniqueId(), p.name(), p.kind(), site.colour(p.schema()), round(at.x()), round(at.y()),
                    round(at.width()), round(at.height()), p.file(), Markdown.summary(p.description(), 140)));
        }
        data.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (Route r : layout.edges()) {
            Integer from = index.get(r.from());
            Integer to = index.get(r.to());
            if (from == null || to == null) {
                continue;
            }
            List<Double> points = new ArrayList<>(r.points().size() * 2);
            for (Point pt : r.points()) {
                points.add(round(pt.x()));
                points.add(round(pt.y()));
            }
            edges.add(List.of(from, to, points));
        }
        data.put("edges", edges);
        List<Object> others = new ArrayList<>();
        for (SiteIndex.Page p : site.pages()) {
            if (!index.containsKey(p.uniqueId())) {
                others.add(List.of(p.uniqueId(), p.name(), p.kind(), p.file(), Markdown.summary(p.description(), 140)));
            }
        }
        data.put("pages", others);
        try {
            return "window.SLUICE_DOCS = " + scriptSafe(MAPPER.writeValueAsString(data)) + ";\n";
        } catch (JsonProcessingException e) {
            throw SluiceException.internal("cannot write the docs graph data", e);
        }
    }

    /** JSON that stays inert wherever it is pasted: no {@code <}, {@code >}, {@code &} or JS line separators. */
    static String scriptSafe(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
