package org.papergraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    public enum Source { TAGGER, LEXICON, TITLE_DATASETS, REPEATED;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    /**
     * One found entity: [{@code start}, {@code end}) in the field, its type, a confidence in [0, 1], the lexicon
     * entry when the name is known, the sentence range it lies in, and the source that found it.
     */
    public record Found(int start, int end, EntityType type, double confidence, Lexicon.Entry entry,
                        int sentenceStart, int sentenceEnd, Source source, Confidence.Evidence evidence) {
        /** A span without recorded evidence (made by other finders from this one's spans). */
        public Found(int start, int end, EntityType type, double confidence, Lexicon.Entry entry, int sentenceStart, int sentenceEnd,
                     Source source) {
            this(start, end, type, confidence, entry, sentenceStart, sentenceEnd, source, null);
        }

        /** At least {@link Confidence#SHOWN}: shown by default. */
        public boolean shown() { return confidence >= Confidence.SHOWN; }
    }

    private static void add(Reading r, Lexicon.Match m) {
        int[] name = NounPhrases.name(r.text, r.sentence, m.from(), m.to(), false, r.taken);
        if (name == null) return;
        r.here.add(r.found(name, m.from(), m.to(), m.entry().type(), m.entry(), Source.LEXICON));
        for (int i = m.from(); i < m.to(); i++) r.taken[i] = true;
    }

    /** One sentence (or title) being read: what the sources found in it, and the spans kept so far. */
    private static final class Reading {
        final String text;
        final Field field;
        final int from, to;
        final NounPhrases.Sentence sentence;
        final List<Lexicon.Match> hits;
        final List<PerceptronTagger.Span> tagged;
        final float[] margins;
        final boolean[] taken;
        final List<Found> here = new ArrayList<>();
        Lexicon lexicon;

        Reading(String text, Field field, int from, int to, NounPhrases.Sentence sentence, List<Lexicon.Match> hits,
                List<PerceptronTagger.Span> tagged, float[] margins) {
            this.text = text;
            this.field = field;
            this.from = from;
            this.to = to;
            this.sentence = sentence;
            this.hits = hits;
            this.tagged = tagged;
            this.margins = margins;
            this.taken = new boolean[sentence.toks.size()];
        }

        /**
         * A found span: {@code name} as {@link NounPhrases#name} returns it, from the source's tokens [a, b); its
         * evidence is complete but for repetition in the field, and its confidence is set once the field is read.
         */
        Found found(int[] name, int a, int b, EntityType type, Lexicon.Entry entry, Source source) {
            List<Token> toks = sentence.toks;
            int from = name[2], to = name[3];
            float margin = Float.MAX_VALUE;
            if (source == Source.TAGGER) for (int i = a; i < b; i++) margin = Math.min(margin, margins[i]);
            boolean agrees = false, conflicts = false;
            if (source == Source.LEXICON) {
                for (PerceptronTagger.Span s : tagged) {
                    if (s.from() >= to || from >= s.to()) continue;
                    if (s.type() == type) agrees = true;
                    else conflicts = true;
                }
            } else {
                for (Lexicon.Match m : hits) {
                    if (m.from() >= to || from >= m.to()) continue;
                    if (m.entry().type() == type) agrees = true;
                    else conflicts = true;
                }
            }
            boolean coined = false, lower = true;
            for (int i = from; i < to; i++) {
                Token t = toks.get(i);
                coined |= sentence.coined(i);
                lower &= t.text().equals(t.lower());
            }
            // "Convolutional Neural Network (CNN)" defines a name, and "(CNN)" is its short form.
            boolean defined = to + 2 < toks.size() && toks.get(to).text().equals("(") && toks.get(to + 2).text().equals(")")
                    && sentence.coined(to + 1)
                    || from > 0 && to < toks.size() && toks.get(from - 1).text().equals("(") && toks.get(to).text().equals(")") && to - from == 1;
            boolean adjusted = from != a || to != b || name[1] != toks.get(to - 1).end();
            Confidence.Evidence e = new Confidence.Evidence(field, source, type, margin, agrees, conflicts, to - from,
                    to - from == 1 && lower && entry == null, coined, lower, defined, adjusted, 0, kindOfThing(from, to, coined, entry));
            return new Found(name[0], name[1], type, 0, entry, this.from, this.to, source, e);
        }

        /**
         * A phrase that names a kind of thing, not one thing ({@link #KIND_HEADS}, {@link #KIND_HEADS_SINGULAR},
         * {@link #BROAD}): "neural network models", "Machine Learning Methods", "predictive algorithms", and in the
         * singular "a technical method", "a deep learning model"; none of its words coined, the whole no known name. SciERC annotates many such phrases; a page listing what a paper uses is no place for them.
         */
        private boolean kindOfThing(int from, int to, boolean coined, Lexicon.Entry entry) {
            if (coined || entry != null || to - from < 2) return false;
            String head = sentence.toks.get(to - 1).lower();
            if (!KIND_HEADS.contains(head) && !KIND_HEADS_SINGULAR.contains(head)) return false;
            for (int i = from; i < to - 1; i++) {
                String w = sentence.toks.get(i).lower();
                if (!BROAD.contains(w) && !NounPhrases.EVALUATIVE.contains(w)) return false;
            }
            return true;
        }
    }

    /**
     * Heads of phrases that name a kind of method ("training methods", "neuronal systems"). Not "learning": "supervised
     * learning", "Deep Learning" are annotated names in SciERC and ORKG's titles (4 of 6 such tune spans right).
     */
    static final java.util.Set<String> KIND_HEADS = java.util.Set.of("methods", "models", "systems", "algorithms", "approaches",
            "techniques", "architectures", "networks", "frameworks", "tools", "strategies", "mechanisms");

    /**
     * {@link #KIND_HEADS} in the singular: "a technical method", "a computational framework" names a kind as much as
     * the plural does (ADR 0027 addendum; on the tune parts SciERC 0.760 -> 0.753, ORKG titles 0.697 -> 0.695, ORKG
     * abstracts 0.343 -> 0.345).
     */
    static final java.util.Set<String> KIND_HEADS_SINGULAR = java.util.Set.of("method", "model", "system", "algorithm", "approach",
            "technique", "architecture", "network", "framework", "tool", "strategy", "mechanism");

    /**
     * Words that say which field or broad family a method belongs to, not which method it is: a phrase of these (and
     * evaluative words) before a {@link #KIND_HEADS} head names a kind of thing. Words of the field, not of any text.
     */
    static final java.util.Set<String> BROAD = java.util.Set.of("machine", "learning", "deep", "neural", "network", "neuronal",
            "training", "predictive", "statistical", "computational", "probabilistic", "artificial", "intelligence", "ai", "ml",
            "data-driven", "learning-based", "joint", "supervised", "unsupervised", "semi-supervised", "self-supervised",
            "automatic", "automated", "intelligent", "classical", "heuristic", "numerical", "mathematical", "generative",
            "discriminative", "optimization", "inference", "algorithmic", "technical", "theoretical", "practical", "analytical");

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

    public EntityFinder(ExtractionModels models) { this(models, models.ordinaryWords()); }

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

    /**
     * The spans of a paper's title and abstract (in that order), one type per name across the two: a name the title
     * reads as a task and the abstract as a method ("Continual Learning" / "continual learning") takes one type by the
     * rule of {@link #oneTypePerName} over both fields. A later {@link #find} of the same abstract returns its spans
     * as given here.
     */
    public List<List<Found>> findPaper(String title, String abstractText) {
        List<Found> t = new ArrayList<>(find(title, Field.TITLE)), a = new ArrayList<>(find(abstractText, Field.ABSTRACT));
        List<Found> all = new ArrayList<>(t);
        all.addAll(a);
        String[] key = new String[all.size()];
        boolean mixed = false;
        java.util.Map<String, EntityType> seen = new java.util.HashMap<>();
        for (int i = 0; i < key.length; i++) {
            Found f = all.get(i);
            String k = Tokenizer.key((i < t.size() ? title : abstractText).substring(f.start(), f.end()));
            key[i] = f.type().ordinal() + k;
            EntityType before = seen.putIfAbsent(k, f.type());
            mixed |= before != null && before != f.type();
        }
        if (!mixed) return List.of(t, a);
        oneTypePerName(null, key, all);
        List<Found> t2 = java.util.Collections.unmodifiableList(new ArrayList<>(all.subList(0, t.size())));
        List<Found> a2 = java.util.Collections.unmodifiableList(new ArrayList<>(all.subList(t.size(), all.size())));
        if (abstractText != null) LAST.set(new Object[] {abstractText, Field.ABSTRACT, a2, models});
        return List.of(t2, a2);
    }

    private List<Found> compute(String text, Field field) {
        List<Found> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        List<Reading> read = new ArrayList<>();
        if (field == Field.TITLE) {
            read.add(findIn(text, 0, text.length(), field, models.titleTagger(), out));
        } else {
            for (int[] s : Sentences.split(text)) read.add(findIn(text, s[0], s[1], field, models.abstractTagger(), out));
        }
        repeated(text, read, out);
        // How often a name recurs in the field is evidence too; then each span gets its confidence.
        java.util.Map<String, Integer> keys = new java.util.HashMap<>();
        String[] key = new String[out.size()];
        for (int i = 0; i < key.length; i++) {
            Found f = out.get(i);
            key[i] = f.type().ordinal() + Tokenizer.key(text.substring(f.start(), f.end()));
            keys.merge(key[i], 1, Integer::sum);
        }
        for (int i = 0; i < out.size(); i++) {
            Found f = out.get(i);
            Confidence.Evidence e = f.evidence();
            int repeats = keys.get(key[i]) - 1;
            if (repeats > 0) {
                e = e.withRepeats(repeats);
            }
            out.set(i, new Found(f.start(), f.end(), f.type(), models.confidence().of(e), f.entry(), f.sentenceStart(), f.sentenceEnd(),
                    f.source(), e));
        }
        oneTypePerName(text, key, out);
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * One name is one kind of thing in one field: when the spans of one name (same key) were given different types
     * ("continual learning" a method in one sentence and a task in the next), all take the type of a known name among
     * them, else the type most of them have, else that of the span the tagger chose most clearly (its margin), else the
     * first; their confidence is that of their evidence under that type. The choice reads no confidence: were it the
     * most confident span's (as before), the spans the confidence model is fitted on would depend on the model in use,
     * and {@code build-models}, which fits with the previous model, could not be reproduced from the shipped one.
     * {@code key}: each span's type ordinal and key, as {@link #compute} made them.
     */
    private void oneTypePerName(String text, String[] key, List<Found> out) {
        java.util.Map<String, Found> best = null;
        java.util.Map<String, Integer> votes = new java.util.HashMap<>();
        for (String k : key) votes.merge(k, 1, Integer::sum);
        for (int i = 0; i < out.size(); i++) {
            Found f = out.get(i);
            String name = key[i].substring(1);
            if (best == null) best = new java.util.HashMap<>();
            Found b = best.get(name);
            boolean known = f.source() == Source.LEXICON, bKnown = b != null && b.source() == Source.LEXICON;
            if (b == null || known && !bKnown) {
                best.put(name, f);
                continue;
            }
            if (known != bKnown) continue;
            int fv = votes.get(key[i]), bv = votes.get(b.type().ordinal() + name);
            if (fv > bv || fv == bv && margin(f) > margin(b)) best.put(name, f);
        }
        if (best == null) return;
        for (int i = 0; i < out.size(); i++) {
            Found f = out.get(i);
            Found b = best.get(key[i].substring(1));
            if (b.type() == f.type() || f.source() == Source.LEXICON) continue;
            Confidence.Evidence e = f.evidence();
            e = e.withType(b.type());
            out.set(i, new Found(f.start(), f.end(), b.type(), models.confidence().of(e), f.entry(), f.sentenceStart(), f.sentenceEnd(),
                    f.source(), e));
        }
    }

    /** The tagger's margin for a tagger span; other sources rank below every tagger span here. */
    private static float margin(Found f) {
        return f.source() == Source.TAGGER && f.evidence() != null ? f.evidence().margin() : -1f;
    }

    /**
     * Names found once are names wherever they recur in the field: a coined name the sources found ("LLaMA"), or the
     * name before a generic head ("Mamba" of "Mamba architectures"), is found again where it stands alone and no
     * span covers it (a tagger reads each sentence apart and misses some: "Mamba offers benefits ..."). Such spans are
     * {@link Source#REPEATED}; their confidence is fitted like the others'.
     */
    private void repeated(String text, List<Reading> read, List<Found> out) {
        java.util.Map<String, EntityType> names = new java.util.HashMap<>();
        for (Reading r : read) {
            if (r == null) continue;
            for (Found f : r.here) {
                if (f.type() != EntityType.METHOD && f.type() != EntityType.DATASET) continue;
                int a = -1, b = -1;
                for (int i = 0; i < r.sentence.toks.size(); i++) {
                    Token t = r.sentence.toks.get(i);
                    if (t.start() >= f.start() && t.end() <= f.end()) {
                        if (a < 0) a = i;
                        b = i + 1;
                    }
                }
                if (a < 0) continue;
                boolean headed = b - a == 2 && NounPhrases.GENERIC_HEADS.contains(r.sentence.toks.get(a + 1).lower());
                if ((b - a == 1 || headed) && NounPhrases.aName(r.sentence, a)) names.putIfAbsent(r.sentence.toks.get(a).text(), f.type());
            }
        }
        if (names.isEmpty()) return;
        for (Reading r : read) {
            if (r == null) continue;
            List<Token> toks = r.sentence.toks;
            for (int i = 0; i < toks.size(); i++) {
                EntityType type = names.get(toks.get(i).text());
                if (type == null || r.taken[i]) continue;
                Token t = toks.get(i);
                boolean free = true;
                for (Found f : r.here) free &= f.end() <= t.start() || f.start() >= t.end();
                if (!free) continue;
                Found f = r.found(new int[] {t.start(), t.end(), i, i + 1}, i, i + 1, type, null, Source.REPEATED);
                r.here.add(f);
                out.add(f);
                r.taken[i] = true;
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    private Reading findIn(String text, int from, int to, Field field, PerceptronTagger tagger, List<Found> out) {
        List<Token> toks = Tokenizer.tokens(text, from, to);
        if (toks.isEmpty()) return null;
        NounPhrases.Sentence sentence = new NounPhrases.Sentence(toks, models.pos(), models.edges());
        List<Lexicon.Match> hits = models.lexicon().match(toks);
        String[] lexTags = new String[toks.size()];
        for (Lexicon.Match m : hits) {
            for (int i = m.from(); i < m.to(); i++) lexTags[i] = (i == m.from() ? "B-" : "I-") + m.entry().type().name();
        }
        float[] margins = new float[toks.size()];
        Reading r = new Reading(text, field, from, to, sentence, hits, tagger.tag(toks, lexTags, margins), margins);
        r.lexicon = models.lexicon();
        boolean[] taken = r.taken;
        List<Found> here = r.here;
        // Known dataset and metric names ("CIFAR-100", "top-1 accuracy") win over the tagger's reading of the same
        // tokens; for methods and tasks the tagger, which sees context, wins, and the lexicon fills its gaps. This
        // order scored best on the dev splits (docs/EVALUATION.md).
        for (Lexicon.Match m : hits) {
            EntityType t = m.entry().type();
            // In titles a dataset is what the paper introduces ("A Corpus of ..."); a benchmark a title names in
            // passing is left to the tagger, which sees the lexicon hit as a feature (ORKG CS-NER convention).
            if (t == EntityType.METRIC || (t != EntityType.TASK && field == Field.ABSTRACT)) add(r, m);
        }
        // A title's own dataset ("MOROCO: The Moldavian and Romanian Dialectal Corpus") is found by a phrase rule
        // read off the ORKG train titles; it wins over the tagger, which learned too few datasets (882) to find them.
        if (field == Field.TITLE) {
            for (int[] d : TitleDatasets.find(toks)) {
                boolean free = true;
                for (int i = d[0]; i < d[1]; i++) free &= !taken[i];
                if (!free) continue;
                // The phrase keeps its article for the title convention; the mention reads without it.
                int first = d[0] + 1 < d[1] && sentence.known(d[0]) == org.papergraph.extract.tagger.PosTagger.Pos.DET ? d[0] + 1 : d[0];
                here.add(r.found(new int[] {toks.get(first).start(), toks.get(d[1] - 1).end(), first, d[1]}, first, d[1], EntityType.DATASET,
                        null, Source.TITLE_DATASETS));
                for (int i = d[0]; i < d[1]; i++) taken[i] = true;
            }
        }
        for (PerceptronTagger.Span s : r.tagged) {
            // A colon ends a name ("FlashRNN: Optimizing ..." is two things): a span across one is cut there.
            int pieceStart = s.from();
            for (int c = s.from(); c <= s.to(); c++) {
                if (c < s.to() && !toks.get(c).text().equals(":")) continue;
                addTagged(r, pieceStart, c, s.type());
                pieceStart = c + 1;
            }
        }
        for (Lexicon.Match m : hits) {
            EntityType t = m.entry().type();
            if (t != EntityType.METHOD && t != EntityType.TASK) continue;
            boolean free = true;
            for (int i = m.from(); i < m.to(); i++) free &= !taken[i];
            if (free) add(r, m);
        }
        // One-word spans that the train splits show are almost never an entity alone ("learning", "Neural", "Data"
        // as a metric) are ordinary words, whichever source found them.
        here.removeIf(f -> ordinaryWord(text, f, toks));
        here.sort((x, y) -> Integer.compare(x.start(), y.start()));
        out.addAll(here);
        return r;
    }

    private boolean ordinaryWord(String text, Found f, List<Token> toks) {
        // The tagger's one-word tasks are judged too: "inference", "analysis" or "training" alone name an activity,
        // not a task (on the tune parts: +0.005 partial F1 on ORKG titles and abstracts, -0.009 on SciERC, whose gold
        // marks such words, at the same precision).
        if (f.type() == EntityType.DATASET) return false;
        Token one = null;
        for (Token t : toks) {
            if (t.start() >= f.start() && t.end() <= f.end()) {
                if (one != null) return false;
                one = t;
            }
        }
        // A task of two letters is a listed acronym written as listed ("IR"), whichever source found it ("Si" is not "SI").
        if (one != null && f.type() == EntityType.TASK && one.text().length() <= 2) return oneWordTask(models.lexicon(), one.text()) == null;
        if (one == null || !words.ordinary(f.type(), one.key())) return false;
        return f.type() != EntityType.METRIC || !METRIC_WORD.matcher(one.text()).matches();
    }

    private static void addTagged(Reading r, int a, int b, EntityType type) {
        List<Token> toks = r.sentence.toks;
        String text = r.text;
        boolean[] taken = r.taken;
        // Trim punctuation the tagger let into the span edges.
        while (a < b && toks.get(a).isPunct()) a++;
        while (b > a && toks.get(b - 1).isPunct()) b--;
        if (a >= b || !hasLetter(text, toks.get(a).start(), toks.get(b - 1).end())) return;
        for (int i = a; i < b; i++) if (taken[i]) return;
        // A title's datasets come from the phrase rule alone: the title tagger's own dataset spans measured
        // partial precision 0.06 on the ORKG dev titles, and 0.23 even when they said "corpus" or "dataset".
        if (r.field == Field.TITLE && type == EntityType.DATASET) return;
        // A method is a thing, not an act: "Adding Gradient Noise" names "Gradient Noise" (tasks in -ing are tasks:
        // "recognizing textual entailment").
        if (type == EntityType.METHOD && NounPhrases.gerundFirst(r.sentence, a, b)) a++;
        int[] name = NounPhrases.name(text, r.sentence, a, b, true, taken);
        if (name == null) return;
        // Names of two or more words are typed by their head when the tagger's type is one the head almost never has
        // ("ranking models" is a method, "claim verification" a task). A title's datasets stay the phrase rule's.
        if (name[3] - name[2] >= 2) {
            EntityType usual = r.sentence.edges.usualType(SpanEdges.head(toks, name[2], name[3]), type);
            if (usual != null && !(usual == EntityType.DATASET && r.field == Field.TITLE)) type = usual;
        }
        String surface = text.substring(name[0], name[1]);
        // The words a known dataset's short name stands for name that dataset ("Microsoft COCO: Common Objects in
        // Context", "... Dataset (SQuAD)"), whatever type the tagger gave them.
        // A head that names an activity keeps the tagger's type: "Human Activity Recognition (HAR)" is the task,
        // whatever the lexicon's HAR is.
        if (type != EntityType.DATASET && name[3] - name[2] >= 2 && spellsOutDataset(text, toks, r.hits, name[2], name[3])
                && !ACTIVITY.matcher(String.valueOf(SpanEdges.head(toks, name[2], name[3]))).matches()) {
            type = EntityType.DATASET;
        }
        if (type == EntityType.TASK && name[3] - name[2] == 1) {
            EntityType usual = oneWordTask(r.lexicon, surface);
            if (usual == null) return;
            // A title's datasets stay the phrase rule's (ORKG CS-NER convention).
            if (!(usual == EntityType.DATASET && r.field == Field.TITLE)) type = usual;
        }
        if (!plausible(surface, type)) return;
        for (int i = name[2]; i < name[3]; i++) if (taken[i]) return;
        // A span of an abstract that crosses the edge of a known name, neither holding it nor inside it, has one edge
        // wrong: the known name's edges win ("posterior inference" of "makes posterior inference cheap", not "inference
        // cheap"). Not in titles, whose gold names are longer phrases than the lexicon's (-0.003 partial F1 on the
        // ORKG title tune part; abstracts and SciERC unchanged).
        if (r.field == Field.ABSTRACT && crossesKnown(r.hits, name[2], name[3])) return;
        r.here.add(r.found(name, a, b, type, null, Source.TAGGER));
        for (int i = Math.min(a, name[2]); i < Math.max(b, name[3]); i++) taken[i] = true;
    }

    /**
     * True when the tokens [from, to) spell out a known dataset's short name written next to them, after it and a
     * colon ("COCO: Common Objects in Context") or in brackets after them ("Common Objects in Context (COCO)"): the
     * phrase starts with the short name's first letter and holds its letters in order ({@link TitleDatasets#abbreviates}).
     */
    static boolean spellsOutDataset(String text, List<Token> toks, List<Lexicon.Match> hits, int from, int to) {
        for (Lexicon.Match m : hits) {
            if (m.entry().type() != EntityType.DATASET) continue;
            // Short names of one or two letters are too ambiguous ("MR").
            if (m.to() - m.from() == 1 && toks.get(m.from()).text().length() < 3) continue;
            boolean before = m.to() + 1 == from && toks.get(m.to()).text().equals(":");
            boolean after = m.from() == to + 1 && toks.get(to).text().equals("(") && m.to() < toks.size() && toks.get(m.to()).text().equals(")");
            if (!before && !after) continue;
            // The short name is the match's last word ("Microsoft COCO": "COCO").
            String shortName = toks.get(m.to() - 1).text();
            String phrase = text.substring(toks.get(from).start(), toks.get(to - 1).end());
            if (shortName.length() >= 2 && Character.toLowerCase(phrase.charAt(0)) == Character.toLowerCase(shortName.charAt(0))
                    && TitleDatasets.abbreviates(shortName, phrase)) return true;
        }
        return false;
    }

    /** True when a lexicon match of two or more tokens overlaps [from, to) without holding it or lying inside it. */
    static boolean crossesKnown(List<Lexicon.Match> hits, int from, int to) {
        for (Lexicon.Match m : hits) {
            if (m.to() - m.from() < 2 || m.to() <= from || m.from() >= to) continue;
            boolean holds = m.from() <= from && m.to() >= to, inside = m.from() >= from && m.to() <= to;
            if (!holds && !inside) return true;
        }
        return false;
    }

    /** Action-noun endings: a task is something done ("retrieval", "segmentation", "alignment", "inference"). */
    private static final java.util.regex.Pattern ACTIVITY = java.util.regex.Pattern.compile(
            "(?i).*(?:tion|sion|ment|al|ance|ence|sis|ure)");

    /**
     * The type of the tagger's one-word task {@code word}, or null when it names no task. A name the lexicon lists
     * keeps its listed type, and a coined word that begins listed names of one type ("DETR" of "DETR-R101", "ILSVRC"
     * of "ILSVRC 2015"), or is one in the plural ("NeRFs"), or ends in one ("GFM-RAG"), takes that type when it is
     * a method or dataset. Otherwise a task is something done: a word of one or two characters that is not a listed
     * acronym in capitals ("IR"; not "Si", "3D"), an adjective in "non-" ("non-ML") or a phrase joined by hyphens around a function word
     * ("out-of-the-box", "case-by-case"; "text-to-image" is a task) is none, and a lower-case word must be an action
     * noun ("retrieval", "segmentation"), not a thing, number or verb form ("people", "trillion", "translating").
     */
    static EntityType oneWordTask(Lexicon lexicon, String word) {
        if (word.length() <= 2) {
            Lexicon.Entry e = lexicon.lookup(word);
            boolean listed = e != null && (e.canonical().equals(word) || e.variants().contains(word));
            return listed && word.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? e.type() : null;
        }
        boolean coined = false;
        for (int i = 1; i < word.length(); i++) coined |= Character.isUpperCase(word.charAt(i)) || Character.isDigit(word.charAt(i));
        Lexicon.Entry known = lexicon.lookup(word);
        if (known != null && (known.type() == EntityType.TASK || coined)) return known.type() == EntityType.METRIC ? EntityType.TASK : known.type();
        if (coined) {
            String[] parts = word.split("-");
            EntityType t = lexicon.stemType(word);
            if (t == null) t = lexicon.stemType(parts[0]);
            if (t == null && word.endsWith("s") && lexicon.lookup(word.substring(0, word.length() - 1)) != null) {
                t = lexicon.lookup(word.substring(0, word.length() - 1)).type();
            }
            if (t == null && parts.length > 1 && lexicon.lookup(parts[parts.length - 1]) != null) {
                t = lexicon.lookup(parts[parts.length - 1]).type();
            }
            if (t == EntityType.METHOD || t == EntityType.DATASET) return t;
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("non-")) return null;
        String[] parts = lower.split("-");
        for (int i = 1; i + 1 < parts.length; i++) {
            if (!parts[i].equals("to") && FUNCTION_WORDS.contains(parts[i])) return null;
        }
        if (Character.isUpperCase(word.charAt(0)) || coined) return EntityType.TASK;
        String last = lower.substring(Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('/')) + 1);
        return ACTIVITY.matcher(last).matches() || parts.length > 2 && parts[parts.length - 2].equals("to") ? EntityType.TASK : null;
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "a", "an", "by", "and", "or", "in", "on", "at",
            "for", "with", "from", "as", "up", "out");

    /** Lexicon tags of tokens, as the tagger was trained with them. */
    static String[] lexiconTags(Lexicon lexicon, List<Token> toks) { return TaggerTrainer.lexiconTags(lexicon, toks); }
}
