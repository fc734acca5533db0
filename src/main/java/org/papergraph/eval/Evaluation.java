package org.papergraph.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.papergraph.extract.EntityFinder;
import org.papergraph.extract.EntityType;
import org.papergraph.extract.ExtractionModels;

/**
 * Runs the extractors over the dev splits of the gold sets in {@code ../shared/data} and prints precision, recall
 * and F1 per type, exact-span and partial-overlap. Dev splits only: the models were built from the train splits.
 */
public final class Evaluation {
    private final Path shared;
    private final EntityFinder finder;

    public Evaluation(Path shared, ExtractionModels models) {
        this.shared = shared;
        this.finder = new EntityFinder(models);
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

    /** Every entity evaluation, printed as a Markdown table to {@code out}. */
    public void entityReport(PrintWriter out) throws IOException {
        Path orkg = shared.resolve("data/orkg-cs-ner");
        Set<EntityType> mdt = Set.of(EntityType.METHOD, EntityType.DATASET, EntityType.TASK);
        Set<EntityType> mt = Set.of(EntityType.METHOD, EntityType.TASK);
        out.println("| gold set (dev) | docs | type | gold | predicted | exact P | exact R | exact F1 | partial P | partial R | partial F1 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        row(out, "ORKG CS-NER titles (full dataset/dev.data)", GoldSets.orkg(orkg.resolve("full dataset/dev.data"), GoldSets.ORKG), EntityFinder.Field.TITLE, mdt);
        row(out, "ORKG CS-NER abstracts (full dataset/dev-abs.data)", GoldSets.orkg(orkg.resolve("full dataset/dev-abs.data"), GoldSets.ORKG), EntityFinder.Field.ABSTRACT, mt);
        row(out, "SciERC (raw/dev.json)", GoldSets.scierc(shared.resolve("data/scierc/raw/dev.json"), GoldSets.SCIERC), EntityFinder.Field.ABSTRACT,
                Set.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC));
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
