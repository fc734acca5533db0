package org.papergraph.extract;

import java.util.List;
import java.util.Set;

import org.papergraph.extract.tagger.PosTagger;
import org.papergraph.extract.tagger.PosTagger.Pos;
import org.papergraph.extract.text.Token;

/**
 * Makes a candidate span a name or drops it. A method, dataset, task or metric is a noun phrase: it neither starts
 * nor ends in a function word (determiner, preposition, conjunction, pronoun, auxiliary) or an adverb ("Attention
 * Is", "GPU and", "attention alone"), holds no clause verb ("LLaMA is", "Mamba offers benefits"), does not end in a
 * word names almost never end in (a fragment: "Deep Convolutional Neural", completed by the noun after it when there
 * is one), is not a generic head with nothing but evaluative words before it ("our approach", "A Comparative
 * Study"), not a symbol of a formula ("Du" in "y = Cx + Du"), not one letter, not an organisation or venue
 * ("Amazon", "ICLR"; "Google's" in front of a name) and not an author cited "et al.".
 *
 * <p>Function words come from {@link PosTagger} (its word lists answer most questions; the classifier is asked
 * about ambiguous words only, lazily, once per token in {@link Sentence}); where names end and what never belongs to
 * one comes from {@link SpanEdges}. These are general rules of English noun phrases, not lists of bad outputs
 * (docs/adr/0018-noun-phrase-spans-and-calibrated-confidence.md). Stateless; safe from many threads.
 */
final class NounPhrases {
    private NounPhrases() {}

    /** One sentence (or title) being read: its tokens and the part-of-speech tags asked for so far. */
    static final class Sentence {
        final List<Token> toks;
        final boolean title;
        final SpanEdges edges;
        private final PosTagger pos;
        private final Pos[] tags;

        /** Written in capitals ("NEURAL MACHINE TRANSLATION BY JOINTLY LEARNING"): capitals mark no names there. */
        final boolean capitals;

        Sentence(List<Token> toks, PosTagger pos, SpanEdges edges) {
            this.toks = toks;
            this.pos = pos;
            this.edges = edges;
            this.title = PosTagger.titleCase(toks);
            this.tags = new Pos[toks.size()];
            int words = 0, upper = 0;
            for (Token t : toks) {
                String w = t.text();
                if (w.length() < 3 || !Character.isUpperCase(w.charAt(0)) && !Character.isLowerCase(w.charAt(0))) continue;
                words++;
                boolean caps = true;
                for (int k = 0; k < w.length() && caps; k++) caps = !Character.isLowerCase(w.charAt(k));
                if (caps) upper++;
            }
            this.capitals = words >= 3 && upper * 10 >= words * 7;
        }

        /**
         * True when token {@code i} looks like a coined name ({@link NounPhrases#nameLike}) in this sentence: in a
         * sentence written in capitals only digits or lower-case letters inside a word say so, and a function word
         * in capitals ("AND", "TO") is none.
         */
        boolean coined(int i) {
            Token t = toks.get(i);
            if (!nameLike(t)) return false;
            if (knownClosed(i)) return false;
            if (!capitals) return true;
            String s = t.text();
            for (int k = 0; k < s.length(); k++) if (Character.isDigit(s.charAt(k)) || Character.isLowerCase(s.charAt(k))) return true;
            return false;
        }

        /** The part of speech of token {@code i} by the tagger's classifier (asked once, then kept). */
        Pos tag(int i) {
            Pos p = tags[i];
            if (p == null) tags[i] = p = pos.tag(toks, i, title);
            return p;
        }

        /**
         * The closed-class tag of token {@code i} (determiner, preposition, auxiliary ...), or null for an open-class
         * word. Cheap: punctuation and the words the labelled text almost always gave one tag need no classifier, and
         * a word never seen with a closed-class tag is open whatever its context; only the ambiguous function words
         * ("that", "as", "can") are classified.
         */
        Pos closedTag(int i) {
            Token t = toks.get(i);
            if (t.isPunct()) return Pos.PUNCT;
            Pos k = pos.known(t.lower());
            if (k != null) return closed(k) ? k : null;
            if (!pos.closedWord(t.lower())) return null;
            Pos p = tag(i);
            return closed(p) ? p : null;
        }

        /** The tag the labelled text almost always gives token {@code i}'s word, or null. */
        Pos known(int i) { return pos.known(toks.get(i).lower()); }

        boolean finiteVerb(int i) { return pos.finiteVerb(toks.get(i).lower()); }

        /** True when token {@code i} is a word the labelled text almost always tagged with a closed-class tag. */
        boolean knownClosed(int i) {
            Pos p = pos.known(toks.get(i).lower());
            return p != null && closed(p);
        }

        boolean closedAt(int i) { return closedTag(i) != null; }
    }

    /**
     * Heads that name a kind of thing, not a thing: with only determiners, pronouns, numbers or the words of
     * {@link #EVALUATIVE} before them they are no name ("the method", "a novel framework", "our two models").
     */
    static final Set<String> GENERIC_HEADS = Set.of("approach", "approaches", "method", "methods", "methodology", "model",
            "models", "framework", "frameworks", "system", "systems", "technique", "techniques", "algorithm", "algorithms",
            "architecture", "architectures", "network", "networks", "strategy", "strategies", "scheme", "schemes", "mechanism",
            "mechanisms", "procedure", "procedures", "pipeline", "pipelines", "solution", "solutions", "tool", "tools", "module",
            "modules", "baseline", "baselines", "variant", "variants", "version", "versions", "task", "tasks", "problem", "problems",
            "dataset", "datasets", "benchmark", "benchmarks", "data", "metric", "metrics", "measure", "measures", "work", "works",
            "paper", "papers", "idea", "ideas", "design", "designs", "component", "components", "process", "processes",
            "formulation", "implementation", "setting", "settings", "application", "applications", "domain", "domains", "field",
            "fields", "area", "areas", "one", "ones", "thing", "things", "way", "ways", "result", "results", "performance");

    /**
     * Heads that name a kind of paper or activity ("A Comparative Study", "A Comprehensive Survey"): with only
     * adjectives before them they are no name either.
     */
    static final Set<String> GENRE_HEADS = Set.of("study", "studies", "survey", "surveys", "review", "reviews", "overview",
            "tutorial", "investigation", "comparison", "perspective", "perspectives", "introduction", "primer",
            "evaluation", "exploration", "report", "note", "notes", "case", "look", "revisit", "outlook", "position");
    // "analysis" is no genre head: "Sentiment Analysis", "Morphological Analysis" are tasks.

    /** Adjectives and words that say how good or how many, not what. */
    static final Set<String> EVALUATIVE = Set.of("new", "novel", "proposed", "existing", "simple", "efficient", "effective",
            "previous", "prior", "current", "standard", "traditional", "conventional", "state-of-the-art", "sota", "same",
            "other", "different", "various", "several", "many", "general", "original", "first", "second", "third", "final",
            "common", "typical", "popular", "recent", "strong", "stronger", "powerful", "robust", "accurate", "fast",
            "faster", "large", "larger", "small", "smaller", "big", "good", "better", "best", "improved", "modern",
            "comprehensive", "critical", "systematic", "comparative", "empirical", "extensive", "thorough", "brief", "unified",
            "generic", "key", "main", "overall", "whole", "entire", "complete", "full", "particular", "specific", "single",
            "multiple", "underlying", "resulting", "corresponding", "respective", "above", "following", "further", "additional",
            "alternative", "competitive", "competing", "leading", "advanced", "sophisticated", "successful", "useful",
            "practical", "principled", "flexible", "scalable", "lightweight", "versatile", "straightforward", "elegant",
            "promising", "significant", "substantial", "considerable", "challenging", "difficult", "important", "fundamental",
            "basic", "classic", "classical", "earlier", "later", "latest", "early", "initial", "primary", "secondary",
            "such", "certain", "some", "any", "each", "every", "both", "all", "most", "more", "less", "few", "two", "three",
            "four", "five", "whose", "careful", "detailed", "preliminary", "quantitative", "qualitative",
            "theoretical", "experimental", "holistic", "broad", "wide", "widely", "commonly", "used", "well-known", "known",
            "famous", "so-called", "called", "dubbed", "named", "termed", "ours");

    /** Tokens of a formula next to a span make it a symbol, not a name ("y = Cx + Du", "$x$"). */
    private static final Set<String> OPERATORS = Set.of("=", "\u2264", "\u2265", "\u00b1", "\u2208", "\u2248", "\u221d",
            "\u2211", "\u220f", "$");
    /** ... and these when a space stands beside them ("Cx + Du", not "C++" or "Summ-it++"). */
    private static final Set<String> SPACED_OPERATORS = Set.of("+", "*", "^", "<", ">", "\u00d7", "\u2212", "\u00b7", "|", "~",
            "-", "/", "\u2192", "\u2190");

    /**
     * The character range [start, end) of the name inside the candidate tokens [{@code a}, {@code b}) of
     * {@code s}, or null when there is none. {@code found}: the span came from the tagger (all rules) rather than
     * the lexicon, whose names are known and only checked for formulas, organisations, authors and pronouns.
     */
    /** Most tokens a fragment is completed by ("Deep Convolutional Neural" + "Networks"). */
    private static final int MAX_EXTENSION = 2;

    /**
     * The name inside the candidate tokens [{@code a}, {@code b}) of {@code s}: {@code {start, end}} in characters
     * and {@code {from, to}} in tokens, or null when there is none. {@code tagged}: the span came from the tagger (all
     * rules) rather than the lexicon, whose names are known and only checked for formulas, organisations, authors
     * and pronouns. A fragment may be completed by the tokens after it that {@code taken} leaves free.
     */
    static int[] name(String text, Sentence s, int a, int b, boolean tagged, boolean[] taken) {
        List<Token> toks = s.toks;
        if (formula(toks, a, b)) return null;
        if (author(toks, b)) return null;
        if (b - a <= 4 && Organisations.known(text.substring(toks.get(a).start(), toks.get(b - 1).end()))) return null;
        // An organisation's possessive in front of a name is no part of it ("Google's Neural Machine Translation").
        while (a < b - 1 && possessive(toks.get(a)) && Organisations.known(stem(toks.get(a)))) a++;
        if (b - a == 1 && Organisations.known(stem(toks.get(a)))) return null;
        if (!tagged) {
            // A known name is trusted, unless it is one function word the tagger data knows well ("We", "It"), starts
            // with an article ("a Language Model": the lexicon keeps some annotated phrases as they were written),
            // or is a generic head alone ("A Framework").
            if (b - a == 1 && !s.coined(a) && s.knownClosed(a)) return null;
            while (a < b - 1 && s.known(a) == Pos.DET) a++;
            if (generic(s, a, b)) return null;
            return span(toks, a, b);
        }
        // A bracket whose partner is outside the span cuts it: "(CNN) model" read from ") model" is no name.
        for (int i = a; i < b; i++) {
            String t = toks.get(i).text();
            if (t.equals(")") || t.equals("]")) {
                if (!opened(toks, a, i)) a = i + 1;
            } else if ((t.equals("(") || t.equals("[")) && !closedBefore(toks, i, b)) {
                b = i;
                break;
            }
        }
        if (a >= b) return null;
        // A clause word inside the span ends the name before it ("LLaMA is", "Mamba offers benefits").
        for (int i = a + 1; i < b; i++) {
            if (s.coined(i)) continue;
            Pos p = s.closedTag(i);
            if (p == Pos.DET || p == Pos.ADP || p == Pos.CCONJ) continue;
            // Title case capitalises verbs too, but there a capitalised word after a name is mostly more name
            // ("Normalizing Flows"): the -s verb rule is for sentences.
            if (p == Pos.AUX || s.edges.noPart(toks.get(i).lower()) || (!s.title && s.finiteVerb(i) && !s.closedAt(i - 1))) {
                b = i;
                break;
            }
        }
        a = afterCoordinatedModifiers(s, a, b);
        while (a < b && !s.coined(a) && (s.closedAt(a) || s.edges.noPart(toks.get(a).lower()))) a++;
        int extended = 0;
        while (b > a) {
            Token last = toks.get(b - 1);
            // A coined word names end in is the end; one they almost never end in is a fragment like any other
            // ("stacked Long Short-Term" + "Memory", "CNN-based" + what it is based on).
            if (s.coined(b - 1) && !s.edges.notAnEnd(last) && !measure(last)) break;
            Pos p = s.closedTag(b - 1);
            // An adverb ends no name either ("attention alone", "scales effectively"), nor a measurement ("running
            // 1.8x", "trained 3 times").
            boolean isClosed = p != null || s.edges.noPart(last.lower()) || adverbTail(s, a, b - 1) || measure(last)
                    || participleTail(s, a, b - 1) || verbTail(s, a, b - 1);
            boolean fragment = !isClosed && (s.edges.notAnEnd(last) || adjectiveTail(s, a, b - 1));
            if (!isClosed && !fragment) break;
            // A fragment is completed by a noun after it ("Convolutional Neural" + "Networks"); in a title, "of" or
            // "in" between capitalised words joins a name ("Common Objects in" + "Context").
            if (extended < MAX_EXTENSION && b < toks.size() && !taken[b] && (fragment
                    || (s.title && (p == Pos.ADP) && capitalised(toks.get(a)) && capitalised(toks.get(b))))) {
                if (goodEnd(s, b)) {
                    b++;
                    extended++;
                    continue;
                }
                if (fragment && b + 1 < toks.size() && !taken[b + 1] && extended + 2 <= MAX_EXTENSION && !s.closedAt(b)
                        && !toks.get(b).isPunct() && goodEnd(s, b + 1)) {
                    b += 2;
                    extended += 2;
                    continue;
                }
            }
            b--;
        }
        // In a title, a name stopped one capitalised noun short of the end of its phrase is completed by it ("Open and
        // Efficient Foundation Language" + "Models", "Internal Covariate" + "Shift").
        if (a < b && s.title && b < toks.size() && !taken[b] && Character.isUpperCase(toks.get(b).text().charAt(0)) && goodEnd(s, b)
                && (b + 1 == toks.size() || toks.get(b + 1).isPunct() || s.closedAt(b + 1))) {
            b++;
        }
        // In a sentence, a proper name goes on through "of" and the capitalised words after it ("International
        // Classification" + "of Disease", "University" + "of Oxford"): a span of capitalised words that is not just a
        // sentence's first word, followed by "of" and a capitalised noun, was cut short. (Titles capitalise every
        // word; their rule is the one above.)
        if (a < b && !s.title && b + 1 < toks.size() && toks.get(b).lower().equals("of") && !taken[b] && !taken[b + 1]
                && (a > 0 || b - a >= 2) && capitalisedWords(s, a, b) && capitalised(toks.get(b + 1)) && !s.closedAt(b + 1)
                && goodEnd(s, b + 1)) {
            b += 2;
            while (b < toks.size() && b - a < 8 && !taken[b] && capitalised(toks.get(b)) && !s.closedAt(b) && goodEnd(s, b)) b++;
        }
        if (a >= b) return null;
        // One letter is a symbol or a broken word ("s" of "Tilde 's"), not a name.
        if (b - a == 1 && toks.get(a).key().length() < 2) return null;
        // Nor is one lower-case verb, adjective or adverb ("surpass", "fully-connected"), -ing and -ed forms aside
        // ("clustering": taggers call such nouns verbs).
        if (b - a == 1 && !s.coined(a) && lonelyModifier(s, a)) return null;
        if (generic(s, a, b)) return null;
        return span(toks, a, b);
    }

    /**
     * The start of [a, b) without a pair of adjectives joined by "and" or "or" that say how good it is: "Open and
     * Efficient Foundation Language Models" names "Foundation Language Models", "Fast and Accurate Query-based
     * Summarization" its task (ORKG CS-NER's title annotation leaves such pairs out). The pair may open the span or
     * stand just before it, the tagger having begun after the "and". An adjective that is part of a name without a
     * pair stays ("Efficient Neural Architecture Search"), and so does a pair of nouns ("Question and Answer ...").
     */
    static int afterCoordinatedModifiers(Sentence s, int a, int b) {
        List<Token> toks = s.toks;
        int first = a;
        if (a >= 2 && conjunction(toks.get(a - 1)) && describingPair(s, a - 2, a)) {
            first = a + 1;
        } else if (b - a >= 4 && conjunction(toks.get(a + 1)) && describingPair(s, a, a + 2)) {
            first = a + 3;
        } else {
            return a;
        }
        // What is left must still be a phrase of its own: two words, or one coined name.
        if (b - first >= 2 || (b - first == 1 && s.coined(first))) return first;
        return a;
    }

    private static boolean conjunction(Token t) {
        return t.lower().equals("and") || t.lower().equals("or");
    }

    /**
     * Tokens {@code i} and {@code j} are two open-class words, no coined name, and one of them at least is an
     * adjective that says how good ({@link #EVALUATIVE}): "Sparse and Efficient", not "Question and Answer",
     * "similarity and named" nor "commonsense and symbolic", whose adjectives say which kind and belong to the name.
     */
    private static boolean describingPair(Sentence s, int i, int j) {
        for (int k : new int[] {i, j}) if (s.coined(k) || s.closedAt(k) || s.toks.get(k).isPunct()) return false;
        return quality(s, i) || quality(s, j);
    }

    /** An evaluative adjective ("efficient", "simple"), not an evaluative participle or determiner ("named", "some"). */
    private static boolean quality(Sentence s, int i) {
        return EVALUATIVE.contains(s.toks.get(i).lower()) && s.tag(i) == Pos.ADJ;
    }

    /** True when a "(" or "[" in [a, close) is still open at {@code close}. */
    private static boolean opened(List<Token> toks, int a, int close) {
        int depth = 0;
        for (int i = a; i < close; i++) {
            String t = toks.get(i).text();
            if (t.equals("(") || t.equals("[")) depth++;
            else if ((t.equals(")") || t.equals("]")) && depth > 0) depth--;
        }
        return depth > 0;
    }

    /** True when the "(" or "[" at {@code open} is closed before {@code b}. */
    private static boolean closedBefore(List<Token> toks, int open, int b) {
        int depth = 0;
        for (int i = open; i < b; i++) {
            String t = toks.get(i).text();
            if (t.equals("(") || t.equals("[")) depth++;
            else if ((t.equals(")") || t.equals("]")) && --depth == 0) return true;
        }
        return false;
    }

    /** Token {@code i} is a lower-case word tagged verb, adjective or adverb, not an -ing or -ed form. */
    private static boolean lonelyModifier(Sentence s, int i) {
        Token t = s.toks.get(i);
        String w = t.lower();
        if (!w.equals(t.text()) || w.endsWith("ing") || w.endsWith("ed")) return false;
        Pos p = s.tag(i);
        return p == Pos.VERB || p == Pos.ADJ || p == Pos.ADV;
    }

    /**
     * True when token {@code i}, last of [a, i], is an adverb after the name ("attention alone", "inference
     * cheaply"): a lower-case word the tagger data knows as an adverb, or one the classifier tags so after a noun.
     */
    private static boolean adverbTail(Sentence s, int a, int i) {
        Pos k = s.known(i);
        if (k == Pos.ADV) return true;
        if (k != null || i == a) return false;
        Token t = s.toks.get(i);
        String w = t.lower();
        // The classifier is asked only about words that may be adverbs: not one with a noun's ending (most span ends).
        if (!t.text().equals(w) || nounEnding(w) || s.edges.notAnEnd(w)) return false;
        return s.tag(i) == Pos.ADV;
    }

    /**
     * True when token {@code i}, last of [a, i], is the verb of a clause whose subject is the name before it: a
     * lower-case word the classifier tags as a verb, followed by a determiner or pronoun that starts its object ("LDMs
     * set a new state of the art", "one model, loss and decoding procedure cover them all"). Without the object the
     * classifier's verbs are too often nouns at the end of a name ("training objective", "license plate").
     */
    private static boolean verbTail(Sentence s, int a, int i) {
        if (i == a || i + 1 >= s.toks.size()) return false;
        Token t = s.toks.get(i);
        String w = t.lower();
        if (!t.text().equals(w) || w.endsWith("ing") || w.endsWith("ed") || w.endsWith("s") || s.coined(i)) return false;
        Pos k = s.known(i);
        if (k != null && k != Pos.VERB) return false;
        Pos next = s.closedTag(i + 1);
        // A relative pronoun starts a clause about the name, not an object ("a parallelization variant that ...").
        if (next != Pos.DET && next != Pos.PRON || RELATIVE.contains(s.toks.get(i + 1).lower())) return false;
        return k == Pos.VERB || s.tag(i) == Pos.VERB;
    }

    /**
     * True when token {@code i}, last of [a, i], is an adjective: a modifier of a noun after it ("spatially-gated" +
     * "MLPs") or said of the name before it ("inference cheap"), not the end of a name. A lower-case word the tagger
     * data knows as an adjective, or one without a noun's ending the classifier tags so (the classifier has already
     * been asked about such words by {@link #adverbTail}). Over the train splits a lower-case word tagged so ends 4
     * in 100 of the names it is in.
     */
    private static boolean adjectiveTail(Sentence s, int a, int i) {
        if (i == a) return false;
        Token t = s.toks.get(i);
        String w = t.lower();
        if (!t.text().equals(w) || s.coined(i)) return false;
        Pos k = s.known(i);
        if (k != null) return k == Pos.ADJ;
        // The classifier is asked only about words with an adjective's form (most span ends are nouns, and each
        // question costs): hyphenated modifiers ("spatially-gated", "block-wise") and the endings English adjectives
        // are made with ("non-linear", "critical", "efficient", "invariant", "adaptive").
        if (!adjectiveForm(w)) return false;
        return s.tag(i) == Pos.ADJ;
    }

    /** Endings of English nouns (and of no adverb): "models", "classification", "learning", "encoder", "quality". */
    private static final String[] NOUN_ENDINGS = {"s", "ion", "ing", "ment", "ity", "ness", "er", "or", "ure", "ics", "ism", "nce",
        "age", "ist", "ogy", "phy", "sis", "ork", "el", "et", "ch", "ata", "ta", "rm", "al", "nt", "de", "ue"};

    private static final Set<String> RELATIVE = Set.of("that", "which", "who", "whom", "whose", "what");

    private static final String[] ADJECTIVE_ENDINGS = {"al", "ar", "ic", "ive", "ous", "ful", "less", "able", "ible", "ant", "ent",
        "ary", "ory", "ish", "ile", "like", "wise", "ed"};

    /** A word built like an adjective: hyphenated (not in -s or -ing) or with an adjective's ending. */
    private static boolean adjectiveForm(String w) {
        if (w.endsWith("s") || w.endsWith("ing")) return false;
        if (w.indexOf('-') > 0) return true;
        for (String e : ADJECTIVE_ENDINGS) if (w.endsWith(e)) return true;
        return false;
    }

    private static boolean nounEnding(String w) {
        for (String e : NOUN_ENDINGS) if (w.endsWith(e)) return true;
        return false;
    }

    /**
     * True when token {@code i}, last of [a, i], is a past participle after a noun: the verb of a reduced clause
     * ("strategy tailored", "solvers combined", "GANs trained"), not part of the name before it.
     */
    private static boolean participleTail(Sentence s, int a, int i) {
        if (i == a) return false;
        Token t = s.toks.get(i);
        String w = t.lower();
        if (!w.endsWith("ed") || !w.equals(t.text()) || w.indexOf('-') >= 0 || s.known(i) != null) return false;
        if (s.tag(i) != Pos.VERB) return false;
        Pos before = s.known(i - 1);
        if (before == null) before = s.tag(i - 1);
        return before == Pos.NOUN || before == Pos.PROPN || s.coined(i - 1);
    }

    /**
     * True when token {@code i}, first of a span of two or more, is a verb in -ing taking the rest as its object
     * ("Adding Gradient Noise", "Exploiting Simulated User Feedback", "building foundation models"): the name is
     * what follows. Only verbs that annotated prose almost never starts a name with ({@link SpanEdges#action}):
     * "Denoising Diffusion Probabilistic Models" and "training data" keep their first word.
     */
    static boolean gerundFirst(Sentence s, int i, int b) {
        if (b - i < 2 || s.coined(i) || !s.edges.action(s.toks.get(i).lower())) return false;
        Pos k = s.known(i);
        if (k != null && k != Pos.VERB) return false;
        return !s.closedAt(i + 1) && !s.toks.get(i + 1).isPunct();
    }

    /**
     * A measurement, not a word of a name: digits then a unit or multiplier ("1.8x", "78ms", "3.5B", "10%"). Codes
     * with letters first ("T5", "ResNet-50") or digits alone ("2014") are not measurements.
     */
    static boolean measure(Token t) {
        String w = t.text();
        if (w.length() < 2 || !Character.isDigit(w.charAt(0))) return false;
        int k = 0;
        while (k < w.length() && (Character.isDigit(w.charAt(k)) || w.charAt(k) == '.' || w.charAt(k) == ',')) k++;
        String unit = w.substring(k);
        if (unit.equals("%")) return true;
        // "340M", "7B", "80K" parameters or images; a dimension ("3D", "2d") is no unit.
        if (unit.length() == 1 && "KMBTkmbx".indexOf(unit.charAt(0)) >= 0) return true;
        if (unit.length() < 2 || unit.length() > 3) return false;
        for (int i = 0; i < unit.length(); i++) if (!Character.isLowerCase(unit.charAt(i))) return false;
        return true;
    }

    private static boolean capitalised(Token t) { return Character.isUpperCase(t.text().charAt(0)); }

    /** True when every token of [a, b) is a capitalised word (no function word, punctuation or number). */
    private static boolean capitalisedWords(Sentence s, int a, int b) {
        for (int i = a; i < b; i++) if (s.toks.get(i).isPunct() || !capitalised(s.toks.get(i)) || s.closedAt(i)) return false;
        return true;
    }

    /** True when token {@code i} can end a name: a noun or a coined name, not a fragment or a clause word. */
    private static boolean goodEnd(Sentence s, int i) {
        Token t = s.toks.get(i);
        if (t.isPunct()) return false;
        if (s.coined(i)) return true;
        if (s.edges.notAnEnd(t) || s.edges.noPart(t.lower()) || s.closedAt(i)) return false;
        // An open-class word: a noun unless the labelled text says it is almost always something else, or the
        // classifier reads it as an adjective ("GPU-based" + "self-critical" is no name).
        Pos p = s.known(i);
        if (p == null) return !adjectiveTail(s, i - 1, i);
        return p == Pos.NOUN || p == Pos.PROPN || p == Pos.X || p == Pos.NUM;
    }

    /** Closed-class tags: a name neither starts nor ends with one. */
    private static boolean closed(Pos p) {
        return switch (p) {
            case DET, ADP, CCONJ, SCONJ, PRON, AUX, PART, PUNCT, INTJ -> true;
            default -> false;
        };
    }

    private static int[] span(List<Token> toks, int a, int b) {
        Token last = toks.get(b - 1);
        int end = last.end();
        // "GNN's": the possessive ending is no part of the name.
        if (possessive(last)) end -= 2;
        return new int[] {toks.get(a).start(), end, a, b};
    }

    /** True when the tokens before or after [a, b), or inside it, are operators of a formula. */
    static boolean formula(List<Token> toks, int a, int b) {
        if (a > 0 && operator(toks, a - 1)) return true;
        if (b < toks.size() && operator(toks, b)) return true;
        for (int i = a; i < b; i++) if (operator(toks, i)) return true;
        return false;
    }

    private static boolean operator(List<Token> toks, int i) {
        String t = toks.get(i).text();
        // Every operator is one character: most tokens are ruled out without a set lookup.
        if (t.length() != 1 || Character.isLetterOrDigit(t.charAt(0))) return false;
        if (OPERATORS.contains(t)) return true;
        if (!SPACED_OPERATORS.contains(t)) return false;
        boolean spaceBefore = i == 0 || toks.get(i - 1).end() < toks.get(i).start();
        boolean spaceAfter = i + 1 == toks.size() || toks.get(i).end() < toks.get(i + 1).start();
        // "a - b" as a dash in prose has spaces too: only between two short symbols is it arithmetic.
        if (t.equals("-") || t.equals("/")) return spaceBefore && spaceAfter && symbol(toks, i - 1) && symbol(toks, i + 1);
        return spaceBefore && spaceAfter;
    }

    /** A short token that may be a variable: one or two letters ("x", "Cx", "Du"), or a digit string. */
    private static boolean symbol(List<Token> toks, int i) {
        if (i < 0 || i >= toks.size()) return false;
        String t = toks.get(i).text();
        return t.length() <= 2 && !toks.get(i).isPunct();
    }

    /** True when "et al." follows the span: it names authors ("Gupta et al."). */
    static boolean author(List<Token> toks, int b) {
        return b + 1 < toks.size() && toks.get(b).lower().equals("et") && toks.get(b + 1).lower().startsWith("al");
    }

    /** "X's" (the tokenizer keeps an ASCII apostrophe inside a word). */
    private static boolean possessive(Token t) {
        String s = t.lower();
        return s.length() > 2 && s.endsWith("'s");
    }

    private static String stem(Token t) {
        String s = t.text();
        return possessive(t) ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Looks like a coined name whatever its tag: a capital after the first letter ("ResNet", "GPT", "LLaMA") or a
     * digit with letters ("BERT-base", "ResNet-50", "T5").
     */
    static boolean nameLike(Token t) {
        String s = t.text();
        boolean letter = false, digit = false, innerCapital = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (i > 0 && Character.isUpperCase(c)) innerCapital = true;
            } else if (Character.isDigit(c)) digit = true;
        }
        return letter && (innerCapital || digit);
    }

    /**
     * True when token {@code i} of {@code s} is a name by its form, wherever it stands: coined ("LLaMA", "S4"), or
     * capitalised, not first in its sentence, and no word the tagger data knows ("Mamba", not "Deep").
     */
    static boolean aName(Sentence s, int i) {
        Token t = s.toks.get(i);
        if (t.key().length() < 2 || s.closedAt(i)) return false;
        if (s.coined(i)) return true;
        return i > 0 && !s.title && Character.isUpperCase(t.text().charAt(0)) && s.known(i) == null && !s.edges.notAnEnd(t)
                && !s.edges.noPart(t.lower());
    }

    /** True when [a, b) is a generic head with only determiners, pronouns, numbers or evaluative words before it. */
    static boolean generic(Sentence s, int a, int b) {
        String head = s.toks.get(b - 1).lower();
        boolean genre = GENRE_HEADS.contains(head);
        if (!genre && !GENERIC_HEADS.contains(head)) return false;
        for (int i = a; i < b - 1; i++) {
            Token t = s.toks.get(i);
            if (EVALUATIVE.contains(t.lower())) continue;
            // A generic head before the head says what kind, not which one ("baseline models", "benchmark datasets":
            // SciERC's train split annotates such phrases as Generic, 6 of 7 "baseline" ones).
            if (!genre && GENERIC_HEADS.contains(t.lower()) && t.text().equals(t.lower())) continue;
            Pos c = s.closedTag(i);
            if (c == Pos.DET || c == Pos.PRON) continue;
            if (c == null && !s.coined(i)) {
                Pos p = s.tag(i);
                if (p == Pos.NUM || (genre && p == Pos.ADJ)) continue;
            }
            return false;
        }
        return true;
    }
}
