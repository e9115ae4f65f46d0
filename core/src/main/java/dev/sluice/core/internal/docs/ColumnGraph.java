package dev.sluice.core.internal.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's column lineage drawn as a two-sided graph: upstream relations with the columns used,
 * on the left; the model's columns on the right; a curve from each source column to each column
 * derived from it. Positions are computed here; the node template draws them as SVG.
 */
record ColumnGraph(double width, double height, List<Group> groups, List<Cell> cells, List<Link> links) {
    static final double ROW = 22;
    static final double GAP = 14;
    static final double LEFT_WIDTH = 280;
    static final double RIGHT_X = 440;
    static final double RIGHT_WIDTH = 240;

    /** An upstream relation's header. */
    record Group(String label, String kind, String href, double x, double y, double width) {
    }

    /** One column row, on either side. */
    record Cell(String label, String href, double x, double y, double width, boolean output) {
    }

    /** A curve from a source column to a model column. */
    record Link(String path) {
    }

    /** The graph of {@code columns}, or null when no column has a source. */
    static ColumnGraph of(List<NodePages.ColumnView> columns) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>(); // relation -> column -> y
        Map<String, NodePages.ColumnSource> firstOf = new LinkedHashMap<>();
        for (NodePages.ColumnView c : columns) {
            for (NodePages.ColumnSource s : c.sources()) {
                rows.computeIfAbsent(s.relation(), k -> new LinkedHashMap<>()).putIfAbsent(s.column(), 0.0);
                firstOf.putIfAbsent(s.relation(), s);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<Group> groups = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        double y = 0;
        for (Map.Entry<String, Map<String, Double>> e : rows.entrySet()) {
            NodePages.ColumnSource first = firstOf.get(e.getKey());
            groups.add(new Group(e.getKey(), first.kind(), first.pageHref(), 0, y, LEFT_WIDTH));
            y += ROW;
            for (Map.Entry<String, Double> col : e.getValue().entrySet()) {
                col.setValue(y + ROW / 2);
                String href = first.pageHref().isEmpty() ? "" : first.pageHref() + "#" + NodePages.anchor(col.getKey());
                cells.add(new Cell(col.getKey(), href, 0, y, LEFT_WIDTH, false));
                y += ROW;
            }
            y += GAP;
        }
        double leftHeight = y - GAP;
        List<Link> links = new ArrayList<>();
        double ry = ROW; // aligned below the first group's header
        for (NodePages.ColumnView c : columns) {
            cells.add(new Cell(c.name(), "#" + c.anchor(), RIGHT_X, ry, RIGHT_WIDTH, true));
            double ty = ry + ROW / 2;
            for (NodePages.ColumnSource s : c.sources()) {
                double sy = rows.get(s.relation()).get(s.column());
                double sx = LEFT_WIDTH;
                double mid = (sx + RIGHT_X) / 2;
                links.add(new Link("M" + num(sx) + " " + num(sy) + "C" + num(mid) + " " + num(sy) + " " + num(mid) + " "
                        + num(ty) + " " + num(RIGHT_X) + " " + num(ty)));
            }
            ry += ROW;
        }
        return new ColumnGraph(RIGHT_X + RIGHT_WIDTH + 2, Math.max(leftHeight, ry) + 2, groups, cells, links);
    }

    /** A coordinate with at most one decimal, without String.format's cost (it runs for every link of 10,000 pages). */
    static String num(double v) {
        if (v < 0) {
            return "-" + num(-v);
        }
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }
}
