package dev.sluice.core.internal.docs.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts laid-out components next to each other, tallest first, each at the lowest place along a
 * skyline no wider than a target width (so that short components fill the room beside tall ones);
 * the target makes the drawing roughly {@link #ASPECT} wide for 1 high, or as wide as its widest
 * component. The isolated boxes then go in rows below, left to right.
 */
final class Packing {
    static final double COMPONENT_GAP = 48;
    static final double ISOLATED_GAP = 16;
    static final double ASPECT = 16.0 / 9.0;

    private Packing() {
    }

    static Layout pack(List<Layout> components, List<Box> isolated) {
        double area = 0;
        double widest = 0;
        for (Layout c : components) {
            area += (c.width() + COMPONENT_GAP) * (c.height() + COMPONENT_GAP);
            widest = Math.max(widest, c.width());
        }
        for (Box b : isolated) {
            area += (b.width() + ISOLATED_GAP) * (b.height() + ISOLATED_GAP);
            widest = Math.max(widest, b.width());
        }
        double target = Math.max(widest, Math.sqrt(area * ASPECT));

        Map<String, Placed> nodes = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        List<Layout> tallestFirst = new ArrayList<>(components);
        tallestFirst.sort(Comparator.comparingDouble(Layout::height).reversed()); // stable: ties keep order
        Skyline skyline = new Skyline(target);
        double width = 0;
        double height = 0;
        for (Layout c : tallestFirst) {
            Point at = skyline.place(c.width() + COMPONENT_GAP, c.height() + COMPONENT_GAP);
            translate(c, at.x(), at.y(), nodes, routes);
            width = Math.max(width, at.x() + c.width());
            height = Math.max(height, at.y() + c.height());
        }
        if (!isolated.isEmpty()) {
            double rowWidth = components.isEmpty() ? target : width;
            double x = 0;
            double y = components.isEmpty() ? 0 : height + COMPONENT_GAP;
            double rowHeight = 0;
            for (Box b : isolated) {
                if (x > 0 && x + b.width() > rowWidth) {
                    y += rowHeight + ISOLATED_GAP;
                    x = 0;
                    rowHeight = 0;
                }
                nodes.put(b.id(), new Placed(b.id(), x, y, b.width(), b.height()));
                width = Math.max(width, x + b.width());
                rowHeight = Math.max(rowHeight, b.height());
                x += b.width() + ISOLATED_GAP;
            }
            height = y + rowHeight;
        }
        return new Layout(width, height, nodes, routes);
    }

    private static void translate(Layout c, double dx, double dy, Map<String, Placed> nodes, List<Route> routes) {
        for (Placed p : c.nodes().values()) {
            nodes.put(p.id(), new Placed(p.id(), p.x() + dx, p.y() + dy, p.width(), p.height()));
        }
        for (Route r : c.edges()) {
            List<Point> points = new ArrayList<>(r.points().size());
            for (Point p : r.points()) {
                points.add(new Point(p.x() + dx, p.y() + dy));
            }
            routes.add(new Route(r.from(), r.to(), points));
        }
    }
}
