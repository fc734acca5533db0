package org.papergraph.extract.table;

import java.util.Map;

/**
 * How sure a table result is, by how it was read: the source's kind of tables (GROBID TEI, whose cells are often
 * merged, or LaTeX), why its row is the paper's own ({@code explicit}: "ours" or the method's name; {@code uncited}:
 * an uncited row after cited ones), and where its dataset and metric came from (the table's own headers or rows, or
 * its caption and citing text, or only the paper). The figures are the precision of the paper's headline results
 * read that way, measured on the tune half of the full-text gold sets ({@code papergraph eval}, "Full text",
 * calibration table); the report half shows how well they hold. Results that are not a headline (a second own
 * row, another method's row) get the figure of their column's reading. Stateless.
 */
public final class TableConfidence {
    private TableConfidence() {}

    /** The bucket a result falls in: "tei|explicit|table|table" and so on. */
    public static String bucket(TableResultFinder.Found f, boolean merged) {
        return (merged ? "tei" : "latex") + "|" + ("uncited".equals(f.evidence().ownRule()) ? "uncited" : "explicit")
                + "|" + place(f.evidence().datasetSource()) + "|" + place(f.evidence().metricSource());
    }

    /** Where a name came from, coarsely: the table itself, its caption and citing text, or the paper as a whole. */
    static String place(String source) {
        if (source == null) return "paper";
        return switch (source) {
            case "header", "row" -> "table";
            case "caption", "text" -> "text";
            default -> "paper";
        };
    }

    /**
     * Measured precision per bucket on the tune papers (predicted at least {@link #MIN_SUPPORT} times); buckets
     * measured less often fall back to the source's overall figure.
     */
    static final Map<String, Double> MEASURED = Map.of();
    /** Overall precision of headline results per source on the tune papers. */
    static final Map<String, Double> OVERALL = Map.of("tei", 0.2, "latex", 0.1);
    static final int MIN_SUPPORT = 8;

    /** The confidence of {@code f}; {@code merged}: from GROBID TEI; {@code headline}: the paper's best own score for its dataset and metric. */
    public static double of(TableResultFinder.Found f, boolean merged, boolean headline) {
        return ofBucket(bucket(f, merged));
    }

    /** The confidence of a bucket ({@link #bucket}). */
    public static double ofBucket(String bucket) {
        Double m = MEASURED.get(bucket);
        double v = m != null ? m : OVERALL.get(bucket.startsWith("tei") ? "tei" : "latex");
        return Math.max(0.01, Math.min(0.99, v));
    }
}
