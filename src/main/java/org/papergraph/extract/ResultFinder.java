package org.papergraph.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.lexicon.LexiconBuilder;
import org.papergraph.extract.text.Sentences;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;

/**
 * Finds benchmark results in an abstract: an absolute score of a named method on a named dataset under a named
 * metric, in one sentence ("our MnasNet achieves 75.2% top-1 accuracy" ... "on ImageNet"). Precision first: a
 * number becomes a result only when all four parts are found, and numbers that are relative gains ("+1.3%",
 * "0.5% higher", "improvement of 20.31%", "outperforms ... by 7.85%"), bounds ("above 68%", "up to"), ranges
 * ("from 76.5% to 80.9%"), proportions ("0.24% of the pixels") or quantities with units (ms, M, FLOPs, x) are not
 * results. LaTeX left in abstracts ({@code 2.08\%}) is read through. Stateless; safe from many threads.
 */
public final class ResultFinder {
    /** One result: names as written in the text (resolved later), value as decimal, and its evidence. */
    public record FoundResult(String method, String dataset, String metric, Lexicon.Entry metricEntry,
                              BigDecimal value, String rawValue, boolean percent, boolean lowerIsBetter,
                              String surface, String sentence, double confidence) {}

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.+\\-±])(\\d+(?:\\.\\d+)?)(\\s*(?:\\\\?%|percent\\b))?");
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "^\\s*(?:x\\b|×|times|\\\\times|[KMBG]\\b|k\\b|ms\\b|s\\b|sec|hours?|days?|GPU|M?FLOPs|FLOPS|params|parameters|"
            + "layers|bits?\\b|-bit|fps|frames|images|samples|examples|words|tokens|languages|classes|GB|MB|mJ|W\\b|epochs|steps|"
            + "[a-zA-Z]*-?shot|points? (?:higher|lower|better|worse)|\\w+ times)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_AFTER = Pattern.compile(
            "^\\s*(?:\\\\?%)?\\s*(?:points?\\s+)?(?:higher|lower|better|worse|more|less|fewer|improvement|improvements|gain|gains|increase|"
            + "decrease|reduction|relative|absolute|drop|degradation|smaller|larger|faster|slower|speed|of\\b|to\\s+\\d|-\\s*\\d|–\\s*\\d|"
            + "over\\b|above\\b|below\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_BEFORE = Pattern.compile(
            "(?i)(?:\\+|±|\\b(?:by|from|above|over|up to|upto|less than|more than|at least|nearly|almost|about|around|within|under|"
            + "only|roughly|approximately|beyond|exceeding|improvement of|gain of|increase of|reduction of|margin of))\\s*(?:about|over|up to|nearly|around|roughly|approximately|only|an?)?\\s*$");
    /** The upper end of a range: "from 76.5% to 80.9%", "1.5%-6.4%". */
    private static final Pattern RANGE_END = Pattern.compile("\\d\\s*(?:\\\\?%)?\\s*(?:to|-|–|~)\\s*$");
    private static final Pattern GAIN_WORDS = Pattern.compile(
            "(?i)\\b(?:improv\\w*|gains?|outperform\\w*|increas\\w*|reduc\\w*|decreas\\w*|boost\\w*|surpass\\w*|margin|relative|better|higher|lower)\\b[^,;]*$");
    private static final Pattern VERB = Pattern.compile(
            "(?i)(?<![\\w-])(?:achiev\\w*|obtain\\w*|reach\\w*|attain\\w*|yield\\w*|scor\\w*|gets?|got|sets?|records?|deliver\\w*|"
            + "answers\\b[^,;]{0,40}\\bwith|report\\w*|ha[sv]e?|shows?|gives?)\\b");
    private static final Pattern NAME = Pattern.compile(
            "\\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]+\\d[A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*\\b");
    private static final Pattern OUR_GENERIC = Pattern.compile(
            "(?i)\\b(?:our|the proposed)\\s+(?:\\w+\\s+)?(?:model|method|approach|network|system|framework|architecture|algorithm)s?\\b|\\bit\\b");
    private static final Pattern COMPARISON = Pattern.compile("(?i)\\b(?:than|over|outperform\\w*|surpass\\w*|compared (?:to|with)|versus|vs\\.?|against|like|including|such as)\\s+(?:the\\s+)?$");
    private static final Pattern DATASET_AFTER = Pattern.compile(
            "^(?:\\s*(?:\\\\?%)?[^,;()]{0,40}?)\\b(?:on|for|in|over)\\s+(?:the\\s+)?([A-Za-z][\\w.-]*(?:\\s+[A-Z0-9][\\w.-]*){0,3})");
    private static final Pattern DATASET_WORD = Pattern.compile("(?i)^\\s*(?:dataset|benchmark|corpus|test set|challenge)s?\\b");
    private static final Pattern NAMED_SET = Pattern.compile(
            "\\b(?:on|for|in|over)\\s+the\\s+([A-Za-z][\\w.-]*(?:\\s+[A-Za-z0-9][\\w.-]*){0,2}?)\\s+(?:dataset|benchmark|corpus|test set)s?\\b");
    private static final Pattern OUR_NAMED = Pattern.compile(
            "\\b[Oo]ur\\s+([A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9-]*)\\s+(?:model|method|approach|system|network|framework|architecture)\\b");
    private static final Pattern SPLIT_WORD = Pattern.compile("^\\s+(?:test\\s+|val\\s+|validation\\s+)?split\\b");
    private static final Pattern LEADING_ON = Pattern.compile("^On\\s+(?:the\\s+)?([A-Z][^,]{2,60}),");
    private static final Pattern CLAUSE = Pattern.compile("(?:;|,\\s+(?:and|while|whereas|but)\\b|\\band\\s+(?=our\\b))");

    /** Most characters between a result's subject and its verb. */
    static final int SUBJECT_GAP = 30;

    private final Lexicon lexicon;

    public ResultFinder(ExtractionModels models) { this.lexicon = models.lexicon(); }

    /** Cheap pre-check: only a text with a percent sign or a decimal number can state a result. */
    public static boolean mayHoldResults(String text) { return text.indexOf('%') >= 0 || hasDecimal(text); }

    /** Results in {@code abstractText}; {@code proposed} names the paper's own method (for "our model"), or null. */
    public List<FoundResult> find(String abstractText, List<EntityFinder.Found> mentions, String proposed) {
        List<FoundResult> out = new ArrayList<>();
        if (abstractText == null || !mayHoldResults(abstractText)) return out;
        for (int[] sr : Sentences.split(abstractText)) {
            String s = abstractText.substring(sr[0], sr[1]);
            if (!containsDigit(s)) continue;
            List<EntityFinder.Found> here = new ArrayList<>();
            for (EntityFinder.Found f : mentions) {
                if (f.start() >= sr[0] && f.end() <= sr[1]) {
                    here.add(new EntityFinder.Found(f.start() - sr[0], f.end() - sr[0], f.type(), f.confidence(), f.entry(), 0, s.length(), f.source()));
                }
            }
            sentence(s, here, proposed, out);
        }
        return out;
    }

    private void sentence(String s, List<EntityFinder.Found> m, String proposed, List<FoundResult> out) {
        Matcher num = NUMBER.matcher(s);
        while (num.find()) {
            int a = num.start(), b = num.end();
            boolean percent = num.group(2) != null;
            String before = s.substring(Math.max(0, a - 60), a);
            String after = s.substring(b);
            if (RELATIVE_BEFORE.matcher(before).find() || RELATIVE_AFTER.matcher(after).find() || UNIT_AFTER.matcher(after).find()) continue;
            if (a > 0 && (s.charAt(a - 1) == '+' || s.charAt(a - 1) == '-')) continue;
            if (RANGE_END.matcher(before).find()) continue;
            int clause = clauseStart(s, a);
            // "outperforms X by 7.85%" and "improvement of 20.31% and 18.42%": a gain anywhere earlier in the clause.
            String lead = s.substring(Math.max(clause, a - 150), a);
            Matcher lastVerb = VERB.matcher(lead);
            int lv = 0;
            while (lastVerb.find()) lv = lastVerb.end();
            if (GAIN_WORDS.matcher(lead.substring(lv)).find()) continue;

            EntityFinder.Found metric = metricFor(s, m, a, b, percent);
            if (metric == null) continue;
            List<String> datasets = datasetsFor(s, m, a, b, clause, metric);
            if (datasets.isEmpty()) continue;
            String method = methodFor(s, m, clause, a, proposed);
            if (method == null) continue;
            // "... on the ManyTypes4TypeScript benchmark, achieving 71.27%": the name before the verb is the set,
            // not the method whose score it is.
            String methodKey = org.papergraph.extract.text.Tokenizer.key(method);
            if (datasets.stream().anyMatch(d -> org.papergraph.extract.text.Tokenizer.key(d).equals(methodKey))) continue;
            String raw = s.substring(a, b).strip();
            BigDecimal value = new BigDecimal(num.group(1));
            String metricText = s.substring(metric.start(), metric.end());
            boolean lower = metric.entry() != null ? metric.entry().lowerIsBetter() : LexiconBuilder.LOWER_BETTER.matcher(metricText).matches();
            int from = Math.min(a, metric.start()), to = Math.max(b, metric.end());
            double conf = method.equals(proposed) && proposed != null ? 0.8 : 0.9;
            for (String d : datasets) {
                out.add(new FoundResult(method, d, metricText, metric.entry(), value, raw, percent, lower, s.substring(from, to).strip(), s, conf));
            }
        }
    }

    /** Where the clause holding position {@code at} starts: after the last "; " or ", and" before it. */
    private static int clauseStart(String s, int at) {
        Matcher c = CLAUSE.matcher(s);
        int start = 0;
        while (c.find() && c.end() <= at) start = c.end();
        return start;
    }

    /** The metric right after the number ("75.2% top-1 accuracy"), else the nearest one before it in the sentence. */
    private static EntityFinder.Found metricFor(String s, List<EntityFinder.Found> m, int a, int b, boolean percent) {
        EntityFinder.Found before = null;
        for (EntityFinder.Found f : m) {
            if (f.type() != EntityType.METRIC || !isMetric(s, f)) continue;
            if (f.start() >= b) {
                String gap = s.substring(b, f.start());
                if (gap.matches("\\s*(?:\\\\?%)?\\s*(?:[a-z]+\\s+)?")) return f;
            } else if (f.end() <= a) {
                String gap = s.substring(f.end(), a);
                // "accuracy of 97.04%", "F1-score of 97.85", "error rate ..., with 2.46%": no other result between.
                if (gap.length() < 150 && (percent || gap.matches("\\s*(?:of|:|=|is|was|at)?\\s*(?:about\\s+)?"))) before = f;
            }
        }
        return before;
    }

    private static final Pattern METRIC_WORD = Pattern.compile(
            "(?i).*\\b(?:accuracy|acc|error|rate|score|f1|f-1|f-measure|precision|recall|auc|map|ap|iou|miou|bleu|rouge|meteor|cider|"
            + "psnr|ssim|fid|perplexity|em|exact match|ndcg|mrr|hits|success|top-\\d|r@\\d|wer|cer|mae|rmse|mse|correlation|kappa)\\b.*");

    /** A tagger span counts as a metric only when it has a metric head word; lexicon metrics always do. */
    private static boolean isMetric(String s, EntityFinder.Found f) {
        String text = s.substring(f.start(), f.end());
        return METRIC_WORD.matcher(text).matches() || (f.entry() != null && org.papergraph.extract.text.Tokenizer.key(text).length() >= 3);
    }

    /** Datasets the number is on: "on X (and Y)" after it, else a dataset named earlier in its clause or sentence. */
    private List<String> datasetsFor(String s, List<EntityFinder.Found> m, int a, int b, int clause, EntityFinder.Found metric) {
        List<String> out = new ArrayList<>();
        int afterFrom = Math.max(b, metric.end());
        String after = s.substring(afterFrom);
        int nextNumber = nextNumber(s, afterFrom);
        for (EntityFinder.Found f : m) {
            if (f.type() == EntityType.DATASET && f.start() >= afterFrom && f.start() < nextNumber
                    && s.substring(afterFrom, f.start()).matches("(?s)[^,;()]{0,40}?\\b(?:on|for|in|over)\\s+(?:the\\s+)?(?:[^,;()]{0,30}\\band\\s+)?")) {
                out.add(s.substring(f.start(), f.end()));
            }
        }
        if (out.isEmpty()) {
            Matcher d = DATASET_AFTER.matcher(after);
            if (d.find() && afterFrom + d.start(1) < nextNumber) {
                String name = d.group(1);
                String rest = after.substring(d.end(1));
                Matcher split = SPLIT_WORD.matcher(rest);
                if (looksLikeName(name) || DATASET_WORD.matcher(rest).find()) {
                    out.add(trimName(name));
                } else if (Character.isUpperCase(name.charAt(0)) && split.find()) {
                    // "127.9 CIDEr-D on Karpathy split": a named split of a dataset is where the score was measured.
                    out.add(name + rest.substring(0, split.end()));
                }
                if (!out.isEmpty() && (looksLikeName(name) || DATASET_WORD.matcher(rest).find())) {
                    Matcher and = Pattern.compile("^\\s*(?:and|,)\\s+(?:the\\s+)?([A-Z][\\w.-]*)").matcher(rest);
                    if (and.find() && looksLikeName(and.group(1))) out.add(and.group(1));
                }
            }
        }
        if (out.isEmpty()) {
            EntityFinder.Found nearest = null;
            for (EntityFinder.Found f : m) if (f.type() == EntityType.DATASET && f.end() <= a) nearest = f;
            if (nearest != null && (nearest.start() >= clause || clause == 0)) {
                out.add(s.substring(nearest.start(), nearest.end()));
            }
        }
        if (out.isEmpty()) {
            // A set the sentence named before the number, by a name and what it is: "by 7.85% on the
            // ManyTypes4TypeScript benchmark, achieving 71.27% accuracy", "with a recall 97.38" after "on the i2b2
            // 2014 dataset". The nearest such name before the number, in the same sentence.
            Matcher d = NAMED_SET.matcher(s.substring(0, a));
            String name = null;
            while (d.find()) if (looksLikeName(d.group(1))) name = d.group(1);
            if (name != null) out.add(name);
        }
        if (out.isEmpty()) {
            // "On Visual Commonsense Reasoning, MERLOT answers questions correctly with 80.6% accuracy": a sentence
            // that opens with the benchmark, named as a known dataset or task.
            Matcher on = LEADING_ON.matcher(s);
            if (on.find() && on.end(1) <= a) {
                for (EntityFinder.Found f : m) {
                    if ((f.type() == EntityType.DATASET || f.type() == EntityType.TASK) && f.start() == on.start(1) && f.end() == on.end(1)) {
                        out.add(on.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** The method whose score it is: the last name before the clause's verb, or the paper's own for "our model". */
    private String methodFor(String s, List<EntityFinder.Found> m, int clause, int a, String proposed) {
        String head = s.substring(0, a);
        Matcher v = VERB.matcher(head);
        int verb = -1;
        while (v.find()) if (v.start() >= clause || verb < 0) verb = v.start();
        if (verb < 0) return null;
        String subject = null;
        int subjectAt = -1;
        Matcher n = NAME.matcher(head.substring(0, verb));
        while (n.find()) {
            // The subject stands right before its verb ("our MnasNet achieves", "EEEA-Net achieved").
            if (verb - n.end() > SUBJECT_GAP) continue;
            if (overlapsNonMethod(m, n.start(), n.end())) continue;
            if (COMPARISON.matcher(head.substring(Math.max(0, n.start() - 30), n.start())).find()) continue;
            String name = n.group();
            Lexicon.Entry e = lexicon.lookup(name);
            if (e != null && e.type() == EntityType.METRIC) continue;
            subject = name;
            subjectAt = n.start();
        }
        Matcher g = OUR_GENERIC.matcher(head.substring(0, verb));
        int genericAt = -1;
        while (g.find()) if (verb - g.end() <= SUBJECT_GAP) genericAt = g.start();
        if (genericAt > subjectAt && proposed != null) return proposed;
        return subject;
    }

    private static boolean overlapsNonMethod(List<EntityFinder.Found> m, int a, int b) {
        for (EntityFinder.Found f : m) {
            if (f.type() != EntityType.METHOD && f.start() < b && a < f.end()) return true;
        }
        return false;
    }

    /** Start of the next number that could be a score; proportions ("0.24% of the pixels") do not count. */
    private static int nextNumber(String s, int from) {
        Matcher n = NUMBER.matcher(s);
        int at = from;
        while (n.find(at)) {
            if (!s.startsWith(" of ", n.end()) && !s.startsWith("of ", n.end())) return n.start();
            at = n.end();
        }
        return s.length();
    }

    static boolean looksLikeName(String s) {
        String first = s.split("\\s+")[0];
        return NAME.matcher(first).matches() || first.matches("[a-z]+\\d+\\w*");
    }

    private static String trimName(String s) {
        return s.replaceAll("(?i)\\s+(?:dataset|benchmark|corpus)s?$", "").replaceAll("[.,]$", "").strip();
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    private static boolean hasDecimal(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '.' && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) return true;
        }
        return false;
    }

    /** The name of the paper's own method: a name before the title's colon, else the first proposed method. */
    public static String proposedMethod(String title, String abstractText, List<EntityFinder.Found> abstractMentions) {
        if (title != null) {
            int colon = title.indexOf(':');
            if (colon > 0 && colon < 40) {
                String head = title.substring(0, colon).strip();
                if (NAME.matcher(head).matches() || (head.split("\\s+").length <= 2 && !head.equals(head.toLowerCase(Locale.ROOT)) && NAME.matcher(head).find())) return head;
            }
        }
        if (abstractText != null) {
            for (EntityFinder.Found f : abstractMentions) {
                if (f.type() != EntityType.METHOD) continue;
                String surface = abstractText.substring(f.start(), f.end());
                if (!NAME.matcher(surface).matches()) continue;
                if (MentionRole.PROPOSED.equals(EntityExtractor.role(f, abstractText))) return surface;
            }
            Matcher p = Pattern.compile("\\b[Ww]e (?:propose|present|introduce|develop)\\w*\\s+(?:a |an |the )?[^.]{0,60}?\\(?\\b([A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9-]*)\\b").matcher(abstractText);
            if (p.find()) return p.group(1);
            // "Our ANN model outperforms ...": the paper's own model, named by what it is.
            Matcher our = OUR_NAMED.matcher(abstractText);
            if (our.find()) return our.group(1);
        }
        return null;
    }
}
