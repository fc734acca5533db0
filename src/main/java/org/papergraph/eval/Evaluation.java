package org.papergraph.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.papergraph.extract.EntityFinder;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.ExtractionModels;

/**
 * Runs the extractors over the dev splits of the gold sets in {@code ../shared/data} and prints precision, recall
 * and F1 per type, exact-span and partial-overlap, and on request the partial precision of each span source
 * (tagger, lexicon, title-dataset phrases), which is what {@link EntityFinder}'s confidences must equal. Dev splits
 * only: the models were built from the train splits.
 */
public final class Evaluation {
    /**
     * One entity gold set: its dev file, the field its texts are, the types scored, and whether it is the set the
     * confidences of that field are measured on (ORKG titles for titles, SciERC for abstracts: ORKG's abstract gold
     * marks every method-like phrase, which would make precision a measure of its convention, not of ours).
     */
    public record GoldSet(String name, Path file, boolean scierc, EntityFinder.Field field, Set<EntityType> types,
                          boolean calibrates) {
        public List<GoldDoc> docs() throws IOException {
            return scierc ? GoldSets.scierc(file, GoldSets.SCIERC) : GoldSets.orkg(file, GoldSets.ORKG);
        }
    }

    /** Partial-match counts of predicted spans per source and type (the gold counts are those of the whole set). */
    public static final class SourceScores {
        private final Map<EntityFinder.Source, SpanScore> scores = new EnumMap<>(EntityFinder.Source.class);

        SourceScores() { for (EntityFinder.Source s : EntityFinder.Source.values()) scores.put(s, new SpanScore()); }

        /** Counts of {@code type} spans from {@code source}; {@code predicted() == 0} when it found none. */
        public SpanScore.Counts partial(EntityFinder.Source source, EntityType type) { return scores.get(source).partial(type); }
    }

    private final Path shared;
    private final EntityFinder finder;

    public Evaluation(Path shared, ExtractionModels models) {
        this.shared = shared;
        this.finder = new EntityFinder(models);
    }

    /** The entity gold sets this evaluation reads, in report order. */
    public List<GoldSet> goldSets() {
        Path orkg = shared.resolve("data/orkg-cs-ner");
        Set<EntityType> mdt = Set.of(EntityType.METHOD, EntityType.DATASET, EntityType.TASK);
        return List.of(
                new GoldSet("ORKG CS-NER titles (full dataset/dev.data)", orkg.resolve("full dataset/dev.data"), false,
                        EntityFinder.Field.TITLE, mdt, true),
                new GoldSet("ORKG CS-NER abstracts (full dataset/dev-abs.data)", orkg.resolve("full dataset/dev-abs.data"), false,
                        EntityFinder.Field.ABSTRACT, Set.of(EntityType.METHOD, EntityType.TASK), false),
                new GoldSet("SciERC (raw/dev.json)", shared.resolve("data/scierc/raw/dev.json"), true,
                        EntityFinder.Field.ABSTRACT, Set.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC), true));
    }

    /** Scores entity finding on {@code docs}; predictions of types outside {@code types} are not counted. */
    public SpanScore entities(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        SpanScore score = new SpanScore();
        for (GoldDoc d : docs) {
            List<GoldSpan> pred = new ArrayList<>();
            for (EntityFinder.Found f : finder.find(d.text(), field)) {
                if (types.contains(f.type())) pred.add(new GoldSpan(f.start(), f.end(), f.type()));
            }
            score.add(d.spans(), pred);
        }
        return score;
    }

    /**
     * Scores each source's spans apart, with the partial matching of {@link #entities}: there a prediction counts
     * as correct when it overlaps a gold span of its type, whatever the other predictions are, so splitting the
     * predictions by source gives each source the precision it has inside the whole.
     */
    public SourceScores bySource(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        SourceScores out = new SourceScores();
        Map<EntityFinder.Source, List<GoldSpan>> pred = new EnumMap<>(EntityFinder.Source.class);
        for (GoldDoc d : docs) {
            for (EntityFinder.Source s : EntityFinder.Source.values()) pred.put(s, new ArrayList<>());
            for (EntityFinder.Found f : finder.find(d.text(), field)) {
                if (types.contains(f.type())) pred.get(f.source()).add(new GoldSpan(f.start(), f.end(), f.type()));
            }
            for (EntityFinder.Source s : EntityFinder.Source.values()) out.scores.get(s).add(d.spans(), pred.get(s));
        }
        return out;
    }

    /** Every entity evaluation, printed as a Markdown table to {@code out}. */
    public void entityReport(PrintWriter out) throws IOException {
        out.println("| gold set (dev) | docs | type | gold | predicted | exact P | exact R | exact F1 | partial P | partial R | partial F1 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (GoldSet g : goldSets()) row(out, g.name(), g.docs(), g.field(), g.types());
        out.flush();
    }

    /**
     * Partial precision per source and type on every gold set, as a Markdown table, beside the confidence the finder
     * now gives such spans (on the set each field's confidences are measured on; "-" on the others). "n/a" where the
     * source predicted nothing of the type; title-dataset phrases are listed on titles and for datasets only.
     */
    public void sourceReport(PrintWriter out) throws IOException {
        out.println("| gold set (dev) | field | source | type | predicted | correct | partial P | confidence |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (GoldSet g : goldSets()) {
            SourceScores s = bySource(g.docs(), g.field(), g.types());
            for (EntityFinder.Source src : EntityFinder.Source.values()) {
                for (EntityType t : EntityType.values()) {
                    if (!g.types().contains(t)) continue;
                    if (src == EntityFinder.Source.TITLE_DATASETS && (g.field() != EntityFinder.Field.TITLE || t != EntityType.DATASET)) continue;
                    SpanScore.Counts c = s.partial(src, t);
                    String p = c.predicted() == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", c.precision());
                    String now = g.calibrates() ? String.format(java.util.Locale.ROOT, "%.2f", EntityFinder.confidence(g.field(), src, t)) : "-";
                    out.printf(java.util.Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %s | %s |%n", g.name(), g.field().label(), src.label(),
                            t.label(), c.predicted(), c.matchedPredicted(), p, now);
                }
            }
        }
        out.flush();
    }

    private void row(PrintWriter out, String name, List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        SpanScore s = entities(docs, field, types);
        for (EntityType t : EntityType.values()) {
            if (!types.contains(t)) continue;
            SpanScore.Counts e = s.exact(t), p = s.partial(t);
            out.printf("| %s | %d | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, docs.size(), t.label(),
                    e.gold(), e.predicted(), e.precision(), e.recall(), e.f1(), p.precision(), p.recall(), p.f1());
        }
    }
}
