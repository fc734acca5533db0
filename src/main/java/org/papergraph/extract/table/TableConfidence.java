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
     * Correct and predicted headline results per bucket on the tune papers ({@code papergraph eval --full-text},
     * calibration table, tune columns; 2026-12-07, after the third round of table rules). The confidence is the
     * bucket's precision shrunk towards its source's overall precision with the weight of {@link #PRIOR}
     * predictions, so a bucket seen a few times is not given 0 or 1 on that little evidence.
     */
    static final Map<String, int[]> MEASURED = Map.ofEntries(
            Map.entry("tei|explicit|table", new int[] {35, 55}),
            Map.entry("tei|uncited|table", new int[] {6, 15}),
            Map.entry("tei|explicit|text", new int[] {2, 26}),
            Map.entry("tei|explicit|paper", new int[] {0, 43}),
            Map.entry("tei|uncited|paper", new int[] {0, 3}),
            Map.entry("latex|explicit|text", new int[] {4, 33}),
            Map.entry("latex|explicit|paper", new int[] {1, 39}),
            Map.entry("latex|explicit|table", new int[] {0, 8}),
            Map.entry("latex|uncited|table", new int[] {0, 8}),
            Map.entry("latex|uncited|text", new int[] {0, 7}),
            Map.entry("latex|uncited|paper", new int[] {0, 5}));
    /** Overall precision of headline results per source on the tune papers: TEI 43 of 142, LaTeX 5 of 100. */
    static final Map<String, Double> OVERALL = Map.of("tei", 43 / 142.0, "latex", 5 / 100.0);
    /** Weight, in predictions, of the source's overall precision in a bucket's confidence. */
    static final double PRIOR = 4;

    /** The confidence of {@code f}; {@code merged}: from GROBID TEI; {@code headline}: the paper's best own score for its dataset and metric. */
    public static double of(TableResultFinder.Found f, boolean merged, boolean headline) {
        return ofBucket(bucket(f, merged));
    }

    /** The confidence of a bucket ({@link #bucket}). */
    public static double ofBucket(String bucket) {
        double prior = OVERALL.get(bucket.startsWith("tei") ? "tei" : "latex");
        int[] m = MEASURED.get(bucket);
        double v = m == null ? prior : (m[0] + PRIOR * prior) / (m[1] + PRIOR);
        return Math.max(0.01, Math.min(0.99, Math.round(v * 100) / 100.0));
    }

    /**
     * The least confidence of the headline results the evaluation scores, per source, chosen on the tune papers as
     * the one that gives the best F1 over (dataset, metric, score) among the buckets seen there: TEI 0.35 (results
     * whose dataset and metric both come from the table; a bucket with no tune result, which gets the source's
     * overall 0.30, stays out), LaTeX 0.10 (results whose metric the table names and whose dataset its caption or
     * citing text does). A user asking the graph for confident table results would use the same:
     * {@code ?r pg:confidence ?c FILTER(?c >= 0.35)}.
     */
    public static double threshold(boolean merged) { return merged ? 0.35 : 0.10; }

    /**
     * The least confidence of a table result that leaderboards rank (summaries, {@code queries/leaderboard.rq}, dataset
     * pages; written there as 0.1): the lower of the two thresholds. Below it (dataset or metric guessed from the
     * paper's title, abstract or body) a result stays in the graph and in the Results lists, not in the rankings.
     */
    public static final double RANKED = 0.10;
}
