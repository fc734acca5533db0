package org.papergraph.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.papergraph.eval.DevSplit;
import org.papergraph.eval.Evaluation;
import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.eval.GoldSpan;
import org.papergraph.vocab.EntityType;

/**
 * Fits the {@link Confidence} model, the last step of {@code papergraph build-models}: the entity finder, with the
 * models just built, reads the tune parts of the dev sets a field's confidence is measured on (ORKG CS-NER titles;
 * SciERC abstracts), and each span's evidence is paired with whether the gold agrees. SciERC labels no datasets
 * (its Material mixes them with any data), so the datasets abstracts name are judged on the opening sentences of the
 * SciREX papers, whose Material spans are datasets. The report parts are never read here. No span the fit reads
 * depends on a confidence model (ADR 0027), so the fit is the same whatever model the folder held before.
 */
public final class ConfidenceFit {
    private ConfidenceFit() {}

    /** Opening sentences of a SciREX paper read for datasets: the title and the abstract. */
    static final int SCIREX_OPENING = 10;

    /** Fits the model on the tune parts with the models in {@code dir}, writes it there; returns a report line. */
    static String build(Path shared, Path dir, boolean fast) throws IOException { return build(shared, dir, fast, TrainingData.ALL); }

    /**
     * As {@link #build(Path, Path, boolean)}, on the sources {@code data} allows: without the research data (whose dev
     * sets give the tune parts) the model is fitted on the SciREX openings' methods, tasks, metrics and datasets, text
     * the taggers were trained on, so its confidences run high.
     */
    static String build(Path shared, Path dir, boolean fast, TrainingData data) throws IOException {
        StringBuilder counts = new StringBuilder();
        Confidence c = Confidence.fit(examples(shared, ExtractionModels.read(dir, fast), counts, data));
        c.write(dir.resolve(fast ? ExtractionModels.FAST_CONFIDENCE : Confidence.FILE), List.of(
                "papergraph confidence model: field TAB feature TAB weight of a logistic model (see Confidence.java).",
                "Fitted by 'papergraph build-models' for the " + (fast ? "fast" : "accurate") + " extraction on the tune parts of the dev sets: "
                        + counts + ".",
                "Do not edit by hand."));
        return counts.toString();
    }

    /** The model {@link #build} fits for {@code models} (whose own confidence model plays no part). */
    public static Confidence fit(Path shared, ExtractionModels models) throws IOException {
        return Confidence.fit(examples(shared, models, new StringBuilder(), TrainingData.ALL));
    }

    /** The fitting examples: every span of the tune parts and of the SciREX openings' datasets, judged by the gold. */
    private static List<Confidence.Example> examples(Path shared, ExtractionModels models, StringBuilder counts, TrainingData data)
            throws IOException {
        List<Confidence.Example> examples = new ArrayList<>();
        Evaluation ev = new Evaluation(shared, models);
        for (Evaluation.GoldSet g : ev.goldSets()) {
            if (!g.calibrates() || !data.allows(g.scierc() ? TrainingData.Source.SCIERC : TrainingData.Source.ORKG_CS_NER)) continue;
            List<Evaluation.Judged> judged = ev.judged(g.docs(DevSplit.Part.TUNE), g.field(), g.types());
            for (Evaluation.Judged j : judged) examples.add(new Confidence.Example(j.found().evidence(), j.right()));
            counts.append(String.format(Locale.ROOT, "%s tune %d spans; ", g.name(), judged.size()));
        }
        int datasets = 0;
        EntityFinder finder = new EntityFinder(models);
        // With the tune parts, the openings add datasets only (which the tune parts lack); without them, every type.
        Map<String, EntityType> types = data.researchData() ? Map.of("Material", EntityType.DATASET)
                : Map.of("Material", EntityType.DATASET, "Method", EntityType.METHOD, "Task", EntityType.TASK, "Metric", EntityType.METRIC);
        for (GoldDoc d : GoldSets.scirex(shared.resolve("data/scirex/train_docs"), types)) {
            if (Integer.parseInt(d.id().substring(d.id().lastIndexOf('#') + 1)) >= SCIREX_OPENING) continue;
            for (EntityFinder.Found f : finder.find(d.text(), EntityFinder.Field.ABSTRACT)) {
                if (!types.containsValue(f.type())) continue;
                GoldSpan p = new GoldSpan(f.start(), f.end(), f.type());
                boolean right = false;
                for (GoldSpan s : d.spans()) right |= s.overlaps(p);
                examples.add(new Confidence.Example(f.evidence(), right));
                datasets++;
            }
        }
        counts.append("SciREX openings ").append(datasets).append(data.researchData() ? " dataset spans" : " spans");
        return examples;
    }
}
