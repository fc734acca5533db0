package org.papergraph.serve.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * Draws a dataset metric's state of the art over time as an inline SVG: a step line through the best value so far (the
 * least where lower is better) and a dot per dated result, or, past {@link #MAX_DOTS} results, a dot per result that
 * set a new best only, so the page stays small whatever the number of results. Server-side so it needs no script and
 * shows in a screenshot. Stateless.
 */
final class SotaChart {
    private static final int W = 640, H = 220, PAD = 40;
    /** The most results drawn one dot each; beyond it only the new bests get a dot. */
    static final int MAX_DOTS = 300;

    /** One dated result: time in years with fraction, value, and the method (for the dot's tooltip), which may be null. */
    record Point(double t, BigDecimal v, Node method) {}

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

    /** The chart, or an explanatory note when no dated result exists; {@code labels} names the dots' methods. */
    static String svg(String metric, List<Point> points, boolean lower, Map<Node, String> labels) {
        if (points.isEmpty()) return "<p class=\"none\">No dated results to chart.</p>";
        List<Point> pts = new ArrayList<>(points);
        pts.sort(Comparator.comparingDouble(Point::t));
        double t0 = pts.get(0).t, t1 = pts.get(pts.size() - 1).t;
        if (t1 - t0 < 1) { t0 -= 0.5; t1 += 0.5; }
        // Axis ends in decimal so their labels read as the values do (3.94 + 1 is 4.94, not 4.9399999999999995).
        BigDecimal lo = pts.stream().map(Point::v).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        BigDecimal hi = pts.stream().map(Point::v).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        if (lo.compareTo(hi) == 0) { lo = lo.subtract(BigDecimal.ONE); hi = hi.add(BigDecimal.ONE); }
        double v0 = lo.doubleValue(), v1 = hi.doubleValue();
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"sota\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape("State of the art over time: " + metric)).append("\">");
        sb.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - 10).append("\" y2=\"")
                .append(H - PAD).append("\" class=\"axis\"/>");
        sb.append("<line x1=\"").append(PAD).append("\" y1=\"10\" x2=\"").append(PAD).append("\" y2=\"").append(H - PAD).append("\" class=\"axis\"/>");
        sb.append(text(PAD - 4, 16, "end", fmt(hi))).append(text(PAD - 4, H - PAD, "end", fmt(lo)));
        sb.append(text(PAD, H - PAD + 16, "start", year(t0))).append(text(W - 10, H - PAD + 16, "end", year(t1)));
        List<Point> bests = bests(pts, lower);
        for (Point p : pts.size() <= MAX_DOTS ? pts : bests) {
            String label = p.method == null ? null : labels.getOrDefault(p.method, p.method.isURI() ? p.method.getURI() : null);
            sb.append("<circle cx=\"").append(r1(x(p.t, t0, t1))).append("\" cy=\"").append(r1(y(p.v, v0, v1))).append("\" r=\"4\" class=\"dot\"><title>")
                    .append(Html.escape((label == null ? "" : label + ": ") + p.v.toPlainString())).append("</title></circle>");
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
                + (pts.size() > MAX_DOTS ? "; " + Pages.grouped(pts.size()) + " dated results, a dot for each new best" : "");
        sb.append("<path class=\"sota-line\" d=\"").append(path).append("\"/></svg><figcaption>")
                .append(Html.escape(caption)).append("</figcaption></figure>");
        return sb.toString();
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

    private static String text(int x, int y, String anchor, String s) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + Html.escape(s) + "</text>";
    }

    private static String year(double t) { return Integer.toString((int) Math.floor(t)); }

    private static String fmt(BigDecimal v) { return v.stripTrailingZeros().toPlainString(); }

    private static String r1(double v) { return String.format(java.util.Locale.ROOT, "%.1f", v); }
}
