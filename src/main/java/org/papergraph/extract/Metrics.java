package org.papergraph.extract;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.papergraph.extract.text.Tokenizer;

/**
 * What papergraph knows about evaluation metrics by their name, in one place: the name a metric goes by
 * ({@link #canonical}), whether lower values are better ({@link #lowerIsBetter}), whether its values are
 * percentages that never exceed 100 ({@link #percentScale}, {@link #plausible}), and whether a name is a cost
 * (parameters, FLOPs, latency, speed, memory) rather than a score ({@link #isCost}). Results from abstracts, from
 * leaderboard tables and from any later table reader all ask here, so one metric has one direction everywhere.
 * Stateless and thread-safe.
 */
public final class Metrics {
    private Metrics() {}

    /**
     * Spellings of one metric, by key (letters and digits, lower case), to the name it is given. Facts about metric
     * names, written as papers and leaderboards write them.
     */
    private static final Map<String, String> NAMES = new HashMap<>();

    private static void names(String canonical, String... spellings) {
        NAMES.put(Tokenizer.key(canonical), canonical);
        for (String s : spellings) NAMES.put(Tokenizer.key(s), canonical);
    }

    static {
        names("Accuracy", "acc", "accuracies", "classification accuracy", "recognition accuracy");
        names("Error", "error rate", "errors", "err", "classification error", "classification error rate");
        for (int k : new int[] {1, 3, 5, 10}) {
            names("Top-" + k + " Accuracy", "top-" + k, "top" + k + " acc", "top-" + k + " accuracies");
            names("Top-" + k + " Error", "top-" + k + " error rate", "top-" + k + " err");
        }
        names("F1", "f1 score", "f-1", "f-score", "f-measure", "f1 measure", "fmeasure", "f1-measure");
        names("Micro-F1", "micro-averaged f1", "micro f1 score", "micro-averaged f1 score");
        names("Macro-F1", "macro-averaged f1", "macro f1 score", "macro-averaged f1 score");
        names("EM", "exact match");
        names("mAP", "mean average precision");
        names("AP", "average precision");
        names("Box AP", "ap box", "bbox ap", "box average precision");
        names("Mask AP", "ap mask", "mask average precision");
        names("mIoU", "mean iou", "mean iu", "mean intersection over union", "mean intersection-over-union");
        names("IoU", "intersection over union", "intersection-over-union", "intersection-over-union score", "iou score");
        names("BLEU", "bleu score", "bleu points");
        names("Perplexity", "ppl", "perplexities", "word-level perplexity", "word level perplexity", "test perplexity");
        names("Bits per Character", "bpc", "bits per char", "bits/char", "bit per character", "bits-per-character", "character-level entropy");
        names("Bits per Dimension", "bpd", "bits/dim", "bits per dim", "bits-per-dimension");
        names("FID", "frechet inception distance", "fréchet inception distance", "fid score");
        names("Inception Score", "is", "inception scores");
        names("WER", "word error rate", "word error rates");
        names("CER", "character error rate");
        names("PER", "phoneme error rate", "phone error rate");
        names("Smatch", "smatch f1", "smatch f1 score", "smatch score");
        names("GLEU", "gleu score");
        names("Rank-1", "rank-1 accuracy", "rank 1 accuracy", "rank-1 identification rate");
        names("MRR", "mean reciprocal rank");
        names("MR", "mean rank");
        names("Score", "scores");
    }

    /**
     * Words a metric phrase carries that praise the number or name the default split, not the metric. A validation
     * or dev split stays in the name ("Validation mIoU" is not ranked with test mIoU).
     */
    private static final List<String> NOISE = List.of("test", "set", "single-model", "state-of-the-art", "new", "best",
            "final", "reported", "competitive", "strong", "the", "a", "an");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ERROR_RATE = Pattern.compile("(?i)\\berror rate\\b");
    private static final Pattern SCORE_TAIL = Pattern.compile("(?i)[ -]score$");
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");

    /**
     * The name of a metric as written ("top-5 test error", "F1-score", "mean IU", "Top-1"), as leaderboards call it
     * ("Top-5 Error", "F1", "mIoU", "Top-1 Accuracy"): split words and praise dropped, known spellings folded, else
     * the cleaned words as written with a capital first letter. Null for null or a name with nothing left.
     */
    public static String canonical(String surface) {
        if (surface == null) return null;
        String s = SPACES.matcher(surface.strip()).replaceAll(" ");
        String known = NAMES.get(Tokenizer.key(s));
        if (known != null) return known;
        // "F1-scores", "error rates": a plural of a known name.
        String key = Tokenizer.key(s);
        if (key.endsWith("s") && NAMES.containsKey(key.substring(0, key.length() - 1))) return NAMES.get(key.substring(0, key.length() - 1));
        StringBuilder kept = new StringBuilder();
        for (String w : s.split(" ")) {
            if (NOISE.contains(w.toLowerCase(Locale.ROOT))) continue;
            if (kept.length() > 0) kept.append(' ');
            kept.append(w);
        }
        String cleaned = ERROR_RATE.matcher(kept).replaceAll("error").strip();
        if (cleaned.isEmpty()) return null;
        known = NAMES.get(Tokenizer.key(cleaned));
        if (known != null) return known;
        // "BLEU score", "F1 score": the score of a metric is the metric.
        String noScore = SCORE_TAIL.matcher(cleaned).replaceAll("");
        if (!noScore.equals(cleaned) && NAMES.containsKey(Tokenizer.key(noScore))) return NAMES.get(Tokenizer.key(noScore));
        return Character.toUpperCase(cleaned.charAt(0)) + cleaned.substring(1);
    }

    /** True when {@code name} is a name {@link #canonical} gives a metric it knows ("Top-1 Accuracy", "F1", "mIoU"). */
    public static boolean isKnown(String name) {
        return name != null && name.equals(NAMES.get(Tokenizer.key(name)));
    }

    /** Metric words for which a lower value is better: errors, losses, distances, perplexity, ranks, costs. */
    private static final Pattern LOWER = Pattern.compile(
            "(?i).*\\b(?:error|errors|err|loss|perplexity|ppl|fid|kid|wer|cer|ter|mae|mse|rmse|eer|nme|epe|aepe|ade|fde|"
            + "bits? per|bits?/|bpc|bpd|miss rate|false positive|fpr|hter|chamfer|distance|latency|runtime|time|seconds|"
            + "mean rank|median rank|abs ?rel|sq ?rel|dcf|mindcf|min ?dcf|cost)\\b.*");
    /** Short names that are lower-is-better only as the whole name ("PER" is phoneme error rate, "per" a preposition). */
    private static final java.util.Set<String> LOWER_NAMES = java.util.Set.of("per", "mr", "ms");
    /** Higher-is-better names the words above would catch: "Rank-1" is an accuracy, "error reduction" a gain. */
    private static final Pattern HIGHER = Pattern.compile("(?i).*\\b(?:rank-?\\d+|error reduction|hits@\\d+)\\b.*");

    /** True when a lower value of metric {@code name} is better (any spelling; see {@link #canonical}). */
    public static boolean lowerIsBetter(String name) {
        if (name == null) return false;
        String c = canonical(name);
        if (c == null) return false;
        if (HIGHER.matcher(c).matches()) return false;
        return LOWER_NAMES.contains(c.toLowerCase(Locale.ROOT)) || LOWER.matcher(c).matches();
    }

    /** Metrics whose values are shares, stated in percent (or as fractions of 1), never above 100. */
    private static final Pattern PERCENT_SCALE = Pattern.compile(
            "(?i).*\\b(?:accuracy|accuracies|acc|error|precision|recall|f1|f-?measure|f-?score|ap|map|ap\\d*|iou|miou|iu|dice|jaccard|"
            + "bleu|rouge|meteor|em|exact match|top-\\d+|hits|success rate|miss rate|uas|las|wer|cer|auc|smatch|gleu|rank-\\d+|"
            + "specificity|sensitivity|mota|motp|pck|ndcg|mrr)\\b.*");

    /** True when values of metric {@code name} are percentages (or fractions of one), so never above 100. */
    public static boolean percentScale(String name) {
        String c = canonical(name);
        return c != null && (c.equals("PER") || PERCENT_SCALE.matcher(c).matches());
    }

    /**
     * Whether {@code value} can be a score of metric {@code name}: not negative for a percentage metric and never
     * above 100 when written with a percent sign or when the metric is a percentage.
     */
    public static boolean plausible(String name, BigDecimal value, boolean percent) {
        if (value == null) return false;
        boolean share = percent || percentScale(name);
        if (share && (value.compareTo(BigDecimal.valueOf(100)) > 0 || value.signum() < 0)) return false;
        return true;
    }

    /** Names of what a model costs, not how well it does: sizes, compute, speed, time, memory, energy. */
    private static final Pattern COST = Pattern.compile(
            "(?i).*\\b(?:params|parameters|parameter count|#\\s*params|flops|gflops|mflops|tflops|macs|madds|mult-adds|multiply-adds|"
            + "multiply-accumulates|latency|speed|speedup|fps|frames per second|throughput|inference time|training time|time|runtime|"
            + "run time|seconds|hours|days|gpu|gpus|gpu days|gpu hours|memory|model size|size|mb|gb|energy|power|watts|"
            + "compression ratio|bit-?width|bits|layers|depth|width)\\b.*");
    /** Scores whose names hold a cost word: "bits per character" is a score, "time" in "inference time" is not. */
    private static final Pattern COST_EXCEPTIONS = Pattern.compile("(?i).*\\b(?:bits? per|bits?/|bits-per)\\b.*");

    /** True when {@code name} measures what a model costs (size, compute, speed, time, memory), not a score. */
    public static boolean isCost(String name) {
        if (name == null) return false;
        return COST.matcher(name).matches() && !COST_EXCEPTIONS.matcher(name).matches();
    }

    /**
     * Ranges the values of some metrics keep to in practice, by canonical name: bits per character or dimension
     * stay small, perplexity is at least 1 and word-level perplexity far above bits per character, SSIM is a
     * fraction, PSNR tens of decibels. Used only to tell the two halves of a "bpc/perplexity" or "PSNR/SSIM" name
     * apart.
     */
    private static final Map<String, BigDecimal[]> TYPICAL = Map.of(
            "Bits per Character", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(5)},
            "Bits per Dimension", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(8)},
            "Perplexity", new BigDecimal[] {BigDecimal.valueOf(5), null},
            "SSIM", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE},
            "PSNR", new BigDecimal[] {BigDecimal.valueOf(10), BigDecimal.valueOf(80)});

    /**
     * For a name that joins two metrics with a slash ("bpc/perplexity", "PSNR/SSIM"), the one {@code value} belongs
     * to when exactly one of them usually takes such values; else {@code name} unchanged.
     */
    public static String choose(String name, BigDecimal value) {
        if (name == null || value == null) return name;
        String[] parts = SLASH.split(name);
        if (parts.length != 2) return name;
        String fit = null;
        int fits = 0;
        for (String p : parts) {
            BigDecimal[] r = TYPICAL.get(canonical(p));
            if (r == null) return name;
            if ((r[0] == null || value.compareTo(r[0]) >= 0) && (r[1] == null || value.compareTo(r[1]) <= 0)) { fit = p; fits++; }
        }
        return fits == 1 ? fit : name;
    }
}
