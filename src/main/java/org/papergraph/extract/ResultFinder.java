package org.papergraph.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.vocab.EntityType;

/**
 * Finds benchmark results in an abstract: absolute scores of a method on a dataset under a metric, read sentence by
 * sentence over word tokens. Precision first: a number is a result only when a metric names it and a dataset and a
 * method (or the paper's own, unnamed method) are found for it.
 *
 * <p>How a sentence is read:
 * <ul>
 * <li><b>Numbers.</b> A score is a decimal or a percentage, or an integer next to a metric name. Not scores: gains
 * ("by 2.3%", "+1.3%", "a 20% relative gain", "0.5% higher", "an improvement of 20.31% and 18.42%"), bounds ("more
 * than 30%", "up to", "under 1%"), ranges ("ranging from 76.5% to 80.9%"; in "improves X from A to B" only B, the
 * new value, counts), proportions ("0.24% of the pixels"), quantities with a unit (parameters, FLOPs,
 * multiply-adds, images, GPUs, frames per second, hours, "300 million", "8.4x") and numbers that are part of a name
 * ("SQuAD 1.1", "PASCAL VOC 2012"). A value a percentage metric cannot take ({@link Metrics#plausible}) and a cost
 * metric ({@link Metrics#isCost}) are dropped.
 * <li><b>Metric.</b> The metric phrase after the number ("28.4 BLEU", "3.57% top-5 error", "0.99 bits per
 * character", "62.42 (GLEU)"), else before it ("a top-5 error of 3.57%", "an F1 of 93.2", "reduces PER to 17.6%";
 * "a GLUE score of 80.5" is the metric Score on GLUE; "scores 88.5" the benchmark's score), else the metric of the
 * previous score in the sentence ("81.5% accuracy on Cora, 70.3% on Citeseer"), else, for a percentage, a metric
 * the sentence named before it and gave no other number ("the lowest error rate ..., with 2.46% for CIFAR-10"),
 * else the one metric the sentence names, when it names it only in a change ("..., outperforming the previous best
 * by 3% accuracy", "improves BLEU by 2 points, reaching 30.1").
 * <li><b>Dataset.</b> "on|for|in|over NAME" after the score (several: "on SCAN and PCFG"), past an aside, a compared
 * value or the name it is attributed to; else "on NAME" or "NAME (" just before it; else the set the clause or
 * sentence opens with ("On ImageNet, ..."), or the nearest set phrase before it in the sentence; else the set of the
 * previous score of the same statement or method; else the one set the previous sentence was evaluated on. A list
 * of scores followed by as many datasets ("81.5%, 70.3% and 79.0% on Cora, Citeseer and Pubmed") pairs them in
 * order; one set after a list of scores applies to all of them. A score whose own set phrase names no set ("on the
 * official server") takes none.
 * <li><b>Method.</b> A name the score is attributed to ("54.7% by TransE", "33.0% AP for YOLOv3", "the 76.2%
 * accuracy of ResNet-50"; with "matches" the subject shares it), else the name in the subject of the verb that
 * states it ("The Transformer achieves", "an ensemble of ResNets achieves", "With a ResNet-50, MoCo reaches", "Our
 * system, called Deep Speech, ..., achieving"): the whole name as written ("R-CNN", "Transformer-XL",
 * "DenseNet-BC", "Swin Transformer"). "we", "our model", "the proposed method" name the paper's own method
 * ({@code proposed}, or none when the paper names it nowhere); "it" the method the previous sentence was about. A
 * score compared against or of a system the text does not name ("against 33.3 for a phrase-based system",
 * "humans reach 86.8%") is no result.
 * </ul>
 * One fact stated twice in an abstract is one result. Stateless over immutable models; safe from many threads.
 */
public final class ResultFinder {
    /**
     * One result: names as written in the text (resolved later), value as decimal, and its evidence. {@code method}
     * is null when the result is the paper's own method and the paper names it nowhere. {@code lowerIsBetter} is
     * the metric's direction ({@link Metrics#lowerIsBetter}). {@code metricEntry} is always null (kept for callers).
     * {@code evidence} says how the result was read ({@link ResultConfidence#bucket}) and {@code confidence} is the
     * share of results read that way that were right on the tune parts of the result gold ({@link ResultConfidence}).
     */
    public record FoundResult(String method, String dataset, String metric, Lexicon.Entry metricEntry,
                              BigDecimal value, String rawValue, boolean percent, boolean lowerIsBetter,
                              String surface, String sentence, double confidence, String evidence) {}

    private final Lexicon lexicon;
    private final EntityResolver resolver;

    /**
     * Rules switched off for an A/B measurement (system property {@code papergraph.resultRulesOff}, names separated by
     * commas: gerund, resultsShow, unglue, parenMetric, splitF1, metricOnOf, modifierName, termsOf, outperformsPrior,
     * articleList, slashList, sharedPercent, leadingDot, demonstrative, gerundSubject, shownSubject, reportedClause,
     * quotedSet). Empty in normal use.
     */
    static final Set<String> OFF = Set.of(System.getProperty("papergraph.resultRulesOff", "").split(","));

    public ResultFinder(ExtractionModels models) {
        this.lexicon = models.lexicon();
        this.resolver = new EntityResolver(lexicon);
    }

    /** Cheap pre-check: only a text with a percent sign or a decimal number can state a result. */
    public static boolean mayHoldResults(String text) { return text.indexOf('%') >= 0 || hasDecimal(text) || text.contains("percent"); }

    // ---------------------------------------------------------------- word classes

    private static Set<String> words(String list) { return Set.copyOf(Arrays.asList(list.trim().split("\\s+"))); }

    /** Verbs that state a score of their subject ("X achieves 75.2%", "it reached", "..., obtaining"). */
    private static final Set<String> STATING = words("""
            achieve achieves achieved achieving obtain obtains obtained obtaining reach reaches reached reaching attain attains
            attained attaining yield yields yielded yielding score scores scored scoring get gets got getting set sets setting
            record records recorded deliver delivers delivered report reports has have had give gives gave giving establish
            establishes established establishing match matches matched matching equal equals rival rivals produce produces
            produced won wins win is was are were improve improves improved improving reduce reduces reduced reducing decrease
            decreases decreased increase increases increased push pushes pushed pushing raise raises raised boost boosts boosted
            lower lowers lowered drop drops dropped bring brings brought include includes included leads lead hits performs
            performed runs edges resulted""");
    /** Other finite verbs: they end a subject and start a new statement. */
    private static final Set<String> OTHER_VERBS = words("""
            outperform outperforms outperformed surpass surpasses surpassed exceed exceeds exceeded beat beats ranks ranked
            demonstrate demonstrates demonstrated show shows showed shown find finds found observe observes observed provide
            provides can could will would may might does do did adds add uses use used learns learn trains train runs run
            leads answers answer solves solve detects detect classifies predicts generates computes requires needs takes
            keeps makes converges transfers works handles exhibits exhibit""");
    /** Verbs of change: in "improves X from A to B", B is the subject's new value. */
    private static final Set<String> CHANGE = words("""
            improve improves improved improving reduce reduces reduced reducing decrease decreases decreased decreasing increase
            increases increased increasing push pushes pushed pushing raise raises raised raising boost boosts boosted boosting
            lower lowers lowered lowering drop drops dropped bring brings brought cut cuts""");
    /** Verbs that share a value between subject and the name it is attributed to ("CLIP matches the 76.2% of ResNet-50"). */
    private static final Set<String> SHARING = words("match matches matched matching equal equals equalling rival rivals");
    /** Verbs before "that" that report a finding: "our experiments showed that EEEA-Net achieved ...". */
    private static final Set<String> REPORTING = words("""
            show shows showed shown demonstrate demonstrates demonstrated find finds found observe observes observed indicate
            indicates indicated confirm confirms confirmed reveal reveals revealed suggest suggests suggested verify verifies
            verified prove proves proved report reports reported""");
    /** Words before a number that make it a bound or a change. */
    private static final Set<String> BOUND_1 = words("over above below under nearly almost around about approximately roughly "
            + "beyond exceeding within than ~ ∼ > < ≥ ≤ ≈ ± + - − by between only just");
    private static final Set<String> BOUND_2 = Set.of("up to", "upto", "more than", "less than", "at least", "at most", "as much",
            "as little", "fewer than", "greater than", "higher than", "lower than", "better than", "worse than", "as high", "as low");
    /** Nouns of change: "an improvement of 20.31%", "a gain of". */
    private static final Set<String> GAIN_NOUNS = words("""
            improvement improvements gain gains increase increases reduction reductions decrease decreases margin boost lift
            drop degradation speedup speed-up jump advantage difference loss""");
    /** Words right after a number (and its %) that make it a change, not a score. */
    private static final Set<String> GAIN_AFTER = words("""
            point points pp pts absolute relative relatively higher lower better worse more less fewer improvement improvements
            gain gains increase reduction decrease drop boost lift faster slower smaller larger bigger over above ahead below
            behind lead margin advantage up down""");
    /** Units: a number followed by one is a quantity (size, compute, count, time, speed), not a score. */
    private static final Set<String> UNITS = words("""
            x × times fold million millions billion billions thousand thousands hundred hundreds trillion m b k g t ms s sec secs
            second seconds minute minutes min mins hour hours h hrs day days week weeks month months year years gpu gpus tpu tpus
            cpu cpus core cores epoch epochs step steps iteration iterations iter layer layers parameter parameters params param
            flops gflops mflops tflops macs mac madds mult-adds multiply-adds multiply-accumulates fps frames frame image images
            example examples sample samples word words token tokens sentence sentences question questions pair pairs class
            classes category categories language languages mb gb kb tb bit bits byte bytes db node nodes edge edges pixel pixels
            dimension dimensions dimensional hz khz mhz ghz km cm mm nm kg mj j w kw watts users people persons subjects videos
            clips documents articles papers queries instances objects shots shot way ways heads head channels filters units
            neurons runs seeds folds trials games tasks datasets benchmarks models networks experts agents rounds turns bps kbps
            mbps gbps ops ° degrees percentile""");
    /** Head words of a metric phrase. */
    private static final Set<String> HEADS = words("""
            accuracy accuracies acc error errors err f1 f1-score f-score f-measure fmeasure f1-measure precision recall ap map iou
            miou iu bleu rouge rouge-l rouge-1 rouge-2 meteor cider cider-d spice gleu perplexity perplexities ppl bpc bpd psnr
            ssim fid kid em uas las wer cer per ter mrr ndcg auc smatch mae rmse mse correlation kappa mota motp nme epe pck pckh
            sdr si-sdr mos top-1 top-5 top1 top5 dice jaccard score scores rate entropy ap50 ap75 mase smape mape hits bits/char
            bits/dim map50 auroc auprc spearman pearson r2 fvd is eer mindcf dcf ccc uar mcc chrf bertscore nmi ari""");
    /** Words inside a metric phrase before its head: "top-5 test error", "mean IU", "micro-averaged F1". */
    private static final Set<String> METRIC_MODIFIERS = words("""
            test validation val dev mean average averaged micro macro micro-averaged macro-averaged weighted single-model single
            box mask bbox word character char word-level character-level char-level phoneme phone label labeled unlabeled joint
            goal request rank-1 one-shot few-shot zero-shot overall exact classification recognition generalization attack
            success detection segmentation identification sentence-level token-level span entity relation strict linear top pixel
            class balanced normalized state-of-the-art new best final answer final-answer reasoning inception frechet fréchet
            intersection-over-union level translation retrieval question answering alignment miss hit area under curve roc pr
            median absolute relative squared root per-class per-pixel frame-level video-level clip-level instance semantic
            panoptic object keypoint pose localization verification rank matching exact-match held-out competitive strong
            impressive record high low sota reported published corresponding top-k top-10 recognition""");
    /** Words a metric phrase may start with that praise the number rather than name the metric. */
    private static final Set<String> PRAISE = words("state-of-the-art new best competitive strong impressive record high low sota "
            + "reported published corresponding single-model overall");
    /** Tails a metric phrase may carry after its head: "error rate", "F1 score", "BLEU points". */
    private static final Set<String> TAILS = words("rate rates score scores measure points ratio coefficient coefficients value values figure figures");
    // Compiled once: these are tested per token and per candidate (String.matches compiles on every call).
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern COUNT_WORD = Pattern.compile("\\d+(?:\\.\\d+)?-[a-z]+");
    private static final Pattern WORD_NUMBER = Pattern.compile("[a-z]+-\\d+");
    private static final Pattern GLUED_WORDS = Pattern.compile("[a-z]{2,}\\.[A-Z][a-z]*");
    private static final Pattern PREDICATE = Pattern.compile("as|is|was|=|:");
    private static final Pattern F1_TAIL = Pattern.compile("1(?:-score|-measure)?");
    private static final Pattern QUOTE = Pattern.compile("['‘’“”\"]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern OWN_PASSIVE = Pattern.compile("obtained|achieved|reported|reached|attained|recorded");
    private static final Pattern RESULT_PASSIVE = Pattern.compile("achieved|obtained|reached|attained|improved|reported|recorded|observed|increased|reduced");
    private static final Pattern IT = Pattern.compile("(?:it|its|it also|it further|it then)");
    private static final Pattern ENSEMBLE = Pattern.compile("(?:an|the|a|our)\\s+(?:ensemble|combination)(?:\\s+of\\s+.*)?");
    private static final Pattern REPORTED_BY = Pattern.compile("reported|achieved|obtained|attained|reached|set|measured");
    private static final Pattern PRONOUN_START = Pattern.compile("(?:it|its|they)\\b.*");
    private static final Pattern ONE_CAPITAL = Pattern.compile("[A-Z]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACES_OR_HYPHENS = Pattern.compile("[\\s-]+");
    private static final Pattern TRAILING_PUNCT = Pattern.compile("[.,;:]+$");
    private static final Pattern HEAD_PATTERN = Pattern.compile(
            "(?i)(?:top-?\\d+|ap\\d*|ap@[\\d.:]+|map@[\\d.:]+|hits@\\d+|h@\\d+|r@\\d+|recall@\\d+|p@\\d+|precision@\\d+|ndcg@\\d+|"
            + "mrr@\\d+|bleu-?\\d|rouge-?\\w+|f\\d(?:\\.\\d)?(?:-?score|-?measure)?|acc@\\d+|apbox|apmask|map\\d+)");
    /** Prepositions that introduce the set a score was measured on. */
    private static final Set<String> SET_PREPS = words("on for in over across");
    /** Trailing words that say what a named set is ("the Cityscapes dataset", "the WMT 2014 translation task"). */
    private static final Set<String> SET_HEADS = words("""
            dataset datasets data set sets benchmark benchmarks corpus corpora leaderboard task tasks challenge track tracks portion
            collection database databases competition suite test testset split splits subset subsets shared translation
            classification detection segmentation evaluation subtask subtasks sub-task sub-tasks condition""");
    /** Words before a name in a set phrase: "on unconditional CIFAR-10", "on the challenging KITTI benchmark". */
    private static final Set<String> SET_ADJECTIVES = words("""
            the unconditional conditional full standard challenging popular public publicly available large-scale widely used
            studied official original whole entire well-known established common famous benchmark recent latest competitive
            difficult large small both all several real-world held-out class-conditional supervised unsupervised
            semi-supervised low-resource clean noisy hard easy moderate""");
    /** Set phrases that name no set but a split of the one named before ("on the full test set"). */
    private static final Set<String> SPLIT_WORDS = words("the full test validation val dev held-out set split official standard "
            + "entire whole blind hidden");
    /** Split names after a set name: "COCO test-dev", "ADE20K val". */
    private static final Set<String> SPLITS = words("test-dev test-std test-challenge val val2017 test2017 minival");
    /** Nouns of a subject that is a system: "our model", "a phrase-based system", "these residual nets". */
    private static final Set<String> OWN_NOUNS = words("""
            model models method methods approach approaches system systems network networks nets net framework frameworks
            architecture architectures algorithm algorithms parser parsers tagger detector detectors tracker agent agents entry
            entries submission ensemble ensembles solution pipeline technique techniques scheme design cell cells classifier
            classifiers encoder decoder variant variants implementation formulation strategy setup reader estimator learner policy
            generator module block loss objective procedure mechanism one baseline baselines""");
    /** Subjects whose head says they are results, not agents: "transfer results include 91.7%". */
    private static final Set<String> RESULT_NOUNS = words("results result scores score performance numbers accuracy");
    /** Capitalised words that are not names. */
    private static final Set<String> NOT_NAMES = words("""
            we our the a an this these that those it its in on for with by at as to of from using when while after before finally
            moreover furthermore additionally specifically overall notably also then thus hence however besides compared
            experiments experimental results extensive evaluation evaluated table figure fig section state art sota code models
            model both all each most many some such here there they their i you he she one two three first second third new
            further particular instance example via without across under over empirically experimentally quantitatively
            qualitatively importantly interestingly surprisingly remarkably consequently therefore lastly together combined
            applied trained based given despite unlike like and or but is are human humans people english our results
            specifically zero-shot""");
    /** Words that start a clause-level aside before the subject ("In particular,", "Specifically,", "For instance,"). */
    private static final Set<String> LEADING = words("""
            specifically overall finally moreover furthermore additionally notably besides also importantly empirically
            experimentally quantitatively consequently therefore thus hence however in particular for instance example as a
            result meanwhile then together lastly first second third remarkably surprisingly interestingly concretely similarly
            likewise further and summary short addition general practice contrast comparison total indeed zero-shot""");
    /** Words that open a phrase before the subject ("With a ResNet-50, MoCo ..."). */
    private static final Set<String> LEADING_PREPS = words("""
            with on for in using across under as without compared after by from at through via given like unlike besides beyond
            despite when among against overall combining plugged pre-trained trained evaluated applied""");
    /** Phrases that carry the name of the subject before them ("Our system, called Deep Speech, ..."). */
    private static final Set<String> NAMING = words("called named dubbed termed coined");

    private static final Set<String> LANGUAGES = words("""
            english german french romanian russian czech chinese japanese finnish turkish spanish italian portuguese arabic korean
            latvian estonian gujarati kazakh lithuanian hindi nepali sinhala vietnamese dutch polish swedish""");

    // ---------------------------------------------------------------- one sentence, read

    /** A number that may be a score, with what was read around it. */
    private static final class Cand {
        final int tok;
        final BigDecimal value;
        final String raw;
        boolean percent;          // a percentage (or the first of "A and B%")
        int end;                  // first token after the number and its percent sign
        boolean rejected;         // a gain, bound, range start, proportion, quantity or name part
        boolean gain;             // rejected as a change (so a list after it is too)
        boolean rangeEnd;         // "from A to B": this is B
        boolean compared;         // "vs. B", "against B", "compared to B"
        int metricFrom = -1, metricTo = -1, metricEnd = -1;
        String metric;
        boolean metricInherited;
        final List<String> datasets = new ArrayList<>();
        int datasetsAfterEnd = -1;   // token after the last set read after the score
        boolean ownSetPhrase;     // a set phrase follows the score that names no set ("on the official server")
        boolean setFromText;      // its set was read around it, not taken from another sentence
        boolean setFromContext;   // its set is the previous sentence's or the abstract's only one
        String method;            // the name the score is attributed to, or the subject's
        boolean methodSet;        // the method is decided (possibly null: the paper's own)
        boolean skip;             // a score of something unnamed
        String method2;           // the subject, when it shares the value ("X matches the 76.2% of Y")
        int verb = -1;
        int slashGroup;           // which "a / b / c" group of scores named by a slash list of metrics it is in (from 1), or 0

        Cand(int tok, BigDecimal value, String raw, boolean percent) {
            this.tok = tok;
            this.value = value;
            this.raw = raw;
            this.percent = percent;
        }

        boolean live() { return !rejected && !skip; }
        int after() { return metricEnd > end && !metricInherited ? metricEnd : end; }
        int first() { return metricFrom >= 0 && metricFrom < tok && !metricInherited ? metricFrom : tok; }
    }

    /** One sentence's tokens and what the lexicon knows about them. */
    private final class Sent {
        final String s;
        final List<Token> t;
        final EntityType[] type;
        final int[] lexEnd;   // for a token that starts a lexicon match: the match's end, else -1
        final byte[] nameLike; // nameLike(i) once computed: 1 yes, -1 no, 0 not yet
        java.util.Map<String, String> taskSets = java.util.Map.of();   // the abstract's "SET for TASK" pairs, by task key

        Sent(String s) {
            this.s = s;
            this.t = OFF.contains("unglue") ? Tokenizer.tokens(s) : unglue(Tokenizer.tokens(s));
            this.type = new EntityType[t.size()];
            this.lexEnd = new int[t.size()];
            this.nameLike = new byte[t.size()];
            Arrays.fill(lexEnd, -1);
            for (Lexicon.Match m : lexicon.match(t)) {
                // A lexicon metric counts only with a metric word in it ("VS" and "Data" are table headers, not metrics).
                if (m.entry().type() == EntityType.METRIC) {
                    boolean head = false;
                    for (int i = m.from(); i < m.to(); i++) head |= isHeadWord(t.get(i).lower());
                    if (!head) continue;
                }
                lexEnd[m.from()] = m.to();
                for (int i = m.from(); i < m.to(); i++) type[i] = m.entry().type();
            }
        }

        int n() { return t.size(); }
        String text(int i) { return i >= 0 && i < t.size() ? t.get(i).text() : ""; }
        String lower(int i) { return i >= 0 && i < t.size() ? t.get(i).lower() : ""; }
        String span(int from, int to) { return from >= to ? "" : s.substring(t.get(from).start(), t.get(to - 1).end()); }
        boolean isNumber(int i) { return i >= 0 && i < t.size() && DECIMAL.matcher(t.get(i).text()).matches(); }
        boolean is(int i, String w) { return lower(i).equals(w); }
        boolean punct(int i) { return i >= 0 && i < t.size() && t.get(i).isPunct(); }
        boolean adjacent(int a, int b) { return a >= 0 && b < t.size() && t.get(a).end() == t.get(b).start(); }
        boolean verb(int i) { String w = lower(i); return STATING.contains(w) || OTHER_VERBS.contains(w); }
        boolean capital(int i) { return i >= 0 && i < t.size() && Character.isUpperCase(t.get(i).text().charAt(0)); }

        /** A token that can be part of a name: a capital past its first letter, a digit beside letters, a capital word. */
        boolean nameLike(int i) {
            if (i < 0 || i >= t.size()) return false;
            if (nameLike[i] == 0) nameLike[i] = (byte) (computeNameLike(i) ? 1 : -1);
            return nameLike[i] > 0;
        }

        private boolean computeNameLike(int i) {
            String w = t.get(i).text();
            if (t.get(i).isPunct() || NOT_NAMES.contains(t.get(i).lower())) return false;
            // "10-times", "1001-layer", "3-way": a count, not a name; "top-1" a metric word; "environments.This" and
            // "thetop-1" words a text extraction glued together.
            if (w.indexOf('-') > 0 && (COUNT_WORD.matcher(w).matches() || WORD_NUMBER.matcher(w).matches())
                    || w.indexOf('.') > 0 && GLUED_WORDS.matcher(w).matches()) return false;
            boolean letter = false, digit = false, innerCap = false;
            for (int c = 0; c < w.length(); c++) {
                char ch = w.charAt(c);
                if (Character.isLetter(ch)) letter = true;
                if (Character.isDigit(ch)) digit = true;
                if (c > 0 && Character.isUpperCase(ch)) innerCap = true;
            }
            if (!letter) return false;
            if (innerCap || digit) return true;
            if (!Character.isUpperCase(w.charAt(0))) return false;
            // A capitalised word: a name inside the sentence; at its start only with a name after it or in the lexicon.
            return i > 0 || nameLike(i + 1) || type[i] != null;
        }
    }

    /** Words whose whole-number neighbour is part of a metric's name, not a score: "Top 1 Accuracy", "Hits @ 10". */
    private static final Set<String> METRIC_NUMBER_BEFORE = Set.of("top", "hits", "rank", "@");

    /** A preposition glued to the name after it, where a text lost the space at a line break: "onUD v1.2", "inCIFAR-10". */
    private static final Pattern GLUED_PREP = Pattern.compile("(on|in|for|over|of|with|and)\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*");

    /** A word glued to a decimal written without its leading zero, where a text lost a space: "of.4616". */
    private static final Pattern GLUED_DOT_DECIMAL = Pattern.compile("(\\p{Ll}{2,})(\\.\\d+)");
    /** A word joined by a dash, without spaces, to the percentage after it: "both datasets-97.55%". */
    private static final Pattern DASHED_PERCENT = Pattern.compile("(\\p{Ll}{3,})-(\\d+(?:\\.\\d+)?)");

    /**
     * Splits tokens that are a lower-case preposition glued to a capitalised name ({@link #GLUED_PREP}) in two, and
     * mends numbers a text extraction broke: a decimal without its leading zero (".4616", which the tokenizer cuts
     * after the dot, or glued to the word before it, "of.4616") is one number token; a word joined by a dash to the
     * percentage after it ("datasets-97.55%") is the word, the dash and the number.
     */
    static List<Token> unglue(List<Token> tokens) {
        List<Token> out = null;
        boolean numbers = !OFF.contains("leadingDot");
        for (int i = 0; i < tokens.size(); i++) {
            Token tk = tokens.get(i);
            String w = tk.text();
            if (numbers) {
                // ". 4616" stays apart; ".4616" after a space or punctuation (not "79.4616", one token already) is one number.
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                Token before = i > 0 ? tokens.get(i - 1) : null;
                if (w.equals(".") && next != null && next.start() == tk.end() && DIGITS.matcher(next.text()).matches()
                        && (before == null || before.end() < tk.start() || before.isPunct())) {
                    if (out == null) out = new ArrayList<>(tokens.subList(0, i));
                    String d = "." + next.text();
                    out.add(new Token(d, tk.start(), next.end(), d, Tokenizer.key(d)));
                    i++;
                    continue;
                }
                boolean dot = w.indexOf('.') > 1, dash = w.indexOf('-') > 2 && next != null && next.text().equals("%");
                Matcher g = dot ? GLUED_DOT_DECIMAL.matcher(w) : null;
                Matcher h = dash ? DASHED_PERCENT.matcher(w) : null;
                boolean dashed = h != null && h.matches();
                if (dashed || g != null && g.matches()) {
                    if (out == null) out = new ArrayList<>(tokens.subList(0, i));
                    Matcher m = dashed ? h : g;
                    String a = m.group(1), b = m.group(2);
                    out.add(new Token(a, tk.start(), tk.start() + a.length(), a.toLowerCase(Locale.ROOT), Tokenizer.key(a)));
                    // The dash is read as the dash it stands for, not a minus sign ("-88.25%" would be a change).
                    if (dashed) out.add(new Token("—", tk.start() + a.length(), tk.start() + a.length() + 1, "—", ""));
                    out.add(new Token(b, tk.end() - b.length(), tk.end(), b, Tokenizer.key(b)));
                    continue;
                }
            }
            boolean shape = w.length() > 2 && Character.isLowerCase(w.charAt(0))
                    && (Character.isUpperCase(w.charAt(2)) || w.length() > 3 && Character.isUpperCase(w.charAt(3)) || w.length() > 4 && Character.isUpperCase(w.charAt(4)));
            Matcher m = shape ? GLUED_PREP.matcher(w) : null;
            if (m == null || !m.matches()) { if (out != null) out.add(tk); continue; }
            if (out == null) out = new ArrayList<>(tokens.subList(0, i));
            int cut = m.end(1);
            String a = tk.text().substring(0, cut), b = tk.text().substring(cut);
            out.add(new Token(a, tk.start(), tk.start() + cut, a, a));
            out.add(new Token(b, tk.start() + cut, tk.end(), b.toLowerCase(Locale.ROOT), Tokenizer.key(b)));
        }
        return out == null ? tokens : out;
    }

    /** Results in {@code abstractText}; {@code proposed} names the paper's own method (for "our model"), or null. */
    public List<FoundResult> find(String abstractText, List<EntityFinder.Found> mentions, String proposed) {
        List<FoundResult> out = new ArrayList<>();
        if (abstractText == null || !mayHoldResults(abstractText)) return out;
        // "84.7% \/ 65.8%": a slash escaped by the source's tokeniser is a slash (same length, so offsets hold).
        if (!OFF.contains("slashList") && abstractText.contains("\\/")) abstractText = abstractText.replace("\\/", " /");
        Set<String> seen = new HashSet<>();
        String about = null;          // the method the previous sentence was about (for "it")
        List<String> prevSets = List.of();
        List<Sent> sentences = new ArrayList<>();
        for (int[] sr : Sentences.split(abstractText)) sentences.add(new Sent(abstractText.substring(sr[0], sr[1])));
        // The sets the whole abstract names; when it names one only, a score with no set of its own is on it.
        List<String> named = new ArrayList<>();
        for (Sent x : sentences) for (String d : setsNamed(x)) addSet(named, d);
        String only = named.size() == 1 ? named.get(0) : null;
        java.util.Map<String, String> taskSets = new java.util.HashMap<>();
        for (Sent x : sentences) taskSets(x, taskSets);
        for (Sent x : sentences) {
            x.taskSets = taskSets;
            if (containsDigit(x.s)) sentence(x, proposed, about, prevSets, only, out, seen);
            String subject = sentenceSubject(x, proposed);
            if (subject != null) about = subject;
            prevSets = setsEvaluatedOn(x);
        }
        return out;
    }

    /** Reads one sentence into {@code out}. */
    private void sentence(Sent x, String proposed, String about, List<String> prevSets, String only, List<FoundResult> out, Set<String> seen) {
        List<Cand> cands = new ArrayList<>();
        for (int i = 0; i < x.n(); i++) {
            if (!x.isNumber(i)) continue;
            Cand c = candidate(x, i);
            if (c != null) cands.add(c);
        }
        if (cands.isEmpty()) return;
        sharedPercent(x, cands);
        for (Cand c : cands) if (!c.rejected) metric(x, c);
        propagateRejections(x, cands);
        slashMetrics(x, cands);
        inheritMetrics(x, cands);
        for (Cand c : cands) {
            boolean predicate = PREDICATE.matcher(x.lower(c.tok - 1)).matches() || x.text(c.tok - 1).equals("$") && PREDICATE.matcher(x.lower(c.tok - 2)).matches();
            // "the relative improvement of our model in terms of classification accuracy is 4.38%": a change.
            if (predicate && !c.rejected) {
                for (int k = c.tok - 2; k >= clauseStart(x, c.tok); k--) {
                    if (x.isNumber(k)) break;
                    if (GAIN_NOUNS.contains(x.lower(k))) { c.rejected = c.gain = true; break; }
                }
                if (c.rejected) continue;
            }
            if (!c.rejected && c.metric == null && (c.percent || predicate) && openAfter(x, c.end)) {
                freeMetric(x, c, cands);
                if (c.metric != null) inheritMetrics(x, cands);
            }
        }
        for (Cand c : cands) {
            if (c.rejected || c.metric != null || !openAfter(x, c.end)) continue;
            gainMetric(x, c, cands);
            if (c.metric != null) inheritMetrics(x, cands);
        }
        for (Cand c : cands) if (!c.rejected && c.metric != null) datasetsAfter(x, c);
        shareDatasets(x, cands);
        respectively(x, cands);
        for (Cand c : cands) if (!c.rejected && c.metric != null && c.datasets.isEmpty() && !c.ownSetPhrase) datasetsBefore(x, c, cands);
        for (Cand c : cands) c.setFromText = !c.datasets.isEmpty();
        for (Cand c : cands) if (!c.rejected && c.metric != null) method(x, c, proposed, about, cands);
        inheritDatasets(x, cands);
        for (Cand c : cands) {
            if (!c.live() || c.metric == null || !c.datasets.isEmpty() || c.ownSetPhrase) continue;
            // The one set the previous sentence evaluates on, else the one set the whole abstract names; not a set
            // another score of this sentence is on ("95.71% accuracy onUD v1.2 and 95.67% accuracy on UD v1.3").
            String d = prevSets.size() == 1 ? prevSets.get(0) : only;
            String dk = d == null ? "" : Tokenizer.key(d);
            for (Cand o : cands) if (o != c && o.setFromText && o.datasets.stream().anyMatch(od -> Tokenizer.key(od).equals(dk))) d = null;
            if (d != null && placeAfter(x, c, cands)) d = null;
            if (d != null) {
                c.datasets.add(d);
                c.setFromContext = true;
            }
        }
        for (Cand c : cands) {
            if (!c.live() || c.metric == null || c.datasets.isEmpty() || !c.methodSet) continue;
            c.metric = Metrics.choose(singular(FIGURE_TAIL.matcher(F_SPACE_1.matcher(c.metric).replaceAll("F1")).replaceAll("")), c.value);
            // The metric as the graph names it decides its direction, the same for every result of that metric.
            String metricName = resolver.canonical(EntityType.METRIC, c.metric);
            if (metricName == null || Metrics.isCost(c.metric) || !Metrics.plausible(metricName, c.value, c.percent)) continue;
            boolean lower = Metrics.lowerIsBetter(metricName);
            int from = c.metricFrom >= 0 && !c.metricInherited ? Math.min(c.metricFrom, c.tok) : c.tok;
            int to = c.metricTo >= 0 && !c.metricInherited ? Math.max(c.metricTo, c.end) : c.end;
            String surface = x.span(from, to);
            List<String> methods = new ArrayList<>();
            methods.add(c.method);
            if (c.method2 != null) methods.add(c.method2);
            for (String method : methods) {
                for (String d : c.datasets) {
                    if (method != null && Tokenizer.key(method).equals(Tokenizer.key(d))) continue;
                    String key = (method == null ? "" : Tokenizer.key(resolver.canonical(EntityType.METHOD, method))) + '\u0001'
                            + Tokenizer.key(resolver.canonical(EntityType.DATASET, d)) + '\u0001' + Tokenizer.key(metricName) + '\u0001'
                            + c.value.stripTrailingZeros().toPlainString();
                    if (!seen.add(key)) continue;
                    Lexicon.Entry known = lexicon.lookup(d);
                    String evidence = ResultConfidence.bucket(c.setFromContext, c.metricInherited,
                            method == null ? "unnamed" : method.equals(proposed) ? "proposed" : "named",
                            known != null && known.type() == EntityType.DATASET);
                    out.add(new FoundResult(method, d, c.metric, null, c.value, c.raw, c.percent, lower, surface, x.s,
                            ResultConfidence.ofBucket(evidence), evidence));
                }
            }
        }
    }

    // ---------------------------------------------------------------- numbers

    private Cand candidate(Sent x, int i) {
        String text = x.text(i);
        boolean decimal = text.indexOf('.') >= 0;
        int j = i + 1;
        boolean percent = false;
        if (x.text(j).equals("%")) { percent = true; j++; }
        else if (x.text(j).equals("\\") && x.text(j + 1).equals("%")) { percent = true; j += 2; }
        else if (x.text(j).equals("{") && x.text(j + 1).equals("\\") && x.text(j + 2).equals("%") && x.text(j + 3).equals("}")) { percent = true; j += 4; }
        else if (x.is(j, "percent")) { percent = true; j++; }
        // LaTeX left in the text: "$3.808\\%$", "$0.1958$".
        if (x.text(j).equals("$") && x.text(i - 1).equals("$")) j++;
        String raw = x.s.substring(x.t.get(i).start(), x.t.get(j - 1).end());
        Cand c = new Cand(i, new BigDecimal(text), raw, percent);
        c.end = j;
        // "1,234" and "50,000": a count.
        if (x.text(i - 1).equals(",") && x.adjacent(i - 1, i) && x.isNumber(i - 2)) return null;
        if (x.text(j).equals(",") && x.adjacent(j - 1, j) && x.isNumber(j + 1) && x.adjacent(j, j + 1) && x.text(j + 1).length() == 3) return null;
        String prev = x.lower(i - 1), prev2 = x.lower(i - 2) + " " + prev;
        String next = x.lower(j);
        // A metric's own number, written with a space: "Top 1 Accuracy", "top 5 error", "Hits @ 10", "rank 1".
        if (!percent && !decimal && METRIC_NUMBER_BEFORE.contains(prev)) return null;
        // A version: "SQuAD v 1.1", "version 2.0".
        if ((prev.equals("v") || prev.equals("version")) && !percent) return null;
        // Citations and years in brackets: "(2017)", "[12]".
        if ((prev.equals("(") || prev.equals("[")) && (next.equals(")") || next.equals("]")) && !percent && !decimal) return null;
        boolean metricAfter = startsMetric(x, j);
        // A name's number: "SQuAD 1.1", "PASCAL VOC 2012", "WMT 2014" (unless a metric or percent sign follows).
        if (!percent && x.nameLike(i - 1) && !metricAfter) return null;
        if (!percent && !decimal && !metricAfter && !metricBefore(x, i)) return null;
        if (UNITS.contains(next) && !metricAfter) { c.rejected = true; return c; }
        if (x.text(j).startsWith("-") || x.text(j).equals("x") || x.text(j).equals("×")) { c.rejected = true; return c; }
        if (GAIN_AFTER.contains(next) && !metricAfter) { c.rejected = c.gain = true; return c; }
        // "by 2.3%", "more than 30%", "+1.3%", "within 0.4%", "better than 33.3", "below the 5.1% error".
        if (BOUND_1.contains(prev) || BOUND_2.contains(prev2)) { c.rejected = c.gain = true; return c; }
        if ((prev.equals("the") || prev.equals("a")) && (BOUND_1.contains(x.lower(i - 2)) && !x.is(i - 2, "by") || BOUND_2.contains(x.lower(i - 3) + " " + x.lower(i - 2)))) {
            c.rejected = c.gain = true;
            return c;
        }
        if ((prev.equals("an") || prev.equals("a")) && (x.is(i - 2, "by") || x.is(i - 2, "of") && GAIN_NOUNS.contains(x.lower(i - 3)))) {
            c.rejected = c.gain = true;
            return c;
        }
        if (prev.equals("of") && (GAIN_NOUNS.contains(x.lower(i - 2)) || x.is(i - 3, "margin"))) { c.rejected = c.gain = true; return c; }
        // A gain noun right after: "a 28% relative improvement", "12.0 perplexity units".
        for (int k = j; k < Math.min(x.n(), j + 3); k++) {
            if (GAIN_NOUNS.contains(x.lower(k)) && (k == j || METRIC_MODIFIERS.contains(x.lower(k - 1)) || isHeadWord(x.lower(k - 1))
                    || x.is(k - 1, "relative") || x.is(k - 1, "absolute"))) { c.rejected = c.gain = true; return c; }
            if (x.is(k, "units") && k > j) { c.rejected = c.gain = true; return c; }
            if (x.punct(k)) break;
        }
        // Ranges: "from A to B", "A-B", "between A and B".
        if (prev.equals("from")) { c.rejected = true; return c; }
        if (prev.equals("to") || prev.equals("-") || prev.equals("–")) {
            int a = i - 2;
            if (x.is(a, "down") || x.is(a, "up")) a--;
            if (x.text(a).equals("%")) a--;
            if (x.text(a).equals("\\")) a--;
            if (x.isNumber(a)) {
                if (!x.is(a - 1, "from") || !changeBefore(x, a - 1)) { c.rejected = true; return c; }
                c.rangeEnd = true;
            }
        }
        // A percentage of something: "0.24% of the pixels", "97% of BERT's performance".
        if (percent && next.equals("of")) { c.rejected = true; return c; }
        // Compared against: "vs. 54.7%", "against 33.3", "compared to 33.0%".
        if (prev.equals("vs") || prev.equals("versus") || prev.equals("against") || prev.equals("v/s")
                || (prev.equals("to") || prev.equals("with")) && x.is(i - 2, "compared") || prev.equals(".") && x.is(i - 2, "vs")) {
            c.compared = true;
        }
        return c;
    }

    /** True when a verb of change precedes the range at token {@code at} in its clause, or a change range does. */
    private static boolean changeBefore(Sent x, int at) {
        for (int k = at - 1; k >= 0 && k > at - 80; k--) {
            String w = x.lower(k);
            if (w.equals(";") || w.equals(".") || w.equals(":")) return false;
            if (CHANGE.contains(w)) return true;
            if (w.equals("ranging") || w.equals("range") || w.equals("ranges") || w.equals("between") || w.equals("vary") || w.equals("varies")) return false;
        }
        return false;
    }

    // ---------------------------------------------------------------- metrics

    private static boolean isHeadWord(String w) {
        if (HEADS.contains(w) || HEAD_PATTERN.matcher(w).matches()) return true;
        // "F1-scores", "BLEU-4s": a plural of a head.
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && (HEADS.contains(w.substring(0, w.length() - 1))
                || HEAD_PATTERN.matcher(w.substring(0, w.length() - 1)).matches())) return true;
        // "perplex-ity", "accu-racy": a word broken across a line in the PDF the text came from.
        int dash = w.indexOf('-');
        return dash > 2 && w.indexOf('-', dash + 1) < 0 && w.chars().allMatch(ch -> ch == '-' || Character.isLowerCase(ch))
                && HEADS.contains(w.replace("-", ""));
    }

    /** True when a metric phrase starts at token {@code j} (possibly after modifiers or in parentheses). */
    private boolean startsMetric(Sent x, int j) { return metricAfterEnd(x, j) > 0 && !lonelyScore(x, j, metricAfterEnd(x, j)); }

    /**
     * The end of the metric phrase starting at {@code j} ("top-5 test error", "top-1 accuracy", "(GLEU)", "bits per
     * character"), or -1: modifiers and heads run on, and the phrase ends after its last head.
     */
    private int metricAfterEnd(Sent x, int j) {
        // "(GLEU)", "86.6% (F1, sentences under 40 words)": the metric alone at the head of a parenthesis.
        if (x.text(j).equals("(") && isHead(x, j + 1) && (x.text(j + 2).equals(")") || x.text(j + 2).equals(",") && !x.isNumber(j + 3) && !OFF.contains("parenMetric"))) return j + 3;
        int k = j;
        int end = -1;
        while (k < x.n() && k < j + 6) {
            if (isHead(x, k)) { end = extendHead(x, k); k = end; continue; }
            if (x.type[k] == EntityType.METRIC && x.lexEnd[k] > k) { end = x.lexEnd[k]; k = end; continue; }
            if (!METRIC_MODIFIERS.contains(x.lower(k))) break;
            k++;
        }
        return end;
    }

    /** True when token {@code k} is a metric head word. */
    private static boolean isHead(Sent x, int k) {
        if (k < 0 || k >= x.n()) return false;
        String w = x.lower(k);
        switch (w) {
            case "is": return x.text(k).equals("IS");
            case "per": return x.text(k).equals("PER");
            case "em": return x.text(k).equals("EM");
            case "map": return x.text(k).equals("mAP") || x.text(k).equals("MAP");
            case "bits": return x.is(k + 1, "per") || x.text(k + 1).startsWith("/");
            case "f": return x.text(k).equals("F") && F1_TAIL.matcher(x.text(k + 1)).matches();
            case "exact": return x.is(k + 1, "match");
            case "success", "miss": return x.is(k + 1, "rate");
            default:
                if (isHeadWord(w)) return true;
                // "bpc/perplexity", "PSNR/SSIM": two metrics in one name (Metrics.choose picks by value).
                if (w.indexOf('/') > 0) {
                    for (String part : w.split("/")) if (!isHeadWord(part)) return false;
                    return true;
                }
                return false;
        }
    }

    /** Extends a head with what follows it: "top-1 accuracy", "error rate", "F1 score", "bits per character", "IS (%)". */
    private static int extendHead(Sent x, int k) {
        int e = k + 1;
        String w = x.lower(k);
        if (w.equals("bits") && x.is(e, "per")) e += 2;
        else if (w.equals("f") && F1_TAIL.matcher(x.text(e)).matches()) e++;
        else if (w.equals("exact") || w.equals("success") || w.equals("miss")) e++;
        // "top-1 accuracy", "F1 score", "error rate", "BLEU points": heads and tails run on.
        int more = 0;
        while (more < 2 && e < x.n() && (TAILS.contains(x.lower(e)) || isHead(x, e) && !x.is(e, "is") && !x.is(e, "per"))) { e++; more++; }
        // "Inception Score (IS)", "mean average precision (mAP)".
        if (x.text(e).equals("(") && isHead(x, e + 1) && x.text(e + 2).equals(")")) e += 3;
        return e;
    }

    /** Reads the metric of a score: after it, before it ("an F1 of 93.2"), else left for inheritance. */
    private void metric(Sent x, Cand c) {
        int after = metricAfterEnd(x, c.end);
        if (after > 0) {
            boolean paren = x.text(c.end).equals("(");
            int from = paren ? c.end + 1 : c.end;
            int to = paren ? after - 1 : after;
            if (!lonelyScore(x, from, to)) {
                while (from < to - 1 && PRAISE.contains(x.lower(from))) from++;
                int mto = to;
                if (x.is(mto - 1, "points") || x.is(mto - 1, "figure")) mto--;
                if (x.text(mto - 1).equals(")") && x.text(mto - 3).equals("(")) mto -= 3;
                c.metric = x.span(from, mto);
                c.metricFrom = from;
                c.metricTo = mto;
                c.metricEnd = after;
                // "2.5 F1 absolute higher than", "1.2 BLEU improvement": a change in that metric.
                if (GAIN_AFTER.contains(x.lower(after)) && !x.is(after, "over") && !x.is(after, "up") || GAIN_NOUNS.contains(x.lower(after))) {
                    c.rejected = c.gain = true;
                }
                return;
            }
        }
        // "71.3% in terms of exact match", "71.3% on the evaluation metric of exact match": the metric named after a phrase.
        int named = OFF.contains("termsOf") ? -1 : termsOf(x, c.end);
        if (named > 0) {
            int end = metricAfterEnd(x, named);
            if (end > 0 && !lonelyScore(x, named, end)) {
                int from = named;
                while (from < end - 1 && PRAISE.contains(x.lower(from))) from++;
                c.metric = x.span(from, end);
                c.metricFrom = from;
                c.metricTo = end;
                c.metricEnd = end;
                return;
            }
        }
        metricBefore(x, c);
        if (c.metric == null && !c.percent) {
            // "RoBERTa scores 88.5 on the GLUE leaderboard": the verb names the benchmark's own score.
            int k = c.tok - 1;
            if (x.is(k, "scores") || x.is(k, "scored") || x.is(k, "score") && !x.is(k - 1, "a") && !x.is(k - 1, "the")) {
                c.metric = "score";
                c.metricFrom = k;
                c.metricTo = k + 1;
                c.metricEnd = c.end;
            }
        }
    }

    /** "F 1 score": an F1 the text's tokenisation split. */
    private static final Pattern F_SPACE_1 = Pattern.compile("\\bF 1\\b");
    /** "F1 figure": "figure" says the number is one, it is not part of the metric's name. */
    private static final Pattern FIGURE_TAIL = Pattern.compile("(?<=\\S)\\s+figures?$");
    /** Where the metric starts after "in terms of" or "on|in|under the (evaluation) metric(s) of" at token {@code k}, else -1. */
    private static int termsOf(Sent x, int k) {
        if (x.is(k, "in") && x.is(k + 1, "terms") && x.is(k + 2, "of")) return k + 3;
        if (!(x.is(k, "on") || x.is(k, "in") || x.is(k, "under")) || !x.is(k + 1, "the")) return -1;
        int m = k + 2;
        if (x.is(m, "evaluation")) m++;
        return (x.is(m, "metric") || x.is(m, "metrics") || x.is(m, "measure")) && x.is(m + 1, "of") ? m + 2 : -1;
    }

    private static final Pattern PLURAL_HEAD = Pattern.compile("(?i)(measure|score|rate|error|value|coefficient)s$");
    private static final Pattern PLURAL_Y = Pattern.compile("(?i)(accurac|perplexit)ies$");

    /** A metric named in the plural for a list of scores ("F-measures of 96.6% and 94.1%") is the singular metric. */
    static String singular(String metric) {
        String m = PLURAL_HEAD.matcher(metric).replaceFirst("$1");
        return PLURAL_Y.matcher(m).replaceFirst("$1y");
    }

    /** "score" or "rate" alone is no metric name. */
    private static boolean lonelyScore(Sent x, int from, int to) {
        if (to - from != 1) return false;
        String w = x.lower(from);
        return w.equals("score") || w.equals("scores") || w.equals("rate");
    }

    /** True when a metric phrase ends right before number {@code i} (after "of", "=", "is", ...). */
    private boolean metricBefore(Sent x, int i) {
        Cand probe = new Cand(i, BigDecimal.ZERO, "", false);
        probe.end = i + 1;
        metricBefore(x, probe);
        return probe.metric != null;
    }

    /** Names that with "score" are a metric, not a benchmark's score: "the NIST score of 6.96". */
    private static final Set<String> SCORE_METRICS = words("nist bleu rouge meteor inception ter chrf bert gleu cider");

    private static final Set<String> BEFORE_GLUE = words("of = : is was are were at to reaches reached achieves achieved ( as equals equal $ "
            + "calculated computed measured estimated found be");

    private void metricBefore(Sent x, Cand c) {
        int k = c.tok - 1;
        // Skip "from A (down|up)? to" of a range end, and the glue words.
        if (c.rangeEnd) {
            while (k >= 0 && !x.is(k, "from")) k--;
            k--;
        }
        int glue = 0;
        while (k >= 0 && glue < 4 && BEFORE_GLUE.contains(x.lower(k))) { k--; glue++; }
        if (k < 0) return;
        // "an F1 score on scope resolution of 92.36", "an accuracy on the test set of 80.2%": the metric, then where
        // it was measured, then its value.
        if (glue > 0 && x.is(k + 1, "of") && !OFF.contains("metricOnOf") && !isHead(x, k) && !TAILS.contains(x.lower(k))) {
            for (int p = k - 1; p >= 1 && p >= k - 5 && !x.punct(p) && !x.isNumber(p); p--) {
                if (!x.is(p, "on") && !x.is(p, "for") && !x.is(p, "in")) continue;
                if (isHead(x, p - 1) || TAILS.contains(x.lower(p - 1)) && isHead(x, p - 2) || F1_TAIL.matcher(x.text(p - 1)).matches() && x.text(p - 2).equals("F")
                        || TAILS.contains(x.lower(p - 1)) && x.text(p - 2).equals("1") && x.text(p - 3).equals("F")) { k = p - 1; glue++; }
                break;
            }
        }
        int end = k + 1;
        int h = k;
        if (x.text(h).equals(")") && isHead(x, h - 1) && x.text(h - 2).equals("(")) { end = h - 2; h -= 3; }
        if (TAILS.contains(x.lower(h)) && h > 0 && isHead(x, h - 1) && !x.is(h - 1, "score") && !x.is(h - 1, "rate")) h--;
        // "an F 1 score of 92.36": an F1 split in two by the text's tokenisation.
        else if (TAILS.contains(x.lower(h)) && x.text(h - 1).equals("1") && x.text(h - 2).equals("F") && !OFF.contains("splitF1")) h--;
        if ((x.is(h, "character") || x.is(h, "char") || x.is(h, "dimension") || x.is(h, "dim")) && x.is(h - 1, "per") && x.is(h - 2, "bits")) h -= 2;
        if (x.is(h, "match") && x.is(h - 1, "exact")) h--;
        if (x.is(h, "rate") && (x.is(h - 1, "success") || x.is(h - 1, "miss"))) h--;
        if (F1_TAIL.matcher(x.text(h)).matches() && x.text(h - 1).equals("F")) h--;
        boolean head = isHead(x, h) || x.type[h] == EntityType.METRIC;
        if (!head) return;
        int from = metricStart(x, h);
        // "RoBERTa scores 88.5": a verb, not a metric noun (that needs "of": "a GLUE score of 80.5").
        if ((x.is(h, "score") || x.is(h, "scores")) && glue == 0) return;
        if ((x.is(h, "score") || x.is(h, "scores")) && from == h || x.is(h, "rate") && from == h) {
            // "a GLUE score of 80.5": the name before "score" is the benchmark, unless the two are a metric ("Inception score").
            int d = from - 1;
            if (x.is(h, "rate") || d < 0 || !x.nameLike(d) || isHead(x, d)) return;
            int ds = d;
            while (ds - 1 >= 0 && x.nameLike(ds - 1)) ds--;
            String name = x.span(ds, d + 1);
            String both = name + " " + x.text(h);
            if (knownMetric(both) || SCORE_METRICS.contains(name.toLowerCase(Locale.ROOT))) {
                c.metric = both;
            } else {
                c.metric = x.text(h);
                if (!isMethodName(x, ds, d + 1)) c.datasets.add(name);
            }
            c.metricFrom = ds;
            c.metricTo = end;
            c.metricEnd = end;
            return;
        }
        c.metric = x.span(from, x.is(end - 1, "figure") && end - 1 > from ? end - 1 : end);
        c.metricFrom = from;
        c.metricTo = end;
        c.metricEnd = end;
        // "pushing ... MultiNLI accuracy to 86.7%", "an ImageNet top-1 accuracy of 80.2%": a set the lexicon knows,
        // right before the metric, is the set the score is on.
        int e = from, b = from;
        while (b - 1 >= 0 && x.nameLike(b - 1)) b--;
        if (b < e && x.type[b] == EntityType.DATASET && !isMethodName(x, b, e) && !x.verb(b - 1)) {
            String d = cleanSet(x, b, e, "on");
            if (d != null && c.datasets.isEmpty()) { c.datasets.add(d); c.metricFrom = b; }
        }
    }

    /** Where the metric phrase ending in head {@code h} starts: back over modifiers and heads, praise dropped. */
    private static int metricStart(Sent x, int h) {
        int from = h;
        while (from - 1 >= 0 && (METRIC_MODIFIERS.contains(x.lower(from - 1)) || isHead(x, from - 1) || x.type[from - 1] == EntityType.METRIC
                || x.text(from - 1).equals("/") && isHead(x, from - 2))) from--;
        while (from < h && (PRAISE.contains(x.lower(from)) || x.is(from, "level"))) from++;
        return from;
    }

    /** A metric name papergraph knows as one (so "Inception score" is a metric, "GLUE score" a score on GLUE). */
    private boolean knownMetric(String name) {
        Lexicon.Entry e = lexicon.lookup(name);
        if (e != null && e.type() == EntityType.METRIC) return true;
        String c = Metrics.canonical(name);
        return c != null && !c.equals("Score") && !c.equalsIgnoreCase(SPACES.matcher(name).replaceAll(" "));
    }

    /** Gains run on through a list: "an improvement of 20.31% and 18.42%". */
    private static void propagateRejections(Sent x, List<Cand> cands) {
        for (int i = 1; i < cands.size(); i++) {
            Cand a = cands.get(i - 1), b = cands.get(i);
            if (!a.gain || b.rejected || b.metric != null && b.metricFrom < b.tok) continue;
            if (joinedByList(x, a.end, b.tok)) { b.rejected = true; b.gain = true; }
        }
        // "improves the accuracy by 7.0% with ConceptNet, and 8.0% with Aristo": changes run on in their statement.
        for (int i = 1; i < cands.size(); i++) {
            Cand a = cands.get(i - 1), b = cands.get(i);
            if (a.gain && !b.rejected && b.metric == null && a.percent == b.percent && !newStatement(x, a.tok, b.tok)) { b.rejected = true; b.gain = true; }
        }
        // "0.8% and 0.9% higher": the last of a list says what all of them are.
        for (int i = cands.size() - 2; i >= 0; i--) {
            Cand a = cands.get(i), b = cands.get(i + 1);
            if (a.rejected || !b.gain || a.metric != null) continue;
            if (joinedByList(x, a.end, b.tok)) { a.rejected = true; a.gain = true; }
        }
    }

    /**
     * "a precision of 84.7%, a recall of 65.8% and an F1 of 73.9 on X": scores each named by "a METRIC of", joined by
     * list punctuation and "and", with the article of the next one's metric phrase between them (rule {@code articleList}).
     */
    private static boolean articleList(Sent x, Cand c, Cand next) {
        if (OFF.contains("articleList") || next.metricInherited || next.metricFrom < 0 || next.metricFrom >= next.tok) return false;
        int to = next.first();
        if (to - 1 <= c.after() || !ARTICLES.contains(x.lower(to - 1))) return false;
        return joinedByList(x, c.after(), to - 1);
    }

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /**
     * "an accuracy of 60.5 and 65.9%": the percent sign after the last of a list of decimals is the list's (rule
     * {@code sharedPercent}). Only decimals: "2 and 65.9%" may be a count.
     */
    private static void sharedPercent(Sent x, List<Cand> cands) {
        if (OFF.contains("sharedPercent")) return;
        for (int i = cands.size() - 2; i >= 0; i--) {
            Cand c = cands.get(i), next = cands.get(i + 1);
            if (c.percent || !next.percent || c.rejected || next.rejected || c.raw.indexOf('.') < 0 || next.raw.indexOf('.') < 0) continue;
            if (c.end < next.tok && joinedByList(x, c.end, next.tok) && !x.text(next.tok - 1).equals(",")) c.percent = true;
        }
    }

    /**
     * "precision / recall / F1 of 84.7 / 65.8 / 73.9" and "84.7 / 65.8 / 73.9 P / R / F1": a metric phrase of k names
     * split by slashes, next to a group of k scores split by slashes, names the scores in order (rule
     * {@code slashList}). Groups of another size keep no metric from it.
     */
    private static void slashMetrics(Sent x, List<Cand> cands) {
        if (OFF.contains("slashList")) return;
        String[] last = null;
        int lastEnd = -1, groups = 0;
        for (int i = 0; i < cands.size(); i++) {
            int j = i;
            while (j + 1 < cands.size() && slashJoined(x, cands.get(j).end, cands.get(j + 1).tok)) j++;
            if (j == i) continue;
            List<Cand> group = cands.subList(i, j + 1);
            Cand named = null;
            for (Cand c : group) if (!c.metricInherited && c.metric != null && c.metric.contains("/")) named = c;
            boolean own = false;
            for (Cand c : group) own |= c.metric != null && c != named;
            i = j;
            // "P / R / F of a / b / c and d / e / f": a second group of as many scores, joined by "and", takes the same names.
            String[] parts = named != null ? named.metric.split("\\s*/\\s*")
                    : !own && last != null && joinedByList(x, lastEnd, group.get(0).tok) ? last : null;
            if (parts == null) continue;
            if (parts.length != group.size()) {
                for (Cand c : group) { c.metric = null; c.skip = true; }
                continue;
            }
            groups++;
            for (int k = 0; k < parts.length; k++) {
                Cand c = group.get(k);
                if (c.rejected || parts[k].isBlank()) { for (Cand g : group) g.skip = true; break; }
                c.metric = parts[k].strip();
                c.metricInherited = c != named;
                c.slashGroup = groups;
            }
            last = parts;
            lastEnd = group.get(group.size() - 1).end;
        }
    }

    /**
     * "P / R / F of a / b / c and d / e / f on X and Y respectively": as many slash groups as sets pair group by group;
     * gives the run its sets and returns true (the last score's own set is then the last of the list).
     */
    private static boolean byGroup(List<Cand> run, Cand last, List<String> sets) {
        if (last.slashGroup == 0 || sets.size() < 2) return false;
        int first = run.get(0).slashGroup;
        if (first == 0 || last.slashGroup - first + 1 != sets.size()) return false;
        for (Cand c : run) if (c.slashGroup < first) return false;
        for (Cand c : run) c.datasets.add(sets.get(c.slashGroup - first));
        return true;
    }

    /** True when only a slash (and a percent sign) stands between tokens {@code from} and {@code to}. */
    private static boolean slashJoined(Sent x, int from, int to) {
        boolean slash = false;
        for (int k = from; k < to; k++) {
            String w = x.text(k);
            if (w.equals("/") || w.equals("\\/")) slash = true;
            else if (!w.equals("%") && !w.equals("\\")) return false;
        }
        return slash;
    }

    /**
     * True when a score before index {@code j} already has a set: "an F1 of A on X, with a recall of B and a precision
     * of C, and an F1 of D on Y" is two statements, and B and C belong to X, not to Y.
     */
    private static boolean setBefore(List<Cand> cands, int j) {
        for (int k = 0; k < j; k++) if (!cands.get(k).rejected && !cands.get(k).datasets.isEmpty()) return true;
        return false;
    }

    /** True when only list punctuation and "and" stand between tokens {@code from} and {@code to}. */
    private static boolean joinedByList(Sent x, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = x.lower(k);
            if (!(w.equals(",") || w.equals("and") || w.equals("or") || w.equals("%") || w.equals("respectively"))) return false;
        }
        return true;
    }

    /** A score without a metric takes the metric of the previous score of the sentence (same percent sign). */
    private static void inheritMetrics(Sent x, List<Cand> cands) {
        // "41.5 and 41.2 AP": a score right before one whose metric follows it.
        for (int i = cands.size() - 2; i >= 0; i--) {
            Cand c = cands.get(i), next = cands.get(i + 1);
            if (c.rejected || c.metric != null || next.rejected || next.metric == null || next.metricInherited || next.percent != c.percent) continue;
            if (joinedByList(x, c.end, next.tok) && next.metricFrom > next.tok) {
                c.metric = next.metric;
                c.metricInherited = true;
            }
        }
        Cand prev = null;
        for (Cand c : cands) {
            if (c.rejected) continue;
            if (c.metric == null && prev != null && (prev.percent == c.percent || c.compared)
                    && (!newStatement(x, prev.tok, c.tok) || relative(x, prev.tok, c.tok)) && openAfter(x, c.end)) {
                c.metric = prev.metric;
                c.metricInherited = true;
            }
            if (c.metric != null) prev = c;
        }
    }

    /**
     * True when what follows a number lets it take a metric from elsewhere: punctuation, "and", a set preposition,
     * "with", "respectively", the end. "126.0 c40 on the official server" names something the metric may not cover.
     */
    private static boolean openAfter(Sent x, int k) {
        if (k >= x.n() || x.punct(k)) return true;
        String w = x.lower(k);
        return w.equals("and") || w.equals("or") || SET_PREPS.contains(w) || w.equals("with") || w.equals("respectively")
                || w.equals("by") || w.equals("at") || w.equals("vs") || w.equals("while") || w.equals("whilst") || w.equals("when")
                || w.equals("using") || w.equals("which") || x.verb(k);
    }

    /**
     * True when the score at {@code to} is in a clause that speaks of the place of the one at {@code from}: "31.4% mAP
     * on ILSVRC2013, where OverFeat had 24.3%", "80.6% accuracy, while humans reach 86.8%".
     */
    private static boolean relative(Sent x, int from, int to) {
        int start = clauseStart(x, to);
        if (start <= from) return false;
        String w = x.lower(start - 1);
        return w.equals("where") || w.equals("while") || w.equals("whereas") || w.equals("whilst");
    }

    /** True when a verb that starts a new statement stands between two tokens ("while humans reach", "where X had"). */
    private static boolean newStatement(Sent x, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            String w = x.lower(k);
            if (w.equals(";")) return true;
            // "transfer results include 91.7%": a verb whose subject is results goes on stating the same scores.
            if (x.verb(k) && !w.equals("is") && !w.equals("are") && !RESULT_NOUNS.contains(x.lower(k - 1))) return true;
        }
        return false;
    }

    /** A percentage with no metric next to it takes a metric the sentence named before it and gave no number. */
    private void freeMetric(Sent x, Cand c, List<Cand> cands) {
        int stop = 0;
        for (Cand o : cands) if (o != c && o.tok < c.tok && !o.rejected) stop = Math.max(stop, o.after());
        for (int k = c.tok - 1; k >= stop && k > c.tok - 30; k--) {
            if (x.text(k).equals(";")) return;
            if (!isHead(x, k) || x.is(k, "score") || x.is(k, "scores") || x.is(k, "rate") && !isHead(x, k - 1) && !x.is(k - 1, "error")) continue;
            int e = extendHead(x, k);
            int from = metricStart(x, k);
            c.metric = x.span(from, e);
            c.metricInherited = true;
            return;
        }
    }

    /**
     * "outperforming the previous best by 3% accuracy", "improves BLEU by 2 points, reaching 30.1": a score with no
     * metric of its own takes the metric its sentence names only in a change ("by N METRIC", "METRIC by N"), when that
     * is the one metric the sentence names.
     */
    private void gainMetric(Sent x, Cand c, List<Cand> cands) {
        int from = -1, to = -1;
        for (int k = 0; k + 1 < x.n(); k++) {
            if (!x.is(k, "by") || !x.isNumber(k + 1)) continue;
            int f = -1, t = -1;
            int end = k + 2;
            if (x.text(end).equals("%")) end++;
            int after = metricAfterEnd(x, end);
            if (after > 0 && !lonelyScore(x, end, after)) {
                f = end;
                t = after;
                while (f < t - 1 && (PRAISE.contains(x.lower(f)) || x.is(f, "points") || x.is(f, "point"))) f++;
                if (x.is(t - 1, "points")) t--;
            } else {
                for (int h = k - 1; h >= 0 && h >= k - 4; h--) {
                    if (isHead(x, h) && extendHead(x, h) == k && !lonelyScore(x, h, k)) { f = metricStart(x, h); t = k; break; }
                }
            }
            if (f < 0 || t <= f) continue;
            if (from >= 0 && !x.span(from, to).equalsIgnoreCase(x.span(f, t))) return;   // two metrics changed
            from = f;
            to = t;
        }
        if (from < 0) return;
        Set<String> own = new HashSet<>();
        for (int k = from; k < to; k++) own.add(x.lower(k));
        for (int k = 0; k < x.n(); k++) {
            if ((isHead(x, k) || x.type[k] == EntityType.METRIC) && !own.contains(x.lower(k))) return;
        }
        c.metric = x.span(from, to);
        c.metricInherited = true;
    }

    // ---------------------------------------------------------------- datasets

    /** Datasets named after a score: "on ImageNet", "on the WMT 2014 English-German translation task", "on A and B". */
    private void datasetsAfter(Sent x, Cand c) {
        int k = c.after();
        // Skip asides: "(...)", "vs. 54.7% by TransE", "of the original ResNet-50", "at 34ms", "by modifying only ...".
        for (int step = 0; step < 4 && k < x.n(); step++) {
            String w = x.lower(k);
            if (x.text(k).equals("(")) {
                int close = k;
                while (close < x.n() && !x.text(close).equals(")")) close++;
                if (close - k > 10) return;
                k = close + 1;
                continue;
            }
            if (w.equals("overall") || w.equals("accuracy") || w.equals("single-model") || w.equals("respectively") || w.equals("alone")) { k++; continue; }
            // ", higher than previously reported results on NEGRA": the results compared with are on the score's set.
            if (w.equals(",") && (x.is(k + 1, "higher") || x.is(k + 1, "better") || x.is(k + 1, "lower")) && x.is(k + 2, "than")) {
                int e = k + 3;
                while (e < x.n() && e < k + 8 && !x.punct(e) && !x.is(e, "on")) e++;
                if (x.is(e, "on") && RESULT_NOUNS.contains(x.lower(e - 1))) { k = e; break; }
                return;
            }
            if (w.equals("vs") || w.equals("vs.") || w.equals("v/s") || w.equals("versus")) {
                k++;
                if (x.text(k).equals(".")) k++;
                if (x.isNumber(k)) k++;
                if (x.text(k).equals("%")) k++;
                int m = metricAfterEnd(x, k);
                if (m > 0) k = m;
                continue;
            }
            if ((w.equals("by") || w.equals("of")) && !x.is(k + 1, "the") || w.equals("of")) {
                int m = k + 1;
                while (x.is(m, "the") || x.is(m, "a") || x.is(m, "original") || x.is(m, "standard") || x.is(m, "baseline")) m++;
                if (x.nameLike(m) && x.type[m] != EntityType.DATASET) {
                    while (x.nameLike(m)) m++;
                    k = m;
                    continue;
                }
                if (w.equals("by") && x.lower(k + 1).endsWith("ing")) {
                    // "by modifying only 0.24% of the pixels on CIFAR10DVS": a manner, then the set.
                    int e = k + 1;
                    while (e < x.n() && e < k + 12 && !SET_PREPS.contains(x.lower(e)) && !x.text(e).equals(",") && !x.text(e).equals(";")) e++;
                    if (x.is(e, "on")) { k = e; break; }
                }
                return;
            }
            if (w.equals("at") && !x.nameLike(k + 1) && !x.is(k + 1, "the")) {
                // "33.0% AP at 39ms for YOLOv3": a cost, then the name.
                int e = k + 1;
                while (e < x.n() && e < k + 4 && !x.punct(e) && !SET_PREPS.contains(x.lower(e)) && !x.is(e, "by")) e++;
                k = e;
                continue;
            }
            break;
        }
        // "85.5%, which is the best reported result on SNLI": the relative clause says where the score was measured.
        if (x.text(k).equals(",") && x.is(k + 1, "which") && (x.is(k + 2, "is") || x.is(k + 2, "was"))) {
            int e = k + 3;
            while (e < x.n() && e < k + 12 && !x.punct(e) && !x.is(e, "on") && !x.verb(e)) e++;
            if (x.is(e, "on") && setName(x, e + 1) != null) k = e;
        }
        if (k >= x.n() || !SET_PREPS.contains(x.lower(k))) return;
        String prep = x.lower(k);
        k++;
        // "91.21% F1 for NER" after "the CoNLL 2003 corpus for named entity recognition (NER)": the set named for that task.
        if (prep.equals("for") && !x.taskSets.isEmpty()) {
            int e = k;
            while (e < x.n() && e < k + 6 && !x.punct(e) && !x.is(e, "and") && !x.is(e, "on") && !x.is(e, "with") && !x.verb(e)) e++;
            String d = e > k ? x.taskSets.get(Tokenizer.key(x.span(k, e))) : null;
            if (d != null) {
                c.datasets.add(d);
                c.datasetsAfterEnd = e;
                return;
            }
        }
        // "86% F-measure in recovering full analyses", "for predicting the next word": a manner, not a place; the set
        // may be named before the score.
        if (!OFF.contains("gerund") && gerund(x, k)) {
            // "... in predicting links on FB15k": an "on" set phrase of the manner is the score's ("for X translation"
            // after a gerund names what was done, not where).
            int e = k + 1;
            while (e < x.n() && e < k + 8 && !x.punct(e) && !(x.is(e, "on") && setName(x, e + 1) != null)) e++;
            if (e >= x.n() || e >= k + 8 || x.punct(e)) return;
            prep = x.lower(e);
            k = e + 1;
        }
        boolean any = false;
        String base = null;
        while (true) {
            int[] name = setName(x, k);
            if (name == null) {
                // "on the full test set", "in the subtask A", "on these labels": a part of the set named elsewhere;
                // "on the official server", "in single utterances": somewhere the text does not name.
                if (!any && !partOfASet(x, k)) c.ownSetPhrase = true;
                break;
            }
            String d = cleanSet(x, name[0], name[1], prep);
            if (d == null) { if (!any) c.ownSetPhrase = true; break; }
            // "for YOLOv3": a method the score belongs to, not a set.
            if (prep.equals("for") && isMethodName(x, name[0], name[1]) && !c.methodSet) {
                c.method = d;
                c.methodSet = true;
                k = name[2];
                if (SET_PREPS.contains(x.lower(k)) && !x.is(k, "for")) { prep = x.lower(k); k++; continue; }
                break;
            }
            c.datasets.add(d);
            any = true;
            base = d;
            c.datasetsAfterEnd = name[2];
            k = name[2];
            // "on Cora, Citeseer and Pubmed", "on SCAN and PCFG", "on LVIS v1.0 val and test-dev splits".
            if (x.text(k).equals(",") && x.is(k + 1, "and")) k += 2;
            else if (x.text(k).equals(",") || x.is(k, "and")) k++;
            else break;
            if (x.is(k, "on")) k++;
            // "on the CoNLL-2005 and 2012 datasets": the second set shares the first one's name, with its own year.
            if (x.isNumber(k) && x.text(k).length() == 4 && YEAR_END.matcher(base).find() && !x.text(k + 1).equals("%") && !startsMetric(x, k + 1)) {
                c.datasets.add(YEAR_END.matcher(base).replaceFirst("$1" + x.text(k)));
                k++;
                c.datasetsAfterEnd = k;
                while (SET_HEADS.contains(x.lower(k))) { k++; c.datasetsAfterEnd = k; }
                break;
            }
            if (x.isNumber(k)) break;
            if (SPLITS.contains(x.lower(k)) && base != null) {
                String root = base.replaceAll("\\s+(?:test-dev|test-std|test-challenge|val|val2017|test2017|minival)$", "");
                c.datasets.add(root + " " + x.text(k));
                c.datasetsAfterEnd = k + 1;
                k++;
                while (SET_HEADS.contains(x.lower(k))) k++;
                break;
            }
            if (!x.nameLike(k) && !x.is(k, "the")) break;
        }
    }

    /** True when token {@code k} is a lower-case -ing word with no set word right after it ("in recovering", not "on training data"). */
    private static boolean gerund(Sent x, int k) {
        String w = x.text(k);
        if (w.length() < 6 || !w.endsWith("ing") || !Character.isLowerCase(w.charAt(0)) || SET_ADJECTIVES.contains(w)) return false;
        return !SET_HEADS.contains(x.lower(k + 1)) && !SET_HEADS.contains(x.lower(k + 2));
    }

    /**
     * True when the unnamed set phrase at {@code k} speaks of a part of a set named elsewhere: a split or track ("the
     * full test set", "the close-condition track 1", "the subtask A") or a set the text pointed at before ("these
     * labels", "both datasets").
     */
    private static boolean partOfASet(Sent x, int k) {
        if (x.is(k, "these") || x.is(k, "this") || x.is(k, "those") || x.is(k, "both") || x.is(k, "all") || x.is(k, "each")) return true;
        // "on the new test set", "on our own data": a set of the paper's that it does not name.
        for (int e = k; e < Math.min(x.n(), k + 3); e++) if (x.is(e, "new") || x.is(e, "our") || x.is(e, "own")) return false;
        for (int e = k; e < x.n() && e < k + 6 && !x.punct(e) || e < x.n() && x.text(e).equals("-"); e++) {
            if (SET_HEADS.contains(x.lower(e))) return true;
        }
        return false;
    }

    /**
     * The set name starting at token {@code k} (after its preposition): [name start, name end, phrase end], or null.
     * Adjectives and "the" before the name are skipped; years, versions, language pairs and split names after it
     * are part of it ("WMT 2014 English-German", "SQuAD v1.1", "COCO test-dev"); "the 19 tasks of VTAB" and "the
     * web portion of TriviaQA" name the set after "of".
     */
    private int[] setName(Sent x, int k) {
        // "a large-scale EL dataset": an indefinite article describes a set, it does not name one.
        if (x.is(k, "a") || x.is(k, "an")) return null;
        int[] quoted = quotedSet(x, k);
        if (quoted != null) return quoted;
        int adjectives = 0;
        boolean described = false;
        while (k < x.n() && (SET_ADJECTIVES.contains(x.lower(k)) || describes(x, k)) && !x.nameLike(k) && adjectives < 4) {
            described |= !SET_ADJECTIVES.contains(x.lower(k));
            k++;
            adjectives++;
        }
        if (k >= x.n()) return null;
        if (!x.nameLike(k) && x.type[k] != EntityType.DATASET) {
            // "the web portion of TriviaQA", "the 19 tasks of VTAB", "the test set of the first Winograd Schema Challenge".
            int of = k;
            while (of < x.n() && of < k + 4 && !x.is(of, "of") && !x.is(of, "from") && !x.punct(of) && !SET_PREPS.contains(x.lower(of))) of++;
            boolean from = x.is(of, "from") && SPLIT_WORDS.contains(x.lower(of - 1));   // "the test set from CoNLL-2008"
            if ((x.is(of, "of") || from) && of > k && !x.is(of + 1, "a") && !x.is(of + 1, "an")) {
                int m = of + 1;
                while (x.is(m, "the") || x.is(m, "first") || x.is(m, "second")) m++;
                if (x.nameLike(m)) return setName(x, m);
            }
            return null;
        }
        int nameStart = k;
        int e = k;
        while (e < x.n()) {
            if (x.nameLike(e) || x.type[e] == EntityType.DATASET && x.type[nameStart] == EntityType.DATASET) { e++; continue; }
            // Years and versions: "WMT 2014", "SQuAD 2.0", "CoNLL 2003".
            if (e > nameStart && x.isNumber(e) && !x.adjacent(e - 1, e) && !x.text(e + 1).equals("%") && !startsMetric(x, e + 1)) { e++; continue; }
            // "English to French", "English→German", "S&P 500".
            if (e > nameStart && isLanguage(x.text(e)) && (x.is(e + 1, "to") || x.text(e + 1).equals("→") || x.text(e + 1).equals("–")
                    || x.text(e + 1).equals("-")) && isLanguage(x.text(e + 2))) { e += 3; continue; }
            if (e > nameStart && x.text(e).equals("&") && x.capital(e + 1)) { e += 2; continue; }
            if (e > nameStart && SPLITS.contains(x.lower(e))) { e++; continue; }
            // "Karpathy split": a named split is where the score was measured.
            if (e > nameStart && x.is(e, "split") && x.capital(e - 1) && x.type[e - 1] != EntityType.DATASET) { e++; continue; }
            break;
        }
        if (e == nameStart) return null;
        int end = e;
        // "the Stanford question answering dataset": lower-case words up to a set head belong to the name.
        int h = e;
        while (h < x.n() && h < e + 5 && (QUOTE.matcher(x.text(h)).matches() || !x.punct(h)) && !x.capital(h) && !SET_HEADS.contains(x.lower(h))
                && !x.verb(h) && !SET_PREPS.contains(x.lower(h)) && !x.is(h, "and") && !x.is(h, "with") && !x.isNumber(h)) h++;
        if (h > e && (x.is(h, "dataset") || x.is(h, "benchmark") || x.is(h, "corpus")) && h - e <= 3) { e = h; end = h; }
        int phraseEnd = end;
        while (phraseEnd < x.n() && SET_HEADS.contains(x.lower(phraseEnd))) phraseEnd++;
        // After a describing word the name must be said to be a set ("the over-studied CoNLL-2003 dataset"), not a
        // word that modifies a noun ("gold-standard POS-tagged Chinese text").
        if (described && phraseEnd == end && x.type[nameStart] != EntityType.DATASET) return null;
        return new int[] {nameStart, e, phraseEnd};
    }

    /**
     * A set the text names in quotes, in lower case: "on the “abstract scenes” benchmark", "for the harder “balanced”
     * scenes" (up to three lower-case describing words before the quote, up to two words of one to three lower-case
     * words inside, then a set word or a plural noun after the closing quote); [name start, name end, phrase end] or
     * null. Read only after a set preposition; quotes before a word that is no set word and no plural ("the “hard”
     * version") name no set.
     */
    private static int[] quotedSet(Sent x, int k) {
        if (OFF.contains("quotedSet")) return null;
        int q = k;
        if (x.is(q, "the")) q++;
        int words = 0;
        while (words < 3 && q < x.n() && !QUOTE.matcher(x.text(q)).matches() && !x.punct(q) && !x.verb(q) && !x.capital(q)
                && !x.isNumber(q) && !SET_PREPS.contains(x.lower(q)) && !x.is(q, "and")) { q++; words++; }
        if (!QUOTE.matcher(x.text(q)).matches()) return null;
        int from = q + 1, to = from;
        while (to < x.n() && to < from + 4 && !QUOTE.matcher(x.text(to)).matches()) {
            if (x.punct(to) || x.isNumber(to) || x.text(to).isEmpty() || !Character.isLetter(x.text(to).charAt(0))) return null;
            to++;
        }
        if (to == from || to >= x.n() || !QUOTE.matcher(x.text(to)).matches()) return null;
        int end = to + 1;
        // A set word after it ("benchmark", "dataset", "split"), possibly after a hyphenated describing word, or a plural.
        int h = end;
        if (h < x.n() && x.lower(h).indexOf('-') > 0 && !x.capital(h)) h++;
        String head = x.lower(h);
        boolean setLike = SET_HEADS.contains(head) || head.length() > 3 && head.endsWith("s") && !head.endsWith("ss") && !x.capital(h) && !x.verb(h);
        if (!setLike) return null;
        int phraseEnd = h + 1;
        while (phraseEnd < x.n() && SET_HEADS.contains(x.lower(phraseEnd))) phraseEnd++;
        return new int[] {from, to, phraseEnd};
    }

    private static boolean isLanguage(String w) { return LANGUAGES.contains(w.toLowerCase(Locale.ROOT)); }

    /**
     * A lower-case word that describes the name after it in a set phrase by its shape, not by a word list: a
     * hyphenated or participle adjective ("the over-studied CoNLL-2003 dataset", "the recently released X"), or an
     * adverb before one; only when a name follows within two words.
     */
    private static boolean describes(Sent x, int k) {
        String w = x.lower(k);
        if (w.isEmpty() || !Character.isLowerCase(w.charAt(0)) || x.verb(k) || SET_PREPS.contains(w) || w.equals("and") || w.equals("of")) return false;
        boolean shape = w.indexOf('-') > 0 && Character.isLetter(w.charAt(w.length() - 1)) || w.length() > 4 && (w.endsWith("ed") || w.endsWith("ly"));
        return shape && (x.nameLike(k + 1) || describes(x, k + 1) && x.nameLike(k + 2));
    }

    /** The set name between two tokens, trailing set words dropped; null when it is no set (a metric, a task, a year). */
    private String cleanSet(Sent x, int from, int to, String prep) {
        while (to > from && SET_HEADS.contains(x.lower(to - 1)) && !(x.is(to - 1, "split") && to - from > 1)) to--;
        // "CoNLL 2003 NER": the task the set is used for is not part of its name.
        if (to - from > 1 && x.type[to - 1] == EntityType.TASK && x.lexEnd[to - 1] == to && x.text(to - 1).equals(x.text(to - 1).toUpperCase(Locale.ROOT))) to--;
        if (to <= from) return null;
        String d = TRAILING_PUNCT.matcher(x.span(from, to)).replaceAll("").strip();
        if (d.isEmpty() || DIGITS.matcher(d).matches() || isHead(x, from) && to - from == 1) return null;
        Lexicon.Entry e = lexicon.lookup(d);
        if (e != null && e.type() == EntityType.METRIC) return null;
        // "91.21% F1 for NER": a task the score is for, not a set.
        if ("for".equals(prep) && e != null && e.type() == EntityType.TASK) return null;
        if (isLanguageName(d)) return null;
        return d;
    }

    /** True when tokens [from, to) name a method the lexicon knows (and no dataset of that name). */
    private boolean isMethodName(Sent x, int from, int to) {
        Lexicon.Entry e = lexicon.lookup(x.span(from, to));
        return e != null && e.type() == EntityType.METHOD;
    }

    private static final Pattern YEAR_END = Pattern.compile("^(.*?[\\s-]?)(?:19|20)\\d\\d$");

    /** Scores listed before one set list: pair them in order, or give one set to all. */
    private static void shareDatasets(Sent x, List<Cand> cands) {
        for (int i = 0; i < cands.size(); i++) {
            Cand last = cands.get(i);
            if (last.rejected || last.metric == null || last.datasets.isEmpty()) continue;
            List<Cand> run = new ArrayList<>();
            for (int j = i - 1; j >= 0; j--) {
                Cand c = cands.get(j);
                if (c.rejected || !c.datasets.isEmpty() || c.metric == null || c.ownSetPhrase) break;
                Cand after = cands.get(j + 1);
                if (!joinedByList(x, c.after(), after.first()) && !(articleList(x, c, after) && !setBefore(cands, j))
                        && !(!OFF.contains("slashList") && slashJoined(x, c.after(), after.first()))) break;
                run.add(0, c);
            }
            if (run.isEmpty()) continue;
            List<String> sets = last.datasets;
            if (sets.size() == run.size() + 1) {
                for (int k = 0; k < run.size(); k++) run.get(k).datasets.add(sets.get(k));
                String mine = sets.get(sets.size() - 1);
                sets.clear();
                sets.add(mine);
            } else if (byGroup(run, last, sets)) {
                String mine = sets.get(sets.size() - 1);
                sets.clear();
                sets.add(mine);
            } else if (sets.size() == 1 && !respectivelyAfter(x, last)) {
                for (Cand c : run) c.datasets.add(sets.get(0));
            } else {
                // "87.4 F1 and 87.0 F1 on the CoNLL-2005 and ... datasets, respectively" with a set list that does not
                // pair up: which score is on which set is unknown, so none is kept.
                for (Cand c : run) c.skip = true;
                last.skip = true;
            }
        }
    }

    /**
     * "the Penn Treebank WSJ corpus for part-of-speech (POS) tagging and the CoNLL 2003 corpus for named entity
     * recognition (NER)": a set named for a task, keyed by the task as written, without its parenthesised acronym
     * and with the acronym for the words it stands for ("POS tagging", "NER").
     */
    private void taskSets(Sent x, java.util.Map<String, String> out) {
        for (int k = 1; k < x.n(); k++) {
            if (!x.is(k, "for")) continue;
            int e = k;
            while (SET_HEADS.contains(x.lower(e - 1)) && e - 1 > 0) e--;
            if (e == k) continue;   // only "NAME corpus|dataset for TASK"
            int b = e;
            while (b - 1 >= 0 && (x.nameLike(b - 1) || x.isNumber(b - 1) && b - 1 > 0 && x.nameLike(b - 2))) b--;
            if (b == e) continue;
            String set = cleanSet(x, b, e, "on");
            if (set == null || isMethodName(x, b, e)) continue;
            int t = k + 1, te = t;
            int acrFrom = -1, acrTo = -1;
            while (te < x.n() && te < t + 8 && !x.is(te, "and") && !x.text(te).equals(",") && !x.text(te).equals(".") && !x.text(te).equals(";")) {
                if (x.text(te).equals("(")) {
                    int close = te + 1;
                    while (close < x.n() && close < te + 4 && !x.text(close).equals(")")) close++;
                    if (!x.text(close).equals(")")) break;
                    acrFrom = te + 1;
                    acrTo = close;
                    te = close + 1;
                    continue;
                }
                te++;
            }
            if (te == t) continue;
            if (acrFrom < 0) { out.putIfAbsent(Tokenizer.key(x.span(t, te)), set); continue; }
            String before = x.span(t, acrFrom - 1), acr = x.span(acrFrom, acrTo), after = acrTo + 1 < te ? x.span(acrTo + 1, te) : "";
            out.putIfAbsent(Tokenizer.key(before + " " + after), set);
            out.putIfAbsent(Tokenizer.key(acr + " " + after), set);
        }
    }

    /** True when "respectively" closes the statement of score {@code c} (before the next clause). */
    private static boolean respectivelyAfter(Sent x, Cand c) {
        for (int k = c.after(); k < x.n(); k++) {
            if (x.is(k, "respectively")) return true;
            if (x.text(k).equals(";") || x.text(k).equals(".") || x.verb(k)) return false;
        }
        return false;
    }

    /**
     * A set named before the score: "and on CIFAR-100 17.18% error", "the MNIST (0.37% error)", "our CIFAR-10 model",
     * the set the clause or sentence opens with ("On ImageNet, ..."), else the nearest set phrase before the score
     * with no other score between ("by 7.85% on the ManyTypes4TypeScript benchmark, achieving 71.27% accuracy").
     */
    private void datasetsBefore(Sent x, Cand c, List<Cand> cands) {
        int first = c.first();
        // Right before: "on CIFAR-100 17.18% error".
        int k = first - 1;
        while (k >= 0 && (x.nameLike(k) || x.isNumber(k) && x.nameLike(k - 1))) k--;
        if (k < first - 1 && x.is(k, "on")) {
            String d = cleanSet(x, k + 1, first, "on");
            if (d != null && !isMethodName(x, k + 1, first)) { c.datasets.add(d); return; }
        }
        // "on the MNIST (0.37% error) and NORB-small (2.2% error) databases", "House Number (SVHN) (4% error)": a name
        // before the score's parenthesis is its set when the lexicon knows it as one or a set preposition leads to it
        // ("outperforms BERT (80.1%)" is BERT's score, not a set).
        if (x.text(c.tok - 1).equals("(")) {
            int e = c.tok - 1;
            if (x.text(e - 1).equals(")") && x.text(e - 3).equals("(") && x.nameLike(e - 2)) e -= 3;
            int s = e;
            while (s - 1 >= 0 && x.nameLike(s - 1)) s--;
            boolean setContext = x.type[s] == EntityType.DATASET;
            for (int q = s - 1; q >= 0 && q >= s - 12 && !setContext; q--) {
                if (x.verb(q) || x.text(q).equals(";")) break;
                if (x.is(q, "on") || x.is(q, "in")) setContext = true;
            }
            if (s < e && setContext) {
                String d = cleanSet(x, s, e, "on");
                if (d != null && !isMethodName(x, s, e)) { c.datasets.add(d); return; }
            }
        }
        int limit = 0;
        for (Cand o : cands) if (o != c && o.tok < c.tok && o.live() && o.metric != null && !o.datasets.isEmpty()) limit = Math.max(limit, o.tok);
        // The clause or sentence opens with its benchmark: "On ImageNet, ...", "On the ILSVRC-2010 test set it reaches".
        for (int start : new int[] {clauseStart(x, c.tok), 0}) {
            int s = skipAdverbs(x, start);
            if (x.is(s, "on") || x.is(s, "for") && !x.is(s + 1, "example") && !x.is(s + 1, "instance")) {
                int[] name = setName(x, s + 1);
                if (name == null || name[1] > c.tok) continue;
                int e = name[1];
                // "On ImageNet MobileNetV2 achieves": the last name before the verb is the subject.
                if (e - name[0] > 1 && x.verb(e)) e = splitBeforeSubject(x, name[0], e);
                String d = cleanSet(x, name[0], e, x.lower(s));
                if (d != null) { c.datasets.add(d); return; }
            }
        }
        // "our CIFAR-10 model achieves": the set the model was built for.
        for (int j = Math.max(limit, clauseStart(x, c.tok)); j < first; j++) {
            if (x.is(j, "our") && x.type[j + 1] == EntityType.DATASET && x.lexEnd[j + 1] > j + 1 && OWN_NOUNS.contains(x.lower(x.lexEnd[j + 1]))) {
                c.datasets.add(x.span(j + 1, x.lexEnd[j + 1]));
                return;
            }
        }
        // The nearest set phrase before the score in the sentence, with no other score holding a set between; "for"
        // only with a set the lexicon knows or a numbered name ("The two submissions for RTE 2007 scored").
        // "with the ATIS data set where X achieves 94%": the set a relative "where" clause speaks of.
        for (int j = first - 1; j > limit; j--) {
            boolean forSet = x.is(j, "for") || x.is(j, "For");
            boolean withSet = x.is(j, "with") || x.is(j, "using");
            if (!x.is(j, "on") && !x.is(j, "On") && !forSet && !withSet) continue;
            int[] name = setName(x, j + 1);
            if (name == null || name[1] > first) continue;
            if (forSet && !(x.type[name[0]] == EntityType.DATASET || name[1] - name[0] > 1 && x.isNumber(name[1] - 1))) continue;
            if (withSet && !(name[2] > name[1] && (x.is(name[2], "where") || x.text(name[2]).equals(",") && x.is(name[2] + 1, "where")))) continue;
            String d = cleanSet(x, name[0], name[1], forSet ? "for" : "on");
            if (d != null && !isMethodName(x, name[0], name[1]) && x.type[name[0]] != EntityType.TASK) {
                c.datasets.add(d);
                return;
            }
        }
    }

    /** In "ImageNet MobileNetV2" before a verb: where the set ends and the subject starts (the lexicon's set, else the last name). */
    private static int splitBeforeSubject(Sent x, int from, int to) {
        if (x.type[from] == EntityType.DATASET && x.lexEnd[from] > from && x.lexEnd[from] < to) return x.lexEnd[from];
        return to - 1;
    }

    /** A score with no set of its own takes the set of the previous score of the same statement or method. */
    private static void inheritDatasets(Sent x, List<Cand> cands) {
        Cand prev = null;
        for (Cand c : cands) {
            if (!c.live() || c.metric == null) continue;
            if (c.datasets.isEmpty() && !c.ownSetPhrase && prev != null && prev.datasets.size() == 1 && !nameBetween(x, prev.after(), c.first())
                    && (!newStatement(x, prev.tok, c.tok) || relative(x, prev.tok, c.tok)
                        || c.methodSet && prev.methodSet && java.util.Objects.equals(c.method, prev.method))) {
                c.datasets.add(prev.datasets.get(0));
            }
            if (!c.datasets.isEmpty()) prev = c;
        }
    }

    /**
     * True when a name other than a metric stands between two scores ("MultiNLI accuracy to 86.7%, SQuAD Test F1 to
     * 93.2"): the second score has a subject or set of its own, so it does not take the first one's set.
     */
    private static boolean nameBetween(Sent x, int from, int to) {
        for (int k = from; k < to; k++) {
            if (x.text(k).equals("(")) { while (k < to && !x.text(k).equals(")")) k++; continue; }
            if (x.nameLike(k) && !isHead(x, k) && x.type[k] != EntityType.METRIC) return true;
        }
        return false;
    }

    /**
     * True when the statement of a score names a place later on that is no set the text knows ("50.2% accuracy and
     * 2.9 ms latency on a Samsung S8"): the score was measured there, not on the abstract's benchmark.
     */
    private static boolean placeAfter(Sent x, Cand c, List<Cand> cands) {
        int stop = x.n();
        for (Cand o : cands) if (o.tok > c.tok && o.live()) { stop = o.tok; break; }
        for (int k = c.after(); k < stop; k++) {
            if (x.text(k).equals(";") || x.verb(k)) return false;
            if ((x.is(k, "on") || x.is(k, "in")) && (x.nameLike(k + 1) || (x.is(k + 1, "a") || x.is(k + 1, "an") || x.is(k + 1, "the")) && x.nameLike(k + 2))) return true;
        }
        return false;
    }

    /**
     * The sets a sentence names: those it evaluates on ({@link #setsEvaluatedOn}), a name followed by what it is
     * ("the Google Speech Commands Dataset", "SemEval 2020 shared task 12", "the How2 corpus"), and "a dataset named
     * MHSMA".
     */
    private List<String> setsNamed(Sent x) {
        List<String> out = new ArrayList<>(setsEvaluatedOn(x));
        for (int k = 0; k < x.n(); k++) {
            if (!x.nameLike(k) || k > 0 && x.nameLike(k - 1)) continue;
            int e = k;
            while (e < x.n() && (x.nameLike(e) || x.isNumber(e) && e > k)) e++;
            String head = x.lower(e);
            // "the Kidney Tumor Segmentation Challenge": the head is part of the name.
            if (e - k > 1 && Set.of("dataset", "benchmark", "corpus", "challenge", "database", "task").contains(x.lower(e - 1))) { head = x.lower(e - 1); }
            boolean shared = head.equals("task") && x.span(k, e).chars().anyMatch(Character::isDigit);
            if (!(head.equals("dataset") || head.equals("datasets") || head.equals("benchmark") || head.equals("corpus")
                    || head.equals("challenge") || head.equals("shared") || head.equals("database") || shared)) continue;
            // "a freely-available SMA dataset named MHSMA": an indefinite article describes, it does not name.
            int before = k - 1;
            while (before >= 0 && SET_ADJECTIVES.contains(x.lower(before)) && !x.is(before, "a") && !x.is(before, "an")) before--;
            if (before >= 0 && (x.is(before, "a") || x.is(before, "an") || x.lower(before).endsWith("-available"))) continue;
            // "the NLI shared task 2017", "SemEval 2020 shared task 12": a shared task is the benchmark, named with it.
            int end = e;
            if (head.equals("shared") && x.is(e + 1, "task")) { end = e + 2; if (x.isNumber(end)) end++; }
            String d = head.equals("shared") ? x.span(k, end) : cleanSet(x, k, e, "on");
            if (d != null && !isMethodName(x, k, e) && (x.type[k] != EntityType.TASK || shared || head.equals("shared"))) addSet(out, d);
        }
        for (int k = 0; k + 2 < x.n(); k++) {
            if ((x.is(k, "dataset") || x.is(k, "benchmark") || x.is(k, "corpus")) && (x.is(k + 1, "named") || x.is(k + 1, "called")) && x.nameLike(k + 2)) {
                int e = k + 2;
                while (e < x.n() && x.nameLike(e)) e++;
                String d = cleanSet(x, k + 2, e, "on");
                if (d != null) addSet(out, d);
            }
        }
        return out;
    }

    /** Adds a set name unless one holds it already ("VoxSRC-20 Eval" holds "VoxSRC-20"). */
    private static void addSet(List<String> sets, String d) {
        String k = Tokenizer.key(d);
        for (int i = 0; i < sets.size(); i++) {
            String o = Tokenizer.key(sets.get(i));
            if (o.contains(k)) return;
            if (k.contains(o)) { sets.set(i, d); return; }
        }
        sets.add(d);
    }

    /**
     * "the error rates of 2.25% and 24.7% are reported ... respectively" after "on CIFAR-10 and ImageNet": a run of
     * scores without sets, in a sentence that says "respectively", takes an earlier list of as many sets, in order.
     */
    private void respectively(Sent x, List<Cand> cands) {
        int resp = -1;
        for (int k = 0; k < x.n(); k++) if (x.is(k, "respectively")) resp = k;
        if (resp < 0) return;
        List<Cand> run = new ArrayList<>();
        for (Cand c : cands) {
            if (!c.live() || c.metric == null || !c.datasets.isEmpty() || c.ownSetPhrase || c.tok > resp) continue;
            if (!run.isEmpty() && !joinedByList(x, run.get(run.size() - 1).after(), c.first())) run.clear();
            run.add(c);
        }
        if (run.size() < 2) return;
        for (int k = run.get(0).first() - 1; k >= 0; k--) {
            if (!SET_PREPS.contains(x.lower(k))) continue;
            List<String> sets = setList(x, k);
            if (sets.size() == run.size()) {
                for (int i = 0; i < run.size(); i++) { run.get(i).datasets.add(sets.get(i)); }
                return;
            }
        }
    }

    /** A list of sets after the set preposition at {@code k}: "on two benchmarks, A and B", "on A, B and C". */
    private List<String> setList(Sent x, int k) {
        List<String> sets = new ArrayList<>();
        int j = k + 1;
        // "on two well-known benchmarks, WikiQA and TREC-QA,": a counted set noun, then the list.
        int q = j;
        while (q < x.n() && q < j + 4 && (x.is(q, "the") || COUNTS.contains(x.lower(q)) || SET_ADJECTIVES.contains(x.lower(q)) || describes(x, q)
                || x.lower(q).indexOf('-') > 0 && !x.nameLike(q))) q++;
        if (q > j && SET_HEADS.contains(x.lower(q)) && (x.text(q + 1).equals(",") || x.text(q + 1).equals(":")) && x.nameLike(q + 2)) j = q + 2;
        while (true) {
            int[] name = setName(x, j);
            if (name == null) break;
            String d = cleanSet(x, name[0], name[1], x.lower(k));
            if (d == null) break;
            sets.add(d);
            j = name[2];
            if (x.text(j).equals(",") && x.is(j + 1, "and")) j += 2;
            else if (x.text(j).equals(",") || x.is(j, "and")) j++;
            else break;
        }
        return sets;
    }

    private static final Set<String> COUNTS = words("two three four five six seven eight nine ten both several multiple");

    /** The sets a sentence says it evaluates on, by "on (the) NAME (dataset|benchmark|...)" phrases. */
    private List<String> setsEvaluatedOn(Sent x) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < x.n(); k++) {
            if (!x.is(k, "on")) continue;
            int[] name = setName(x, k + 1);
            if (name == null) continue;
            boolean named = name[2] > name[1] || x.type[name[0]] == EntityType.DATASET
                    || Set.of("dataset", "benchmark", "corpus", "challenge", "database").contains(x.lower(name[1] - 1));
            String d = cleanSet(x, name[0], name[1], "on");
            if (named && d != null && !isMethodName(x, name[0], name[1]) && !out.contains(d)) out.add(d);
        }
        return out;
    }

    // ---------------------------------------------------------------- methods

    /** Where the clause holding token {@code at} starts: after ";", ":", ", and", ", while", "where", "showed that". */
    private static int clauseStart(Sent x, int at) {
        int start = 0;
        for (int k = 0; k < at; k++) {
            String w = x.lower(k);
            if (w.equals(";") || w.equals(":")) start = k + 1;
            else if (w.equals(",") && k + 2 <= at && (x.is(k + 1, "and") || x.is(k + 1, "while") || x.is(k + 1, "whereas")
                    || x.is(k + 1, "but") || x.is(k + 1, "where") || x.is(k + 1, "which"))) start = k + 2;
            else if ((w.equals("where") || w.equals("while") || w.equals("whereas")) && k > 0) start = k + 1;
            else if (w.equals("that") && REPORTING.contains(x.lower(k - 1))) start = k + 1;
            // "Results on X show a layered classifier has achieved ...": a finding reported without "that".
            else if (REPORTING.contains(w) && k > 0 && !OFF.contains("reportedClause") && !x.is(k - 1, "as") && !x.is(k - 1, "be")
                    && (x.is(k + 1, "a") || x.is(k + 1, "an") || x.is(k + 1, "our") || x.is(k + 1, "this") || x.is(k + 1, "these"))
                    && verbBetween(x, k + 2, at)) start = k + 1;
        }
        return start;
    }

    private static boolean verbBetween(Sent x, int from, int to) {
        for (int k = from; k < to; k++) {
            if (x.punct(k) && !x.text(k).equals("-")) return false;
            if (x.verb(k)) return true;
        }
        return false;
    }

    /** Skips "In particular,", "Specifically,", "For instance," at a clause start. */
    private static int skipAdverbs(Sent x, int start) {
        int j = start;
        while (j < x.n() && j < start + 3 && LEADING.contains(x.lower(j))) j++;
        if (j > start && x.text(j).equals(",")) return j + 1;
        return start;
    }

    /** The method a score belongs to: attributed ("by TransE"), else the subject of the verb that states it. */
    private void method(Sent x, Cand c, String proposed, String about, List<Cand> cands) {
        attribution(x, c);
        if (c.skip) return;
        boolean sharing = false;
        for (int k = c.tok - 1; k >= Math.max(0, c.tok - 3); k--) if (SHARING.contains(x.lower(k))) sharing = true;
        if (c.methodSet && !sharing) return;
        if (c.compared && !c.methodSet) { c.skip = true; return; }
        // "an F1 score of 32.82% is obtained", "error rates of 2.25% and 24.7% are reported": the paper's own.
        for (int k = c.after(); k < Math.min(x.n(), c.after() + 8); k++) {
            if ((x.is(k, "is") || x.is(k, "are") || x.is(k, "was") || x.is(k, "were"))
                    && OWN_PASSIVE.matcher(x.lower(k + 1)).matches()) { own(c, proposed); return; }
            String w = x.text(k);
            if (x.isNumber(k) || w.equals("%") || w.equals("\\") || w.equals("$") || w.equals("{") || w.equals("}") || w.equals(",")
                    || x.is(k, "and") || isHead(x, k)) continue;
            break;
        }
        // The verb that states the score: the nearest one before it, else (a participle far away) any before it.
        int clause = clauseStart(x, c.tok);
        int verb = -1;
        for (int k = c.tok - 1; k >= 0; k--) {
            if (x.text(k).equals(";")) break;
            if (STATING.contains(x.lower(k))) { verb = k; break; }
        }
        if (verb < 0) {
            Cand prev = previousNamed(cands, c);
            if (prev != null) { adopt(c, prev); return; }
            if (!OFF.contains("resultsShow") && resultsShow(x, clause, c.first())) { own(c, proposed); return; }
            // "On Visual Commonsense Reasoning, MERLOT answers questions correctly with 80.6% accuracy": a name that
            // opens the clause and is followed by a verb-like word ("answers", "performs").
            int s = subjectStart(x, clause, c.tok);
            String name = firstName(x, s, c.tok, c);
            if (name != null && x.nameLike(s) && x.span(s, c.tok).startsWith(name)) {
                int after = s + Tokenizer.tokens(name).size();
                String w = x.lower(after);
                if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && Character.isLowerCase(x.text(after).charAt(0))) { set(c, name); return; }
            }
            // "Our system outperforms prior results on X tagging (95.7% accuracy on Y)": the subject's own scores.
            int beats = OFF.contains("outperformsPrior") ? -1 : outperformsPrior(x, c);
            if (beats >= 0) {
                int[] np = subject(x, beats);
                if (np != null) {
                    String who = firstName(x, np[0], np[1], c);
                    String words = x.span(np[0], np[1]).toLowerCase(Locale.ROOT).strip();
                    if (who != null) { set(c, who); return; }
                    if (isOwn(words)) { own(c, proposed); return; }
                }
            }
            c.skip = true;
            return;
        }
        c.verb = verb;
        // Passive: "an accuracy of 62% is achieved", "rank-1 accuracy is improved from ...".
        if ((x.is(verb, "is") || x.is(verb, "are") || x.is(verb, "was") || x.is(verb, "were"))
                && RESULT_PASSIVE.matcher(x.lower(verb + 1)).matches()) {
            own(c, proposed);
            return;
        }
        int[] np = subject(x, verb);
        if (np == null) { c.skip = true; return; }
        // "The average F1 score from kidney and tumor pixel classifications was calculated as 0.6758": the paper's own.
        if (c.metricFrom >= np[0] && c.metricFrom < np[1] && firstName(x, np[0], np[1], c) == null) { own(c, proposed); return; }
        String subjectWords = x.span(np[0], np[1]).toLowerCase(Locale.ROOT);
        if (!c.methodSet && OF_OWN.matcher(subjectWords).matches()) { own(c, proposed); return; }
        // "using a weighted combination of X features achieves ...": the authors' own way of doing it, whatever it uses.
        if (!c.methodSet && gerundSubject(x, np[0], np[1])) { own(c, proposed); return; }
        String name = firstName(x, np[0], np[1], c);
        // "results show a hierarchical TC system has achieved ...": in a reported finding, a name that only modifies the
        // indefinite subject's noun is no system's name; the subject is the paper's own.
        if (name != null && !c.methodSet && reportedFinding(x, np) && modifierOnly(x, np, name)) { own(c, proposed); return; }
        if (name != null) {
            if (c.methodSet && !name.equals(c.method)) c.method2 = name;
            else set(c, name);
            return;
        }
        if (c.methodSet) return;
        String words = x.span(np[0], np[1]).toLowerCase(Locale.ROOT).replace("'s", "").replace("’s", "").strip();
        if (IT.matcher(words).matches()) {
            if (about != null && !about.equals(OWN)) set(c, about);
            else own(c, proposed);
            return;
        }
        if (isOwn(words) || ENSEMBLE.matcher(words).matches()) { own(c, proposed); return; }
        String[] w = SPACES.split(words);
        if (!RESULT_NOUNS.contains(w[w.length - 1]) && ownByShape(x, np, w)) { own(c, proposed); return; }
        // "transfer results include 91.7%": results of the method named before.
        if (RESULT_NOUNS.contains(w[w.length - 1])) {
            Cand prev = previousNamed(cands, c);
            if (prev != null) { adopt(c, prev); return; }
        }
        c.skip = true;
    }

    /** Subject words that speak of someone else's system, a set or a person, not the paper's own. */
    private static final Set<String> NOT_OWN = words("""
            baseline baselines previous prior existing earlier other others human humans annotators annotator people dataset
            datasets corpus corpora task tasks benchmark benchmarks competitor competitors state-of-the-art best winner""");

    /**
     * A subject with no name that is the paper's own by its grammar, whatever noun it has: a demonstrative pointing
     * back at what the abstract just described ("these rules", "this two-stage variant"); an indefinite description in a finding
     * the paper's experiments report ("results on X show a layered classifier has achieved ..."). Not when a word
     * says it is someone else's (a baseline, previous work, people) or a set.
     */
    private static boolean ownByShape(Sent x, int[] np, String[] w) {
        for (String word : w) if (NOT_OWN.contains(word)) return false;
        if (!OFF.contains("demonstrative") && (w[0].equals("this") || w[0].equals("these")) && w.length > 1 && w.length <= 4) return true;
        return (w[0].equals("a") || w[0].equals("an")) && w.length > 1 && reportedFinding(x, np);
    }

    /**
     * True when the words [from, to) before a verb are a gerund phrase and nothing else: a lower-case -ing word that is
     * no describing adjective ("challenging"), then no verb ("using a weighted combination of both features").
     */
    private static boolean gerundSubject(Sent x, int from, int to) {
        String w = x.text(from);
        if (OFF.contains("gerundSubject") || w.length() < 5 || !w.endsWith("ing") || !Character.isLowerCase(w.charAt(0)) && from > 0
                || SET_ADJECTIVES.contains(w) || METRIC_MODIFIERS.contains(w) || to - from < 2) return false;
        for (int k = from + 1; k < to; k++) if (x.verb(k) || x.punct(k) && !x.text(k).equals("-")) return false;
        return true;
    }

    /**
     * True when the subject {@code np} opens with "a"/"an" and is the subject of a finding the paper's experiments
     * report: "results on X show a ...", "our experiments demonstrate that a ...". Not "we show that a ...": there
     * the indefinite subject is as often a class of models the authors study ("we show that a simple LSTM achieves").
     */
    private static boolean reportedFinding(Sent x, int[] np) {
        if (OFF.contains("shownSubject") || !(x.is(np[0], "a") || x.is(np[0], "an"))) return false;
        int k = np[0] - 1;
        if (x.is(k, "that")) k--;
        if (!REPORTING.contains(x.lower(k))) return false;
        for (int j = k - 1; j >= Math.max(0, k - 10); j--) {
            if (EVALUATION_NOUNS.contains(x.lower(j)) && (j == 0 || x.punct(j - 1) || x.is(j - 1, "our")
                    || x.is(j - 1, "the") || x.is(j - 1, "preliminary") || x.is(j - 1, "experimental") || x.is(j - 1, "empirical"))) return true;
            if (x.punct(j) && !x.text(j).equals("-")) break;
        }
        return false;
    }

    /** True when {@code name} stands in the subject {@code np} before a lower-case noun it modifies ("a TC system"). */
    private static boolean modifierOnly(Sent x, int[] np, String name) {
        int n = Tokenizer.tokens(name).size();
        for (int k = np[0]; k + n <= np[1]; k++) {
            if (!x.span(k, k + n).equals(name)) continue;
            int after = k + n;
            return after < np[1] && !x.punct(after) && Character.isLowerCase(x.text(after).charAt(0));
        }
        return false;
    }

    private static final Set<String> BEATING = words("outperform outperforms outperformed outperforming surpass surpasses surpassed "
            + "exceed exceeds exceeded beat beats");
    /** Objects of a beating verb that are earlier work as a whole, not a system with a score of its own. */
    private static final Set<String> PRIOR_WORK = words("prior previous earlier existing results state-of-the-art art best baselines work");

    /**
     * The beating verb of "X outperforms prior results on TASK (95.7% accuracy on Y)": a score opening a parenthesis
     * right after a verb of beating whose object is earlier work as a whole and names no system; else -1.
     */
    private static int outperformsPrior(Sent x, Cand c) {
        int open = c.tok - 1;
        if (!x.text(open).equals("(")) return -1;
        int verb = -1;
        for (int k = open - 1; k >= 0 && k >= open - 12 && verb < 0; k--) {
            if (x.punct(k) && !x.text(k).equals("-")) return -1;
            if (BEATING.contains(x.lower(k))) verb = k;
            else if (x.verb(k)) return -1;
        }
        if (verb < 0) return -1;
        boolean prior = false, place = false;
        for (int k = verb + 1; k < open; k++) {
            if (PRIOR_WORK.contains(x.lower(k))) prior = true;
            if (SET_PREPS.contains(x.lower(k))) place = true;
            // A name in the object is a system the parenthesis may be about, unless a set or task phrase holds it.
            if (x.nameLike(k) && !place) return -1;
        }
        return prior ? verb : -1;
    }

    /** Subjects that are the paper's own evaluation: "Results on X show 86% F-measure", "Experiments on X show ...". */
    private static final Set<String> EVALUATION_NOUNS = words("results result experiments experiment evaluation evaluations tests test "
            + "experimental empirical evaluation");

    /**
     * "Results for the approach on X data show 86% F-measure": a reporting verb right before the score (no "that"),
     * whose subject is the paper's results or experiments and names no system; the score is the paper's own.
     */
    private static boolean resultsShow(Sent x, int clause, int first) {
        int s = skipAdverbs(x, clause);
        if (!EVALUATION_NOUNS.contains(x.lower(s)) && !(x.is(s, "our") && EVALUATION_NOUNS.contains(x.lower(s + 1)))) return false;
        for (int k = s + 1; k < first; k++) {
            if (x.punct(k) && !x.text(k).equals("-")) return false;
            if (!REPORTING.contains(x.lower(k))) continue;
            int v = k + 1;
            while (x.is(v, "a") || x.is(v, "an") || x.is(v, "the")) v++;
            if (v != first) return false;
            for (int j = s + 1; j < k; j++) {
                // A name in the subject that is no set ("Results of BERT on X show") is someone else's system.
                if (x.nameLike(j) && x.type[j] != EntityType.DATASET && !afterSetPrep(x, s, j)) return false;
            }
            return true;
        }
        return false;
    }

    /** "we", "our model", "the proposed method", "these residual nets" ("an ensemble of our models", "a combination of two models": see ENSEMBLE). */
    private static boolean isOwn(String words) {
        return OWN_WORDS.matcher(words).matches();
    }

    /** A subject that is a property of the paper's own system: "Evaluation of our system on ...", "the F1 figure of our model". */
    private static final Pattern OF_OWN = Pattern.compile("(?s)(?:\\S+\\s+){0,4}of\\s+(?:our|the\\s+proposed)\\b.*");

    private static final Pattern OWN_WORDS = Pattern.compile("(?s)(?:we|.*\\b(?:our|ours)\\b.*|.*\\b(?:the|this)\\s+(?:proposed|resulting|presented|present)\\b.*|"
            + "(?:.*\\s)?(?:this|the|these|such)\\s+(?:\\S+\\s+){0,2}(?:model|method|approach|system|network|framework|architecture|"
            + "algorithm|parser|cell|nets|networks|models|methods|systems|submission|submissions|entry|entries|run|runs)s?\\b.*)");

    /** "54.7% by TransE", "33.0% AP at 39ms for YOLOv3", "the 76.2% top-1 accuracy of the original ResNet-50". */
    private void attribution(Sent x, Cand c) {
        if (c.methodSet) return;
        int k = c.after();
        if (x.is(k, "at") && !x.nameLike(k + 1) && !x.is(k + 1, "the")) {
            k++;
            while (k < x.n() && k < c.after() + 5 && !x.punct(k) && !SET_PREPS.contains(x.lower(k)) && !x.is(k, "by")) k++;
        }
        // "the 5.1% error reported for humans", "the 33.0% achieved by YOLOv3".
        if (REPORTED_BY.matcher(x.lower(k)).matches() && (x.is(k + 1, "by") || x.is(k + 1, "for"))) k++;
        if (!(x.is(k, "by") || x.is(k, "of") || x.is(k, "for") || x.is(k, "from"))) return;
        String prep = x.lower(k);
        int m = k + 1;
        while (x.is(m, "the") || x.is(m, "a") || x.is(m, "an") || x.is(m, "original") || x.is(m, "standard") || x.is(m, "vanilla")
                || x.is(m, "previous") || x.is(m, "strong")) m++;
        int e = m;
        while (e < x.n() && x.nameLike(e)) e++;
        if (e > m) {
            boolean set = x.type[m] == EntityType.DATASET && !isMethodName(x, m, e);
            if (prep.equals("for") || prep.equals("from") ? isMethodName(x, m, e) : !set) {
                String name = x.span(m, e);
                if (!c.datasets.contains(name)) set(c, name);
            }
            return;
        }
        // "against 33.3 for a phrase-based system", "the 26.2% of the second-best entry": a system the text does not name.
        if (c.compared || !prep.equals("from")) {
            for (int j = m; j < Math.min(x.n(), m + 5); j++) {
                if (x.punct(j) || x.is(j, "on") || x.is(j, "in")) break;
                if (x.is(j, "our")) return;
                if (OWN_NOUNS.contains(x.lower(j)) || x.is(j, "humans") || x.is(j, "human")) { c.skip = true; return; }
            }
        }
    }

    private static Cand previousNamed(List<Cand> cands, Cand c) {
        Cand prev = null;
        for (Cand o : cands) {
            if (o == c) break;
            if (o.live() && o.methodSet && o.metric != null) prev = o;
        }
        return prev;
    }

    private static void adopt(Cand c, Cand prev) { set(c, prev.method); }

    private static void set(Cand c, String method) {
        c.method = method;
        c.methodSet = true;
    }

    private static void own(Cand c, String proposed) { set(c, proposed); }

    /**
     * The subject of {@code verb}, read from the start of its clause: the clause's comma-separated segments left to
     * right, past leading phrases ("With a ResNet-50,", "Comparing X with Y,", "In particular,"), and in each the words
     * before its first verb; the first that holds a name, "we"/"our ..." or "it" is the subject, else the first
     * ("a variant"). "called Deep Speech" gives its name; "On ImageNet MobileNetV2 achieves" splits set and subject. A
     * verb with nothing before it in its clause (", and achieve", "..., achieving") takes the subject of the clause
     * before. [from, to) or null.
     */
    private int[] subject(Sent x, int verb) {
        int clause = clauseStart(x, verb);
        int end = verb;
        int[] fallback = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            int[][] found = new int[1][];
            int[] np = subjectIn(x, clause, end, found);
            if (np != null) return np;
            // A clause with a subject of its own that names nothing ("a variant won", "a combination of two models
            // reaches") is no one's score; only a clause with no subject ("..., achieving", ", and achieve") looks back,
            // past list items that hold no verb ("by 6.66%, 3.00%, and 1.33%").
            if (found[0] != null) return attempt == 0 || hasVerb(x, clause, end) ? found[0] : null;
            if (clause == 0) return null;
            // Back over the clause boundary (";", ", and", "showed that") to the clause before.
            int b = clause - 1;
            while (b > 0 && (x.punct(b) || Set.of("and", "while", "whereas", "but", "where", "which", "that").contains(x.lower(b)))) b--;
            clause = clauseStart(x, b + 1);
            end = b + 1;
            for (int k = clause; k <= b; k++) if (x.verb(k)) { end = k; break; }
            // A list item with no verb is part of the clause before it.
            while (clause > 0 && !hasVerb(x, clause, b + 1)) {
                int bb = clause - 1;
                while (bb > 0 && (x.punct(bb) || Set.of("and", "while", "whereas", "but", "where", "which", "that").contains(x.lower(bb)))) bb--;
                clause = clauseStart(x, bb + 1);
                for (int k = clause; k <= bb; k++) if (x.verb(k)) { end = k; break; }
            }
        }
        return fallback;
    }

    private static boolean hasVerb(Sent x, int from, int to) {
        for (int k = from; k < to; k++) if (x.verb(k)) return true;
        return false;
    }

    /**
     * The subject in [clause, verb): the words that hold a name, "we"/"our ..." or "it", else null; {@code seen}[0]
     * gets the first words before a verb there, whatever they hold.
     */
    private int[] subjectIn(Sent x, int clause, int verb, int[][] seen) {
        int[] fallback = null;
        int a = clause;
        while (a < verb) {
            int b = a;
            while (b < verb && !x.text(b).equals(",")) b++;
            int from = skipAdverbs(x, a);
            if (from != a) { a = from; continue; }
            String first = x.lower(from);
            boolean commaAfter = b < verb;
            // "called Deep Speech", "later known as AlexNet", "namely iDARTS".
            for (int k = from; k < Math.min(b, from + 3); k++) {
                if (NAMING.contains(x.lower(k)) || x.is(k, "namely") || x.is(k, "known") && x.is(k + 1, "as")) {
                    int n = k + (x.is(k, "known") ? 2 : 1);
                    if (x.nameLike(n)) { int e = n; while (e < b && x.nameLike(e)) e++; return new int[] {n, e}; }
                }
            }
            // "Using EEEA-Net on CIFAR-10,", "Measured on the VoxSRC-20 Eval set,": a phrase before the subject.
            boolean leading = LEADING_PREPS.contains(first) || (first.endsWith("ing") || first.endsWith("ed")) && from + 1 < b && !x.nameLike(from);
            if (leading && commaAfter) { a = b + 1; continue; }
            if (leading) {
                // No comma before the verb: "On ImageNet MobileNetV2 achieves", "with ResNeXt-101-FPN it achieves".
                if (first.equals("on") || first.equals("for")) {
                    int[] name = setName(x, from + 1);
                    if (name != null && name[2] < verb) return new int[] {name[2], verb};
                    if (name != null && name[1] - name[0] > 1 && name[1] == verb) return new int[] {splitBeforeSubject(x, name[0], name[1]), verb};
                }
                int p = verb - 1;
                if (x.is(p, "it") || x.is(p, "we") || x.is(p, "they")) return new int[] {p, verb};
                // "On citation networks GCN reaches": the name right before the verb.
                int n = p;
                while (n >= from && x.nameLike(n)) n--;
                if (n < p && x.type[n + 1] != EntityType.DATASET) return new int[] {n + 1, verb};
                // "..., while using a weighted combination of both features achieves ...": the gerund phrase is the subject.
                if (gerundSubject(x, from, verb)) return new int[] {from, verb};
                seen[0] = fallback;
                return null;
            }
            int to = from;
            while (to < b && !x.verb(to)) to++;
            // "We then evaluate the very deep CNNs on ...": "we" is the subject, whatever follows it.
            if (x.is(from, "we")) return new int[] {from, from + 1};
            if (to > from) {
                Cand none = new Cand(0, BigDecimal.ZERO, "", false);
                String words = x.span(from, to).toLowerCase(Locale.ROOT);
                if (firstName(x, from, to, none) != null || isOwn(words) || PRONOUN_START.matcher(words).matches()) return new int[] {from, to};
                if (fallback == null) fallback = new int[] {from, to};
            }
            if (to < b) break;   // a verb inside the segment ends the subject
            a = b + 1;
        }
        seen[0] = fallback;
        return null;
    }

    /** Where the subject of the clause starting at {@code clause} begins, past "On X," and "In particular,". */
    private int subjectStart(Sent x, int clause, int limit) {
        int k = skipAdverbs(x, clause);
        if (LEADING_PREPS.contains(x.lower(k))) {
            for (int j = k + 1; j < limit; j++) if (x.text(j).equals(",")) return skipAdverbs(x, j + 1);
        }
        return k;
    }

    /**
     * The first name in [from, to) that is not the score's set, a set after a preposition ("on the SQuAD dataset"),
     * a metric, a task, a language or a single letter: "The Transformer", "an ensemble of ResNets", "A linear
     * classifier on SimCLR features", "Swin Transformer". Null when there is none.
     */
    private String firstName(Sent x, int from, int to, Cand c) {
        int k = from;
        while (k < to) {
            if (!x.nameLike(k)) { k++; continue; }
            int e = k;
            while (e < to && x.nameLike(e)) e++;
            // "Past Decode Regularization (PDR) method": the spelled-out name stands.
            String name = x.span(k, e);
            boolean afterPrep = false;
            // "on the challenging Quorvex corpus", "on the 2007 Quorvex Challenge data": the name of a set.
            for (int p = k - 1; p >= from && p >= k - 3; p--) {
                if (SET_PREPS.contains(x.lower(p))) { afterPrep = true; break; }
                if (!SET_ADJECTIVES.contains(x.lower(p)) && !(x.isNumber(p) && x.text(p).length() == 4)) break;
            }
            boolean lexSet = x.type[k] == EntityType.DATASET && !isMethodName(x, k, e);
            // "on SimCLR features": a name that modifies a noun is no set ("on the SemEval 2010 task" is one).
            int after = e;
            while (after < to && x.isNumber(after)) after++;
            if (!afterPrep && k >= 2 && (x.is(k - 1, "and") || x.text(k - 1).equals(",")) && setBefore(x, from, k)) afterPrep = true;
            boolean modifies = after < to && !x.punct(after) && !x.capital(after) && !SET_HEADS.contains(x.lower(after)) && !x.verb(after)
                    && !x.is(after, "and") && !x.is(after, "or")
                    && !x.isNumber(after) && Character.isLetter(x.text(after).charAt(0)) && after == e;
            boolean set = (afterPrep || lexSet) && !modifies || c.datasets.stream().anyMatch(d -> Tokenizer.key(d).equals(Tokenizer.key(name)));
            boolean metric = isHead(x, k) && e - k == 1 || x.type[k] == EntityType.METRIC;
            if (!set && !metric && x.type[k] != EntityType.TASK && !ONE_CAPITAL.matcher(name).matches() && !isLanguageName(name)) return name;
            k = e;
        }
        return null;
    }

    /** True when name token {@code k} is in a set phrase: a set preposition before it, past names and set adjectives. */
    private static boolean afterSetPrep(Sent x, int from, int k) {
        int p = k - 1;
        while (p >= from && (x.nameLike(p) || x.isNumber(p) || SET_ADJECTIVES.contains(x.lower(p)))) p--;
        return p >= from && SET_PREPS.contains(x.lower(p));
    }

    /** True when a set preposition leads a list of names that ends right before token {@code k} ("on MUC-6 and"). */
    private static boolean setBefore(Sent x, int from, int k) {
        int p = k - 2;
        while (p >= from && (x.nameLike(p) || x.isNumber(p) || x.text(p).equals(",") || x.is(p, "and"))) p--;
        while (p >= from && SET_ADJECTIVES.contains(x.lower(p))) p--;
        return p >= from && SET_PREPS.contains(x.lower(p));
    }

    private static boolean isLanguageName(String s) {
        for (String w : SPACES_OR_HYPHENS.split(s)) if (!isLanguage(w)) return false;
        return true;
    }

    /**
     * The method a sentence is about, for "it" in the next: the name of its subject when the sentence opens with
     * one ("Mask R-CNN adds ...", "GoogLeNet, a 22-layer network, won ..."), the paper's own method when the subject
     * is "our model" or "we"; else null.
     */
    private String sentenceSubject(Sent x, String proposed) {
        // "YOLO treats detection as ...", "R-CNN detects objects ...": a name opening the sentence, then a verb in -s.
        if (x.nameLike(0)) {
            int e = 0;
            while (e < x.n() && x.nameLike(e)) e++;
            String w = x.lower(e);
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !x.capital(e) && x.type[0] != EntityType.DATASET) {
                String name = x.span(0, e);
                Lexicon.Entry le = lexicon.lookup(name);
                if (le == null || le.type() == EntityType.METHOD) return name;
            }
        }
        int verb = -1;
        for (int k = 0; k < x.n(); k++) if (x.verb(k)) { verb = k; break; }
        if (verb < 0) return null;
        int[] np = subject(x, verb);
        if (np == null) return null;
        Cand none = new Cand(0, BigDecimal.ZERO, "", false);
        String name = firstName(x, np[0], np[1], none);
        if (name != null) {
            Lexicon.Entry e = lexicon.lookup(name);
            return e != null && e.type() != EntityType.METHOD ? null : name;
        }
        String words = x.span(np[0], np[1]).toLowerCase(Locale.ROOT).strip();
        return isOwn(words) ? OWN : null;
    }

    /** What {@link #sentenceSubject} gives for a sentence about the paper's own method ("This system is evaluated ..."). */
    private static final String OWN = "\u0000own";

    // ---------------------------------------------------------------- helpers

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    private static boolean hasDecimal(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))
                    && (Character.isDigit(s.charAt(i - 1)) || !OFF.contains("leadingDot") && s.charAt(i - 1) != '.' && (!Character.isLetterOrDigit(s.charAt(i - 1)) || Character.isLowerCase(s.charAt(i - 1))))) return true;
        }
        return false;
    }

    private static final Pattern NAME = Pattern.compile(
            "\\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]+\\d[A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*\\b");
    private static final Pattern OUR_NAMED = Pattern.compile(
            "\\b[Oo]ur\\s+([A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9-]*)\\s+(?:model|method|approach|system|network|framework|architecture)\\b");
    /** "We propose MRU", "we present a new framework ... (3D-TGCN)": the name right after, or after a method noun. */
    private static final Pattern WE_PROPOSE = Pattern.compile(
            "\\b[Ww]e (?:propose|present|introduce|develop)\\w*\\s+(?:(?:a |an |the )?(?:[^.]{0,60}?\\b(?i:model|method|approach|network|"
            + "framework|architecture|algorithm|system|technique|module|scheme|encoder|mechanism|layer|loss|strategy|pipeline)s?\\b[^.]{0,40}?)?)"
            + "\\(?\\b((?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9-]*)\\b");
    private static final Pattern WE_PROPOSE_THE = Pattern.compile(
            "\\b[Ww]e (?:propose|present|introduce|develop)\\w*\\s+[^.]{0,80}?,\\s+(?:the|called|named)\\s+([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\\s*[,.(]");
    private static final Pattern CALLED = Pattern.compile(
            "\\b(?:called|named|dubbed|termed|known as|coined|namely)\\s+(?:the\\s+)?((?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?:\\s+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*){0,4})");

    /**
     * The name of the paper's own method: a name before the title's colon, else the first proposed method, else a
     * name the abstract gives its own model ("we propose ..., the Transformer,", "our ANN model", "later known as
     * AlexNet"); never a name the lexicon knows only as a dataset or a task. Null when there is none.
     */
    public String proposed(String title, String abstractText, List<EntityFinder.Found> abstractMentions) {
        return proposedMethod(title, abstractText, abstractMentions, lexicon);
    }

    /** {@link #proposed} with the shipped lexicon. */
    public static String proposedMethod(String title, String abstractText, List<EntityFinder.Found> abstractMentions) {
        return proposedMethod(title, abstractText, abstractMentions, Lexicon.shipped());
    }

    private static String proposedMethod(String title, String abstractText, List<EntityFinder.Found> abstractMentions, Lexicon lexicon) {
        if (title != null) {
            int colon = title.indexOf(':');
            if (colon > 0 && colon < 40) {
                String head = title.substring(0, colon).strip();
                // "MnasNet: ...", "Batch Normalization: ...", "Swin Transformer: ...": a short capitalised name.
                boolean capitalised = SPACES.split(head).length <= 3 && java.util.Arrays.stream(SPACES.split(head))
                        .allMatch(w -> !w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))));
                if ((NAME.matcher(head).matches() || capitalised || (SPACES.split(head).length <= 2 && !head.equals(head.toLowerCase(Locale.ROOT)) && NAME.matcher(head).find()))
                        && notASet(head, lexicon)) return head;
            }
        }
        if (abstractText != null) {
            // "an improved version of DARTS, namely iDARTS": an explicit naming beats a proposed-looking mention.
            Matcher named = CALLED.matcher(abstractText);
            while (named.find()) if (notASet(named.group(1), lexicon)) return named.group(1);
            for (Pattern p : List.of(WE_PROPOSE_THE, WE_PROPOSE, OUR_NAMED)) {
                // "We propose a new simple network architecture, the Transformer", "Our ANN model", "later known as AlexNet".
                Matcher m = p.matcher(abstractText);
                while (m.find()) if (notASet(m.group(1), lexicon) && (p != WE_PROPOSE || !modifier(abstractText, m.start(1), m.end(1)))) return m.group(1);
            }
        }
        return null;
    }

    private static final Pattern ARTICLE_BEFORE = Pattern.compile("(?:^|\\s)(?:a|an|the)\\s+$");
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s+[a-z]");

    /**
     * "We present a PropBank semantic role labeling system", "we introduce a CNN architecture": a name right after the
     * article and before lower-case words modifies the noun; it does not name the system.
     */
    static boolean modifier(String text, int start, int end) {
        if (OFF.contains("modifierName")) return false;
        return ARTICLE_BEFORE.matcher(text.substring(Math.max(0, start - 5), start)).find()
                && WORD_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 3))).find();
    }

    private static boolean notASet(String name, Lexicon lexicon) {
        Lexicon.Entry e = lexicon.lookup(name);
        return e == null || e.type() == EntityType.METHOD;
    }
}
