package org.papergraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.table.TableConfidence;
import org.papergraph.extract.table.TableResultFinder;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.source.GrobidTeiReader;
import org.papergraph.source.LatexReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PaperTable;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;
import org.papergraph.source.TableCell;

/**
 * Scores results read from full text (tables) against the SOTA? leaderboard gold: the 100 GROBID TEI papers of
 * {@code grobid-tei-2023/train} ({@code annotations.txt}) and the 100 LaTeX papers of {@code clef2024/validation}
 * ({@code annotations.json}). Each set is split in two halves by a hash of the arXiv id ({@link #half}): rules were
 * written looking at the tune half only; the report half is what the figures claim.
 *
 * <p>A paper's predictions are its headline results ({@link TableResultFinder#headline}: per dataset and metric,
 * the best score of its own rows) whose confidence reaches the source's threshold ({@link TableConfidence#threshold},
 * chosen on the tune half), as tuples (task, dataset, metric, score) with entity names resolved as the graph
 * stores them. Micro precision, recall and F1 over (dataset, metric, score) and (task, dataset, metric,
 * score), each paper's tuples compared with its gold only: names match loosely (their keys, letters and digits in
 * lower case, contain one another, or at least half the words of the longer are shared) and a score matches as
 * written or scaled by 100. Gold and predicted tuples are de-duplicated per paper; a prediction is right when it
 * matches some gold tuple, a gold tuple found when some prediction matches it.
 */
public final class FullTextEvaluation {
    /** The two gold sets. */
    public enum Corpus {
        TEI("GROBID TEI (grobid-tei-2023, 100 papers)"), LATEX("LaTeX (clef2024 validation, 100 papers)");
        final String title;
        Corpus(String title) { this.title = title; }
    }

    /** Which half of a set a paper is in. */
    public enum Half { TUNE, REPORT;
        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** A result tuple; names as given, score as a number. */
    public record Tuple(String task, String dataset, String metric, BigDecimal score) {}

    /** One gold paper: its id, half, the record read from it (null when rejected) and its gold tuples. */
    public record Paper(String id, Corpus corpus, Half half, PaperRecord record, String rejection, List<Tuple> gold) {}

    /** Micro counts of one set, half and tuple kind. */
    public record Counts(int papers, int gold, int predicted, int correct, int found, int inTables) {
        public double precision() { return predicted == 0 ? 0 : (double) correct / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) found / gold; }
        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final TableResultFinder finder;
    private final EntityResolver resolver;

    public FullTextEvaluation(TableResultFinder finder, Lexicon lexicon) {
        this.finder = finder;
        this.resolver = new EntityResolver(lexicon);
    }

    /**
     * The half a paper is in: the papers of a set sorted by the SHA-256 of their arXiv id (without version), the
     * first half tune, the rest report. Depends on the set's ids only, so adding a paper moves few others.
     */
    public static Half half(String id, List<String> allIds) {
        List<String> sorted = new ArrayList<>(allIds);
        sorted.sort(Comparator.comparing(FullTextEvaluation::hash).thenComparing(Comparator.naturalOrder()));
        return sorted.indexOf(id) < sorted.size() / 2 ? Half.TUNE : Half.REPORT;
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern VERSION = Pattern.compile("v\\d+$");

    /** The TEI papers of {@code grobid-tei-2023/train}: each folder's {@code .tei.xml} and {@code annotations.txt}. */
    public static List<Paper> tei(Path train) throws IOException {
        List<Path> dirs = folders(train);
        List<String[]> found = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                Path tei = s.filter(p -> p.toString().endsWith(".tei.xml")).findFirst().orElse(null);
                if (tei == null || !Files.exists(d.resolve("annotations.txt"))) continue;
                String id = VERSION.matcher(tei.getFileName().toString().replace(".tei.xml", "")).replaceAll("");
                found.add(new String[] {id, tei.toString(), d.resolve("annotations.txt").toString()});
            }
        }
        List<String> ids = found.stream().map(f -> f[0]).toList();
        List<Paper> out = new ArrayList<>();
        for (String[] f : found) {
            List<Tuple> gold = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(f[2]), StandardCharsets.UTF_8)) {
                String[] p = line.strip().split("#");
                if (p.length < 4) continue;
                BigDecimal score = number(p[p.length - 1]);
                String dataset = String.join("#", java.util.Arrays.copyOfRange(p, 1, p.length - 2));
                if (score != null) gold.add(new Tuple(p[0].strip(), dataset.strip(), p[p.length - 2].strip(), score));
            }
            out.add(read(new GrobidTeiReader(), f[0], Corpus.TEI, half(f[0], ids), Path.of(f[1]), gold));
        }
        return out;
    }

    private static final Pattern TUPLE = Pattern.compile("'Task':\\s*(['\"])(.*?)\\1,\\s*'Dataset':\\s*(['\"])(.*?)\\3,"
            + "\\s*'Metric':\\s*(['\"])(.*?)\\5,\\s*'Score':\\s*(['\"])(.*?)\\7");

    /** The LaTeX papers of {@code clef2024/validation}: each folder's {@code .tex} and {@code annotations.json}. */
    public static List<Paper> latex(Path validation) throws IOException {
        List<Path> dirs = folders(validation);
        List<String> ids = dirs.stream().map(d -> VERSION.matcher(d.getFileName().toString()).replaceAll("")).toList();
        List<Paper> out = new ArrayList<>();
        for (Path d : dirs) {
            String folder = d.getFileName().toString();
            String id = VERSION.matcher(folder).replaceAll("");
            Path tex = d.resolve(folder + ".tex");
            Path ann = d.resolve("annotations.json");
            if (!Files.exists(tex) || !Files.exists(ann)) continue;
            List<Tuple> gold = new ArrayList<>();
            Matcher m = TUPLE.matcher(Files.readString(ann, StandardCharsets.UTF_8));
            while (m.find()) {
                BigDecimal score = number(m.group(8));
                if (score != null) gold.add(new Tuple(m.group(2).strip(), m.group(4).strip(), m.group(6).strip(), score));
            }
            out.add(read(new LatexReader(), id, Corpus.LATEX, half(id, ids), tex, gold));
        }
        return out;
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Paper read(RecordReader reader, String id, Corpus corpus, Half half, Path file, List<Tuple> gold) throws IOException {
        List<PaperRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (InputStream in = SourceFiles.open(file)) {
            reader.read(in, file.toString(), new RecordSink() {
                @Override public void accept(PaperRecord r) { records.add(r); }
                @Override public void reject(RecordError e) { errors.add(e.toString()); }
            });
        }
        return new Paper(id, corpus, half, records.isEmpty() ? null : records.get(0), errors.isEmpty() ? null : errors.get(0), gold);
    }

    /** A gold score: the first number, with a decimal comma ("32,34%") read as such and thousands commas dropped. */
    static BigDecimal number(String s) {
        String t = s.strip();
        Matcher comma = Pattern.compile("^(-?\\d+),(\\d{1,2})(?!\\d)").matcher(t);
        if (comma.find()) return new BigDecimal(comma.group(1) + "." + comma.group(2));
        Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?|-?\\.\\d+").matcher(t.replace(",", ""));
        return m.find() ? new BigDecimal(m.group()) : null;
    }

    /**
     * The headline tuples the table extractor gives for a paper with at least the source's confidence threshold
     * ({@link TableConfidence#threshold}, chosen on the tune half), names resolved as the graph stores them.
     */
    public List<Tuple> predict(PaperRecord record) {
        List<Tuple> out = new ArrayList<>();
        if (record == null) return out;
        boolean merged = GrobidTeiReader.FORMAT.equals(record.format());
        for (TableResultFinder.Found f : headline(record)) {
            if (TableConfidence.of(f, merged, true) >= TableConfidence.threshold(merged)) out.add(tuple(f));
        }
        return out;
    }

    /** The paper's headline results as the extractor finds them. */
    public List<TableResultFinder.Found> headline(PaperRecord record) {
        return record == null ? List.of() : TableResultFinder.headline(finder.find(record));
    }

    private Tuple tuple(TableResultFinder.Found f) {
        return new Tuple(f.task() == null ? null : resolver.canonical(EntityType.TASK, f.task()),
                resolver.canonical(EntityType.DATASET, f.dataset()), resolver.canonical(EntityType.METRIC, f.metric()),
                f.value().value());
    }

    /**
     * Headline results per confidence bucket ({@link TableConfidence#bucket}): {predicted, correct, papers with a
     * result in the bucket, the sum over those papers of their precision in it}. The last two give the bucket's
     * precision by paper, what {@link TableConfidence} is fitted to: one paper's results are read by the same rules
     * from the same tables and are right or wrong together, so a paper, not a result, is one observation.
     */
    public java.util.Map<String, double[]> calibration(List<Paper> papers) {
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        for (Paper p : papers) {
            if (p.record() == null) continue;
            boolean merged = p.corpus() == Corpus.TEI;
            List<Tuple> gold = distinct(p.gold(), false);
            Set<String> seen = new LinkedHashSet<>();
            java.util.Map<String, int[]> mine = new java.util.TreeMap<>();
            for (TableResultFinder.Found f : headline(p.record())) {
                Tuple t = tuple(f);
                if (!seen.add(key(t.dataset()) + "\u0001" + key(t.metric()) + "\u0001" + t.score().stripTrailingZeros().toPlainString())) continue;
                int[] c = mine.computeIfAbsent(TableConfidence.bucket(f, merged), k -> new int[2]);
                c[0]++;
                for (Tuple g : gold) if (matches(t, g, false)) { c[1]++; break; }
            }
            for (java.util.Map.Entry<String, int[]> e : mine.entrySet()) {
                double[] c = out.computeIfAbsent(e.getKey(), k -> new double[4]);
                c[0] += e.getValue()[0];
                c[1] += e.getValue()[1];
                c[2]++;
                c[3] += (double) e.getValue()[1] / e.getValue()[0];
            }
        }
        return out;
    }

    /**
     * Per source ({@code tei}, {@code latex}): {papers with a headline result, the sum of their precision}, over all
     * buckets: the prior {@link TableConfidence} shrinks a bucket towards.
     */
    public java.util.Map<String, double[]> overallByPaper(List<Paper> papers) {
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        for (Paper p : papers) {
            if (p.record() == null) continue;
            List<Tuple> gold = distinct(p.gold(), false);
            List<Tuple> pred = distinct(headline(p.record()).stream().map(this::tuple).toList(), false);
            if (pred.isEmpty()) continue;
            int correct = 0;
            for (Tuple t : pred) for (Tuple g : gold) if (matches(t, g, false)) { correct++; break; }
            double[] c = out.computeIfAbsent(p.corpus() == Corpus.TEI ? "tei" : "latex", k -> new double[2]);
            c[0]++;
            c[1] += (double) correct / pred.size();
        }
        return out;
    }

    /** Whether two names are the same loosely: keys contain one another, or half the longer's words are shared. */
    public static boolean sameName(String a, String b) {
        if (a == null || b == null) return false;
        String ka = key(a), kb = key(b);
        if (ka.isEmpty() || kb.isEmpty()) return false;
        if (ka.contains(kb) || kb.contains(ka)) return true;
        Set<String> wa = words(a), wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) return false;
        int shared = 0;
        for (String w : wa) if (wb.contains(w)) shared++;
        return 2 * shared >= Math.max(wa.size(), wb.size());
    }

    private static String key(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) sb.append(c);
        return sb.toString();
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /** Whether two scores are the same as written or one scaled by 100 from the other. */
    public static boolean sameScore(BigDecimal a, BigDecimal b) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return a.compareTo(b) == 0 || a.multiply(hundred).compareTo(b) == 0 || b.multiply(hundred).compareTo(a) == 0;
    }

    static boolean matches(Tuple p, Tuple g, boolean withTask) {
        return sameScore(p.score(), g.score()) && sameName(p.dataset(), g.dataset()) && sameName(p.metric(), g.metric())
                && (!withTask || sameName(p.task(), g.task()));
    }

    /** Micro counts over {@code papers}; {@code withTask} scores (task, dataset, metric, score), else without the task. */
    public Counts score(List<Paper> papers, boolean withTask) {
        int gold = 0, predicted = 0, correct = 0, found = 0, inTables = 0;
        for (Paper p : papers) {
            List<Tuple> g = distinct(p.gold(), withTask);
            List<Tuple> pred = distinct(predict(p.record()), withTask);
            gold += g.size();
            predicted += pred.size();
            String cells = p.record() == null ? "" : cellText(p.record());
            for (Tuple gt : g) {
                if (containsScore(cells, gt.score())) inTables++;
                for (Tuple pt : pred) if (matches(pt, gt, withTask)) { found++; break; }
            }
            for (Tuple pt : pred) {
                for (Tuple gt : g) if (matches(pt, gt, withTask)) { correct++; break; }
            }
        }
        return new Counts(papers.size(), gold, predicted, correct, found, inTables);
    }

    private static List<Tuple> distinct(List<Tuple> tuples, boolean withTask) {
        List<Tuple> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Tuple t : tuples) {
            String k = (withTask ? key(String.valueOf(t.task())) : "") + "\u0001" + key(t.dataset()) + "\u0001" + key(t.metric())
                    + "\u0001" + t.score().stripTrailingZeros().toPlainString();
            if (seen.add(k)) out.add(withTask ? t : new Tuple(null, t.dataset(), t.metric(), t.score()));
        }
        return out;
    }

    /** The text of every table cell of a record, for the share of gold scores a table holds at all. */
    private static String cellText(PaperRecord r) {
        StringBuilder sb = new StringBuilder();
        for (PaperTable t : r.tables()) {
            for (List<TableCell> row : t.rows()) for (TableCell c : row) sb.append(c.text()).append(" | ");
        }
        return sb.toString();
    }

    private static final Pattern NUMBER = Pattern.compile("\\d*\\.?\\d+");

    private static boolean containsScore(String text, BigDecimal score) {
        Matcher m = NUMBER.matcher(text.replace(",", ""));
        while (m.find()) {
            try {
                if (sameScore(new BigDecimal(m.group()), score)) return true;
            } catch (NumberFormatException e) {
                // not a number after all
            }
        }
        return false;
    }

    /**
     * Lists, per paper of one half of both sets, the wrong headline predictions (with where they were read) and the
     * missed gold tuples, each with the table cells holding its score and what the extractor made of them (its
     * role, dataset, metric, and whether it was the headline and above the threshold): what the rules are tuned on.
     */
    public void errors(Path shared, Half half, PrintWriter out) throws IOException {
        Path sota = shared.resolve("data/sota-leaderboards");
        List<Paper> all = new ArrayList<>(tei(sota.resolve("grobid-tei-2023/train")));
        all.addAll(latex(sota.resolve("clef2024/validation")));
        java.util.Map<String, Integer> causes = new java.util.TreeMap<>();
        for (Paper p : all) {
            if (p.half() != half) continue;
            List<Tuple> gold = distinct(p.gold(), false);
            if (gold.isEmpty() && (p.record() == null || predict(p.record()).isEmpty())) continue;
            out.printf(Locale.ROOT, "%n### %s %s (%s)%n", p.corpus() == Corpus.TEI ? "tei" : "latex", p.id(),
                    p.record() == null ? "rejected: " + p.rejection() : p.record().title());
            if (p.record() == null) continue;
            boolean merged = p.corpus() == Corpus.TEI;
            List<TableResultFinder.Found> found = finder.find(p.record());
            List<TableResultFinder.Found> head = TableResultFinder.headline(found);
            for (TableResultFinder.Found f : head) {
                double conf = TableConfidence.of(f, merged, true);
                if (conf < TableConfidence.threshold(merged)) continue;
                Tuple t = tuple(f);
                boolean right = false;
                for (Tuple g : gold) right |= matches(t, g, false);
                out.printf(Locale.ROOT, "%s %s | %s | %s  [%s; %s; row '%s'; col '%s'; cell '%s'; %.2f]%n", right ? "OK  " : "WRONG",
                        t.dataset(), t.metric(), t.score().toPlainString(), f.table().label(), TableConfidence.bucket(f, merged),
                        f.rowHeader(), f.columnHeader(), f.cell(), conf);
            }
            List<Tuple> pred = predict(p.record());
            for (Tuple g : gold) {
                boolean hit = false;
                for (Tuple t : pred) hit |= matches(t, g, false);
                if (hit) continue;
                String cause = missCause(g, found, head, merged, p.record());
                causes.merge((merged ? "tei " : "latex ") + cause, 1, Integer::sum);
                out.printf(Locale.ROOT, "MISS  %s | %s | %s  (%s)%n", g.dataset(), g.metric(), g.score().toPlainString(), cause);
                int shown = 0;
                for (TableResultFinder.Found f : found) {
                    if (!sameScore(f.value().value(), g.score()) || shown++ >= 3) continue;
                    out.printf(Locale.ROOT, "        read: %s %s | %s [%s %s; %s; row '%s'; col '%s'; %s%s]%n", f.kind().label(), f.dataset(),
                            f.metric(), f.role().label(), f.evidence().ownRule(), f.table().label(), f.rowHeader(), f.columnHeader(),
                            head.contains(f) ? "headline " : "", String.format(Locale.ROOT, "%.2f", TableConfidence.of(f, merged, true)));
                }
                if (shown == 0) {
                    String where = cellsWith(p.record(), g.score());
                    out.printf(Locale.ROOT, "        %s%n", where == null ? "score in no table cell" : "unread cell: " + where);
                }
            }
        }
        out.printf(Locale.ROOT, "%n### Missed gold tuples by cause, %s half%n%n| source | cause | missed |%n|---|---|---|%n", half.label());
        for (java.util.Map.Entry<String, Integer> e : causes.entrySet()) {
            String[] sc = e.getKey().split(" ", 2);
            out.printf(Locale.ROOT, "| %s | %s | %d |%n", sc[0], sc[1], e.getValue());
        }
        out.flush();
    }

    /**
     * Why a gold tuple was missed, the first that applies: {@code right, under threshold} (a headline result matches
     * it, with too little confidence), {@code right, not headline} (a result matches it but is not the paper's best
     * own score: another method's row, a second own row), {@code wrong dataset}, {@code wrong metric},
     * {@code wrong dataset and metric} (a result with its score and the other name right, or neither), {@code not a
     * leaderboard} (its score read only in tables taken for ablations or statistics), {@code unread cell} (in a
     * table cell, read as no result) and {@code no table cell}.
     */
    private String missCause(Tuple g, List<TableResultFinder.Found> found, List<TableResultFinder.Found> head, boolean merged,
                             PaperRecord record) {
        boolean underThreshold = false, notHeadline = false, dataset = false, metric = false, both = false, notBoard = false;
        for (TableResultFinder.Found f : found) {
            if (!sameScore(f.value().value(), g.score())) continue;
            Tuple t = tuple(f);
            boolean d = sameName(t.dataset(), g.dataset()), m = sameName(t.metric(), g.metric());
            if (f.kind() != TableResultFinder.Kind.LEADERBOARD) {
                notBoard = true;
                continue;
            }
            if (d && m) {
                if (head.contains(f)) underThreshold = true;
                else notHeadline = true;
            } else if (m) dataset = true;
            else if (d) metric = true;
            else both = true;
        }
        if (underThreshold) return "right, under threshold";
        if (notHeadline) return "right, not headline";
        if (dataset) return "wrong dataset";
        if (metric) return "wrong metric";
        if (both) return "wrong dataset and metric";
        if (notBoard) return "not a leaderboard";
        return cellsWith(record, g.score()) == null ? "no table cell" : "unread cell";
    }

    /** Where a score is in a record's tables: table label, row and cell text of the first such cell; null when nowhere. */
    private static String cellsWith(PaperRecord r, BigDecimal score) {
        for (PaperTable t : r.tables()) {
            for (int i = 0; i < t.rows().size(); i++) {
                for (TableCell c : t.rows().get(i)) {
                    if (containsScore(c.text(), score)) {
                        StringBuilder row = new StringBuilder();
                        for (TableCell x : t.rows().get(i)) row.append(x.text()).append(" | ");
                        return t.label() + " row " + i + ": " + (row.length() > 160 ? row.substring(0, 160) + "..." : row);
                    }
                }
            }
        }
        return null;
    }

    /** Prints the full-text tables: per set and half, (dataset, metric, score) and (task, dataset, metric, score). */
    public void report(Path shared, PrintWriter out) throws IOException {
        Path sota = shared.resolve("data/sota-leaderboards");
        List<Paper> tei = tei(sota.resolve("grobid-tei-2023/train"));
        List<Paper> latex = latex(sota.resolve("clef2024/validation"));
        out.println("| gold set | half | papers | tuples | gold | gold score in a table cell | predicted | correct | precision | recall | F1 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (List<Paper> set : List.of(tei, latex)) {
            for (Half h : Half.values()) {
                List<Paper> part = set.stream().filter(p -> p.half() == h).toList();
                for (boolean withTask : new boolean[] {false, true}) {
                    Counts c = score(part, withTask);
                    out.printf(Locale.ROOT, "| %s | %s | %d | %s | %d | %d (%.1f%%) | %d | %d | %.3f | %.3f | %.3f |%n",
                            set.get(0).corpus().title, h.label(), c.papers(), withTask ? "(T, D, M, S)" : "(D, M, S)", c.gold(),
                            c.inTables(), c.gold() == 0 ? 0 : 100.0 * c.inTables() / c.gold(), c.predicted(), c.correct(),
                            c.precision(), c.recall(), c.f1());
                }
            }
        }
        long rejected = Stream.concat(tei.stream(), latex.stream()).filter(p -> p.record() == null).count();
        out.printf(Locale.ROOT, "%nPapers the readers rejected: %d of %d.%n%n", rejected, tei.size() + latex.size());
        out.println("Calibration: headline results per evidence bucket (source | own rule | dataset from | metric from), "
                + "precision on (D, M, S) against the confidence the extractor gives.");
        out.println();
        out.println("| bucket | confidence | tune predicted | tune correct | tune precision | tune papers | tune precision by paper | report predicted | report correct | report precision |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Paper> all = new ArrayList<>(tei);
        all.addAll(latex);
        List<Paper> tunePapers = all.stream().filter(p -> p.half() == Half.TUNE).toList();
        java.util.Map<String, double[]> tune = calibration(tunePapers);
        java.util.Map<String, double[]> report = calibration(all.stream().filter(p -> p.half() == Half.REPORT).toList());
        java.util.Set<String> buckets = new java.util.TreeSet<>(tune.keySet());
        buckets.addAll(report.keySet());
        for (String b : buckets) {
            double[] t = tune.getOrDefault(b, new double[4]), r = report.getOrDefault(b, new double[4]);
            out.printf(Locale.ROOT, "| %s | %.2f | %d | %d | %s | %d | %s | %d | %d | %s |%n", b, TableConfidence.ofBucket(b), (int) t[0], (int) t[1],
                    t[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", t[1] / t[0]), (int) t[2],
                    t[2] == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%.2f/%d)", t[3] / t[2], t[3], (int) t[2]), (int) r[0], (int) r[1],
                    r[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", r[1] / r[0]));
        }
        out.println();
        java.util.Map<String, double[]> overall = overallByPaper(tunePapers);
        for (java.util.Map.Entry<String, double[]> e : overall.entrySet()) {
            out.printf(Locale.ROOT, "Tune precision by paper, %s: %.3f (%.2f/%d papers with a headline result).%n", e.getKey(),
                    e.getValue()[1] / e.getValue()[0], e.getValue()[1], (int) e.getValue()[0]);
        }
        out.println();
        out.println("Confident results: headline results with confidence at least c, share right on each half (calibrated when about c or more).");
        out.println();
        out.println("| c | tune results | tune right | tune share | report results | report right | report share |");
        out.println("|---|---|---|---|---|---|---|");
        for (double c : new double[] {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4}) {
            int[] tc = new int[2], rc = new int[2];
            for (String b : buckets) {
                if (TableConfidence.ofBucket(b) < c) continue;
                double[] t = tune.getOrDefault(b, new double[4]), r = report.getOrDefault(b, new double[4]);
                tc[0] += (int) t[0];
                tc[1] += (int) t[1];
                rc[0] += (int) r[0];
                rc[1] += (int) r[1];
            }
            out.printf(Locale.ROOT, "| %.2f | %d | %d | %s | %d | %d | %s |%n", c, tc[0], tc[1],
                    tc[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) tc[1] / tc[0]), rc[0], rc[1],
                    rc[0] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) rc[1] / rc[0]));
        }
        out.flush();
    }
}
