package org.papergraph.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.eval.GoldSpan;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.vocab.EntityType;

/**
 * Which one-word spans are ordinary words rather than names, by train-split statistics: for each type and word,
 * how often the gold train splits annotate that word alone as an entity of that type ({@code alone}) against how
 * often the word occurs in texts whose gold set annotates that type at all ({@code occurrences}). "learning" occurs
 * 2,749 times and is a task alone 4 times, "Neural" 2,170 times and never a method alone, while "BERT" is a method
 * alone in 309 of 438 occurrences. A one-word method, task or metric span is dropped when its word occurred at least
 * {@link #MIN_OCCURRENCES} times and was the entity alone in fewer than {@link #THRESHOLD} of them.
 *
 * <p>Metrics get one more rule: the metric names in the lexicon come from benchmark-table column headers, which
 * include words such as "Data", "Time" or "VS"; a one-word metric is kept only when SciERC train annotates it alone as
 * a metric or it contains a metric word ({@link EntityFinder#plausible}).
 *
 * <p>Statistics ship as {@code /extract/ordinary-words.tsv} ({@code type TAB key TAB alone TAB occurrences}), written
 * by {@link #build} from the same train splits as the taggers (ORKG CS-NER train titles and train abstracts, SciERC
 * train); dev splits are never read. Immutable once loaded; safe to share.
 */
public final class OrdinaryWords {
    public static final String FILE = "ordinary-words.tsv";
    /** Fewer occurrences than this say nothing about a word. */
    static final int MIN_OCCURRENCES = 5;
    /** Largest alone/occurrences ratio of a word that is dropped: right alone less than 1 time in 50. */
    static final double THRESHOLD = 0.02;
    /**
     * The same for a one-word metric, which must be the name of a measurement: the train text annotates those alone
     * in a large share of their occurrences ("accuracy" 24 of 55, "precision" 7 of 12), an attribute rarely ("quality"
     * 2 of 27, "efficiency" 1 of 13). Dropped below 1 in 10.
     */
    static final double METRIC_THRESHOLD = 0.1;

    private record Stat(int alone, int occurrences) {}

    private final Map<String, Stat> stats;

    private OrdinaryWords(Map<String, Stat> stats) { this.stats = stats; }

    private static final class Holder {
        static final OrdinaryWords SHIPPED = load();

        private static OrdinaryWords load() {
            try (InputStream in = OrdinaryWords.class.getResourceAsStream("/extract/" + FILE)) {
                if (in == null) throw new IllegalStateException("missing resource /extract/" + FILE);
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The statistics shipped in the jar, loaded on first use. */
    public static OrdinaryWords shipped() { return Holder.SHIPPED; }

    static OrdinaryWords read(InputStream in) throws IOException {
        Map<String, Stat> stats = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            stats.put(f[0] + "\t" + f[1], new Stat(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return new OrdinaryWords(stats);
    }

    /** True when a one-word span {@code key} of {@code type} is an ordinary word by the train statistics. */
    public boolean ordinary(EntityType type, String key) {
        Stat s = stats.get(type.label() + "\t" + key);
        if (type == EntityType.METRIC && (s == null || s.alone() == 0)) return true;
        if (s == null || s.occurrences() < MIN_OCCURRENCES) return false;
        return s.alone() < (type == EntityType.METRIC ? METRIC_THRESHOLD : THRESHOLD) * s.occurrences();
    }

    /**
     * Counts, over the train splits, how often each word is an entity alone and how often it occurs, per type, and
     * writes the words a span filter can use: those common enough to be judged and rarely an entity alone, and every
     * word annotated alone as a metric. Returns the number of rows written.
     */
    public static int build(Path shared, Path out) throws IOException { return build(shared, out, TrainingData.ALL); }

    /** As {@link #build(Path, Path)}, from the sources {@code data} allows (SciREX stands in for SciERC without them). */
    public static int build(Path shared, Path out, TrainingData data) throws IOException {
        Path orkg = shared.resolve("data/orkg-cs-ner");
        Map<EntityType, Map<String, int[]>> counts = new HashMap<>();
        if (data.allows(TrainingData.Source.ORKG_CS_NER)) {
            count(GoldSets.orkg(orkg.resolve("full dataset/train.data"), GoldSets.ORKG),
                    EnumSet.of(EntityType.METHOD, EntityType.TASK, EntityType.DATASET), counts);
            for (String part : List.of("ftd", "ncg", "scierc")) {
                count(GoldSets.orkg(orkg.resolve(part + "/train-abs.data"), GoldSets.ORKG), EnumSet.of(EntityType.METHOD, EntityType.TASK), counts);
            }
        }
        if (data.allows(TrainingData.Source.SCIERC)) {
            count(GoldSets.scierc(shared.resolve("data/scierc/raw/train.json"), GoldSets.SCIERC),
                    EnumSet.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC), counts);
        } else {
            count(GoldSets.scirex(shared.resolve("data/scirex/train_docs"), GoldSets.SCIREX),
                    EnumSet.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC), counts);
        }
        List<String> rows = new ArrayList<>();
        for (EntityType t : List.of(EntityType.METHOD, EntityType.TASK, EntityType.METRIC)) {
            for (Map.Entry<String, int[]> e : new TreeMap<>(counts.getOrDefault(t, Map.of())).entrySet()) {
                int alone = e.getValue()[0], occ = e.getValue()[1];
                boolean judged = occ >= MIN_OCCURRENCES && alone < THRESHOLD * occ;
                if (judged || (t == EntityType.METRIC && alone > 0)) rows.add(t.label() + "\t" + e.getKey() + "\t" + alone + "\t" + occ);
            }
        }
        Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# papergraph one-word statistics: type TAB word key TAB times annotated alone as that type TAB occurrences,\n");
            w.write("# over ORKG CS-NER and SciERC train splits (words with ratio < " + THRESHOLD + " and >= " + MIN_OCCURRENCES
                    + " occurrences; all one-word metrics).\n# Generated by 'papergraph build-models'. Do not edit by hand.\n");
            for (String r : rows) w.write(r + "\n");
        }
        return rows.size();
    }

    private static void count(List<GoldDoc> docs, Set<EntityType> labelled, Map<EntityType, Map<String, int[]>> counts) {
        for (GoldDoc d : docs) {
            List<Token> toks = Tokenizer.tokens(d.text());
            for (EntityType t : labelled) {
                Map<String, int[]> m = counts.computeIfAbsent(t, k -> new HashMap<>());
                for (Token tok : toks) if (!tok.isPunct()) m.computeIfAbsent(tok.key(), k -> new int[2])[1]++;
            }
            for (GoldSpan s : d.spans()) {
                if (!labelled.contains(s.type())) continue;
                List<Token> in = Tokenizer.tokens(d.text(), s.start(), s.end());
                if (in.size() == 1 && !in.get(0).isPunct()) {
                    counts.computeIfAbsent(s.type(), k -> new HashMap<>()).computeIfAbsent(in.get(0).key(), k -> new int[2])[0]++;
                }
            }
        }
    }
}
