package org.papergraph.extract;

import java.util.ArrayList;
import java.util.List;

import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.tagger.PerceptronTagger;
import org.papergraph.extract.tagger.TaggerTrainer;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.vocab.EntityType;

/**
 * Finds entity spans in a title or an abstract: the tagger's spans (which know context: "a new approach to X"),
 * plus lexicon hits the tagger missed (which know names: "CIFAR-100", "top-1 accuracy"). Returns character spans
 * with the sentence they lie in. Stateless over immutable models; safe from many threads.
 */
public final class EntityFinder {
    /** Which field a text is: titles and abstracts have their own tagger. */
    public enum Field { TITLE, ABSTRACT;
        public String label() { return this == TITLE ? "title" : "abstract"; }
    }

    /**
     * What produced a span; each source has its own measured precision (its confidence), and {@code papergraph eval
     * --by-source} measures them.
     */
    public enum Source { TAGGER, LEXICON, TITLE_DATASETS;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    /**
     * One found entity: [{@code start}, {@code end}) in the field, its type, a confidence in [0, 1], the lexicon
     * entry when the name is known, the sentence range it lies in, and the source that found it.
     */
    public record Found(int start, int end, EntityType type, double confidence, Lexicon.Entry entry,
                        int sentenceStart, int sentenceEnd, Source source) {}

    /**
     * Confidence of a span: the partial-match precision its source (lexicon or tagger, per field and type) measured
     * on the dev splits ({@code papergraph eval --by-source}, docs/EVALUATION.md), so a confidence is a calibrated
     * estimate of how often such a span is right, not a made-up score. Types with no gold in that field get 0.5.
     */
    static double confidence(Field field, EntityType type, boolean lexicon) {
        return CONFIDENCE[field.ordinal()][lexicon ? 1 : 0][type.ordinal()];
    }

    /** The confidence this finder gives a span of {@code type} that {@code source} found in {@code field}. */
    public static double confidence(Field field, Source source, EntityType type) {
        return source == Source.TITLE_DATASETS ? TITLE_DATASET_CONFIDENCE : confidence(field, type, source == Source.LEXICON);
    }

    /**
     * [field][tagger=0, lexicon=1][type: method, dataset, task, metric]: partial-match precision of each source's
     * spans on ORKG CS-NER dev titles (title) and SciERC dev (abstract), measured 2026-11-26 with
     * {@code papergraph eval --by-source}: re-measured after later changes to this finder (the ordinary-word filter
     * among them), which had moved e.g. the abstract lexicon's metrics from 0.32 to 0.75.
     * ConfidenceCalibrationTest fails when a measured cell with 5 or more spans no longer rounds to its value here.
     * 0.5 where nothing could be measured: no such type in the gold set (metrics in ORKG titles; datasets in SciERC,
     * whose Material type mixes datasets with any data), or no such span on the dev set (the title tagger's datasets,
     * which {@link #addTagged} drops; the lexicon's title datasets, left to the tagger; the abstract tagger's metrics).
     */
    private static final double[][][] CONFIDENCE = {
            {{0.68, 0.5, 0.64, 0.5}, {0.54, 0.5, 0.53, 0.5}},
            {{0.71, 0.5, 0.58, 0.5}, {0.86, 0.5, 0.37, 0.75}}};

    /**
     * Partial precision of {@link TitleDatasets} phrases on the ORKG CS-NER dev titles (26 of 41), 2026-11-26,
     * {@code papergraph eval --by-source}.
     */
    static final double TITLE_DATASET_CONFIDENCE = 0.63;

    private static void add(List<Found> here, boolean[] taken, List<Token> toks, Lexicon.Match m, Field field, int from, int to) {
        here.add(new Found(toks.get(m.from()).start(), toks.get(m.to() - 1).end(), m.entry().type(),
                confidence(field, m.entry().type(), true), m.entry(), from, to, Source.LEXICON));
        for (int i = m.from(); i < m.to(); i++) taken[i] = true;
    }

    private static final java.util.regex.Pattern METRIC_WORD = java.util.regex.Pattern.compile(
            "(?i).*\\b(?:accuracy|acc|error|rate|score|f1|f-1|f-measure|precision|recall|auc|map|ap|iou|miou|bleu|rouge|meteor|cider|"
            + "psnr|ssim|fid|perplexity|em|exact match|ndcg|mrr|hits|success|top-\\d|wer|cer|mae|rmse|mse|correlation|kappa|latency|"
            + "throughput|speed|flops|parameters|loss)\\b.*");
    private static final java.util.regex.Pattern NOT_A_NAME = java.util.regex.Pattern.compile(
            "(?i)^\\d|https?:|www\\.|github\\.com|\\.(?:com|org|io)\\b");

    /**
     * Rules that remove tagger output no reader would call a name: URLs, spans starting with a digit ("1.8x",
     * "292k"), and metrics without a metric word (the abstract tagger's metric spans measured 0.11 precision).
     */
    static boolean plausible(String surface, EntityType type) {
        // Each alternative of NOT_A_NAME needs a leading digit, a colon or a dot; most spans have none, and skip it.
        boolean suspect = !surface.isEmpty() && surface.charAt(0) >= '0' && surface.charAt(0) <= '9'
                || surface.indexOf(':') >= 0 || surface.indexOf('.') >= 0;
        if (suspect && NOT_A_NAME.matcher(surface).find()) return false;
        return type != EntityType.METRIC || METRIC_WORD.matcher(surface).matches();
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isLetter(s.charAt(i))) return true;
        return false;
    }

    private final ExtractionModels models;

    private final OrdinaryWords words;

    public EntityFinder(ExtractionModels models) { this(models, OrdinaryWords.shipped()); }

    EntityFinder(ExtractionModels models, OrdinaryWords words) {
        this.models = models;
        this.words = words;
    }

    /**
     * The last field each thread analysed: an ingest runs the entity and the result extractor one after the other
     * on the same record in the same thread, and the second reuses the first one's spans instead of tagging again.
     * Static because each extractor has its own finder; keyed by the models too, so finders over different models
     * never share spans. (Per instance, the result extractor re-tagged every abstract: 16% of extraction time.)
     */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /** Entity spans of {@code text}, in text order. The returned list must not be modified. */
    public List<Found> find(String text, Field field) {
        Object[] memo = LAST.get();
        if (memo != null && memo[0] == text && memo[1] == field && memo[3] == models) {
            @SuppressWarnings("unchecked") List<Found> cached = (List<Found>) memo[2];
            return cached;
        }
        List<Found> out = compute(text, field);
        LAST.set(new Object[] {text, field, out, models});
        return out;
    }

    private List<Found> compute(String text, Field field) {
        List<Found> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        if (field == Field.TITLE) {
            findIn(text, 0, text.length(), field, models.titleTagger(), out);
        } else {
            for (int[] s : Sentences.split(text)) findIn(text, s[0], s[1], field, models.abstractTagger(), out);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private void findIn(String text, int from, int to, Field field, PerceptronTagger tagger, List<Found> out) {
        List<Token> toks = Tokenizer.tokens(text, from, to);
        if (toks.isEmpty()) return;
        List<Lexicon.Match> hits = models.lexicon().match(toks);
        String[] lexTags = new String[toks.size()];
        for (Lexicon.Match m : hits) {
            for (int i = m.from(); i < m.to(); i++) lexTags[i] = (i == m.from() ? "B-" : "I-") + m.entry().type().name();
        }
        // Known dataset and metric names ("CIFAR-100", "top-1 accuracy") win over the tagger's reading of the same
        // tokens; for methods and tasks the tagger, which sees context, wins, and the lexicon fills its gaps. This
        // order scored best on the dev splits (docs/EVALUATION.md).
        boolean[] taken = new boolean[toks.size()];
        List<Found> here = new ArrayList<>();
        for (Lexicon.Match m : hits) {
            EntityType t = m.entry().type();
            // In titles a dataset is what the paper introduces ("A Corpus of ..."); a benchmark a title names in
            // passing is left to the tagger, which sees the lexicon hit as a feature (ORKG CS-NER convention).
            if (t == EntityType.METRIC || (t != EntityType.TASK && field == Field.ABSTRACT)) add(here, taken, toks, m, field, from, to);
        }
        // A title's own dataset ("MOROCO: The Moldavian and Romanian Dialectal Corpus") is found by a phrase rule
        // read off the ORKG train titles; it wins over the tagger, which learned too few datasets (882) to find them.
        if (field == Field.TITLE) {
            for (int[] r : TitleDatasets.find(toks)) {
                boolean free = true;
                for (int i = r[0]; i < r[1]; i++) free &= !taken[i];
                if (!free) continue;
                here.add(new Found(toks.get(r[0]).start(), toks.get(r[1] - 1).end(), EntityType.DATASET, TITLE_DATASET_CONFIDENCE, null, from, to, Source.TITLE_DATASETS));
                for (int i = r[0]; i < r[1]; i++) taken[i] = true;
            }
        }
        for (PerceptronTagger.Span s : tagger.tag(toks, lexTags)) {
            // A colon ends a name ("FlashRNN: Optimizing ..." is two things): a span across one is cut there.
            int pieceStart = s.from();
            for (int c = s.from(); c <= s.to(); c++) {
                if (c < s.to() && !toks.get(c).text().equals(":")) continue;
                addTagged(text, toks, pieceStart, c, s.type(), field, from, to, taken, here);
                pieceStart = c + 1;
            }
        }
        for (Lexicon.Match m : hits) {
            EntityType t = m.entry().type();
            if (t != EntityType.METHOD && t != EntityType.TASK) continue;
            boolean free = true;
            for (int i = m.from(); i < m.to(); i++) free &= !taken[i];
            if (free) add(here, taken, toks, m, field, from, to);
        }
        // One-word spans that the train splits show are almost never an entity alone ("learning", "Neural", "Data"
        // as a metric) are ordinary words, whichever source found them.
        here.removeIf(f -> ordinaryWord(text, f, toks));
        here.sort((x, y) -> Integer.compare(x.start(), y.start()));
        out.addAll(here);
    }

    private boolean ordinaryWord(String text, Found f, List<Token> toks) {
        // The tagger's one-word tasks saw their context ("... generation"); only the lexicon's context-free task hits
        // are judged by their word alone (the tagger's cost 0.011 F1 on SciERC dev Task when judged too).
        if (f.type() == EntityType.DATASET || (f.type() == EntityType.TASK && f.entry() == null)) return false;
        Token one = null;
        for (Token t : toks) {
            if (t.start() >= f.start() && t.end() <= f.end()) {
                if (one != null) return false;
                one = t;
            }
        }
        if (one == null || !words.ordinary(f.type(), one.key())) return false;
        return f.type() != EntityType.METRIC || !METRIC_WORD.matcher(one.text()).matches();
    }

    private static void addTagged(String text, List<Token> toks, int a, int b, EntityType type, Field field, int from, int to,
                                  boolean[] taken, List<Found> here) {
        // Trim punctuation the tagger let into the span edges.
        while (a < b && toks.get(a).isPunct()) a++;
        while (b > a && toks.get(b - 1).isPunct()) b--;
        if (a >= b || !hasLetter(text, toks.get(a).start(), toks.get(b - 1).end())) return;
        for (int i = a; i < b; i++) if (taken[i]) return;
        // A title's datasets come from the phrase rule alone: the title tagger's own dataset spans measured
        // partial precision 0.06 on the ORKG dev titles, and 0.23 even when they said "corpus" or "dataset".
        if (field == Field.TITLE && type == EntityType.DATASET) return;
        String surface = text.substring(toks.get(a).start(), toks.get(b - 1).end());
        if (!plausible(surface, type)) return;
        here.add(new Found(toks.get(a).start(), toks.get(b - 1).end(), type, confidence(field, type, false), null, from, to, Source.TAGGER));
        for (int i = a; i < b; i++) taken[i] = true;
    }

    /** Lexicon tags of tokens, as the tagger was trained with them. */
    static String[] lexiconTags(Lexicon lexicon, List<Token> toks) { return TaggerTrainer.lexiconTags(lexicon, toks); }
}
