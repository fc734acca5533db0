package org.papergraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.extract.EntityFinder;
import org.papergraph.extract.ExtractionModels;
import org.papergraph.extract.ResultFinder;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.ListingReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordSink;
import org.papergraph.source.Text;

/**
 * Scores result extraction against result gold sets: the hand-checked seed-listing gold (method, dataset, metric,
 * value), the SOTA leaderboard validation papers and the NLP-TDMS papers (task, dataset, metric, score; their
 * abstracts taken from the LaTeX or GROBID TEI the sets ship). A predicted tuple is right when a gold tuple of the
 * same paper has the same value and its dataset and metric (and method, where the gold has one) match: keys
 * (letters and digits, lower case) equal or one containing the other.
 */
public final class ResultEvaluation {
    /** A result tuple; {@code method} is null when the gold set has none. */
    public record Tuple(String method, String dataset, String metric, BigDecimal value) {}

    /** Counts of one result evaluation. */
    public record Counts(int papers, int gold, int recoverable, int predicted, int correct, int goldFound) {
        public double precision() { return predicted == 0 ? 0 : (double) correct / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) goldFound / gold; }
    }

    private final EntityFinder entities;
    private final ResultFinder results;

    public ResultEvaluation(ExtractionModels models) {
        this.entities = new EntityFinder(models);
        this.results = new ResultFinder(models);
    }

    /** Results the extractor finds in one paper. */
    public List<Tuple> extract(String title, String abstractText) {
        List<EntityFinder.Found> m = entities.find(abstractText, EntityFinder.Field.ABSTRACT);
        List<Tuple> out = new ArrayList<>();
        for (ResultFinder.FoundResult r : results.find(abstractText, m, ResultFinder.proposedMethod(title, abstractText, m))) {
            out.add(new Tuple(r.method(), r.dataset(), r.metric(), r.value()));
        }
        return out;
    }

    static boolean sameName(String a, String b) {
        if (a == null || b == null) return true;
        String ka = Tokenizer.key(a), kb = Tokenizer.key(b);
        return !ka.isEmpty() && !kb.isEmpty() && (ka.contains(kb) || kb.contains(ka));
    }

    static boolean matches(Tuple p, Tuple g) {
        return p.value().compareTo(g.value()) == 0 && sameName(p.dataset(), g.dataset()) && sameName(p.metric(), g.metric())
                && (g.method() == null || sameName(p.method(), g.method()));
    }

    /** Scores predictions against gold, paper by paper; {@code texts} gives each paper's abstract for recoverability. */
    static Counts score(Map<String, List<Tuple>> gold, Map<String, List<Tuple>> predicted, Map<String, String> texts) {
        int g = 0, rec = 0, p = 0, c = 0, found = 0;
        for (Map.Entry<String, List<Tuple>> e : gold.entrySet()) {
            List<Tuple> pred = predicted.getOrDefault(e.getKey(), List.of());
            String text = texts.getOrDefault(e.getKey(), "");
            for (Tuple gt : e.getValue()) {
                g++;
                if (containsNumber(text, gt.value())) rec++;
                for (Tuple pt : pred) if (matches(pt, gt)) { found++; break; }
            }
            for (Tuple pt : pred) {
                p++;
                for (Tuple gt : e.getValue()) if (matches(pt, gt)) { c++; break; }
            }
        }
        return new Counts(gold.size(), g, rec, p, c, found);
    }

    private static boolean containsNumber(String text, BigDecimal v) {
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        while (m.find()) if (new BigDecimal(m.group()).compareTo(v) == 0) return true;
        return false;
    }

    /** The seed listing against the hand-checked gold TSV ({@code title-prefix, method, dataset, metric, value, lower}). */
    public Counts seed(Path listing, Path goldTsv) throws IOException {
        List<PaperRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(listing)) {
            new ListingReader().read(in, listing.toString(), new RecordSink() {
                @Override public void accept(PaperRecord r) { records.add(r); }
                @Override public void reject(RecordError e) { }
            });
        }
        Map<String, List<Tuple>> gold = new HashMap<>();
        for (String line : Files.readAllLines(goldTsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String title = records.stream().map(PaperRecord::title).filter(t -> t.startsWith(f[0])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no listing paper titled " + f[0]));
            gold.computeIfAbsent(title, k -> new ArrayList<>()).add(new Tuple(f[1], f[2], f[3], new BigDecimal(f[4])));
        }
        Map<String, List<Tuple>> predicted = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (PaperRecord r : records) {
            predicted.put(r.title(), extract(r.title(), r.abstractText()));
            texts.put(r.title(), r.abstractText());
            gold.putIfAbsent(r.title(), new ArrayList<>());
        }
        return score(gold, predicted, texts);
    }

    private static final Pattern TUPLE = Pattern.compile(
            "'Dataset':\\s*(['\"])(.*?)\\1,\\s*'Metric':\\s*(['\"])(.*?)\\3,\\s*'Score':\\s*(['\"])(.*?)\\5");
    private static final Pattern TEX_ABSTRACT = Pattern.compile("(?s)\\\\begin\\{abstract\\}(.*?)\\\\end\\{abstract\\}");
    private static final Pattern TEX_TITLE = Pattern.compile("(?s)\\\\title(?:\\[[^]]*\\])?\\{(.*?)\\}\\s*\\n");

    /** SOTA leaderboard validation papers: abstract from each LaTeX source, gold from {@code annotations.json}. */
    public Counts leaderboards(Path validation) throws IOException {
        Map<String, List<Tuple>> gold = new HashMap<>();
        Map<String, List<Tuple>> predicted = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (var dirs = Files.list(validation)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                Path tex = dir.resolve(id + ".tex");
                Path ann = dir.resolve("annotations.json");
                if (!Files.exists(tex) || !Files.exists(ann)) continue;
                String latex = new String(Files.readAllBytes(tex), StandardCharsets.UTF_8);
                Matcher a = TEX_ABSTRACT.matcher(latex);
                String abs = a.find() ? Text.clean(a.group(1)) : null;
                Matcher t = TEX_TITLE.matcher(latex);
                String title = t.find() ? Text.clean(t.group(1)) : null;
                List<Tuple> g = new ArrayList<>();
                Matcher m = TUPLE.matcher(Files.readString(ann));
                while (m.find()) {
                    BigDecimal v = number(m.group(6));
                    if (v != null) g.add(new Tuple(null, m.group(2), m.group(4), v));
                }
                gold.put(id, g);
                texts.put(id, abs == null ? "" : abs);
                predicted.put(id, abs == null ? List.of() : extract(title, abs));
            }
        }
        return score(gold, predicted, texts);
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
        Map<String, List<Tuple>> predicted = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (var files = Files.list(tdms.resolve("pdfFile_xml"))) {
            for (Path p : files.sorted().toList()) {
                String id = p.getFileName().toString().replaceAll("\\.tei\\.xml$", "");
                if (!all.containsKey(id)) continue;
                String xml = Files.readString(p, StandardCharsets.UTF_8);
                Matcher a = TEI_ABSTRACT.matcher(xml);
                String abs = a.find() ? Text.clean(a.group(1).replaceAll("<[^>]+>", " ")) : null;
                Matcher t = TEI_TITLE.matcher(xml);
                String title = t.find() ? Text.clean(t.group(1).replaceAll("<[^>]+>", " ")) : null;
                gold.put(id, all.get(id));
                texts.put(id, abs == null ? "" : abs);
                predicted.put(id, abs == null ? List.of() : extract(title, abs));
            }
        }
        return score(gold, predicted, texts);
    }

    private static BigDecimal number(String s) {
        Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?").matcher(s.replace(",", ""));
        return m.find() ? new BigDecimal(m.group()) : null;
    }

    /** Prints one Markdown row per result gold set. */
    public void report(Path shared, Path seedGold, PrintWriter out) throws IOException {
        out.println("| gold set | papers | gold tuples | recoverable from abstract | predicted | correct | precision | recall |");
        out.println("|---|---|---|---|---|---|---|---|");
        row(out, "seed listing (hand-checked, " + seedGold.getFileName() + ")", seed(shared.resolve("seeds/trending-papers-listing.txt"), seedGold));
        row(out, "SOTA leaderboards clef2024 validation", leaderboards(shared.resolve("data/sota-leaderboards/clef2024/validation")));
        row(out, "NLP-TDMS (50 papers with TEI)", tdms(shared.resolve("data/nlp-tdms-tdmsci/NLP-TDMS")));
        out.flush();
    }

    private static void row(PrintWriter out, String name, Counts c) {
        out.printf("| %s | %d | %d | %d (%.1f%%) | %d | %d | %.3f | %.3f |%n", name, c.papers(), c.gold(), c.recoverable(),
                c.gold() == 0 ? 0 : 100.0 * c.recoverable() / c.gold(), c.predicted(), c.correct(), c.precision(), c.recall());
    }
}
