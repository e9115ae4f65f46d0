package dev.sluice.core.internal.docs.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The lower edge of the free space while rectangles are placed from the top down: steps sorted by
 * x, each running to the next (the last one to infinity) at the height of what is above it.
 */
final class Skyline {
    private final double maxWidth;
    private final List<double[]> steps = new ArrayList<>(); // {x, y}

    Skyline(double maxWidth) {
        this.maxWidth = maxWidth;
        steps.add(new double[] {0, 0});
    }

    /**
     * Places a {@code width} x {@code height} rectangle where its top is lowest (leftmost on ties),
     * within the maximum width unless it is wider than that, and returns its top-left corner.
     */
    Point place(double width, double height) {
        int best = -1;
        double bestY = Double.POSITIVE_INFINITY;
        for (int i = 0; i < steps.size(); i++) {
            double x = steps.get(i)[0];
            if (x > 0 && x + width > maxWidth) {
                break;
            }
            double y = top(i, x + width);
            if (y < bestY) {
                bestY = y;
                best = i;
            }
        }
        double x = steps.get(best)[0];
        raise(best, x + width, bestY + height);
        return new Point(x, bestY);
    }

    /** The highest step under [steps[from].x, end). */
    private double top(int from, double end) {
        double y = steps.get(from)[1];
        for (int j = from + 1; j < steps.size() && steps.get(j)[0] < end; j++) {
            y = Math.max(y, steps.get(j)[1]);
        }
        return y;
    }

    /** Replaces the steps under [steps[from].x, end) by one at {@code y}. */
    private void raise(int from, double end, double y) {
        int to = from;
        while (to + 1 < steps.size() && steps.get(to + 1)[0] < end) {
            to++;
        }
        double resumeY = steps.get(to)[1];
        boolean resumes = to + 1 == steps.size() || steps.get(to + 1)[0] > end;
        steps.subList(from + 1, to + 1).clear();
        steps.get(from)[1] = y;
        if (resumes) {
            steps.add(from + 1, new double[] {end, resumeY});
        }
    }
}
