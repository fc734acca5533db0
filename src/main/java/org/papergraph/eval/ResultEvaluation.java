package org.papergraph.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.EntityFinder;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.ExtractionModels;
import org.papergraph.extract.ResultFinder;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.source.Text;

/**
 * Scores result extraction against hand-read gold ({@link ResultGold}): the seed listing (the set the first rules
 * were written against), the demo corpus and abstracts of other sources ({@link ResultCorpora#others}), each split
 * into a tune and a report part; and, for reference, the table-derived gold of the SOTA leaderboard validation
 * papers and NLP-TDMS, whose scores mostly live in tables rather than abstracts.
 *
 * <p>Besides precision and recall it counts predicted results that are not scores at all: a value that in its
 * abstract only ever stands as a gain ("by 2.3%", "+1.3%", "0.5% higher"), a bound, or a size, count or speed
 * ("300 million multiply-adds", "45 frames per second", "5.7M parameters"), or a percentage over 100. That check is
 * this class's own reading of the text, independent of the extractor's rules.
 */
public final class ResultEvaluation {
    /** A result tuple; {@code method} is null when the gold set has none. */
    public record Tuple(String method, String dataset, String metric, BigDecimal value) {}

    /** Counts of one result evaluation. {@code notScores}: predictions that are gains, sizes or speeds, not scores. */
    public record Counts(int papers, int gold, int recoverable, int predicted, int correct, int goldFound, int notScores) {
        public double precision() { return predicted == 0 ? 0 : (double) correct / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) goldFound / gold; }
        Counts plus(Counts o) {
            return new Counts(papers + o.papers, gold + o.gold, recoverable + o.recoverable, predicted + o.predicted,
                    correct + o.correct, goldFound + o.goldFound, notScores + o.notScores);
        }
    }

    /** One paper's errors: predictions no gold fact matches, gold facts no prediction matches. */
    public record Errors(ResultCorpora.Doc doc, List<ResultGold.Tuple> wrong, List<ResultGold.Fact> missed) {}

    private final EntityFinder entities;
    private final ResultFinder results;
    private final EntityResolver resolver;

    public ResultEvaluation(ExtractionModels models) {
        this.entities = new EntityFinder(models);
        this.results = new ResultFinder(models);
        this.resolver = new EntityResolver(models.lexicon());
    }

    /** A scored prediction: how it was read ({@link org.papergraph.extract.ResultConfidence#bucket}), its confidence, whether it is right. */
    public record Judged(String evidence, double confidence, boolean right) {}

    /** Results the extractor finds in one paper. */
    public List<ResultGold.Tuple> extract(String title, String abstractText) {
        return found(title, abstractText).stream().map(this::tuple).toList();
    }

    private List<ResultFinder.FoundResult> found(String title, String abstractText) {
        if (abstractText == null) return List.of();
        List<EntityFinder.Found> m = entities.find(abstractText, EntityFinder.Field.ABSTRACT);
        return results.find(abstractText, m, results.proposed(title, abstractText, m));
    }

    private ResultGold.Tuple tuple(ResultFinder.FoundResult r) {
        ResultGold.Tuple labels = new ResultGold.Tuple(r.method() == null ? null : resolver.canonical(EntityType.METHOD, r.method()),
                resolver.canonical(EntityType.DATASET, r.dataset()), resolver.canonical(EntityType.METRIC, r.metric()), r.value(), null, null);
        return new ResultGold.Tuple(r.method(), r.dataset(), r.metric(), r.value(), r.lowerIsBetter(), labels);
    }

    /** Scores {@code docs} against {@code gold}; {@code errors}, when not null, receives each paper's errors. */
    public Counts score(List<ResultCorpora.Doc> docs, ResultGold gold, List<Errors> errors) { return score(docs, gold, errors, null); }

    /** As {@link #score(List, ResultGold, List)}; {@code judged}, when not null, receives each prediction, judged. */
    public Counts score(List<ResultCorpora.Doc> docs, ResultGold gold, List<Errors> errors, List<Judged> judged) {
        int g = 0, rec = 0, p = 0, c = 0, found = 0, not = 0;
        for (ResultCorpora.Doc d : docs) {
            List<ResultGold.Fact> facts = gold.of(d.id());
            List<ResultFinder.FoundResult> raw = found(d.title(), d.text());
            List<ResultGold.Tuple> pred = raw.stream().map(this::tuple).toList();
            String text = d.text() == null ? "" : d.text();
            List<ResultGold.Tuple> wrong = new ArrayList<>();
            List<ResultGold.Fact> missed = new ArrayList<>();
            for (ResultGold.Fact f : facts) {
                g++;
                if (containsNumber(text, f.value())) rec++;
                if (pred.stream().anyMatch(f::matches)) found++;
                else missed.add(f);
            }
            for (int i = 0; i < pred.size(); i++) {
                ResultGold.Tuple t = pred.get(i);
                p++;
                boolean right = facts.stream().anyMatch(f -> f.matches(t));
                if (judged != null) judged.add(new Judged(raw.get(i).evidence(), raw.get(i).confidence(), right));
                if (right) c++;
                else {
                    wrong.add(t);
                    if (notAScore(text, t.value())) not++;
                }
            }
            if (errors != null && (!wrong.isEmpty() || !missed.isEmpty())) errors.add(new Errors(d, wrong, missed));
        }
        return new Counts(docs.size(), g, rec, p, c, found, not);
    }

    private static final Pattern NUM = Pattern.compile("(?<![\\d.])\\d+(?:[.,]\\d+)*");
    /** Words before a number that make it a change or a bound, not a score. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile(
            "(?i)(?:\\bby|\\+|\\bimprovements? of|\\bgains? of|\\bincrease of|\\breduction of|\\bwithin|\\bup to|\\bover|\\bmore than|"
            + "\\bless than|\\bnearly|\\babove|\\bbelow|\\bunder)\\s*(?:about|around|roughly|only)?\\s*$");
    /** Words after a number that make it a change, a size, a count or a speed. */
    private static final Pattern CHANGE_AFTER = Pattern.compile(
            "(?i)^\\s*(?:\\\\?%|percent)?\\s*(?:points?\\b|pp\\b|absolute|relative|higher|lower|better|worse|improvement|gain|increase|"
            + "reduction|fewer|more\\b|less\\b|faster|slower|smaller|larger|times\\b|x\\b|×|million|billion|thousand|[MBKk]\\b|"
            + "parameters|params|g?flops|multiply-adds|mult-adds|macs\\b|fps\\b|frames|images|gpus?\\b|hours?\\b|days?\\b|ms\\b|"
            + "seconds?\\b|s\\b|mb\\b|gb\\b|layers|words|tokens|examples|samples|epochs)");

    /** True when every occurrence of {@code v} in {@code text} reads as a change, size, count or speed, or v > 100 %. */
    static boolean notAScore(String text, BigDecimal v) {
        Matcher m = NUM.matcher(text);
        boolean any = false;
        while (m.find()) {
            BigDecimal n;
            try { n = new BigDecimal(m.group().replace(",", "")); } catch (NumberFormatException e) { continue; }
            if (n.compareTo(v) != 0) continue;
            any = true;
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            String after = text.substring(m.end());
            boolean percent = after.matches("(?s)^\\s*(?:\\\\?%|percent).*");
            if (!(CHANGE_BEFORE.matcher(before).find() || CHANGE_AFTER.matcher(after).find() || (percent && n.compareTo(BigDecimal.valueOf(100)) > 0))) {
                return false;
            }
        }
        return any;
    }

    private static boolean containsNumber(String text, BigDecimal v) {
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        while (m.find()) if (new BigDecimal(m.group()).compareTo(v) == 0) return true;
        return false;
    }

    /** The documents of one part of a split (all of them when {@code part} is null). */
    static List<ResultCorpora.Doc> part(List<ResultCorpora.Doc> docs, ResultGold.Part part) {
        return part == null ? docs : docs.stream().filter(d -> ResultGold.part(d.id()) == part).toList();
    }

    /** The seed listing against its hand-checked gold, whose ids are title prefixes. */
    public Counts seed(Path listing, Path goldTsv) throws IOException {
        List<ResultCorpora.Doc> docs = ResultCorpora.listing(listing);
        return score(docs, seedGold(docs, goldTsv), null);
    }

    /** The seed gold with each title prefix replaced by the full title of the listing paper it names. */
    static ResultGold seedGold(List<ResultCorpora.Doc> docs, Path goldTsv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(goldTsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String prefix = line.substring(0, line.indexOf('\t'));
            String title = docs.stream().map(ResultCorpora.Doc::title).filter(t -> t.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IOException(goldTsv + ": no listing paper titled " + prefix));
            sb.append(title).append(line.substring(prefix.length())).append('\n');
        }
        Path tmp = Files.createTempFile("seed-gold", ".tsv");
        try {
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            return ResultGold.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gold ids with no document in {@code docs}: a typo or a source that changed. */
    static List<String> orphans(ResultGold gold, List<ResultCorpora.Doc> docs) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ResultCorpora.Doc d : docs) ids.add(d.id());
        return gold.ids().stream().filter(i -> !ids.contains(i)).toList();
    }

    /**
     * Prints the result tables (Markdown): the hand-read sets per part and source, then the table-derived sets.
     * {@code errorsOf}, when not null, names a part ("tune" or "report") whose wrong and missed results are listed
     * after the tables, per paper.
     */
    public void report(Path shared, Path seedGold, Path demoGold, Path otherGold, Path tuneGold, String errorsOf, PrintWriter out) throws IOException {
        Path data = shared.resolve("data");
        List<ResultCorpora.Doc> seedDocs = ResultCorpora.listing(shared.resolve("seeds/trending-papers-listing.txt"));
        List<ResultCorpora.Doc> demoDocs = ResultCorpora.demo();
        List<ResultCorpora.Doc> otherDocs = ResultCorpora.others(data);
        ResultGold seed = seedGold(seedDocs, seedGold), demo = ResultGold.read(demoGold), other = ResultGold.read(otherGold);
        for (String o : orphans(demo, demoDocs)) out.println("warning: " + demoGold + " names " + o + ", which is not in the demo corpus");
        for (String o : orphans(other, otherDocs)) out.println("warning: " + otherGold + " names " + o + ", which no source holds");
        List<ResultCorpora.Doc> held = new ArrayList<>(seedDocs);
        held.addAll(demoDocs);
        held.addAll(otherDocs);
        List<ResultCorpora.Doc> tuneDocs = ResultCorpora.tuneText(data, held);
        ResultGold more = ResultGold.read(tuneGold);
        for (String o : orphans(more, tuneDocs)) out.println("warning: " + tuneGold + " names " + o + ", which no source holds (or another gold set's source holds its text)");
        List<Errors> errors = new ArrayList<>();
        List<Judged> tuneJudged = new ArrayList<>(), reportJudged = new ArrayList<>();
        ResultGold.Part wanted = errorsOf == null ? null : errorsOf.equals("tune") ? ResultGold.Part.TUNE : ResultGold.Part.REPORT;

        out.println("| gold set | part | papers | gold results | in abstract | predicted | correct | precision | recall | gains/sizes/speeds as scores |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        row(out, "seed listing (" + seedGold.getFileName() + "; the first rules were written on all of it)", "all",
                score(seedDocs, seed, wanted == ResultGold.Part.TUNE ? errors : null, tuneJudged));
        for (ResultGold.Part part : ResultGold.Part.values()) {
            row(out, "demo corpus (" + demoGold.getFileName() + ")", part.label(),
                    score(part(demoDocs, part), demo, part == wanted ? errors : null, part == ResultGold.Part.TUNE ? tuneJudged : reportJudged));
        }
        for (ResultGold.Part part : ResultGold.Part.values()) {
            Map<String, Counts> bySource = new LinkedHashMap<>();
            Counts total = new Counts(0, 0, 0, 0, 0, 0, 0);
            for (ResultCorpora.Doc d : part(otherDocs, part)) {
                Counts c = score(List.of(d), other, part == wanted ? errors : null, part == ResultGold.Part.TUNE ? tuneJudged : reportJudged);
                bySource.merge(d.source(), c, Counts::plus);
                total = total.plus(c);
            }
            row(out, "other sources (" + otherGold.getFileName() + ")", part.label(), total);
            for (Map.Entry<String, Counts> e : bySource.entrySet()) row(out, "- " + SOURCE_NAMES.getOrDefault(e.getKey(), e.getKey()), part.label(), e.getValue());
        }
        Map<String, Counts> moreBySource = new LinkedHashMap<>();
        Counts moreTotal = new Counts(0, 0, 0, 0, 0, 0, 0);
        for (ResultCorpora.Doc d : tuneDocs) {
            Counts c = score(List.of(d), more, wanted == ResultGold.Part.TUNE ? errors : null, tuneJudged);
            moreBySource.merge(d.source(), c, Counts::plus);
            moreTotal = moreTotal.plus(c);
        }
        row(out, "more tune text (" + tuneGold.getFileName() + "; tune only)", "tune", moreTotal);
        for (Map.Entry<String, Counts> e : moreBySource.entrySet()) row(out, "- " + SOURCE_NAMES.getOrDefault(e.getKey(), e.getKey()), "tune", e.getValue());
        out.println();
        confidenceTables(tuneJudged, reportJudged, out);
        out.println();
        out.println("Table-derived gold (scores mostly in tables, few recoverable from the abstract):");
        out.println();
        out.println("| gold set | papers | gold tuples | recoverable from abstract | predicted | correct | precision | recall |");
        out.println("|---|---|---|---|---|---|---|---|");
        tableRow(out, "SOTA leaderboards clef2024 validation", leaderboards(data.resolve("sota-leaderboards/clef2024/validation")));
        tableRow(out, "NLP-TDMS (50 papers with TEI)", tdms(data.resolve("nlp-tdms-tdmsci/NLP-TDMS")));
        if (wanted != null) {
            out.println();
            out.println("Errors, " + wanted.label() + " parts (and the seed listing for tune): wrong predictions (-) and missed gold results (+)");
            for (Errors e : errors) {
                out.println();
                out.println("- " + e.doc().id() + (e.doc().id().equals(e.doc().title()) ? "" : " " + e.doc().title()));
                for (ResultGold.Tuple t : e.wrong()) out.printf("  - %s | %s | %s | %s%n", t.method(), t.dataset(), t.metric(), t.value().toPlainString());
                for (ResultGold.Fact f : e.missed()) out.printf("  + %s | %s | %s | %s%n", String.join("/", f.methods()), String.join("/", f.datasets()),
                        String.join("/", f.metrics()), f.value().toPlainString());
            }
        }
        out.flush();
    }

    /**
     * The result confidence tables: per way of reading ({@link org.papergraph.extract.ResultConfidence#bucket}) the
     * correct and predicted results of the tune parts (what the confidence is measured on: the seed listing, the demo
     * corpus's and other sources' tune parts, the tune-only set) and of the report parts; then per confidence bin the
     * share right, and among results with confidence at least the bin's start, which calibration says should be about
     * that start or more.
     */
    static void confidenceTables(List<Judged> tune, List<Judged> report, PrintWriter out) {
        out.println("Result confidence by how a result was read (dataset from the score's sentence or its context | metric next to the "
                + "score or borrowed | method named, the paper's proposed name or unnamed | dataset name known to the lexicon or new):");
        out.println();
        out.println("| evidence | tune correct | tune predicted | confidence | report correct | report predicted | report precision |");
        out.println("|---|---|---|---|---|---|---|");
        java.util.TreeMap<String, int[]> by = new java.util.TreeMap<>();
        java.util.Map<String, Double> conf = new java.util.HashMap<>();
        for (Judged j : tune) { int[] c = by.computeIfAbsent(j.evidence(), k -> new int[4]); c[1]++; if (j.right()) c[0]++; conf.put(j.evidence(), j.confidence()); }
        for (Judged j : report) { int[] c = by.computeIfAbsent(j.evidence(), k -> new int[4]); c[3]++; if (j.right()) c[2]++; conf.put(j.evidence(), j.confidence()); }
        for (Map.Entry<String, int[]> e : by.entrySet()) {
            int[] c = e.getValue();
            out.printf(java.util.Locale.ROOT, "| %s | %d | %d | %.2f | %d | %d | %s |%n", e.getKey(), c[0], c[1], conf.get(e.getKey()), c[2], c[3],
                    c[3] == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.3f", (double) c[2] / c[3]));
        }
        out.println();
        out.println("| confidence bin | tune results | tune precision | tune precision >= bin start | report results | report precision | report precision >= bin start |");
        out.println("|---|---|---|---|---|---|---|");
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0, hi = (b + 1) / 10.0;
            out.printf(java.util.Locale.ROOT, "| %.1f-%.1f | %s | %s |%n", lo, hi, cells(tune, lo, hi), cells(report, lo, hi));
        }
    }

    private static String cells(List<Judged> js, double lo, double hi) {
        int n = 0, right = 0, atLeast = 0, atLeastRight = 0;
        for (Judged j : js) {
            int bin = Math.min(9, (int) Math.floor(j.confidence() * 10 + 1e-9));
            if (bin == (int) Math.round(lo * 10)) { n++; if (j.right()) right++; }
            if (j.confidence() >= lo - 1e-9) { atLeast++; if (j.right()) atLeastRight++; }
        }
        return n + " | " + (n == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.3f", (double) right / n)) + " | "
                + (atLeast == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.3f", (double) atLeastRight / atLeast));
    }

    private static final Map<String, String> SOURCE_NAMES = Map.ofEntries(
            Map.entry("pwc", "Papers with Code API paper list"),
            Map.entry("arxiv", "arXiv OAI snapshot, first 200"),
            Map.entry("scirex", "SciREX train abstracts"),
            Map.entry("clef", "SOTA leaderboards validation (LaTeX)"),
            Map.entry("grobid", "SOTA leaderboards GROBID TEI"),
            Map.entry("tdms", "NLP-TDMS TEI"),
            Map.entry("orkg-pwc", "Papers with Code abstracts (ORKG CS-NER pwc dev)"),
            Map.entry("ncg", "NLPContributionGraph train abstracts (ORKG CS-NER)"),
            Map.entry("ncg-dev", "NLPContributionGraph dev abstracts (ORKG CS-NER)"),
            Map.entry("ftd", "FTD train abstracts (ORKG CS-NER)"),
            Map.entry("scierc-abs", "SciERC train abstracts (ORKG CS-NER)"));

    private static void row(PrintWriter out, String name, String part, Counts c) {
        out.printf("| %s | %s | %d | %d | %d | %d | %d | %.3f | %.3f | %d |%n", name, part, c.papers(), c.gold(), c.recoverable(),
                c.predicted(), c.correct(), c.precision(), c.recall(), c.notScores());
    }

    private static void tableRow(PrintWriter out, String name, Counts c) {
        out.printf("| %s | %d | %d | %d (%.1f%%) | %d | %d | %.3f | %.3f |%n", name, c.papers(), c.gold(), c.recoverable(),
                c.gold() == 0 ? 0 : 100.0 * c.recoverable() / c.gold(), c.predicted(), c.correct(), c.precision(), c.recall());
    }

    // ---- table-derived gold (task, dataset, metric, score; no method) ----

    private static boolean tableMatch(ResultGold.Tuple p, Tuple g) {
        return p.value().compareTo(g.value()) == 0 && ResultGold.sameName(p.dataset(), g.dataset()) && ResultGold.sameName(p.metric(), g.metric());
    }

    private Counts tableScore(Map<String, List<Tuple>> gold, Map<String, String> titles, Map<String, String> texts) {
        int g = 0, rec = 0, p = 0, c = 0, found = 0;
        for (Map.Entry<String, List<Tuple>> e : gold.entrySet()) {
            String text = texts.getOrDefault(e.getKey(), "");
            List<ResultGold.Tuple> pred = text.isEmpty() ? List.of() : extract(titles.get(e.getKey()), text);
            for (Tuple gt : e.getValue()) {
                g++;
                if (containsNumber(text, gt.value())) rec++;
                if (pred.stream().anyMatch(pt -> tableMatch(pt, gt))) found++;
            }
            for (ResultGold.Tuple pt : pred) {
                p++;
                if (e.getValue().stream().anyMatch(gt -> tableMatch(pt, gt))) c++;
            }
        }
        return new Counts(gold.size(), g, rec, p, c, found, 0);
    }

    private static final Pattern TUPLE = Pattern.compile(
            "'Dataset':\\s*(['\"])(.*?)\\1,\\s*'Metric':\\s*(['\"])(.*?)\\3,\\s*'Score':\\s*(['\"])(.*?)\\5");
    private static final Pattern TEX_ABSTRACT = Pattern.compile("(?s)\\\\begin\\{abstract\\}(.*?)\\\\end\\{abstract\\}");
    private static final Pattern TEX_TITLE = Pattern.compile("(?s)\\\\title(?:\\[[^]]*\\])?\\{(.*?)\\}\\s*\\n");

    /** SOTA leaderboard validation papers: abstract from each LaTeX source, gold from {@code annotations.json}. */
    public Counts leaderboards(Path validation) throws IOException {
        Map<String, List<Tuple>> gold = new HashMap<>();
        Map<String, String> titles = new HashMap<>(), texts = new HashMap<>();
        try (var dirs = Files.list(validation)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                Path tex = dir.resolve(id + ".tex");
                Path ann = dir.resolve("annotations.json");
                if (!Files.exists(tex) || !Files.exists(ann)) continue;
                String latex = new String(Files.readAllBytes(tex), StandardCharsets.UTF_8);
                Matcher a = TEX_ABSTRACT.matcher(latex);
                Matcher t = TEX_TITLE.matcher(latex);
                List<Tuple> g = new ArrayList<>();
                Matcher m = TUPLE.matcher(Files.readString(ann));
                while (m.find()) {
                    BigDecimal v = number(m.group(6));
                    if (v != null) g.add(new Tuple(null, m.group(2), m.group(4), v));
                }
                gold.put(id, g);
                titles.put(id, t.find() ? Text.clean(t.group(1)) : null);
                texts.put(id, a.find() ? Text.clean(a.group(1)) : "");
            }
        }
        return tableScore(gold, titles, texts);
    }

    private static final Pattern TEI_ABSTRACT = Pattern.compile("(?s)<abstract[^>]*>(.*?)</abstract>");
    private static final Pattern TEI_TITLE = Pattern.compile("(?s)<title[^>]*type=\"main\"[^>]*>(.*?)</title>");

    /** NLP-TDMS papers with a GROBID TEI file: abstract from the TEI, gold from {@code resultsAnnotation.tsv}. */
    public Counts tdms(Path tdms) throws IOException {
        Map<String, List<Tuple>> all = new HashMap<>();
        for (String line : Files.readAllLines(tdms.resolve("annotations/resultsAnnotation.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 2) continue;
            List<Tuple> g = new ArrayList<>();
            for (String t : f[1].split("\\$")) {
                String[] p = t.split("#");
                BigDecimal v = p.length == 4 ? number(p[3]) : null;
                if (v != null) g.add(new Tuple(null, p[1], p[2], v));
            }
            all.put(f[0].replaceAll("\\.pdf$", ""), g);
        }
        Map<String, List<Tuple>> gold = new HashMap<>();
        Map<String, String> titles = new HashMap<>(), texts = new HashMap<>();
        try (var files = Files.list(tdms.resolve("pdfFile_xml"))) {
            for (Path p : files.sorted().toList()) {
                String id = p.getFileName().toString().replaceAll("\\.tei\\.xml$", "");
                if (!all.containsKey(id)) continue;
                String xml = Files.readString(p, StandardCharsets.UTF_8);
                Matcher a = TEI_ABSTRACT.matcher(xml);
                Matcher t = TEI_TITLE.matcher(xml);
                gold.put(id, all.get(id));
                titles.put(id, t.find() ? Text.clean(t.group(1).replaceAll("<[^>]+>", " ")) : null);
                texts.put(id, a.find() ? Text.clean(a.group(1).replaceAll("<[^>]+>", " ")) : "");
            }
        }
        return tableScore(gold, titles, texts);
    }

    private static BigDecimal number(String s) {
        Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?").matcher(s.replace(",", ""));
        return m.find() ? new BigDecimal(m.group()) : null;
    }
}
