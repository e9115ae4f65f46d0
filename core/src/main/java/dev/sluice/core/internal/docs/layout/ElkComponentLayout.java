package dev.sluice.core.internal.docs.layout;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.docs.layout.Components.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * One connected component laid out by ELK Layered, left to right, in coordinates of its own
 * (top left at 0, 0). Each call builds a fresh ELK graph and provider, so calls may run in parallel.
 */
final class ElkComponentLayout {
    static final double NODE_SPACING = 16;
    static final double LAYER_SPACING = 80;
    static final double EDGE_SPACING = 8;
    /** Above this many boxes, crossing minimisation makes one pass instead of ELK's default seven. */
    static final int LARGE = 1_000;

    private ElkComponentLayout() {
    }

    /**
     * ELK's option registry, filled once for use without OSGi (class initialisation is thread-safe).
     * A failure is kept, to be reported on every call rather than as a bare NoClassDefFoundError.
     */
    private static final class Registry {
        static final Throwable FAILURE = register();

        private static Throwable register() {
            try {
                LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                return null;
            } catch (LinkageError | ServiceConfigurationError e) {
                return e;
            }
        }
    }

    static Layout layout(Component component) {
        if (Registry.FAILURE != null) {
            // ELK 0.11.0's LayeredMetaDataProvider needs org.eclipse.xtext.xbase.lib, which its POM omits
            throw SluiceException.internal("Cannot lay out the lineage graph: ELK Layered failed to load ("
                    + Registry.FAILURE + "); is org.eclipse.xtext.xbase.lib on the classpath?", Registry.FAILURE);
        }
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root, component.boxes().size());
        Map<String, ElkNode> nodes = new HashMap<>(component.boxes().size() * 2);
        for (Box box : component.boxes()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(box.id());
            node.setDimensions(box.width(), box.height());
            nodes.put(box.id(), node);
        }
        List<ElkEdge> elkEdges = new ArrayList<>(component.edges().size());
        for (Edge edge : component.edges()) {
            elkEdges.add(ElkGraphUtil.createSimpleEdge(nodes.get(edge.from()), nodes.get(edge.to())));
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        Map<String, Placed> placed = new LinkedHashMap<>();
        for (Box box : component.boxes()) {
            ElkNode n = nodes.get(box.id());
            placed.put(box.id(), new Placed(box.id(), n.getX(), n.getY(), box.width(), box.height()));
        }
        List<Route> routes = new ArrayList<>(elkEdges.size());
        for (int i = 0; i < elkEdges.size(); i++) {
            Edge edge = component.edges().get(i);
            routes.add(new Route(edge.from(), edge.to(),
                    points(elkEdges.get(i), placed.get(edge.from()), placed.get(edge.to()))));
        }
        return new Layout(root.getWidth(), root.getHeight(), placed, routes);
    }

    /**
     * The options, measured on dbt-like DAGs of up to 10,000 models (see LayoutBenchmark; times for
     * one component of 10,000 boxes on 2 cores unless said otherwise):
     * <ul>
     * <li>polyline routing, 0.06 s: orthogonal routing took 55 s and spline routing 46 s (they share
     * a router quadratic in the edges between two layers), and orthogonal routing also widens each
     * gap between layers by a track per edge;
     * <li>longest-path-from-source layering, linear: every source and seed in the first column, each
     * model one column right of its deepest parent; network simplex layering (0.8 s here, 0.75 s at
     * 3,000 boxes of a less local graph) shortens edges a little but moves sources next to their
     * first use;
     * <li>layer sweep crossing minimisation, with ELK's default thoroughness of 7 up to {@link #LARGE}
     * boxes and 1 above: the whole layout took 1.75 s at 7 and 0.83 s at 1, and 7 saved only about
     * 1.5% of the crossings at 1,000 and 3,000 boxes; ELK's greedy switch step only runs below 40
     * boxes (its activation threshold);
     * <li>Brandes-Koepf node placement: network simplex placement took 26 s at 3,000 boxes and
     * linear segments 0.84 s, against 0.35 s;
     * <li>a fixed random seed: the same input gives the same coordinates.
     * </ul>
     * The polyline router widens the gap between layers by 0.4 x (between-layer edge spacing /
     * layer spacing) x the tallest edge's vertical span, which grows with the component's height;
     * the edge spacing shrinks with the size so that the gap stays around a hundred pixels.
     */
    private static void configure(ElkNode root, int size) {
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        root.setProperty(LayeredOptions.PADDING, new ElkPadding(0));
        // GraphLayout splits, lays out and packs the components itself
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.GREEDY);
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH_SOURCE);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
        root.setProperty(LayeredOptions.THOROUGHNESS, size > LARGE ? 1 : 7);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, EDGE_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, EDGE_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, EDGE_SPACING * Math.min(1, 200.0 / size));
    }

    /** The section ELK computed; a straight line if it computed none (it always should). */
    private static List<Point> points(ElkEdge edge, Placed from, Placed to) {
        List<Point> points = new ArrayList<>();
        if (edge.getSections().isEmpty()) {
            points.add(new Point(from.x() + from.width(), from.y() + from.height() / 2));
            points.add(new Point(to.x(), to.y() + to.height() / 2));
            return points;
        }
        ElkEdgeSection section = edge.getSections().get(0);
        points.add(new Point(section.getStartX(), section.getStartY()));
        for (ElkBendPoint bend : section.getBendPoints()) {
            points.add(new Point(bend.getX(), bend.getY()));
        }
        points.add(new Point(section.getEndX(), section.getEndY()));
        return points;
    }
}
