package org.papergraph.serve.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.papergraph.serve.web.view.Views.Chart;
import org.papergraph.serve.web.view.Views.Dot;

/**
 * Draws a dataset metric's state of the art over time as an inline SVG: a step line through the best value so far (the
 * least where lower is better) and a dot per dated result, or, past {@link #MAX_DOTS} results, a dot per result that
 * set a new best only, so the page stays small whatever the number of results. Server-side so it needs no script and
 * shows in a screenshot; the template part {@code part/chart.jte} draws what {@link #chart} works out. Stateless.
 */
final class SotaChart {
    private static final int W = 640, H = 220, PAD = 40;
    /** The most results drawn one dot each; beyond it only the new bests get a dot. */
    static final int MAX_DOTS = 300;

    /** One dated result: time in years with fraction, value, and the method (for the dot's tooltip), which may be null. */
    record Point(double t, BigDecimal v, Node method, String unit) {}

    private SotaChart() {}

    /** The points that get a dot: all of them, or past {@link #MAX_DOTS} the ones that set a new best, in time order. */
    static List<Point> drawn(List<Point> points, boolean lower) {
        List<Point> pts = new ArrayList<>(points);
        pts.sort(Comparator.comparingDouble(Point::t));
        return pts.size() <= MAX_DOTS ? pts : bests(pts, lower);
    }

    /** The points of {@code sorted} (in time order) that beat every earlier one: the steps of the best-so-far line. */
    private static List<Point> bests(List<Point> sorted, boolean lower) {
        List<Point> bests = new ArrayList<>();
        BigDecimal best = null;
        for (Point p : sorted) {
            if (best == null || (lower ? p.v.compareTo(best) < 0 : p.v.compareTo(best) > 0)) {
                bests.add(p);
                best = p.v;
            }
        }
        return bests;
    }

    /** The chart of {@code points}, or one that says there is no dated result; {@code labels} names the dots' methods. */
    static Chart chart(String metric, List<Point> points, boolean lower, Map<Node, String> labels) {
        if (points.isEmpty()) return new Chart(W, H, PAD, metric, null, null, null, null, null, null, null);
        List<Point> pts = new ArrayList<>(points);
        pts.sort(Comparator.comparingDouble(Point::t));
        double t0 = pts.get(0).t, t1 = pts.get(pts.size() - 1).t;
        if (t1 - t0 < 1) { t0 -= 0.5; t1 += 0.5; }
        double v0 = pts.stream().mapToDouble(p -> p.v.doubleValue()).min().orElse(0);
        double v1 = pts.stream().mapToDouble(p -> p.v.doubleValue()).max().orElse(1);
        if (v1 - v0 < 1e-9) { v0 -= 1; v1 += 1; }
        List<Point> bests = bests(pts, lower);
        List<Dot> dots = new ArrayList<>();
        for (Point p : pts.size() <= MAX_DOTS ? pts : bests) {
            String label = p.method == null ? null : labels.getOrDefault(p.method, p.method.isURI() ? p.method.getURI() : null);
            dots.add(new Dot(r1(x(p.t, t0, t1)), r1(y(p.v, v0, v1)), (label == null ? "" : label + ": ") + Facts.withUnit(p.v.toPlainString(), p.unit)));
        }
        StringBuilder path = new StringBuilder();
        double lastY = 0;
        for (Point p : bests) {
            double x = x(p.t, t0, t1), y = y(p.v, v0, v1);
            path.append(path.length() == 0 ? "M" : " L" + r1(x) + " " + r1(lastY) + " L").append(r1(x)).append(' ').append(r1(y));
            lastY = y;
        }
        path.append(" L").append(W - 10).append(' ').append(r1(lastY));
        String caption = "Best " + metric + " so far (" + (lower ? "lower" : "higher") + " is better)"
                + (pts.size() > MAX_DOTS ? "; " + Facts.grouped(pts.size()) + " dated results, a dot for each new best" : "");
        return new Chart(W, H, PAD, metric, fmt(v1), fmt(v0), year(t0), year(t1), dots, path.toString(), caption);
    }

    private static double x(double t, double t0, double t1) { return PAD + (t - t0) / (t1 - t0) * (W - 10 - PAD); }

    private static double y(BigDecimal v, double v0, double v1) { return 10 + (v1 - v.doubleValue()) / (v1 - v0) * (H - PAD - 10); }

    /** Year with fraction from an xsd:date, gYearMonth or gYear lexical form. */
    static double time(String issued) {
        double y = Integer.parseInt(issued.substring(0, 4));
        if (issued.length() >= 7) {
            try {
                y += (Integer.parseInt(issued.substring(5, 7)) - 1) / 12.0;
            } catch (NumberFormatException e) {
                // A year is enough for the chart.
            }
        }
        return y;
    }

    private static String year(double t) { return Integer.toString((int) Math.floor(t)); }

    /** An axis label: six significant digits at most, so sums of doubles show as 3.94, not 3.9400000000000004. */
    static String fmt(double v) { return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString(); }

    private static String r1(double v) { return String.format(java.util.Locale.ROOT, "%.1f", v); }
}
