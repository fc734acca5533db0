package org.papergraph.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.lexicon.LexiconBuilder;
import org.papergraph.extract.table.TableNames;
import org.papergraph.extract.table.TableNamesBuilder;
import org.papergraph.extract.tagger.PerceptronTagger;
import org.papergraph.extract.tagger.PosTagger;
import org.papergraph.extract.tagger.PosTrainer;
import org.papergraph.extract.tagger.TaggerTrainer;

/**
 * The lexicon and the two taggers the entity extractor uses, shipped as resources under {@code /extract/} and
 * loaded once per JVM ({@link #shipped()}), and the reproducible build that makes them from {@code ../shared/data}
 * ({@link #build}). Immutable; safe to share.
 *
 * <p>Training data: titles from ORKG CS-NER {@code full dataset/train.data}; abstracts from SciERC {@code train.json}.
 * Table names come from the SOTA? train annotations (see {@link TableNamesBuilder}).
 * Dev splits are never read here.
 */
public record ExtractionModels(Lexicon lexicon, PerceptronTagger titleTagger, PerceptronTagger abstractTagger, PosTagger pos,
                               SpanEdges edges, OrdinaryWords ordinaryWords, Confidence confidence) {
    public static final String TITLE_MODEL = "title-tagger.bin.gz";
    public static final String ABSTRACT_MODEL = "abstract-tagger.bin.gz";
    /** The fast extraction's abstract tagger: the same model with its weak features left out. */
    public static final String FAST_ABSTRACT_MODEL = "abstract-tagger-fast.bin.gz";
    /** The fast extraction's confidence model, fitted for its tagger. */
    public static final String FAST_CONFIDENCE = "confidence-fast.tsv";
    /**
     * The system property that chooses the models {@link #shipped()} returns: {@code accurate} (the default) or
     * {@code fast} ({@code java -Dpapergraph.extraction=fast -jar papergraph.jar ingest ...}).
     */
    public static final String MODE_PROPERTY = "papergraph.extraction";
    /**
     * The fast abstract tagger keeps the features with a weight of at least this: 13,105 of 66,505 (0.2 MB), tagging
     * in 110 us an abstract where the accurate one takes 170, for 0.067 less partial F1 on SciERC tune (all spans).
     */
    static final float FAST_MIN_WEIGHT = 20f;
    /** Passes over the training data; chosen on the dev splits (more overfit, fewer underfit). */
    static final int EPOCHS = 8;

    private static final class Holder {
        static final ExtractionModels SHIPPED = fast()
                ? new ExtractionModels(Lexicon.shipped(), PerceptronTagger.resource("/extract/" + TITLE_MODEL),
                        PerceptronTagger.resource("/extract/" + FAST_ABSTRACT_MODEL), PosTagger.shipped(), SpanEdges.shipped(),
                        OrdinaryWords.shipped(), Confidence.resource("/extract/" + FAST_CONFIDENCE))
                : new ExtractionModels(Lexicon.shipped(), PerceptronTagger.resource("/extract/" + TITLE_MODEL),
                        PerceptronTagger.resource("/extract/" + ABSTRACT_MODEL), PosTagger.shipped(), SpanEdges.shipped(),
                        OrdinaryWords.shipped(), Confidence.shipped());

        private static boolean fast() {
            String mode = System.getProperty(MODE_PROPERTY, "accurate");
            if (!mode.equals("fast") && !mode.equals("accurate")) {
                throw new IllegalArgumentException(MODE_PROPERTY + " must be 'accurate' or 'fast', not '" + mode + "'");
            }
            return mode.equals("fast");
        }
    }

    /**
     * The models in the jar, loaded on first use: the accurate ones, or the fast ones when the system property
     * {@link #MODE_PROPERTY} is {@code fast} when extraction first starts (docs/EVALUATION.md has both's figures).
     */
    public static ExtractionModels shipped() { return Holder.SHIPPED; }

    /** The models written by {@link #build} into {@code dir}. */
    public static ExtractionModels read(Path dir) throws IOException { return read(dir, false); }

    /** The accurate or the {@code fast} models written by {@link #build} into {@code dir}. */
    public static ExtractionModels read(Path dir, boolean fast) throws IOException {
        Lexicon lexicon;
        try (var in = Files.newInputStream(dir.resolve(LEXICON))) { lexicon = Lexicon.read(in); }
        PerceptronTagger title, abs;
        try (var in = Files.newInputStream(dir.resolve(TITLE_MODEL))) { title = PerceptronTagger.read(in); }
        try (var in = Files.newInputStream(dir.resolve(fast ? FAST_ABSTRACT_MODEL : ABSTRACT_MODEL))) { abs = PerceptronTagger.read(in); }
        PosTagger pos;
        try (var in = Files.newInputStream(dir.resolve(PosTagger.FILE))) { pos = PosTagger.read(in); }
        SpanEdges edges;
        try (var in = Files.newInputStream(dir.resolve(SpanEdges.FILE))) { edges = SpanEdges.read(in); }
        OrdinaryWords words;
        try (var in = Files.newInputStream(dir.resolve(OrdinaryWords.FILE))) { words = OrdinaryWords.read(in); }
        Path c = dir.resolve(fast ? FAST_CONFIDENCE : Confidence.FILE);
        Confidence confidence;
        if (Files.exists(c)) {
            try (var in = Files.newInputStream(c)) { confidence = Confidence.read(in); }
        } else {
            confidence = Confidence.constant(0.5);
        }
        return new ExtractionModels(lexicon, title, abs, pos, edges, words, confidence);
    }

    public static final String LEXICON = "lexicon.tsv";
    /**
     * The abstract tagger leaves out features whose largest weight is below this: trained on SciREX's papers too it
     * has ten times the features, and its table outgrows the cache (6 kept 0.86 MB and the tune-part F1 of all its
     * features, and cost 10 us per abstract where all of them cost 60).
     */
    static final float ABSTRACT_MIN_WEIGHT = 6f;

    /**
     * Builds every model from {@code shared} into {@code outDir}: the lexicon, the title tagger (ORKG CS-NER train
     * titles), the abstract tagger (SciERC train and the SciREX papers), the one-word statistics, the part-of-speech
     * tagger (SciREX sentences labelled by OpenNLP), the span edges, and last the confidence model, fitted on the tune
     * parts of the dev sets with the models just built. Each step reads its own sources; the train splits make the
     * models, the dev tune parts only the confidence model. Deterministic. Returns a line per step.
     */
    public static Map<String, String> build(Path shared, Path outDir) throws IOException { return build(shared, outDir, TrainingData.ALL); }

    /**
     * As {@link #build(Path, Path)}, learning only from the sources {@code data} allows. Without the research data
     * (ORKG CS-NER, SciERC, Papers with Code) SciREX stands in where they were read: it trains the title tagger too,
     * its annotations give the word statistics, and the confidence model is fitted on its opening sentences.
     */
    public static Map<String, String> build(Path shared, Path outDir, TrainingData data) throws IOException {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("sources", data.describe());
        Files.createDirectories(outDir);
        Path lexFile = outDir.resolve(LEXICON);
        report.put("lexicon", new LexiconBuilder(shared, data).build(lexFile).toString());
        Lexicon lexicon;
        try (var in = Files.newInputStream(lexFile)) { lexicon = Lexicon.read(in); }

        // SciERC and SciREX: their Method, Task and Metric conventions agree, and SciREX's 306 papers (Apache-2.0)
        // bring 20 times SciERC's names. The ORKG abstracts are out: their method and problem spans follow other
        // guidelines (adding them cost 0.24 partial F1 on SciERC Method).
        List<GoldDoc> abstracts = new ArrayList<>();
        if (data.allows(TrainingData.Source.SCIERC)) abstracts.addAll(GoldSets.scierc(shared.resolve("data/scierc/raw/train.json"), GoldSets.SCIERC));
        int scierc = abstracts.size();
        abstracts.addAll(GoldSets.scirex(shared.resolve("data/scirex/train_docs"), GoldSets.SCIREX));

        if (data.allows(TrainingData.Source.ORKG_CS_NER)) {
            List<GoldDoc> titles = GoldSets.orkg(shared.resolve("data/orkg-cs-ner/full dataset/train.data"), GoldSets.ORKG);
            write(TaggerTrainer.train(titles, lexicon, false, EPOCHS), outDir.resolve(TITLE_MODEL));
            report.put("title tagger", titles.size() + " titles");
        } else {
            write(TaggerTrainer.train(abstracts, lexicon, false, EPOCHS, ABSTRACT_MIN_WEIGHT), outDir.resolve(TITLE_MODEL));
            report.put("title tagger", abstracts.size() + " SciREX sentences (no annotated titles without research data)");
        }

        PerceptronTagger abs = TaggerTrainer.train(abstracts, lexicon, true, EPOCHS, ABSTRACT_MIN_WEIGHT);
        write(abs, outDir.resolve(ABSTRACT_MODEL));
        write(abs.pruned(FAST_MIN_WEIGHT), outDir.resolve(FAST_ABSTRACT_MODEL));
        report.put("abstract tagger", scierc + " SciERC abstracts, " + (abstracts.size() - scierc) + " SciREX sentences");
        report.put("ordinary words", OrdinaryWords.build(shared, outDir.resolve(OrdinaryWords.FILE), data) + " rows");
        report.put("part-of-speech tagger", PosTrainer.build(shared, outDir.resolve(PosTagger.FILE)));
        report.put("span edges", SpanEdges.build(edgeDocs(shared, data), abstracts, outDir.resolve(SpanEdges.FILE)) + " words");
        report.put("confidence", ConfidenceFit.build(shared, outDir, false, data));
        report.put("confidence (fast)", ConfidenceFit.build(shared, outDir, true, data));
        Path tableNames = outDir.resolve(TableNames.FILE);
        if (data.allows(TrainingData.Source.SOTA_LEADERBOARDS)) {
            report.put("table names", TableNamesBuilder.build(shared, tableNames).toString());
        } else {
            // The file is there, empty, so that a model folder always has the same files: tables are then read with
            // the lexicon's names only.
            Files.writeString(tableNames, "# no table names: built without research data (SOTA? annotations are CC BY-SA 4.0)\n");
            report.put("table names", "none (the SOTA? annotations are research data)");
        }
        for (String f : List.of(LEXICON, TITLE_MODEL, ABSTRACT_MODEL, FAST_ABSTRACT_MODEL, OrdinaryWords.FILE, PosTagger.FILE, SpanEdges.FILE,
                Confidence.FILE, FAST_CONFIDENCE, TableNames.FILE)) {
            report.put(f, Files.size(outDir.resolve(f)) + " bytes");
        }
        return report;
    }

    /**
     * Refits only the two confidence models in {@code outDir} from the other models there, as the last steps of
     * {@link #build(Path, Path, TrainingData)} do (about a minute instead of several): for a change to the finder's rules
     * that leaves the taggers as they are. The fit reads no confidence model, so this gives the same weights as a full
     * build with the same taggers.
     */
    public static Map<String, String> refitConfidence(Path shared, Path outDir, TrainingData data) throws IOException {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("sources", data.describe());
        report.put("confidence", ConfidenceFit.build(shared, outDir, false, data));
        report.put("confidence (fast)", ConfidenceFit.build(shared, outDir, true, data));
        return report;
    }

    /**
     * The annotated train text span edges are counted on: ORKG CS-NER train titles, SciERC train and the SciREX papers
     * (their conventions agree on where a name ends; ORKG's abstracts leave most names unannotated, so they are out).
     */
    static List<GoldDoc> edgeDocs(Path shared) throws IOException { return edgeDocs(shared, TrainingData.ALL); }

    /** As {@link #edgeDocs(Path)}, of the sources {@code data} allows. */
    static List<GoldDoc> edgeDocs(Path shared, TrainingData data) throws IOException {
        List<GoldDoc> docs = new ArrayList<>();
        if (data.allows(TrainingData.Source.ORKG_CS_NER)) {
            docs.addAll(GoldSets.orkg(shared.resolve("data/orkg-cs-ner/full dataset/train.data"), GoldSets.ORKG));
        }
        if (data.allows(TrainingData.Source.SCIERC)) docs.addAll(GoldSets.scierc(shared.resolve("data/scierc/raw/train.json"), GoldSets.SCIERC));
        docs.addAll(GoldSets.scirex(shared.resolve("data/scirex/train_docs"), GoldSets.SCIREX));
        return docs;
    }

    private static void write(PerceptronTagger t, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) { t.write(out); }
    }
}
