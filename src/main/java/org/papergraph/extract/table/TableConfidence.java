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

    /**
     * The bucket a result falls in: source ({@code tei}, {@code latex}), own rule ({@code explicit},
     * {@code uncited}) and where its names came from: {@code table} (dataset and metric both from the table's
     * headers or rows), {@code text} (one of them from the caption or citing text), {@code paper} (one of them only
     * from the paper's title, abstract or other tables).
     */
    public static String bucket(TableResultFinder.Found f, boolean merged) {
        String d = place(f.evidence().datasetSource()), m = place(f.evidence().metricSource());
        String names = d.equals("paper") || m.equals("paper") ? "paper" : d.equals("table") && m.equals("table") ? "table" : "text";
        return (merged ? "tei" : "latex") + "|" + ("uncited".equals(f.evidence().ownRule()) ? "uncited" : "explicit") + "|" + names;
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
     * Per bucket, its tune papers' precision summed and how many papers ({@code papergraph eval --full-text},
     * calibration table, "tune precision by paper"; 2026-12-07, sixth round). A paper, not a result, is one
     * observation: its results are read by the same rules from the same tables and are right or wrong together (in
     * the third round 35 of 55 {@code tei|explicit|table} results were right, but 46 of those came from two papers,
     * and the held-out half measured 0.31, not 0.64). The confidence is the bucket's precision by paper shrunk
     * towards its source's with the weight of {@link #PRIOR} papers.
     */
    static final Map<String, double[]> MEASURED = Map.ofEntries(
            Map.entry("tei|explicit|table", new double[] {2.91, 5}),
            Map.entry("tei|explicit|text", new double[] {0.67, 12}),
            Map.entry("tei|explicit|paper", new double[] {0, 12}),
            Map.entry("tei|uncited|paper", new double[] {0, 1}),
            Map.entry("latex|explicit|text", new double[] {0.63, 7}),
            Map.entry("latex|explicit|paper", new double[] {0.23, 12}),
            Map.entry("latex|explicit|table", new double[] {0, 2}),
            Map.entry("latex|uncited|table", new double[] {0, 2}),
            Map.entry("latex|uncited|text", new double[] {0, 2}),
            Map.entry("latex|uncited|paper", new double[] {0, 3}));
    /**
     * Precision by paper of the headline results per source on the tune papers (the mean over papers with a headline
     * result of their precision): TEI 3.22 over 23 papers, LaTeX 0.44 over 15 (sixth round).
     */
    static final Map<String, Double> OVERALL = Map.of("tei", 3.22 / 23, "latex", 0.44 / 15);
    /** Weight, in papers, of the source's overall precision in a bucket's confidence. */
    static final double PRIOR = 4;

    /** The confidence of {@code f}; {@code merged}: from GROBID TEI; {@code headline}: the paper's best own score for its dataset and metric. */
    public static double of(TableResultFinder.Found f, boolean merged, boolean headline) {
        return ofBucket(bucket(f, merged));
    }

    /** The confidence of a bucket ({@link #bucket}). */
    public static double ofBucket(String bucket) {
        double prior = OVERALL.get(bucket.startsWith("tei") ? "tei" : "latex");
        double[] m = MEASURED.get(bucket);
        double v = m == null ? prior : (m[0] + PRIOR * prior) / (m[1] + PRIOR);
        return Math.max(0.01, Math.min(0.99, Math.round(v * 100) / 100.0));
    }

    /**
     * The least confidence of the headline results the evaluation scores, per source, chosen on the tune papers as
     * the one that gives the best F1 over (dataset, metric, score) among the buckets seen there: TEI 0.15 (results
     * whose own row is named and whose dataset and metric both come from the table, 0.38; a bucket with no tune
     * result, which gets the source's overall 0.13, stays out), LaTeX 0.05 (results whose metric the table names and whose dataset its
     * caption or citing text does, 0.06). A user asking the graph for confident table results would use the same:
     * {@code ?r pg:confidence ?c FILTER(?c >= 0.15)}.
     */
    public static double threshold(boolean merged) { return merged ? 0.15 : 0.05; }

    /**
     * The least confidence of a table result that leaderboards rank (summaries, {@code queries/leaderboard.rq}, dataset
     * pages; written there as 0.05): the lower of the two thresholds. Below it (dataset or metric guessed from the
     * paper's title, abstract or body) a result stays in the graph and in the Results lists, not in the rankings.
     */
    public static final double RANKED = 0.05;
}
