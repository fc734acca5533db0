package org.papergraph.extract;

import java.util.Map;

/**
 * How sure a result read from an abstract is ({@link ResultFinder}), by how it was read: where its dataset came from
 * ({@code text}: the score's own sentence; {@code context}: the set the previous sentence evaluates on or the only set
 * the abstract names), whether its metric stands next to the score ({@code own}) or was taken from another score or
 * phrase of the sentence ({@code borrowed}), what names its method ({@code named}: a name the score is attributed
 * to or the subject of its sentence; {@code proposed}: the paper's own method under the name the paper gives it;
 * {@code unnamed}: the paper's own method, unnamed), and whether the lexicon knows the dataset's name
 * ({@code known}) or not ({@code new}).
 *
 * <p>The confidence is the precision of results read that way on the tune parts of the hand-read result gold sets
 * ({@code papergraph eval --results-only}, "Result confidence" table, tune columns), shrunk towards the overall tune
 * precision with the weight of {@link #PRIOR} predictions, so that a way seen a few times is not given 0 or 1 on that
 * little evidence. The report parts of the same table show how well it holds on text the rules were not written on.
 * Stateless.
 */
public final class ResultConfidence {
    private ResultConfidence() {}

    /** The bucket of a result: {@code dataset|metric|method|lexicon}, e.g. {@code text|own|named|known}. */
    public static String bucket(boolean datasetFromContext, boolean metricBorrowed, String method, boolean knownDataset) {
        return (datasetFromContext ? "context" : "text") + "|" + (metricBorrowed ? "borrowed" : "own") + "|" + method + "|"
                + (knownDataset ? "known" : "new");
    }

    /**
     * Correct and predicted results per bucket on the tune parts (demo corpus, other sources, the tune-only set and
     * the seed listing), as {@code papergraph eval --results-only} prints them (2026-12-07, branch w-res). A bucket
     * no tune result fell in gets {@link #OVERALL}.
     */
    static final Map<String, int[]> MEASURED = Map.ofEntries(
            Map.entry("context|borrowed|proposed|new", new int[] {4, 4}),
            Map.entry("context|borrowed|unnamed|new", new int[] {5, 5}),
            Map.entry("context|own|named|new", new int[] {1, 1}),
            Map.entry("context|own|proposed|new", new int[] {2, 2}),
            Map.entry("context|own|unnamed|known", new int[] {2, 2}),
            Map.entry("context|own|unnamed|new", new int[] {7, 7}),
            Map.entry("text|borrowed|named|known", new int[] {3, 3}),
            Map.entry("text|borrowed|named|new", new int[] {2, 2}),
            Map.entry("text|borrowed|proposed|known", new int[] {9, 9}),
            Map.entry("text|borrowed|proposed|new", new int[] {1, 2}),
            Map.entry("text|borrowed|unnamed|known", new int[] {1, 1}),
            Map.entry("text|borrowed|unnamed|new", new int[] {10, 10}),
            Map.entry("text|own|named|known", new int[] {18, 18}),
            Map.entry("text|own|named|new", new int[] {11, 11}),
            Map.entry("text|own|proposed|known", new int[] {14, 14}),
            Map.entry("text|own|proposed|new", new int[] {9, 9}),
            Map.entry("text|own|unnamed|known", new int[] {26, 26}),
            Map.entry("text|own|unnamed|new", new int[] {25, 25}));
    /** Overall precision on the tune parts: 150 of 151. */
    static final double OVERALL = 150 / 151.0;
    /** Weight, in predictions, of the overall precision in a bucket's confidence. */
    static final double PRIOR = 4;

    /** The confidence of a bucket ({@link #bucket}). */
    public static double ofBucket(String bucket) {
        int[] m = MEASURED.get(bucket);
        double v = m == null ? OVERALL : (m[0] + PRIOR * OVERALL) / (m[1] + PRIOR);
        return Math.max(0.01, Math.min(0.99, Math.round(v * 100) / 100.0));
    }
}
