package org.papergraph.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.papergraph.extract.Confidence;
import org.papergraph.extract.EntityFinder;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.ExtractionModels;

/**
 * Runs the entity finder over the dev sets of the gold sets in {@code ../shared/data} and prints precision, recall
 * and F1 per type (exact span and partial overlap), for each {@link DevSplit} part: rules, thresholds and the
 * confidence model were chosen on the tune part, so the report part is text nothing was tuned to. Scored are the
 * mentions shown by default (confidence at least {@link Confidence#SHOWN}), as pages and queries show them. Also:
 * precision per span source, and the calibration table (precision per confidence bin). The models were built from the
 * train splits; test splits are not here.
 */
public final class Evaluation {
    /**
     * One entity gold set: its dev file, the field its texts are, the types scored, and whether it is a set the
     * confidence model of that field is fitted to (ORKG titles for titles, SciERC for abstracts: ORKG's abstract gold
     * marks only some method phrases, which would make precision a measure of its convention, not of ours).
     */
    public record GoldSet(String name, Path file, boolean scierc, EntityFinder.Field field, Set<EntityType> types,
                          boolean calibrates, boolean heldOut) {
        public GoldSet(String name, Path file, boolean scierc, EntityFinder.Field field, Set<EntityType> types, boolean calibrates) {
            this(name, file, scierc, field, types, calibrates, false);
        }

        public List<GoldDoc> docs() throws IOException {
            if (file.getFileName().toString().endsWith(".conll")) return GoldSets.tdmsci(file, GoldSets.TDMSCI);
            return scierc ? GoldSets.scierc(file, GoldSets.SCIERC) : GoldSets.orkg(file, GoldSets.ORKG);
        }

        /**
         * The documents of one part. A held-out set is all report: nothing was chosen on it, so its tune part is
         * empty.
         */
        public List<GoldDoc> docs(DevSplit.Part part) throws IOException {
            if (heldOut) return part == DevSplit.Part.REPORT ? docs() : List.of();
            return DevSplit.part(docs(), part);
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
    public List<GoldSet> goldSets() { return goldSets(shared); }

    /** The entity gold sets under {@code shared}. */
    public static List<GoldSet> goldSets(Path shared) {
        Path orkg = shared.resolve("data/orkg-cs-ner");
        Set<EntityType> mdt = Set.of(EntityType.METHOD, EntityType.DATASET, EntityType.TASK);
        return List.of(
                new GoldSet("ORKG CS-NER titles (full dataset/dev.data)", orkg.resolve("full dataset/dev.data"), false,
                        EntityFinder.Field.TITLE, mdt, true),
                new GoldSet("ORKG CS-NER abstracts (full dataset/dev-abs.data)", orkg.resolve("full dataset/dev-abs.data"), false,
                        EntityFinder.Field.ABSTRACT, Set.of(EntityType.METHOD, EntityType.TASK), false),
                new GoldSet("SciERC (raw/dev.json)", shared.resolve("data/scierc/raw/dev.json"), true,
                        EntityFinder.Field.ABSTRACT, Set.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC), true),
                // Sentences of NLP papers never read for training, rules or thresholds: report only. Its tasks, datasets
                // and metrics follow its own guidelines (no methods; "accuracy" alone is a metric).
                new GoldSet("TDMSci test (held out; TDMSci/conllFormat/test_500_v2.conll)",
                        shared.resolve("data/nlp-tdms-tdmsci/TDMSci/conllFormat/test_500_v2.conll"), false, EntityFinder.Field.ABSTRACT,
                        Set.of(EntityType.TASK, EntityType.DATASET, EntityType.METRIC), false, true));
    }

    /** The spans of {@code d} of the scored types with confidence at least {@code minConfidence}. */
    private List<EntityFinder.Found> found(GoldDoc d, EntityFinder.Field field, Set<EntityType> types, double minConfidence) {
        List<EntityFinder.Found> out = new ArrayList<>();
        for (EntityFinder.Found f : finder.find(d.text(), field)) {
            if (types.contains(f.type()) && f.confidence() >= minConfidence) out.add(f);
        }
        return out;
    }

    /** Scores the shown spans on {@code docs}; predictions of types outside {@code types} are not counted. */
    public SpanScore entities(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        return entities(docs, field, types, Confidence.SHOWN);
    }

    /** As {@link #entities(List, EntityFinder.Field, Set)}, scoring spans with confidence at least {@code minConfidence}. */
    public SpanScore entities(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types, double minConfidence) {
        SpanScore score = new SpanScore();
        for (GoldDoc d : docs) {
            List<GoldSpan> pred = new ArrayList<>();
            for (EntityFinder.Found f : found(d, field, types, minConfidence)) pred.add(new GoldSpan(f.start(), f.end(), f.type()));
            score.add(d.spans(), pred);
        }
        return score;
    }

    /**
     * Scores each source's spans apart (all of them, shown or not), with the partial matching of {@link #entities}:
     * there a prediction counts as correct when it overlaps a gold span of its type, whatever the other predictions
     * are, so splitting the predictions by source gives each source the precision it has inside the whole.
     */
    public SourceScores bySource(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        SourceScores out = new SourceScores();
        Map<EntityFinder.Source, List<GoldSpan>> pred = new EnumMap<>(EntityFinder.Source.class);
        for (GoldDoc d : docs) {
            for (EntityFinder.Source s : EntityFinder.Source.values()) pred.put(s, new ArrayList<>());
            for (EntityFinder.Found f : found(d, field, types, 0)) pred.get(f.source()).add(new GoldSpan(f.start(), f.end(), f.type()));
            for (EntityFinder.Source s : EntityFinder.Source.values()) out.scores.get(s).add(d.spans(), pred.get(s));
        }
        return out;
    }

    /**
     * Every span of {@code docs} of the scored types (shown or not) with its confidence and whether it is right (it
     * overlaps a gold span of its type): what the calibration table bins, and what the confidence model is fitted to.
     */
    public List<Judged> judged(List<GoldDoc> docs, EntityFinder.Field field, Set<EntityType> types) {
        List<Judged> out = new ArrayList<>();
        for (GoldDoc d : docs) {
            for (EntityFinder.Found f : found(d, field, types, 0)) {
                GoldSpan p = new GoldSpan(f.start(), f.end(), f.type());
                boolean right = false;
                for (GoldSpan g : d.spans()) right |= g.overlaps(p);
                out.add(new Judged(f, right));
            }
        }
        return out;
    }

    /** A span and whether the gold agrees with it. */
    public record Judged(EntityFinder.Found found, boolean right) {}

    /** Every entity evaluation, both parts, as a Markdown table to {@code out}. */
    public void entityReport(PrintWriter out) throws IOException {
        out.printf(Locale.ROOT, "Mentions shown by default (confidence >= %.2f); tune = the part rules and the confidence model were chosen on, "
                + "report = held out.%n%n", Confidence.SHOWN);
        out.println("| gold set (dev) | part | docs | type | gold | predicted | exact P | exact R | exact F1 | partial P | partial R | partial F1 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (GoldSet g : goldSets()) {
            for (DevSplit.Part part : DevSplit.Part.values()) if (!g.heldOut() || part == DevSplit.Part.REPORT) row(out, g, part, g.docs(part));
        }
        out.flush();
    }

    /**
     * Partial precision per source and type on each gold set's report part, over all spans (shown or not), and the
     * share of them shown. "n/a" where the source predicted nothing of the type; title-dataset phrases are listed on
     * titles and for datasets only.
     */
    public void sourceReport(PrintWriter out) throws IOException {
        out.println("| gold set (dev, report part) | field | source | type | predicted | correct | partial P | shown |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (GoldSet g : goldSets()) {
            List<GoldDoc> docs = g.docs(DevSplit.Part.REPORT);
            SourceScores s = bySource(docs, g.field(), g.types());
            Map<EntityFinder.Source, Map<EntityType, int[]>> shown = new EnumMap<>(EntityFinder.Source.class);
            for (Judged j : judged(docs, g.field(), g.types())) {
                int[] c = shown.computeIfAbsent(j.found().source(), k -> new EnumMap<>(EntityType.class))
                        .computeIfAbsent(j.found().type(), k -> new int[1]);
                if (j.found().shown()) c[0]++;
            }
            for (EntityFinder.Source src : EntityFinder.Source.values()) {
                for (EntityType t : EntityType.values()) {
                    if (!g.types().contains(t)) continue;
                    if (src == EntityFinder.Source.TITLE_DATASETS && (g.field() != EntityFinder.Field.TITLE || t != EntityType.DATASET)) continue;
                    SpanScore.Counts c = s.partial(src, t);
                    String p = c.predicted() == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", c.precision());
                    int sh = shown.getOrDefault(src, Map.of()).getOrDefault(t, new int[1])[0];
                    out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %s | %d |%n", g.name(), g.field().label(), src.label(),
                            t.label(), c.predicted(), c.matchedPredicted(), p, sh);
                }
            }
        }
        out.flush();
    }

    /** Confidence bins of the calibration table: [0, 0.1), [0.1, 0.2) ... [0.9, 1]. */
    static int bin(double confidence) { return Math.min(9, (int) Math.floor(confidence * 10 + 1e-9)); }

    /**
     * The calibration table of each gold set the confidence model is fitted to, on its report part: per confidence
     * bin the number of spans, their mean confidence and the share that is right; then per threshold c the share
     * right among spans with confidence at least c, which calibration says should be about c or more.
     */
    public void calibrationReport(PrintWriter out) throws IOException {
        for (GoldSet g : goldSets()) {
            if (!g.calibrates()) continue;
            List<Judged> all = judged(g.docs(DevSplit.Part.REPORT), g.field(), g.types());
            out.println("### " + g.name() + ", report part (" + all.size() + " spans; " + String.join(", ", g.types().stream()
                    .sorted().map(EntityType::label).toList()) + ")");
            out.println();
            out.println("| confidence bin | spans | mean confidence | right | precision | spans >= bin start | precision >= bin start |");
            out.println("|---|---|---|---|---|---|---|");
            int[] n = new int[10], right = new int[10];
            double[] sum = new double[10];
            for (Judged j : all) {
                int b = bin(j.found().confidence());
                n[b]++;
                sum[b] += j.found().confidence();
                if (j.right()) right[b]++;
            }
            for (int b = 0; b < 10; b++) {
                int atLeast = 0, atLeastRight = 0;
                for (int k = b; k < 10; k++) {
                    atLeast += n[k];
                    atLeastRight += right[k];
                }
                out.printf(Locale.ROOT, "| %.1f-%.1f | %d | %s | %d | %s | %d | %s |%n", b / 10.0, (b + 1) / 10.0, n[b],
                        n[b] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", sum[b] / n[b]), right[b],
                        n[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right[b] / n[b]), atLeast,
                        atLeast == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) atLeastRight / atLeast));
            }
            out.println();
        }
        thresholds(out);
        out.flush();
    }

    /** Thresholds the sweep of {@link #thresholds} tries. */
    static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7};

    /**
     * Micro precision, recall and F1 (partial match) of the spans shown at each threshold, tune and report parts of
     * each gold set the confidence model is fitted to: the threshold is chosen on the tune columns.
     */
    public void thresholds(PrintWriter out) throws IOException {
        out.printf(Locale.ROOT, "### Shown mentions by threshold (partial match, micro over the scored types; now %.2f)%n%n", Confidence.SHOWN);
        out.println("| gold set (dev) | threshold | tune P | tune R | tune F1 | report P | report R | report F1 |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (GoldSet g : goldSets()) {
            if (!g.calibrates()) continue;
            List<GoldDoc> tune = g.docs(DevSplit.Part.TUNE), report = g.docs(DevSplit.Part.REPORT);
            for (double c : THRESHOLDS) {
                SpanScore.Counts t = micro(entities(tune, g.field(), g.types(), c), g.types());
                SpanScore.Counts r = micro(entities(report, g.field(), g.types(), c), g.types());
                out.printf(Locale.ROOT, "| %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", g.name(), c, t.precision(), t.recall(), t.f1(),
                        r.precision(), r.recall(), r.f1());
            }
        }
        out.println();
    }

    private static SpanScore.Counts micro(SpanScore s, Set<EntityType> types) {
        List<SpanScore.Counts> parts = new ArrayList<>();
        for (EntityType t : types) parts.add(s.partial(t));
        return SpanScore.Counts.sum(parts);
    }

    private void row(PrintWriter out, GoldSet g, DevSplit.Part part, List<GoldDoc> docs) {
        SpanScore s = entities(docs, g.field(), g.types());
        List<SpanScore.Counts> exact = new ArrayList<>(), partial = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            if (!g.types().contains(t)) continue;
            exact.add(s.exact(t));
            partial.add(s.partial(t));
            print(out, g.name(), part, docs.size(), t.label(), s.exact(t), s.partial(t));
        }
        print(out, g.name(), part, docs.size(), "micro", SpanScore.Counts.sum(exact), SpanScore.Counts.sum(partial));
    }

    private static void print(PrintWriter out, String name, DevSplit.Part part, int docs, String type, SpanScore.Counts e, SpanScore.Counts p) {
        out.printf(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, part.label(), docs, type,
                e.gold(), e.predicted(), e.precision(), e.recall(), e.f1(), p.precision(), p.recall(), p.f1());
    }
}
