package org.papergraph.extract.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.papergraph.extract.Metrics;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PaperTable;

/**
 * Reads benchmark results out of a paper's tables. For each table it:
 * <ol>
 *   <li>lays the cells out as a grid ({@link TableGrid}) and splits header rows (above the first row of scores)
 *       from data rows, and row-label columns (text) from score columns;</li>
 *   <li>names each score column's metric and dataset from its header cells, top to bottom (multi-level headers:
 *       "FB15k-237" over "MRR"), else from the caption, the body sentences citing the table, or a section row
 *       inside the table; a table whose columns are methods and rows datasets is read transposed;</li>
 *   <li>tells a leaderboard (metric columns, method rows) from an ablation ("w/o", "ablation") and from dataset
 *       statistics ("#train", "statistics"), and reads results only from leaderboards;</li>
 *   <li>marks each row as the paper's own ({@link Role#OWN}: "ours", "proposed", a name the title or abstract
 *       gives the method, or, when other rows cite their sources, the uncited rows after the last cited one) or
 *       as reported for another method ({@link Role#OTHER});</li>
 *   <li>reads each score cell ({@link CellValue}: percent, ±, footnote marks; "PSNR/SSIM" pairs), and picks the
 *       task from the dataset's known tasks and the tasks the title, abstract, caption and section name.</li>
 * </ol>
 * Names are as the table writes them; the extractor resolves them to entities. Stateless over immutable names;
 * safe from many threads.
 */
public final class TableResultFinder {
    /** What a table is for. */
    public enum Kind { LEADERBOARD, ABLATION, DATASET_STATISTICS, OTHER;
        public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** Whose result a row is: the paper's own method, or another method the paper reports. */
    public enum Role { OWN, OTHER;
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * How a result was read, for its confidence: why its row is (not) the paper's own ({@code explicit}: "ours",
     * "proposed" or the method's name; {@code uncited}: the uncited rows after cited ones; {@code other}), and where
     * its dataset and metric came from ({@code header}, {@code row}, {@code caption}, {@code text}).
     */
    public record Evidence(String ownRule, String datasetSource, String metricSource) {}

    /**
     * One score a table gives.
     *
     * @param table        the table
     * @param kind         what the table is (only {@link Kind#LEADERBOARD} tables give results)
     * @param row          the grid row of the cell (0-based)
     * @param column       the grid column of the cell (0-based)
     * @param rowHeader    the row's label as written ("Ours (large)")
     * @param columnHeader the column's header cells top to bottom, joined by " / " ("WMT'14 / BLEU")
     * @param method       the method the row (or, transposed, the column) is, cleaned of citation marks; null for
     *                     an own row the paper names nowhere
     * @param dataset      the dataset as found
     * @param metric       the metric as found
     * @param task         the task, or null
     * @param cell         the cell text as written
     * @param value        the score read from it
     * @param lowerIsBetter whether lower values of the metric are better
     * @param role         whose result it is
     * @param bold         whether the cell is bold (the table marks it best)
     * @param evidence     where role, dataset and metric came from
     */
    public record Found(PaperTable table, Kind kind, int row, int column, String rowHeader, String columnHeader,
                        String method, String dataset, String metric, String task, String cell, CellValue value,
                        boolean lowerIsBetter, Role role, boolean bold, Evidence evidence) {}

    private static final Pattern OURS = Pattern.compile(
            "(?i)\\b(?:ours|our (?:model|method|approach|system|framework|network|full model|best model)|(?:the )?proposed(?: method| model| approach)?|this (?:work|paper))\\b|\\(our\\)");
    private static final Pattern ONLY_OURS = Pattern.compile(
            "(?i)^\\s*(?:ours|our (?:model|method|approach|system|framework|network)|(?:the )?proposed(?: method| model| approach)?|this (?:work|paper))\\s*(?:\\(([^)]*)\\))?\\s*$");
    /** A row of the proposed method named by a mark and a variant: "Ours-ResNet", "Proposed: large", "BU Ours". */
    private static final Pattern OURS_VARIANT = Pattern.compile("(?i)^(?:ours|proposed)\\s*[-:–+]\\s*(\\S.*)$|^(.+?)\\s+ours$");
    private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d+(?:\\s*[,–-]\\s*\\d+)*\\s*\\]|\\bet al\\b\\.?|\\(\\s*[A-Z][A-Za-z-]+(?: et al\\.?| and [A-Z][A-Za-z-]+)?,? \\d{4}[a-z]?\\s*\\)");
    private static final Pattern FOOTNOTE = Pattern.compile("[*†‡§¶⋆∗✝]+|\\^\\{?[a-z0-9*†‡]{1,3}\\}?");
    private static final Pattern ABLATION = Pattern.compile(
            "(?i)\\b(?:ablat\\w*|w/o|without|component(?:s)? (?:analysis|study)|contribution of (?:each|the)|effect(?:s)? of (?:each|different|the)|impact of (?:each|different|the)|variants? of (?:our|the proposed)|sensitivity|hyper-?parameter|design choices?)");
    /** A caption saying that some rows' results come from other papers: "Results are taken from [12]", "reported in". */
    private static final Pattern TAKEN_FROM = Pattern.compile(
            "(?i)\\b(?:results?|numbers?|scores?|values?)\\s+(?:\\w+\\s+)?(?:are|were|is|was)\\s+(?:\\w+\\s+)?(?:taken|copied|quoted|borrowed|cited|reported|obtained)\\s+(?:from|in|by)\\b"
            + "|\\b(?:taken|copied|quoted|borrowed)\\s+from\\s+(?:the\\s+)?(?:original\\s+)?(?:papers?|\\[|\\()|\\breported\\s+(?:in|by)\\s+(?:the\\s+)?(?:original\\s+)?(?:papers?|authors|\\[|\\()");
    private static final Pattern ABLATION_ROW = Pattern.compile("(?i)^\\s*(?:w/o|w/|without|with|no|\\+|-|–|−|only)\\b|^\\s*[+−–-]\\s*\\w");
    private static final Pattern STATISTICS = Pattern.compile(
            "(?i)\\b(?:statistics|dataset details|datasets? (?:used|summary)|summary of (?:the )?datasets|number of (?:samples|images|examples|classes|instances|sentences|documents)|data splits?|(?:training|train) (?:settings|details|configurations?)|hyper-?parameters? (?:settings|used|values)|implementation details)\\b");
    private static final Pattern STATISTIC_HEADER = Pattern.compile(
            "(?i)^(?:#|no\\.|num\\.?|number of|size|train(?:ing)?|test(?:ing)?|val(?:idation)?|dev|classes|images|samples|examples|instances|tokens|vocab\\w*|avg\\.?|average length|length|sentences|documents|users|items|nodes|edges|languages|domain|type|year|source)\\b");
    private static final Pattern BASELINE = Pattern.compile("(?i)^(?:baseline|random|human|oracle|majority|upper bound|lower bound|chance|average|mean|gold|reference|ground truth|input)\\b");
    /** Metric words that name a metric on their own in a header ("Acc.", "F1", "mAP@0.5"), in any case. */
    private static final Pattern METRIC_WORD = Pattern.compile(
            "(?i)^(?:top-?\\s?[1-9]\\d?\\s*(?:acc\\.?|accuracy|err\\.?|error)?|acc\\.?|accuracy|err\\.?|error(?: rate)?|f1(?:-score)?|f-?score|f-?measure|"
            + "bleu(?:-?[1-4])?|rouge(?:-?[12l])?|meteor|cider(?:-d)?|spice|m?ap(?:@?[\\d.:]+)?|auc|roc-?auc|m?iou|psnr|ssim|lpips|fid|kid|mae|mse|rmse|"
            + "ppl|perplexity|wer|cer|exact match|precision|recall|hits?@\\d+|h@\\d+|r@\\d+|recall@\\d+|p@\\d+|mrr|ndcg(?:@\\d+)?|pck(?:h)?(?:@[\\d.]+)?|mpjpe|pa-mpjpe|epe|"
            + "abs ?rel|sq ?rel|rank-?1|top-?5|spearman|pearson|kappa|mcc|bpc|bpd|nll|success rate|spl|"
            + "uas|las|chrf|gleu|sari|dice|hd95|jaccard|ap50|ap75|f0\\.5|gflops|flops|params|fps|latency|macro-?f1|micro-?f1)\\.?$");
    private static final Pattern LOG10 = Pattern.compile("(?i)^log\\s?10$");
    /** A threshold accuracy of depth and flow ("δ < 1.25", "δ>1.25^2", "delta < 1.25^3"). */
    private static final Pattern THRESHOLD_METRIC = Pattern.compile("(?i)^(?:δ|delta)\\s*(?:<|>|≤|≥)\\s*\\d+(?:\\.\\d+)?(?:\\s*\\^\\s*\\d)?$");
    /** Short metric names that are also words or letters: only as written ("IS", not "is"). */
    private static final Pattern METRIC_ABBREVIATION = Pattern.compile(
            "^(?:IS|EM|CA|PQ|SQ|RQ|MR|AP|APs|APm|APl|AP_?[SML]|AR|ADE|FDE|TER|NMI|ARI|ACC|Acc|OA|AA|mAcc|CD|EMD|NDS|AMOTA|MOTA|IDF1|HOTA|EER|DER|CER|WER|SDR|SI-SDR|SI-SNR|PESQ|STOI|CSIG|CBAK|COVL|MOS|R1|R5|R10|MedR)$");

    /** A short name in brackets after its long form: "(AUC)", "(mAP)". */
    private static final Pattern ABBREVIATION = Pattern.compile("\\(([A-Za-z][A-Za-z0-9@.-]{0,9})\\)");
    /** Rows that give a difference between rows, not a score: "% Improv.", "Gain", "Δ". */
    private static final Pattern IMPROVEMENT = Pattern.compile("(?i)improv(?:e?ment|\\.|\\b)|\\bgains?\\b|\\brel(?:ative|\\.)\\s|Δ|\\bdelta\\b");
    private static final Pattern DASH = Pattern.compile("[-–—−/]+|n/?a|N/?A");

    /** The format whose tables merge neighbouring cells (see {@link TableGrid}). */
    private static final String GROBID = "grobid-tei";

    private final TableNames names;
    private final Lexicon methods;

    public TableResultFinder(TableNames names, Lexicon methods) {
        this.names = names;
        this.methods = methods;
    }

    /** The shipped names and lexicon. */
    public static TableResultFinder shipped() {
        return new TableResultFinder(TableNames.shipped(), Lexicon.shipped());
    }

    /** Every score the paper's tables give, table by table, in row then column order. */
    public List<Found> find(PaperRecord paper) {
        List<Found> out = new ArrayList<>();
        if (paper.tables().isEmpty()) return out;
        List<String> proposed = ProposedNames.of(paper.title(), paper.abstractText(), paper.bodyText());
        List<String> paperTasks = new ArrayList<>();
        tasks(paper.title(), paperTasks);
        tasks(paper.abstractText(), paperTasks);
        Hit paperDataset = mostNamed(paper, true);
        Hit paperMetric = mostNamed(paper, false);
        for (PaperTable t : paper.tables()) {
            try {
                boolean merged = GROBID.equals(paper.format());
                for (PaperTable part : merged ? GrobidTableRepair.split(t, this::isMetric) : List.of(t)) {
                    One one = new One(part, proposed, paperTasks, merged);
                    one.title = paper.title();
                    one.paperDataset = paperDataset;
                    one.paperMetric = paperMetric;
                    one.read(out);
                }
            } catch (RuntimeException e) {
                // A rule failing on a table is a bug: say which table, so the rejected record can be reproduced.
                throw new IllegalStateException("table " + t.id() + ": " + e, e);
            }
        }
        return out;
    }

    /**
     * The dataset (or metric) the paper names most: in its title and abstract, and for metrics in the header rows of
     * its tables; null when it names none. A table that names none itself is taken to be about it.
     */
    private Hit mostNamed(PaperRecord paper, boolean dataset) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> surfaces = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        if (paper.title() != null) texts.add(paper.title());
        if (paper.abstractText() != null) texts.add(paper.abstractText());
        if (!dataset) {
            for (PaperTable t : paper.tables()) {
                for (List<org.papergraph.source.TableCell> row : t.rows().subList(0, Math.min(3, t.rows().size()))) {
                    for (org.papergraph.source.TableCell c : row) if (c.text().length() < 40) texts.add(c.text());
                }
            }
        }
        for (String text : texts) {
            List<Token> tokens = Tokenizer.tokens(text);
            for (Lexicon.Match m : names.lexicon().match(tokens)) {
                if (m.entry().type() != (dataset ? EntityType.DATASET : EntityType.METRIC)) continue;
                String surface = text.substring(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
                if (surface.length() < 2 || (dataset ? isMetric(surface) : !isMetric(surface) || COST.matcher(surface).find())) continue;
                String k = Tokenizer.key(m.entry().canonical());
                counts.merge(k, 1, Integer::sum);
                surfaces.putIfAbsent(k, surface);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
        return best == null ? null : new Hit(surfaces.get(best), false);
    }

    /** Adds the task names found in {@code text}, in order, without duplicates. */
    private void tasks(String text, List<String> out) {
        if (text == null) return;
        for (Lexicon.Match m : names.lexicon().match(Tokenizer.tokens(text))) {
            if (m.entry().type() == EntityType.TASK && !out.contains(m.entry().canonical())) out.add(m.entry().canonical());
        }
    }

    /** A name found in a piece of text. */
    private record Hit(String name, boolean whole) {}

    /** The dataset named by {@code text}: all of it, or a known dataset inside it; null when none. */
    Hit dataset(String text) {
        if (text == null || text.isBlank()) return null;
        String clean = cleanLabel(text);
        if (names.lookup(clean, EntityType.DATASET) != null || names.lookup(TableNames.base(clean), EntityType.DATASET) != null) {
            return new Hit(clean, true);
        }
        List<Token> tokens = Tokenizer.tokens(clean);
        for (Lexicon.Match m : names.lexicon().match(tokens)) {
            if (m.entry().type() != EntityType.DATASET) continue;
            String surface = clean.substring(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
            if (surface.length() >= 2 && !isMetric(surface)) return new Hit(surface, false);
        }
        return null;
    }

    /** The metric named by {@code text}: all of it (a known name or a metric word), or one inside a short text. */
    Hit metric(String text) {
        if (text == null || text.isBlank()) return null;
        String clean = cleanLabel(text);
        if (isMetric(clean)) return new Hit(clean, true);
        if (clean.split("\\s+").length > 5) return null;
        List<Token> tokens = Tokenizer.tokens(clean);
        for (Lexicon.Match m : names.lexicon().match(tokens)) {
            if (m.entry().type() != EntityType.METRIC) continue;
            String surface = clean.substring(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
            if (surface.length() >= 2 && names.papers(EntityType.METRIC, surface) >= 3 && isMetric(surface)) return new Hit(surface, false);
        }
        return null;
    }

    /**
     * Header words that qualify a metric (which split, which subset) or say nothing: never a metric on their own,
     * though Papers with Code has leaderboards with such metric names.
     */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?i)^(?:val(?:id(?:ation)?)?|dev(?:elopment)?|test(?:ing)?|test-?(?:dev|std|a|b)|train(?:ing)?|all|avg\\.?|average|mean|overall|total|"
            + "full|clean|final|seen|unseen|easy|medium|moderate|hard|public|private|in-domain|out-of-domain|ood|id|zero-shot|few-shot|"
            + "[0-9]+(?:-?shot)?|[0-9]+%|1/[0-9]+|table|open|size|network|model|method|methods|ours|baseline|results?|score|scores|"
            + "performance|matched|mismatched|noc|occ|vs\\.?|s|m|l|small|base|large|single|ensemble|other|others|number|detector|"
            + "many|few|head|tail|mid|short|long|known|novel|base|new|old|both|none|yes|no)$");

    /** Headers of columns that hold costs or sizes rather than scores. */
    private static final Pattern QUANTITY = Pattern.compile(
            "(?i)(?:#|\\bparam|\\btime\\b|\\bspeed\\b|\\bflops\\b|\\bmemory\\b|\\bepochs?\\b|\\blatency\\b|\\bfps\\b|\\bsize\\b|\\byear\\b|\\bgpu|\\bhours?\\b|\\bdays?\\b|\\blayers?\\b|\\bdim)");

    /** Qualifiers naming the split a score is on: they become part of the metric's name ("Test perplexity"). */
    private static final Pattern SPLIT = Pattern.compile("(?i)^(?:val(?:id(?:ation)?)?|dev(?:elopment)?|test(?:ing)?|test-?(?:dev|std)|train(?:ing)?)$");
    /** Qualifiers naming the whole: the metric as such; sibling columns are subsets of it. */
    private static final Pattern AGGREGATE = Pattern.compile("(?i)^(?:all|avg\\.?|average|mean|overall|total)$");
    /** Qualifiers naming a subset of the data ("Many", "Hard", "Seen", "1-shot"): part of the metric's name. */
    private static final Pattern SUBSET = Pattern.compile(
            "(?i)^(?:easy|medium|moderate|hard|seen|unseen|many|few|head|tail|mid|short|long|known|novel|base|new|in-domain|out-of-domain|"
            + "zero-shot|few-shot|\\d+-shot|matched|mismatched|noc|occ|clean|final|public|private|s|m|l|small|large)$");

    /** Header words that group columns without naming a dataset. */
    private static final Pattern GROUPING = Pattern.compile(
            "(?i)^(?:datasets?|benchmarks?|methods?|models?|metrics?|results?|performance|evaluation|tasks?|settings?|"
            + "(?:in|out)-?domain|languages?|splits?|data|scores?|approach(?:es)?|baselines?|ours|params?|#?\\s*params|backbone)$");

    /** Words that make a name from the lists a metric name rather than something else a leaderboard column says. */
    private static final Pattern METRIC_VOCABULARY = Pattern.compile(
            "(?i)(?:acc|accuracy|error|rate|score|precision|recall|f1|f-?measure|loss|distance|ratio|similarity|"
            + "correlation|consistency|overlap|iou|auc|bleu|rouge|likelihood|perplexity|success|coverage|diversity|"
            + "fidelity|quality|agreement|return|reward|mse|mae|rmse|psnr|ssim|fid|map|hits?|rank|ndcg|mrr|pck|err)");

    /** Whether {@code text} as a whole is a metric name. */
    boolean isMetric(String text) {
        String b = TableNames.base(text);
        if (b.length() < 2 || QUALIFIER.matcher(b).matches() || !b.matches(".*\\p{L}.*")) return false;
        // The depth metric "log10" (mean log10 error), whose base form would lose its digits.
        if (LOG10.matcher(text.strip()).matches()) return true;
        if (METRIC_WORD.matcher(b).matches() || METRIC_ABBREVIATION.matcher(b).matches() || THRESHOLD_METRIC.matcher(b).matches()) return true;
        Lexicon.Entry e = names.lookup(b, EntityType.METRIC);
        if (e == null) e = names.lookup(text, EntityType.METRIC);
        if (e == null) return false;
        // A method's name is not a metric's, whatever odd leaderboard used it so ("CNN").
        Lexicon.Entry method = methods.lookup(b);
        if (method != null && method.type() == EntityType.METHOD) return false;
        // A short name counts only as written: "is" is not IS.
        if (b.length() <= 3 && !b.equals(e.canonical()) && !e.variants().contains(b)) return false;
        // Papers with Code leaderboards have odd metric names ("Overall", "Network"): a listed name must be used
        // by several papers and look like a metric, not a plain word.
        int used = Math.max(names.papers(EntityType.METRIC, text), names.papers(EntityType.METRIC, b));
        if (used < 3 || names.lookup(b, EntityType.DATASET) != null && names.papers(EntityType.DATASET, b) >= used) return false;
        // Nor may it carry a dataset's name ("ImageNet pre-trained").
        List<Token> tokens = Tokenizer.tokens(b);
        for (Lexicon.Match m : names.lexicon().match(tokens)) if (m.entry().type() == EntityType.DATASET) return false;
        if (METRIC_VOCABULARY.matcher(b).find()) return true;
        // Else an abbreviation: one short word with two capitals ("P2S", "LPIPS").
        return !b.contains(" ") && b.length() <= 8 && b.chars().filter(Character::isUpperCase).count() >= 2;
    }

    /** A row or header label without citation marks and footnote marks, white space folded. */
    static String cleanLabel(String text) {
        String s = CITATION.matcher(text).replaceAll(" ");
        s = FOOTNOTE.matcher(s).replaceAll(" ");
        // Brackets left empty where a source's math was taken out ("mAP ()").
        s = s.replace("()", " ").replace("[]", " ").replace("( )", " ");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The method a row label names: marks and "(ours)" taken off; the proposed name for a bare "Ours". */
    static String method(String label, List<String> proposed) {
        String s = cleanLabel(label);
        java.util.regex.Matcher only = ONLY_OURS.matcher(s);
        if (only.matches()) {
            String inner = only.group(1) == null ? "" : only.group(1).strip();
            if (inner.isEmpty()) return proposed.isEmpty() ? null : proposed.get(0);
            // "Ours (AgentFormer)" names the method; "Ours (large)" is a variant of the proposed one.
            if (ProposedNames.names(inner, proposed) || proposed.isEmpty() && looksLikeName(inner)) return inner;
            return proposed.isEmpty() ? null : proposed.get(0) + " (" + inner + ")";
        }
        // "Ours-ResNet", "Ours: large", "BU Ours": a variant of the proposed method, not the method after the mark.
        java.util.regex.Matcher variant = OURS_VARIANT.matcher(s);
        if (variant.matches()) {
            String rest = (variant.group(1) != null ? variant.group(1) : variant.group(2)).strip();
            if (ProposedNames.names(rest, proposed)) return rest;
            return proposed.isEmpty() ? null : proposed.get(0) + " (" + rest + ")";
        }
        s = s.replaceAll("(?i)\\s*\\((?:ours|proposed|this (?:work|paper))\\)", "").strip();
        s = s.replaceAll("^[\\s(\\-–:,]+|[\\s\\-–:,]+$", "").strip();
        return s.isEmpty() || s.length() > 80 ? null : s;
    }

    /** The reading of one table. */
    private final class One {
        final PaperTable t;
        final List<String> proposed;
        final List<String> paperTasks;
        TableGrid g;
        int firstData;
        int labelColumns;
        boolean[] numericColumn;
        boolean[] sectionRow;

        final boolean merged;
        Hit paperDataset;
        Hit paperMetric;
        String title;

        /** Whether a row (or column) label is the paper's own method by name. */
        boolean ownByName(String label) {
            String clean = cleanLabel(label);
            return OURS.matcher(label).find() || ProposedNames.names(clean, proposed) || ProposedNames.acronymOf(clean, title);
        }

        One(PaperTable t, List<String> proposed, List<String> paperTasks, boolean merged) {
            this.merged = merged;
            this.t = t;
            this.proposed = proposed;
            this.paperTasks = paperTasks;
        }

        boolean numeric(String text) {
            return CellValue.parse(text) != null || CellValue.values(text, 2).size() == 2 || CellValue.values(text, 3).size() == 3;
        }

        void read(List<Found> out) {
            g = TableGrid.of(t, w -> isMetric(w), merged);
            if (g.rows < 2 || g.columns < 2) return;
            // Column types first: a score column holds more numbers than text over all its rows.
            // Header rows (above the first number past the first column) and dashes (a missing score) count for neither.
            int[] nums = new int[g.columns], texts = new int[g.columns];
            int top = 0;
            search:
            for (; top < g.rows; top++) for (int c = 1; c < g.columns; c++) if (numeric(g.text(top, c))) break search;
            if (top == g.rows) top = 0;
            for (int r = top; r < g.rows; r++) {
                for (int c = 0; c < g.columns; c++) {
                    String x = g.text(r, c);
                    if (x.isEmpty() || DASH.matcher(x).matches()) continue;
                    if (numeric(x)) nums[c]++;
                    else texts[c]++;
                }
            }
            numericColumn = new boolean[g.columns];
            for (int c = 0; c < g.columns; c++) numericColumn[c] = nums[c] > 0 && nums[c] >= texts[c];
            labelColumns = 0;
            while (labelColumns < Math.min(3, g.columns - 1) && !numericColumn[labelColumns]) labelColumns++;
            for (int c = 0; c < labelColumns; c++) numericColumn[c] = false;
            firstData = -1;
            for (int r = 0; r < g.rows && firstData < 0; r++) {
                for (int c = labelColumns; c < g.columns; c++) if (numericColumn[c] && numeric(g.text(r, c))) firstData = r;
            }
            if (firstData < 0) return;
            // A row of small whole numbers above rows of decimals is a header ("Imbalance factor | 100 | 50 | 10").
            for (int guard = 0; guard < 2 && firstData + 1 < g.rows && wholeNumbers(firstData) && decimals(firstData + 1); guard++) firstData++;
            sectionRow = new boolean[g.rows];
            for (int r = firstData; r < g.rows; r++) {
                int num = 0;
                for (int c = labelColumns; c < g.columns; c++) if (numericColumn[c] && numeric(g.text(r, c))) num++;
                if (num == 0) sectionRow[r] = true;
            }
            if (merged) spreadSparseHeaders();
            List<Found> found = transposed() ? readTransposed() : readRows();
            out.addAll(found);
        }

        /**
         * GROBID centres a spanning header in one cell and leaves its neighbours empty ("| | WN18 | | | FB15K |"):
         * in such a sparse header row, each empty score-column cell takes the nearest named cell, cut half way.
         */
        void spreadSparseHeaders() {
            for (int r = 0; r < firstData; r++) {
                List<Integer> named = new ArrayList<>();
                java.util.Set<Integer> cells = new java.util.HashSet<>();
                int empty = 0;
                for (int c = labelColumns; c < g.columns; c++) {
                    if (g.text(r, c).isEmpty()) empty++;
                    else {
                        named.add(c);
                        cells.add(g.at[r][c].id());
                    }
                }
                if (cells.size() < 2 || empty < cells.size()) continue;
                TableGrid.Cell[] copy = g.at[r].clone();
                for (int c = labelColumns; c < g.columns; c++) {
                    if (!copy[c].text().isEmpty()) continue;
                    int best = -1;
                    for (int k : named) if (best < 0 || Math.abs(k - c) < Math.abs(best - c) || Math.abs(k - c) == Math.abs(best - c) && k > c) best = k;
                    g.at[r][c] = copy[best];
                }
            }
        }

        boolean wholeNumbers(int r) {
            int n = 0;
            for (int c = labelColumns; c < g.columns; c++) {
                String x = g.text(r, c);
                if (x.isEmpty()) continue;
                if (!x.matches("\\d{1,4}")) return false;
                n++;
            }
            return n > 0;
        }

        boolean decimals(int r) {
            for (int c = labelColumns; c < g.columns; c++) if (g.text(r, c).matches("[^\\s]*\\d[.,]\\d.*")) return true;
            return false;
        }

        /**
         * The header cells above column {@code c}, top to bottom, each source cell once; a part that only continues
         * the one above ("@10" under "Hits") is joined to it ("Hits@10").
         */
        List<String> header(int c) {
            List<String> parts = new ArrayList<>();
            int last = -2;
            for (int r = 0; r < firstData; r++) {
                TableGrid.Cell cell = g.at[r][c];
                if (cell.id() == last || cell.text().isEmpty()) continue;
                last = cell.id();
                String text = cell.text();
                if (text.startsWith("@") && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + text);
                    continue;
                }
                if (!parts.contains(text)) parts.add(text);
            }
            return parts;
        }

        String label(int r) {
            if (labelColumns == 0) return "";
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < labelColumns; c++) {
                String x = g.text(r, c);
                if (!x.isEmpty() && !parts.contains(x)) parts.add(x);
            }
            return String.join(" ", parts);
        }

        /**
         * Columns are methods and rows datasets or metrics ("PSNR", "SSIM" down the side): read it the other way
         * round. Rows must mostly name a metric or dataset, and the columns must not be metrics.
         */
        boolean transposed() {
            if (labelColumns == 0) return false;
            int cols = 0, metricCols = 0, methodLike = 0;
            for (int c = labelColumns; c < g.columns; c++) {
                if (!numericColumn[c]) continue;
                List<String> h = header(c);
                if (h.isEmpty()) continue;
                cols++;
                String low = h.get(h.size() - 1);
                if (metric(low) != null || pair(low) != null) metricCols++;
                else if (dataset(low) == null && methodLike(low)) methodLike++;
            }
            if (cols < 1 || metricCols > 0) return false;
            int rows = 0, metrics = 0, datasets = 0;
            for (int r = firstData; r < g.rows; r++) {
                if (sectionRow[r]) continue;
                String l = g.text(r, 0);
                if (l.isEmpty()) continue;
                rows++;
                if (metric(l) != null) metrics++;
                else if (dataset(l) != null) datasets++;
            }
            if (rows == 0) return false;
            // Rows of metrics say it plainly; rows of datasets only when the columns look like methods.
            return 2 * metrics >= rows || 2 * (metrics + datasets) >= rows && 2 * methodLike >= cols;
        }

        boolean methodLike(String text) {
            if (CITATION.matcher(text).find() || ownByName(text)) return true;
            Lexicon.Entry e = methods.lookup(cleanLabel(text));
            return e != null && e.type() == EntityType.METHOD;
        }

        /** The table's kind from its caption, the sentences citing it and its labels. */
        Kind kind(boolean anyMetric, boolean cited) {
            // A caption that says where other rows' results come from compares with other work, whatever variants
            // its legend explains ("[QuatE 1]: without type constraints").
            cited |= t.caption() != null && TAKEN_FROM.matcher(t.caption()).find();
            String about = (t.caption() == null ? "" : t.caption()) + " " + String.join(" ", t.mentions().subList(0, Math.min(2, t.mentions().size())));
            int rows = 0, ablationRows = 0;
            for (int r = firstData; r < g.rows; r++) {
                if (sectionRow[r]) continue;
                rows++;
                if (ABLATION_ROW.matcher(label(r)).find()) ablationRows++;
            }
            if (!cited && (ABLATION.matcher(t.caption() == null ? "" : t.caption()).find() || (rows > 1 && 2 * ablationRows >= rows))) return Kind.ABLATION;
            if (STATISTICS.matcher(t.caption() == null ? "" : t.caption()).find() && !cited) return Kind.DATASET_STATISTICS;
            if (!anyMetric) {
                int stat = 0, cols = 0;
                for (int c = labelColumns; c < g.columns; c++) {
                    if (!numericColumn[c]) continue;
                    cols++;
                    List<String> h = header(c);
                    if (!h.isEmpty() && STATISTIC_HEADER.matcher(h.get(h.size() - 1)).find()) stat++;
                }
                return cols > 0 && 2 * stat >= cols ? Kind.DATASET_STATISTICS : Kind.OTHER;
            }
            if (!cited && ABLATION.matcher(about).find() && !OURS.matcher(about).find()) return Kind.ABLATION;
            return labelColumns > 0 ? Kind.LEADERBOARD : Kind.OTHER;
        }

        /** A name for the whole table from its caption, then the sentences citing it, then its section heading. */
        Hit tableName(boolean datasetWanted) {
            List<String> sources = new ArrayList<>();
            if (t.caption() != null) sources.add(t.caption());
            sources.addAll(t.mentions());
            if (t.section() != null) sources.add(t.section());
            for (String s : sources) {
                Hit h = datasetWanted ? firstDataset(s) : firstMetric(s);
                if (h != null) return h;
            }
            return null;
        }

        Hit firstDataset(String text) {
            List<Token> tokens = Tokenizer.tokens(text);
            for (Lexicon.Match m : names.lexicon().match(tokens)) {
                if (m.entry().type() != EntityType.DATASET) continue;
                String surface = text.substring(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
                if (surface.length() >= 2 && !isMetric(surface) && names.papers(EntityType.DATASET, surface) + 1 >= 2) return new Hit(surface, false);
            }
            return null;
        }

        Hit firstMetric(String text) {
            // A metric's short name in brackets ("area under the ROC curve (AUC)") is what the long form before it names.
            java.util.regex.Matcher abbr = ABBREVIATION.matcher(text);
            int at = -1;
            String shortName = null;
            while (abbr.find()) {
                if (isMetric(abbr.group(1))) {
                    at = abbr.start();
                    shortName = abbr.group(1);
                    break;
                }
            }
            List<Token> tokens = Tokenizer.tokens(text);
            for (Lexicon.Match m : names.lexicon().match(tokens)) {
                if (m.entry().type() != EntityType.METRIC) continue;
                int from = tokens.get(m.from()).start(), to = tokens.get(m.to() - 1).end();
                String surface = text.substring(from, to);
                if (!isMetric(surface)) continue;
                if (shortName != null && (at < from || at >= to && at - to <= 40)) return new Hit(shortName, false);
                return new Hit(surface, false);
            }
            return shortName == null ? null : new Hit(shortName, false);
        }

        /** Where a name for the whole table came from: caption, text (citing sentences or section), or the paper. */
        String sourceOf(Hit h) {
            if (h == null) return null;
            if (h == paperDataset || h == paperMetric) return "paper";
            if (t.caption() != null && t.caption().contains(h.name())) return "caption";
            return "text";
        }

        /**
         * A row's dataset and where it was read: {@code dataset} (from {@code source}) when there is one, else the
         * section row's above it, else the table's (caption, citing text or paper); {null, null} when none is known.
         */
        String[] orDataset(String dataset, String source, String groupDataset, Hit tableDataset) {
            if (dataset != null) return new String[] {dataset, source};
            if (groupDataset != null) return new String[] {groupDataset, "row"};
            if (tableDataset != null) return new String[] {tableDataset.name(), sourceOf(tableDataset)};
            return new String[] {null, null};
        }

        /** Column metrics and datasets in the normal orientation: rows are methods. */
        List<Found> readRows() {
            List<Found> out = new ArrayList<>();
            int n = g.columns;
            String[][] colMetrics = new String[n][];
            String[] colDataset = new String[n];
            String[] colDatasetSource = new String[n];
            String[] colMetricSource = new String[n];
            String[] colHeader = new String[n];
            boolean anyMetric = false;
            Hit tableMetric = null;
            boolean tableMetricDone = false;
            boolean unnamedSeen = false;
            for (int c = labelColumns; c < n; c++) {
                if (!numericColumn[c]) continue;
                List<String> h = header(c);
                colHeader[c] = String.join(" / ", h);
                int metricLevel = -1;
                String qualifier = null;
                for (int k = h.size() - 1; k >= 0 && colMetrics[c] == null; k--) {
                    String part = h.get(k);
                    String[] pair = pair(part);
                    if (pair != null) {
                        colMetrics[c] = pair;
                    } else {
                        Hit m = metric(part);
                        if (m != null) colMetrics[c] = new String[] {m.name()};
                    }
                    if (colMetrics[c] != null) {
                        colMetricSource[c] = "header";
                        metricLevel = k;
                    } else if (k == h.size() - 1 && QUALIFIER.matcher(cleanLabel(part)).matches()) {
                        String q = cleanLabel(part);
                        // Only a split or a subset names a different score; an aggregate or a stray word does not.
                        if (SPLIT.matcher(q).matches() || SUBSET.matcher(q).matches()) qualifier = q;
                    }
                }
                for (int k = 0; k < h.size(); k++) {
                    if (k == metricLevel) continue;
                    Hit d = dataset(h.get(k));
                    if (d != null && (colMetrics[c] == null || !sameKey(d.name(), colMetrics[c][0]))) {
                        colDataset[c] = d.name();
                        colDatasetSource[c] = "header";
                    }
                }
                if (colDataset[c] == null && metricLevel > 0) {
                    // Above the metric, a header that groups columns names their dataset, known or not.
                    for (int k = metricLevel - 1; k >= 0; k--) {
                        String part = cleanLabel(h.get(k));
                        if (part.length() >= 2 && looksLikeName(part) && !GROUPING.matcher(part).matches()
                                && !QUALIFIER.matcher(part).matches() && !isMetric(part) && part.split("\\s+").length <= 4) {
                            colDataset[c] = part;
                            colDatasetSource[c] = "header";
                            break;
                        }
                    }
                }
                if (colMetrics[c] == null) {
                    if (!tableMetricDone) {
                        tableMetric = tableName(false);
                        if (tableMetric == null) tableMetric = paperMetric;
                        tableMetricDone = true;
                    }
                    // A column headed by a count or a cost (#params, time, size) does not take the table's metric.
                    boolean namedOtherwise = !h.isEmpty() && STATISTIC_HEADER.matcher(cleanLabel(h.get(h.size() - 1))).find()
                            || !h.isEmpty() && QUANTITY.matcher(cleanLabel(h.get(h.size() - 1))).find();
                    // Of several columns with no header at all (a source's math taken out of them), only the first is
                    // the table's metric; the others are variants of it the table no longer names.
                    boolean unnamedAgain = h.isEmpty() && unnamedSeen;
                    if (h.isEmpty()) unnamedSeen = true;
                    if (tableMetric != null && !namedOtherwise && !unnamedAgain) {
                        colMetrics[c] = new String[] {tableMetric.name()};
                        colMetricSource[c] = sourceOf(tableMetric);
                        metricLevel = h.size();
                    }
                }
                if (colMetrics[c] != null && qualifier != null && metricLevel < h.size() - 1 || colMetrics[c] != null && qualifier != null && metricLevel == h.size()) {
                    String[] q = new String[colMetrics[c].length];
                    for (int k = 0; k < q.length; k++) q[k] = qualifier + " " + colMetrics[c][k];
                    colMetrics[c] = q;
                }
                anyMetric |= colMetrics[c] != null;
            }
            boolean cited = false;
            for (int r = firstData; r < g.rows; r++) if (!sectionRow[r] && CITATION.matcher(label(r)).find()) cited = true;
            Kind kind = kind(anyMetric, cited);
            // An ablation's full model ("Ours") is still the paper's result; its variants are not results.
            if (kind != Kind.LEADERBOARD && kind != Kind.ABLATION) return out;
            // A dataset named in a label column (rows grouped by dataset), in section rows, or for the whole table.
            int datasetColumn = -1;
            for (int c = 0; c < labelColumns - 1 && datasetColumn < 0; c++) {
                int rows = 0, hits = 0;
                for (int r = firstData; r < g.rows; r++) {
                    if (sectionRow[r] || g.text(r, c).isEmpty()) continue;
                    rows++;
                    if (dataset(g.text(r, c)) != null) hits++;
                }
                if (rows > 0 && 2 * hits >= rows) datasetColumn = c;
            }
            Hit tableDataset = tableName(true);
            if (tableDataset == null) tableDataset = paperDataset;
            Role[] roles = roles(datasetColumn, kind == Kind.ABLATION);
            String groupDataset = null, groupMetric = null;
            for (int r = firstData; r < g.rows; r++) {
                if (sectionRow[r]) {
                    String text = label(r).isEmpty() ? firstText(r) : label(r);
                    Hit d = dataset(text);
                    Hit m = metric(text);
                    groupDataset = d == null ? null : d.name();
                    groupMetric = m == null || d != null && sameKey(m.name(), d.name()) ? null : m.name();
                    continue;
                }
                String rowLabel = label(r);
                if (IMPROVEMENT.matcher(rowLabel).find()) continue;
                int methodColumn = datasetColumn >= 0 ? datasetColumn + 1 : 0;
                StringBuilder methodLabel = new StringBuilder();
                for (int c = methodColumn; c < labelColumns; c++) {
                    String x = g.text(r, c);
                    if (!x.isEmpty() && methodLabel.indexOf(x) < 0) methodLabel.append(methodLabel.isEmpty() ? "" : " ").append(x);
                }
                String method = method(methodLabel.toString(), proposed);
                String rowDataset = datasetColumn >= 0 ? nameOrNull(dataset(g.text(r, datasetColumn))) : null;
                if (kind == Kind.ABLATION && roles[r] != Role.OWN) continue;
                for (int c = labelColumns; c < n; c++) {
                    if (!numericColumn[c]) continue;
                    String cell = g.text(r, c);
                    if (cell.isEmpty()) continue;
                    String[] metrics = colMetrics[c];
                    String metricSource = colMetricSource[c];
                    if (metrics == null && groupMetric != null) {
                        metrics = new String[] {groupMetric};
                        metricSource = "row";
                    }
                    if (metrics == null) continue;
                    String[] named = colDataset[c] != null ? new String[] {colDataset[c], colDatasetSource[c]}
                            : orDataset(rowDataset, "row", groupDataset, tableDataset);
                    String dataset = named[0];
                    String datasetSource = named[1];
                    if (dataset == null) continue;
                    List<CellValue> values = CellValue.values(cell, metrics.length);
                    for (int k = 0; k < values.size(); k++) {
                        Found f = found(kind, r, c, rowLabel, colHeader[c], method, dataset, metrics[k], cell, values.get(k),
                                roles[r], ownRule[r], g.at[r][c].bold(), datasetSource, metricSource);
                        if (f != null) out.add(f);
                    }
                }
            }
            return out;
        }

        String firstText(int r) {
            for (int c = 0; c < g.columns; c++) if (!g.text(r, c).isEmpty()) return g.text(r, c);
            return "";
        }

        /** Rows read as the paper's own or another method's; null for section rows. */
        Role[] roles(int datasetColumn, boolean ablation) {
            Role[] roles = new Role[g.rows];
            boolean explicit = false;
            int lastCited = -1;
            for (int r = firstData; r < g.rows; r++) {
                if (sectionRow[r]) continue;
                String l = methodLabel(r, datasetColumn);
                if (ownByName(l)) {
                    roles[r] = Role.OWN;
                    explicit = true;
                } else if (CITATION.matcher(l).find()) {
                    lastCited = r;
                }
            }
            if (!explicit && lastCited >= 0 && !ablation) {
                for (int r = lastCited + 1; r < g.rows; r++) {
                    if (sectionRow[r]) continue;
                    String l = methodLabel(r, datasetColumn);
                    if (!l.isEmpty() && !BASELINE.matcher(cleanLabel(l)).find()) roles[r] = Role.OWN;
                }
            }
            ownRule = new String[g.rows];
            for (int r = firstData; r < g.rows; r++) {
                if (sectionRow[r]) continue;
                if (roles[r] == Role.OWN) ownRule[r] = explicit ? "explicit" : "uncited";
                else {
                    roles[r] = Role.OTHER;
                    ownRule[r] = "other";
                }
            }
            return roles;
        }

        String[] ownRule;

        String methodLabel(int r, int datasetColumn) {
            StringBuilder sb = new StringBuilder();
            for (int c = datasetColumn >= 0 ? datasetColumn + 1 : 0; c < labelColumns; c++) {
                String x = g.text(r, c);
                if (!x.isEmpty() && sb.indexOf(x) < 0) sb.append(sb.isEmpty() ? "" : " ").append(x);
            }
            return sb.toString();
        }

        /** Transposed: each score column is a method, each row a dataset or metric. */
        List<Found> readTransposed() {
            List<Found> out = new ArrayList<>();
            Hit tableDataset = tableName(true);
            if (tableDataset == null) tableDataset = paperDataset;
            String[] captionPair = t.caption() == null ? null : captionPair(t.caption());
            Hit tableMetric = captionPair == null ? tableName(false) : null;
            if (captionPair == null && tableMetric == null) tableMetric = paperMetric;
            boolean explicit = false;
            int lastCited = -1;
            Role[] roles = new Role[g.columns];
            String[] colLabel = new String[g.columns];
            for (int c = labelColumns; c < g.columns; c++) {
                if (!numericColumn[c]) continue;
                List<String> h = header(c);
                colLabel[c] = h.isEmpty() ? "" : h.get(h.size() - 1);
                if (ownByName(colLabel[c])) {
                    roles[c] = Role.OWN;
                    explicit = true;
                } else if (CITATION.matcher(colLabel[c]).find()) {
                    lastCited = c;
                }
            }
            String[] rule = new String[g.columns];
            for (int c = labelColumns; c < g.columns; c++) {
                if (!numericColumn[c]) continue;
                if (roles[c] == null && !explicit && lastCited >= 0 && c > lastCited && !colLabel[c].isEmpty()
                        && !BASELINE.matcher(cleanLabel(colLabel[c])).find()) roles[c] = Role.OWN;
                rule[c] = roles[c] == Role.OWN ? (explicit ? "explicit" : "uncited") : "other";
                if (roles[c] == null) roles[c] = Role.OTHER;
            }
            boolean cited = lastCited >= 0;
            if (kind(true, cited) != Kind.LEADERBOARD) return out;
            String groupDataset = null;
            for (int r = firstData; r < g.rows; r++) {
                String rowLabel = label(r);
                if (sectionRow[r]) {
                    Hit d = dataset(rowLabel.isEmpty() ? firstText(r) : rowLabel);
                    groupDataset = d == null ? null : d.name();
                    continue;
                }
                String dataset = null, datasetSource = null, metric = null, metricSource = null;
                String[] metrics = null;
                for (int c = 0; c < labelColumns; c++) {
                    String x = g.text(r, c);
                    Hit d = dataset(x);
                    if (d != null && dataset == null) {
                        dataset = d.name();
                        datasetSource = "row";
                    }
                    Hit m = metric(x);
                    if (m != null && metric == null && (d == null || !sameKey(m.name(), d.name()))) {
                        metric = m.name();
                        metricSource = "row";
                    }
                }
                String[] named = orDataset(dataset, datasetSource, groupDataset, tableDataset);
                dataset = named[0];
                datasetSource = named[1];
                if (metric != null) metrics = new String[] {metric};
                else if (captionPair != null) {
                    metrics = captionPair;
                    metricSource = "caption";
                } else if (tableMetric != null) {
                    metrics = new String[] {tableMetric.name()};
                    metricSource = sourceOf(tableMetric);
                }
                if (dataset == null || metrics == null) continue;
                for (int c = labelColumns; c < g.columns; c++) {
                    if (!numericColumn[c]) continue;
                    String cell = g.text(r, c);
                    if (cell.isEmpty()) continue;
                    List<CellValue> values = CellValue.values(cell, metrics.length);
                    String method = method(colLabel[c], proposed);
                    for (int k = 0; k < values.size(); k++) {
                        Found f = found(Kind.LEADERBOARD, r, c, rowLabel, String.join(" / ", header(c)), method, dataset, metrics[k], cell,
                                values.get(k), roles[c], rule[c], g.at[r][c].bold(), datasetSource, metricSource);
                        if (f != null) out.add(f);
                    }
                }
            }
            return out;
        }

        /** Two metric names written as one header ("PSNR/SSIM"), or null. */
        String[] pair(String header) {
            String[] parts = cleanLabel(header).split("\\s*/\\s*");
            if (parts.length < 2 || parts.length > 3) return null;
            for (String p : parts) if (!isMetric(p)) return null;
            return parts;
        }

        /** A metric pair the caption names ("Average PSNR/SSIMs for ..."), or null. */
        String[] captionPair(String caption) {
            java.util.regex.Matcher m = Pattern.compile("([A-Za-z][\\w@.-]*)s?\\s*/\\s*([A-Za-z][\\w@.-]*?)s?\\b").matcher(caption);
            while (m.find()) {
                if (isMetric(m.group(1)) && isMetric(m.group(2))) return new String[] {m.group(1), m.group(2)};
            }
            return null;
        }

        Found found(Kind kind, int r, int c, String rowHeader, String columnHeader, String method, String dataset, String metric,
                    String cell, CellValue value, Role role, String rule, boolean bold, String datasetSource, String metricSource) {
            // "380M" under a quality metric is a column read wrongly (a count), not a score.
            if (value.value().abs().compareTo(java.math.BigDecimal.valueOf(100_000)) > 0 && !COST.matcher(metric).find()) return null;
            String task = task(dataset);
            boolean lower = lowerIsBetter(metric, columnHeader);
            return new Found(t, kind, r, c, rowHeader, columnHeader == null ? "" : columnHeader, method, dataset, metric, task,
                    cell, value, lower, role, bold, new Evidence(rule, datasetSource, metricSource));
        }

        /** The task: a known task of the dataset the paper also names, else the dataset's commonest, else the paper's first. */
        String task(String dataset) {
            List<TableNames.TaskUse> known = names.tasksOf(dataset);
            if (known.isEmpty()) known = names.tasksOf(TableNames.base(dataset));
            List<String> local = new ArrayList<>();
            tasks(t.caption(), local);
            tasks(t.section(), local);
            for (String s : t.mentions()) tasks(s, local);
            for (List<String> candidates : List.of(local, paperTasks)) {
                for (TableNames.TaskUse u : known) {
                    for (String c : candidates) if (sameKey(u.task(), c) || containsKey(u.task(), c)) return u.task();
                }
            }
            if (!known.isEmpty()) return known.get(0).task();
            if (!paperTasks.isEmpty()) return paperTasks.get(0);
            return local.isEmpty() ? null : local.get(0);
        }
    }

    private static String nameOrNull(Hit h) { return h == null ? null : h.name(); }

    /** A name rather than words: a capital or digit past its first character ("WT-103", "CoNLL-14", "PTB"). */
    static boolean looksLikeName(String s) {
        if (!s.matches(".*\\p{L}.*")) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
        }
        return false;
    }

    /** Metrics of cost or size rather than quality: parameters, time, operations, memory. */
    static final Pattern COST = Pattern.compile("(?i)param|flop|\\bmacs?\\b|time|speed|latency|fps|memory|\\bsize\\b|gpu|hours?|days?|storage|throughput|energy");

    static boolean sameKey(String a, String b) {
        return Tokenizer.key(a).equals(Tokenizer.key(b));
    }

    private static boolean containsKey(String a, String b) {
        String ka = Tokenizer.key(a), kb = Tokenizer.key(b);
        return !ka.isEmpty() && !kb.isEmpty() && (ka.contains(kb) || kb.contains(ka));
    }

    /** Lower is better for error-like metrics ("WER", "FID", "MAE"), or when the header points down (↓). */
    boolean lowerIsBetter(String metric, String header) {
        if (header != null && (header.contains("↓") || header.contains("⇓") || header.toLowerCase(Locale.ROOT).contains("lower is better"))) return true;
        if (header != null && (header.contains("↑") || header.contains("⇑"))) return false;
        Lexicon.Entry e = names.lookup(TableNames.base(metric), EntityType.METRIC);
        if (e != null && e.lowerIsBetter()) return true;
        return Metrics.lowerIsBetter(metric) || LOWER.matcher(TableNames.base(metric)).find();
    }

    /** Short metric names of errors and distances the lexicon's rule does not know. */
    private static final Pattern LOWER = Pattern.compile(
            "(?i)(?:^|\\s)(?:mr|mean rank|rms|p2s|cd|emd|lpips|log10|lsd|mpjpe|pa-mpjpe|nme|aepe|f1-all|fl-all)$");

    /**
     * The paper's headline results: for each dataset and metric its own rows give a score for, the best of those
     * scores (least where lower is better; among bold cells when some are bold), in first-seen order, and after it
     * the score of the last own row (in table order) when that differs: the paper's final configuration, which
     * leaderboards list as often as the best one (on the tune half: 5 of 8 such extra GROBID TEI results right). What a leaderboard ranks the paper by, and what the
     * gold sets (Papers with Code leaderboards) list for it.
     */
    public static List<Found> headline(List<Found> found) {
        List<Found> out = new ArrayList<>();
        for (List<Found> all : byDatasetAndMetric(found.stream().filter(f -> f.role() == Role.OWN).toList()).values()) {
            // A score whose dataset and metric a table's own headers name outranks one named from a caption or the
            // paper for the same dataset and metric (a column the caption or the paper's commonest metric named).
            List<Found> named = all.stream().filter(TableResultFinder::namedByTable).toList();
            if (!named.isEmpty()) all = named;
            List<Found> group = all;
            // The table's bold marks its best score: among own cells, a bold one wins whatever the metric's direction.
            List<Found> bold = group.stream().filter(Found::bold).toList();
            if (!bold.isEmpty() && bold.size() < group.size()) group = bold;
            Found best = group.get(0);
            for (Found f : group) {
                int cmp = f.value().value().compareTo(best.value().value());
                if (f.lowerIsBetter() ? cmp < 0 : cmp > 0) best = f;
            }
            out.add(best);
            // The last own row is the paper's final configuration ("QuatE 3", "Ours (full)"): the one a leaderboard
            // often lists when it is not the best. Kept too, when its score differs.
            Found last = all.get(all.size() - 1);
            if (last.value().value().compareTo(best.value().value()) != 0) out.add(last);
        }
        return out;
    }

    /** Whether the table's own headers or rows named both the result's dataset and its metric. */
    static boolean namedByTable(Found f) {
        return "table".equals(TableConfidence.place(f.evidence().datasetSource())) && "table".equals(TableConfidence.place(f.evidence().metricSource()));
    }

    /** Candidates grouped per dataset and metric key, for callers that rank them. */
    public static Map<String, List<Found>> byDatasetAndMetric(List<Found> found) {
        Map<String, List<Found>> out = new LinkedHashMap<>();
        for (Found f : found) out.computeIfAbsent(Tokenizer.key(f.dataset()) + "\u0001" + Tokenizer.key(f.metric()), k -> new ArrayList<>()).add(f);
        return out;
    }
}
