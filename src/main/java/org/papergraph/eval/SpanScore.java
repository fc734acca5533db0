package org.papergraph.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.papergraph.vocab.EntityType;

/**
 * Precision, recall and F1 per entity type, under exact-span and partial-overlap matching. Each gold span is
 * matched at most once, so a prediction split in two cannot count twice. Not thread-safe; one per evaluation.
 */
public final class SpanScore {
    /** Counts of one type under one matching mode. */
    public static final class Counts {
        int predicted, gold, matchedPredicted, matchedGold;
        public double precision() { return predicted == 0 ? 0 : (double) matchedPredicted / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) matchedGold / gold; }
        public double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        public int predicted() { return predicted; }
        public int gold() { return gold; }
        /** Predictions that matched a gold span (several may match the same one): the numerator of precision. */
        public int matchedPredicted() { return matchedPredicted; }
        /** Gold spans that a prediction matched: the numerator of recall. */
        public int matchedGold() { return matchedGold; }

        /** The sum of {@code parts}: micro-averaged counts. */
        public static Counts sum(List<Counts> parts) {
            Counts c = new Counts();
            for (Counts p : parts) {
                c.predicted += p.predicted;
                c.gold += p.gold;
                c.matchedPredicted += p.matchedPredicted;
                c.matchedGold += p.matchedGold;
            }
            return c;
        }
    }

    private final Map<EntityType, Counts> exact = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Counts> partial = new EnumMap<>(EntityType.class);

    /** Adds one document's gold and predicted spans. */
    public void add(List<GoldSpan> gold, List<GoldSpan> predicted) {
        count(gold, predicted, exact, true);
        count(gold, predicted, partial, false);
    }

    private static void count(List<GoldSpan> gold, List<GoldSpan> predicted, Map<EntityType, Counts> into, boolean exactMode) {
        boolean[] used = new boolean[gold.size()];
        for (GoldSpan g : gold) into.computeIfAbsent(g.type(), t -> new Counts()).gold++;
        for (GoldSpan p : predicted) {
            Counts c = into.computeIfAbsent(p.type(), t -> new Counts());
            c.predicted++;
            boolean hit = false;
            for (int i = 0; i < gold.size(); i++) {
                GoldSpan g = gold.get(i);
                boolean match = exactMode ? g.equals(p) : g.overlaps(p);
                if (match) {
                    hit = true;
                    if (!used[i]) { used[i] = true; c.matchedGold++; break; }
                }
            }
            if (hit) c.matchedPredicted++;
        }
    }

    public Counts exact(EntityType t) { return exact.getOrDefault(t, new Counts()); }
    public Counts partial(EntityType t) { return partial.getOrDefault(t, new Counts()); }

    /** Types with any gold or predicted span. */
    public List<EntityType> types() {
        List<EntityType> out = new ArrayList<>();
        for (EntityType t : EntityType.values()) if (exact.containsKey(t)) out.add(t);
        return out;
    }
}
