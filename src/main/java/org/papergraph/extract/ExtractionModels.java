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
import org.papergraph.extract.tagger.PerceptronTagger;
import org.papergraph.extract.tagger.TaggerTrainer;

/**
 * The lexicon and the two taggers the entity extractor uses, shipped as resources under {@code /extract/} and
 * loaded once per JVM ({@link #shipped()}), and the reproducible build that makes them from {@code ../shared/data}
 * ({@link #build}). Immutable; safe to share.
 *
 * <p>Training data: titles from ORKG CS-NER {@code full dataset/train.data}; abstracts from SciERC {@code train.json}.
 * Table names come from the SOTA? train annotations (see {@link org.papergraph.extract.table.TableNamesBuilder}).
 * Dev splits are never read here.
 */
public record ExtractionModels(Lexicon lexicon, PerceptronTagger titleTagger, PerceptronTagger abstractTagger) {
    public static final String TITLE_MODEL = "title-tagger.bin.gz";
    public static final String ABSTRACT_MODEL = "abstract-tagger.bin.gz";
    /** Passes over the training data; chosen on the dev splits (more overfit, fewer underfit). */
    static final int EPOCHS = 8;

    private static final class Holder {
        static final ExtractionModels SHIPPED = new ExtractionModels(Lexicon.shipped(),
                PerceptronTagger.resource("/extract/" + TITLE_MODEL), PerceptronTagger.resource("/extract/" + ABSTRACT_MODEL));
    }

    /** The models in the jar, loaded on first use. */
    public static ExtractionModels shipped() { return Holder.SHIPPED; }

    /** Builds the lexicon and trains both taggers from {@code shared}, writing the files into {@code outDir}. */
    public static Map<String, String> build(Path shared, Path outDir) throws IOException {
        Map<String, String> report = new LinkedHashMap<>();
        Files.createDirectories(outDir);
        Path lexFile = outDir.resolve("lexicon.tsv");
        report.put("lexicon", new LexiconBuilder(shared).build(lexFile).toString());
        Lexicon lexicon;
        try (var in = Files.newInputStream(lexFile)) { lexicon = Lexicon.read(in); }

        Path orkg = shared.resolve("data/orkg-cs-ner");
        List<GoldDoc> titles = GoldSets.orkg(orkg.resolve("full dataset/train.data"), GoldSets.ORKG);
        write(TaggerTrainer.train(titles, lexicon, false, EPOCHS), outDir.resolve(TITLE_MODEL));
        report.put("title tagger", titles.size() + " titles");

        // SciERC alone: adding the ORKG abstracts (whose method and problem spans follow other guidelines) cost
        // 0.24 partial F1 on SciERC Method and gained 0.1 on ORKG abstracts, the set with no target.
        List<GoldDoc> abstracts = new ArrayList<>(GoldSets.scierc(shared.resolve("data/scierc/raw/train.json"), GoldSets.SCIERC));
        write(TaggerTrainer.train(abstracts, lexicon, true, EPOCHS), outDir.resolve(ABSTRACT_MODEL));
        report.put("abstract tagger", abstracts.size() + " abstracts");
        report.put("ordinary words", OrdinaryWords.build(shared, outDir.resolve(OrdinaryWords.FILE)) + " rows");
        report.put("table names", org.papergraph.extract.table.TableNamesBuilder.build(shared,
                outDir.resolve(org.papergraph.extract.table.TableNames.FILE)).toString());
        for (String f : List.of("lexicon.tsv", TITLE_MODEL, ABSTRACT_MODEL, OrdinaryWords.FILE, org.papergraph.extract.table.TableNames.FILE)) {
            report.put(f, Files.size(outDir.resolve(f)) + " bytes");
        }
        return report;
    }

    private static void write(PerceptronTagger t, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) { t.write(out); }
    }
}
