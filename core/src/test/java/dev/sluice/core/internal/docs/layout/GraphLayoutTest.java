package dev.sluice.core.internal.docs.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    private static final double EPSILON = 1e-6;

    /** raw_orders and raw_customers feed staging, staging feeds a mart; raw_payments skips a layer. */
    private static final List<Box> SHOP = boxes("raw_orders", "raw_customers", "raw_payments", "stg_orders",
            "stg_customers", "int_orders", "fct_orders");
    private static final List<Edge> SHOP_EDGES = List.of(
            new Edge("raw_orders", "stg_orders"),
            new Edge("raw_customers", "stg_customers"),
            new Edge("stg_orders", "int_orders"),
            new Edge("stg_customers", "int_orders"),
            new Edge("raw_payments", "int_orders"),
            new Edge("int_orders", "fct_orders"),
            new Edge("stg_customers", "fct_orders"));

    @Test
    void parentsAreLeftOfTheirChildren() {
        Layout layout = GraphLayout.layered(SHOP, SHOP_EDGES);

        assertThat(layout.edges()).hasSize(SHOP_EDGES.size());
        for (Edge e : SHOP_EDGES) {
            Placed from = layout.nodes().get(e.from());
            Placed to = layout.nodes().get(e.to());
            assertThat(to.x()).as(e.toString()).isGreaterThan(from.x() + from.width());
        }
    }

    @Test
    void sourcesAreInTheFirstColumnAndEachModelRightOfItsDeepestParent() {
        Map<String, Placed> nodes = GraphLayout.layered(SHOP, SHOP_EDGES).nodes();

        assertThat(nodes.get("raw_orders").x()).isZero();
        assertThat(nodes.get("raw_customers").x()).isZero();
        assertThat(nodes.get("raw_payments").x()).isZero();
        assertThat(nodes.get("stg_orders").x()).isEqualTo(nodes.get("stg_customers").x());
        assertThat(nodes.get("int_orders").x()).isGreaterThan(nodes.get("stg_orders").x());
        assertThat(nodes.get("fct_orders").x()).isGreaterThan(nodes.get("int_orders").x());
    }

    @Test
    void everyBoxIsPlacedWithItsSizeInInputOrderInsideTheLayout() {
        Layout layout = GraphLayout.layered(SHOP, SHOP_EDGES);

        assertThat(layout.nodes().keySet()).containsExactlyElementsOf(SHOP.stream().map(Box::id).toList());
        for (Box b : SHOP) {
            Placed p = layout.nodes().get(b.id());
            assertThat(p.width()).isEqualTo(b.width());
            assertThat(p.height()).isEqualTo(b.height());
            assertThat(p.x()).isBetween(0.0, layout.width() - p.width() + EPSILON);
            assertThat(p.y()).isBetween(0.0, layout.height() - p.height() + EPSILON);
        }
        assertThat(layout.edges()).extracting(r -> new Edge(r.from(), r.to())).containsExactlyElementsOf(SHOP_EDGES);
    }

    @Test
    void routesRunFromTheSourcesRightSideToTheTargetsLeftSide() {
        Graph g = dbtLike(3, 40, 11);
        Layout layout = GraphLayout.layered(g.boxes(), g.edges());

        assertThat(layout.edges()).hasSize(g.edges().size());
        for (Route r : layout.edges()) {
            Placed from = layout.nodes().get(r.from());
            Placed to = layout.nodes().get(r.to());
            Point first = r.points().get(0);
            Point last = r.points().get(r.points().size() - 1);
            assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(first.x()).as("start of " + r.from() + " -> " + r.to()).isCloseTo(from.x() + from.width(),
                    offset(EPSILON));
            assertThat(first.y()).isBetween(from.y(), from.y() + from.height());
            assertThat(last.x()).as("end of " + r.from() + " -> " + r.to()).isCloseTo(to.x(),
                    offset(EPSILON));
            assertThat(last.y()).isBetween(to.y(), to.y() + to.height());
            for (int i = 1; i < r.points().size(); i++) {
                assertThat(r.points().get(i).x()).as("left to right").isGreaterThanOrEqualTo(r.points().get(i - 1).x());
            }
        }
    }

    @Test
    void noTwoBoxesOverlap() {
        Graph g = dbtLike(4, 60, 3);
        Layout layout = GraphLayout.layered(g.boxes(), g.edges());

        List<Placed> placed = List.copyOf(layout.nodes().values());
        assertThat(placed).hasSize(g.boxes().size());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(overlap(placed.get(i), placed.get(j)))
                        .as(placed.get(i) + " and " + placed.get(j)).isFalse();
            }
        }
    }

    @Test
    void componentsArePackedApartAndIsolatedBoxesBelowThem() {
        Graph g = dbtLike(5, 30, 5);
        List<Box> boxes = new ArrayList<>(g.boxes());
        for (int i = 0; i < 7; i++) {
            boxes.add(new Box("orphan_" + i, 180, 36));
        }
        Layout layout = GraphLayout.layered(boxes, g.edges());

        Map<String, Integer> component = componentOf(boxes, g.edges());
        List<Placed> hulls = component.values().stream().distinct().map(id -> hull(id, layout, component)).toList();
        assertThat(hulls).hasSizeGreaterThanOrEqualTo(5 + 7);
        for (int i = 0; i < hulls.size(); i++) {
            for (int j = i + 1; j < hulls.size(); j++) {
                assertThat(overlap(hulls.get(i), hulls.get(j))).as(hulls.get(i) + " and " + hulls.get(j)).isFalse();
            }
        }
        double lowestComponent = g.edges().stream().flatMap(e -> Stream.of(e.from(), e.to()))
                .map(layout.nodes()::get).mapToDouble(p -> p.y() + p.height()).max().orElseThrow();
        for (int i = 0; i < 7; i++) {
            assertThat(layout.nodes().get("orphan_" + i).y()).isGreaterThan(lowestComponent);
        }
    }

    @Test
    void sameInputGivesTheSameCoordinates() {
        Graph g = dbtLike(6, 50, 7);

        Layout first = GraphLayout.layered(g.boxes(), g.edges());
        Layout second = GraphLayout.layered(new ArrayList<>(g.boxes()), new ArrayList<>(g.edges()));

        assertThat(second).isEqualTo(first);
        assertThat(second.nodes().values()).containsExactlyElementsOf(first.nodes().values());
    }

    @Test
    void unknownIdsSelfLoopsAndRepeatedEdgesAreLeftOut() {
        List<Box> boxes = boxes("a", "b", "c");
        List<Edge> edges = List.of(new Edge("a", "b"), new Edge("a", "missing"), new Edge("ghost", "c"),
                new Edge("b", "b"), new Edge("a", "b"), new Edge("b", "c"));

        Layout layout = GraphLayout.layered(boxes, edges);

        assertThat(layout.nodes().keySet()).containsExactly("a", "b", "c");
        assertThat(layout.edges()).extracting(r -> r.from() + "->" + r.to()).containsExactly("a->b", "b->c");
        assertThat(layout.nodes().get("c").x()).isGreaterThan(layout.nodes().get("b").x());
    }

    @Test
    void aCycleIsLaidOutAnyway() {
        List<Box> boxes = boxes("a", "b", "c", "d");
        List<Edge> edges = List.of(new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "a"), new Edge("c", "d"));

        Layout layout = GraphLayout.layered(boxes, edges);

        assertThat(layout.nodes()).hasSize(4);
        assertThat(layout.edges()).hasSize(4).allSatisfy(r -> assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2));
        List<Placed> placed = List.copyOf(layout.nodes().values());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(overlap(placed.get(i), placed.get(j))).isFalse();
            }
        }
    }

    @Test
    void onlyIsolatedBoxesMakeRowsOfAGrid() {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boxes.add(new Box("m" + i, 180, 36));
        }
        Layout layout = GraphLayout.layered(boxes, List.of());

        Set<Double> rows = layout.nodes().values().stream().map(Placed::y).collect(Collectors.toSet());
        assertThat(rows).hasSizeBetween(2, 49);
        assertThat(layout.width()).isLessThan(50 * 180);
        assertThat(layout.nodes().get("m0").x()).isZero();
        assertThat(layout.nodes().get("m0").y()).isZero();
    }

    @Test
    void emptyInputGivesAnEmptyLayout() {
        Layout layout = GraphLayout.layered(List.of(), List.of(new Edge("a", "b")));

        assertThat(layout.width()).isZero();
        assertThat(layout.height()).isZero();
        assertThat(layout.nodes()).isEmpty();
        assertThat(layout.edges()).isEmpty();
    }

    @Test
    void twoBoxesWithOneIdAreRefused() {
        assertThatThrownBy(() -> GraphLayout.layered(boxes("a", "b", "a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two boxes are named a");
    }

    private static List<Box> boxes(String... ids) {
        List<Box> boxes = new ArrayList<>();
        for (String id : ids) {
            boxes.add(new Box(id, 180, 36));
        }
        return boxes;
    }

    private record Graph(List<Box> boxes, List<Edge> edges) {
    }

    /** {@code components} disjoint DAGs of {@code size} boxes in four layers, one to three parents each. */
    private static Graph dbtLike(int components, int size, long seed) {
        Random random = new Random(seed);
        List<Box> boxes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            List<String> previous = new ArrayList<>();
            for (int layer = 0; layer < 4; layer++) {
                List<String> current = new ArrayList<>();
                for (int i = 0; i < size / 4; i++) {
                    String id = "c" + c + "_l" + layer + "_" + i;
                    boxes.add(new Box(id, 120 + random.nextInt(80), 30 + random.nextInt(12)));
                    if (!previous.isEmpty()) {
                        for (int p = 1 + random.nextInt(3); p > 0; p--) {
                            Edge e = new Edge(previous.get(random.nextInt(previous.size())), id);
                            if (!edges.contains(e)) {
                                edges.add(e);
                            }
                        }
                    }
                    current.add(id);
                }
                previous = current;
            }
        }
        return new Graph(boxes, edges);
    }

    private static boolean overlap(Placed a, Placed b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    /** Component number of each box, by flooding undirected edges. */
    private static Map<String, Integer> componentOf(List<Box> boxes, List<Edge> edges) {
        Map<String, Integer> component = new LinkedHashMap<>();
        for (Box b : boxes) {
            component.put(b.id(), component.size());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Edge e : edges) {
                int min = Math.min(component.get(e.from()), component.get(e.to()));
                if (component.get(e.from()) != min || component.get(e.to()) != min) {
                    component.put(e.from(), min);
                    component.put(e.to(), min);
                    changed = true;
                }
            }
        }
        return component;
    }

    /** The rectangle around a component's boxes and the routes of its edges. */
    private static Placed hull(int id, Layout layout, Map<String, Integer> component) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Placed p : layout.nodes().values()) {
            if (component.get(p.id()) != id) {
                continue;
            }
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + p.width());
            maxY = Math.max(maxY, p.y() + p.height());
        }
        for (Route r : layout.edges()) {
            if (component.get(r.from()) == id) { // both ends are in one component
                for (Point p : r.points()) {
                    minX = Math.min(minX, p.x());
                    minY = Math.min(minY, p.y());
                    maxX = Math.max(maxX, p.x());
                    maxY = Math.max(maxY, p.y());
                }
            }
        }
        return new Placed("component " + id, minX, minY, maxX - minX, maxY - minY);
    }
}
