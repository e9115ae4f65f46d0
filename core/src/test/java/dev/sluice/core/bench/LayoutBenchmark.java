// How to run (from the repository root; a JVM of its own, default flags):
//   mvn -q -pl core test-compile exec:exec@layoutbench
// (other sizes: -Dexec.args="-classpath %classpath dev.sluice.core.bench.LayoutBenchmark 2000 20000")
package dev.sluice.core.bench;

import dev.sluice.core.internal.docs.layout.Box;
import dev.sluice.core.internal.docs.layout.Edge;
import dev.sluice.core.internal.docs.layout.GraphLayout;
import dev.sluice.core.internal.docs.layout.Layout;
import dev.sluice.core.internal.docs.layout.Placed;
import dev.sluice.core.internal.docs.layout.Point;
import dev.sluice.core.internal.docs.layout.Route;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Lineage graph layout time: {@link GraphLayout#layered} on synthetic dbt-like DAGs (sources and
 * seeds, staging, intermediate, marts: six layers, one to four parents each, mostly from the layer
 * before and of the same domain), split into a few dozen components with some isolated nodes, and
 * as one component. Prints the time of the very first call (a cold JVM, as in a docs run), then per
 * size the median of three runs, the layout's size, heap use and a digest of the coordinates (equal
 * digests from run to run and JVM to JVM: deterministic output).
 */
public final class LayoutBenchmark {
    private static final int RUNS = 3;
    /** Share of the models in each layer, left to right. */
    private static final double[] LAYERS = {0.15, 0.30, 0.20, 0.15, 0.12, 0.08};

    /** Boxes and edges of a synthetic project. */
    public record Graph(List<Box> boxes, List<Edge> edges) {
        public Graph {
            boxes = List.copyOf(boxes);
            edges = List.copyOf(edges);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 1_000, 5_000, 10_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        System.out.println("Lineage graph layout (ELK Layered, left to right), boxes 180x36, median of " + RUNS
                + " runs, " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        int largest = sizes.stream().max(Integer::compare).orElseThrow();
        Graph first = graph(largest, true);
        long cold = System.nanoTime();
        GraphLayout.layered(first.boxes(), first.edges());
        System.out.printf("first call in this JVM (class loading, no JIT warm-up), %d nodes in a few dozen components:"
                + " %.2f s%n", largest, (System.nanoTime() - cold) / 1e9);
        warmUp();
        for (boolean split : new boolean[] {true, false}) {
            System.out.printf("%n%s%n", split ? "A few dozen components plus isolated nodes:" : "One component:");
            System.out.printf("%8s %8s %6s %8s %8s %10s %10s %9s %9s  %s%n",
                    "nodes", "edges", "comps", "isolated", "s", "width", "height", "heap MB", "peak MB", "digest");
            for (int n : sizes) {
                Graph g = graph(n, split);
                int[] parts = components(g);
                usedHeapAfterGc();
                resetPeaks();
                double[] times = new double[RUNS];
                Layout layout = null;
                String digest = null;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    layout = GraphLayout.layered(g.boxes(), g.edges());
                    times[i] = (System.nanoTime() - start) / 1e9;
                    String d = digest(layout);
                    if (digest != null && !digest.equals(d)) {
                        throw new IllegalStateException("two runs gave different layouts at " + n + " nodes");
                    }
                    digest = d;
                }
                long peak = peakHeap();
                long heap = usedHeapAfterGc();
                System.out.printf("%8d %8d %6d %8d %8.2f %10.0f %10.0f %9d %9d  %s%n", n, layout.edges().size(),
                        parts[0], parts[1], median(times), layout.width(), layout.height(),
                        heap / (1 << 20), peak / (1 << 20), digest);
                layout = null;
            }
        }
        System.out.println("\nheap MB: used heap after the last run and a full GC, the layout still referenced"
                + " (the input graph and JVM baseline included); peak MB: the sum of the heap pools' peaks"
                + " over the runs of that size (an upper bound of the peak, garbage included).");
        System.exit(0);
    }

    /** A few dozen groups (fewer below 6,000 nodes) and 2% isolated nodes, or a single group. */
    private static Graph graph(int n, boolean split) {
        return split ? generate(n, Math.max(1, Math.min(40, n / 150)), 0.02, 42) : generate(n, 1, 0, 42);
    }

    /** The number of connected components with edges, and of nodes without any. */
    private static int[] components(Graph g) {
        Map<String, String> parent = new HashMap<>();
        g.boxes().forEach(b -> parent.put(b.id(), b.id()));
        for (Edge e : g.edges()) {
            parent.put(root(parent, e.from()), root(parent, e.to()));
        }
        Set<String> withEdges = new HashSet<>();
        g.edges().forEach(e -> withEdges.add(e.from()));
        g.edges().forEach(e -> withEdges.add(e.to()));
        Set<String> roots = new HashSet<>();
        withEdges.forEach(id -> roots.add(root(parent, id)));
        return new int[] {roots.size(), g.boxes().size() - withEdges.size()};
    }

    private static String root(Map<String, String> parent, String id) {
        while (!parent.get(id).equals(id)) {
            id = parent.get(id);
        }
        return id;
    }

    private static void warmUp() {
        Graph g = generate(2_000, 10, 0.02, 7);
        for (int i = 0; i < 5; i++) {
            GraphLayout.layered(g.boxes(), g.edges());
        }
    }

    /**
     * {@code n} boxes: a share {@code isolatedShare} without edges, the others spread over
     * {@code components} groups of decreasing size; each model draws its parents from its own group.
     */
    public static Graph generate(int n, int components, double isolatedShare, long seed) {
        Random random = new Random(seed);
        int isolated = (int) Math.round(n * isolatedShare);
        int connected = n - isolated;
        double[] weights = new double[components];
        double total = 0;
        for (int c = 0; c < components; c++) {
            weights[c] = 1 / Math.pow(c + 1, 0.7);
            total += weights[c];
        }
        // layers.get(component).get(layer): the ids placed there so far
        List<List<List<String>>> layers = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            List<List<String>> perLayer = new ArrayList<>();
            for (int l = 0; l < LAYERS.length; l++) {
                perLayer.add(new ArrayList<>());
            }
            layers.add(perLayer);
        }
        List<Box> boxes = new ArrayList<>(n);
        List<Edge> edges = new ArrayList<>();
        int made = 0;
        for (int l = 0; l < LAYERS.length; l++) {
            int inLayer = l == LAYERS.length - 1 ? connected - made : (int) Math.round(connected * LAYERS[l]);
            for (int i = 0; i < inLayer; i++, made++) {
                int c = pick(random, weights, total);
                String id = name(l, made);
                boxes.add(new Box(id, 180, 36));
                if (l > 0) {
                    int parents = 1 + random.nextInt(4);
                    for (int p = 0; p < parents; p++) {
                        int from = l == 1 || random.nextDouble() < 0.75 ? l - 1 : random.nextInt(l - 1);
                        List<String> candidates = layers.get(c).get(from);
                        if (candidates.isEmpty()) {
                            candidates = layers.get(c).get(0);
                        }
                        if (!candidates.isEmpty()) {
                            int parent = near(random, candidates.size(), i / (double) inLayer);
                            edges.add(new Edge(candidates.get(parent), id));
                        }
                    }
                }
                layers.get(c).get(l).add(id);
            }
        }
        for (int i = 0; i < isolated; i++) {
            boxes.add(new Box("model.bench.orphan_" + i, 180, 36));
        }
        return new Graph(boxes, edges);
    }

    /**
     * Mostly a parent of the same domain: models made at about the same point of their layer, as
     * staging models follow their source and marts their domain's intermediate models; sometimes
     * any (a shared dimension).
     */
    private static int near(Random random, int size, double position) {
        if (random.nextDouble() < 0.1) {
            return random.nextInt(size);
        }
        int i = (int) Math.round((position + random.nextGaussian() * 0.03) * size);
        return Math.max(0, Math.min(size - 1, i));
    }

    private static int pick(Random random, double[] weights, double total) {
        double r = random.nextDouble() * total;
        for (int c = 0; c < weights.length; c++) {
            r -= weights[c];
            if (r < 0) {
                return c;
            }
        }
        return weights.length - 1;
    }

    private static String name(int layer, int i) {
        return switch (layer) {
            case 0 -> (i % 3 == 0 ? "seed.bench.raw_" : "source.bench.raw.t_") + i;
            case 1 -> "model.bench.stg_" + i;
            case 2, 3 -> "model.bench.int_" + i;
            default -> "model.bench.mart_" + i;
        };
    }

    static String digest(Layout layout) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8 * 4);
        for (Placed p : layout.nodes().values()) {
            md.update(p.id().getBytes(StandardCharsets.UTF_8));
            md.update(b.clear().putDouble(p.x()).putDouble(p.y()).putDouble(p.width()).putDouble(p.height()).flip());
        }
        for (Route r : layout.edges()) {
            for (Point p : r.points()) {
                md.update(b.clear().putDouble(p.x()).putDouble(p.y()).flip());
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 6);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
