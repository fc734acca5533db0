package org.papergraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a deterministic synthetic corpus of ML papers in the real input formats papergraph reads, for
 * benchmarks and smoke tests:
 * <ul>
 *   <li>{@value #ARXIV_FILE}: arXiv OAI snapshot JSON lines (format {@code arxiv-jsonl});</li>
 *   <li>{@value #PAPERS_FILE}: the same papers in {@code papergraph-jsonl}, with {@code cites} (the arXiv snapshot
 *       has no references, so benchmarks ingest this file);</li>
 *   <li>{@value #TABLES_FILE}: a Papers-with-Code-like evaluation-tables JSON (tasks → datasets → leaderboard
 *       rows pointing at the generated papers).</li>
 * </ul>
 *
 * <p>Paper {@code i} is a pure function of {@code (seed, i)}: each paper draws from its own random stream, so the
 * output is identical for a seed whatever the JVM or thread, and any paper can be rebuilt without the others.
 * Citations point only at earlier papers, drawn as {@code i * u^2} ({@code u} uniform), which concentrates citations
 * on early papers with a heavy, power-law-like tail and needs no memory of the papers already written. Everything is
 * streamed: memory stays constant whatever {@code N}.
 *
 * <p>Abstracts are assembled from templates and vocabularies written for this class (about 1 KB each, in the style
 * of arXiv ML abstracts: a proposed method, a task, datasets, a reported number with its metric, sometimes a GitHub
 * link); entity names (datasets, metrics, tasks) are real names, the sentences are ours.
 */
public final class CorpusGenerator {
    public static final String ARXIV_FILE = "arxiv-metadata.jsonl";
    public static final String PAPERS_FILE = "papers.jsonl";
    public static final String TABLES_FILE = "evaluation_tables.json.gz";

    /** Papers per synthetic arXiv month (ids {@code yymm.nnnnn}, five digits allow up to 99999). */
    private static final int PER_MONTH = 20_000;

    private final long seed;
    private final int papers;

    /**
     * @param papers number of papers, at least 1
     * @param seed   any value; the same seed gives byte-identical files
     */
    public CorpusGenerator(int papers, long seed) {
        if (papers < 1) throw new IllegalArgumentException("papers must be at least 1");
        this.papers = papers;
        this.seed = seed;
    }

    /** What {@link #write} wrote. */
    public record Written(Path arxiv, Path papers, Path tables, int paperCount, long citations, long leaderboardRows) {}

    /** Writes the three files into {@code dir} (created when missing), replacing files of the same names. */
    public Written write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path arxiv = dir.resolve(ARXIV_FILE);
        Path pg = dir.resolve(PAPERS_FILE);
        Path tables = dir.resolve(TABLES_FILE);
        JsonFactory f = new JsonFactory();
        long cites = 0;
        try (OutputStream a = new BufferedOutputStream(Files.newOutputStream(arxiv), 1 << 16);
             OutputStream p = new BufferedOutputStream(Files.newOutputStream(pg), 1 << 16)) {
            for (int i = 0; i < papers; i++) {
                Paper paper = paper(i);
                cites += paper.cites.size();
                writeArxivLine(f, a, paper);
                writePaperLine(f, p, paper);
            }
        }
        long rows;
        try (OutputStream t = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tables), 1 << 16), 1 << 16)) {
            rows = writeTables(f, t);
        }
        return new Written(arxiv, pg, tables, papers, cites, rows);
    }

    /** One generated paper; every field derived from {@code (seed, index)}. */
    public static final class Paper {
        public final int index;
        public final String arxivId;
        public final String title;
        public final String abstractText;
        public final List<String[]> authors; // {first, last}
        public final String published;
        public final List<String> categories;
        public final String code; // null when none
        public final List<String> cites;
        public final String method;
        public final Benchmark result; // null when the paper reports no leaderboard result
        public final String value;

        Paper(int index, String arxivId, String title, String abstractText, List<String[]> authors, String published,
              List<String> categories, String code, List<String> cites, String method, Benchmark result, String value) {
            this.index = index;
            this.arxivId = arxivId;
            this.title = title;
            this.abstractText = abstractText;
            this.authors = authors;
            this.published = published;
            this.categories = categories;
            this.code = code;
            this.cites = cites;
            this.method = method;
            this.result = result;
            this.value = value;
        }
    }

    /** A leaderboard: a task, a dataset, its main metric and whether lower is better. */
    public record Benchmark(String task, String area, String category, String dataset, String metric, double low,
                            double high, boolean percent) {}

    /** The leaderboards papers report on; index {@code i % size} picks paper i's leaderboard. */
    static final List<Benchmark> BENCHMARKS = List.of(
            new Benchmark("Image Classification", "Computer Vision", "cs.CV", "ImageNet", "Top 1 Accuracy", 70, 90, true),
            new Benchmark("Image Classification", "Computer Vision", "cs.CV", "CIFAR-10", "Percentage correct", 90, 99.5, true),
            new Benchmark("Image Classification", "Computer Vision", "cs.CV", "CIFAR-100", "Percentage correct", 65, 92, true),
            new Benchmark("Object Detection", "Computer Vision", "cs.CV", "COCO test-dev", "box AP", 30, 63, false),
            new Benchmark("Semantic Segmentation", "Computer Vision", "cs.CV", "Cityscapes test", "Mean IoU (class)", 65, 86, true),
            new Benchmark("Semantic Segmentation", "Computer Vision", "cs.CV", "ADE20K", "Validation mIoU", 35, 62, false),
            new Benchmark("Question Answering", "Natural Language Processing", "cs.CL", "SQuAD1.1", "F1", 80, 95.5, false),
            new Benchmark("Question Answering", "Natural Language Processing", "cs.CL", "SQuAD2.0", "EM", 65, 91, false),
            new Benchmark("Machine Translation", "Natural Language Processing", "cs.CL", "WMT2014 English-German", "BLEU score", 24, 35.5, false),
            new Benchmark("Machine Translation", "Natural Language Processing", "cs.CL", "WMT2014 English-French", "BLEU score", 38, 46, false),
            new Benchmark("Natural Language Inference", "Natural Language Processing", "cs.CL", "MultiNLI", "Matched", 78, 92, true),
            new Benchmark("Sentiment Analysis", "Natural Language Processing", "cs.CL", "SST-2 Binary classification", "Accuracy", 85, 97.5, true),
            new Benchmark("Language Modelling", "Natural Language Processing", "cs.CL", "WikiText-103", "Test perplexity", 10, 40, false),
            new Benchmark("Speech Recognition", "Speech", "eess.AS", "LibriSpeech test-clean", "Word Error Rate (WER)", 1.4, 6, true),
            new Benchmark("Node Classification", "Graphs", "cs.LG", "Cora", "Accuracy", 78, 90, true),
            new Benchmark("Link Prediction", "Graphs", "cs.LG", "FB15k-237", "MRR", 0.28, 0.45, false),
            new Benchmark("Atari Games", "Playing Games", "cs.LG", "Atari 2600 Breakout", "Score", 300, 900, false),
            new Benchmark("Image Generation", "Computer Vision", "cs.CV", "CIFAR-10", "FID", 2, 40, false),
            new Benchmark("Pose Estimation", "Computer Vision", "cs.CV", "MPII Human Pose", "PCKh-0.5", 88, 94.5, true),
            new Benchmark("Text Summarization", "Natural Language Processing", "cs.CL", "CNN / Daily Mail", "ROUGE-1", 38, 48, false));

    private static final String[] PREFIX = {"Res", "Dense", "Sparse", "Deep", "Graph", "Trans", "Conv", "Flow", "Meta",
            "Contrast", "Hyper", "Neural", "Mix", "Self", "Cross", "Dual", "Multi", "Light", "Fast", "Swin", "Span",
            "Latent", "Diffu", "Retro", "Mem", "Proto", "Auto", "Vision", "Token", "Wave"};
    private static final String[] CORE = {"Former", "Net", "GAN", "BERT", "Mixer", "Flow", "GNN", "Match", "Align",
            "Prompt", "Distill", "Fusion", "Attn", "Coder", "Seg", "Det", "Rank", "Gen", "Walk", "Pool"};
    private static final String[] SUFFIX = {"", "", "", "-S", "-B", "-L", "++", "v2", "-XL", "-Tiny"};
    private static final String[] ADJ = {"Efficient", "Scalable", "Robust", "Simple", "Unified", "Adaptive",
            "Hierarchical", "Contrastive", "Self-Supervised", "Sparse", "Lightweight", "Generalizable", "Data-Efficient",
            "Calibrated", "Compositional", "Structured"};
    private static final String[] NOUN = {"Representation Learning", "Attention", "Pre-training", "Distillation",
            "Feature Fusion", "Token Mixing", "Graph Reasoning", "Curriculum Learning", "Data Augmentation",
            "Prompt Tuning", "Knowledge Transfer", "Normalization", "Quantization", "Retrieval", "Routing"};
    private static final String[] FIRST = {"Alex", "Maria", "Wei", "Yuki", "Priya", "Jonas", "Fatima", "Luca",
            "Chen", "Sofia", "Omar", "Elena", "Hiroshi", "Ana", "David", "Mei", "Ivan", "Amara", "Tomas", "Leila",
            "Kenji", "Nora", "Pedro", "Ingrid", "Ravi", "Zoe", "Samuel", "Hana", "Mateo", "Aisha", "Felix", "Lin",
            "Oscar", "Julia", "Arjun", "Clara", "Emeka", "Sara", "Yusuf", "Mira"};
    private static final String[] LAST = {"Zhang", "Wang", "Li", "Liu", "Chen", "Smith", "Garcia", "Kim", "Nguyen",
            "Müller", "Rossi", "Tanaka", "Kumar", "Singh", "Novak", "Petrov", "Okafor", "Haddad", "Silva", "Johansson",
            "Dubois", "Kowalski", "Yilmaz", "Sato", "Park", "Ahmed", "Lopez", "Schmidt", "Ivanova", "Cohen",
            "Fischer", "Moreau", "Andersen", "Costa", "Mehta", "Huang", "Zhao", "Wu", "Xu", "Sun", "Ma", "Hu",
            "Gupta", "Das", "Bauer", "Weber", "Ito", "Yamamoto", "Lindqvist", "Oliveira"};
    private static final String[] GH_OWNER = {"openlab", "visionai", "nlp-group", "ml-research", "deepmind-like",
            "uni-ml", "graphlearn", "speechlab", "robotics-ai", "datacentric"};
    private static final String[] OPENING = {
            "%s remains a central problem in machine learning, yet current approaches scale poorly with model size and data.",
            "Recent progress in %s has been driven by ever larger models, which are expensive to train and hard to deploy.",
            "Despite steady gains on public benchmarks, methods for %s still fail under distribution shift and label noise.",
            "Most systems for %s rely on hand-designed components whose interaction with learned features is poorly understood."};
    private static final String[] PROPOSE = {
            "In this paper we propose %s, a %s approach that replaces the usual pipeline with a single trainable module.",
            "We introduce %s, a %s architecture built around %s and trained end to end.",
            "Here we present %s, which combines %s with a %s objective that needs no extra labels."};
    private static final String[] DETAIL = {
            "The key idea is to share computation across layers so that the cost grows linearly with the input length.",
            "A lightweight gating mechanism decides, for every token, how much context to aggregate from its neighbours.",
            "We further show that a careful initialisation removes the need for warm-up and makes training stable at scale.",
            "Our analysis connects the method to classical results on kernel smoothing and explains when it helps.",
            "The design is modular: each stage can be swapped for a stronger backbone without retraining the rest.",
            "We study the trade-off between accuracy and throughput and give a simple rule for choosing the model width."};
    private static final String[] RESULT = {
            "Experiments on %s show that %s achieves %s %s, outperforming strong baselines with fewer parameters.",
            "On %s, %s reaches %s %s while running twice as fast as comparable models.",
            "%s obtains %s %s on %s, a new state of the art among methods trained without external data."};
    private static final String[] EXTRA = {
            "We also report results on %s, where the same model transfers without any task-specific tuning.",
            "Ablations on %s confirm that every component contributes to the final accuracy.",
            "Further experiments on %s show consistent gains across model sizes."};
    private static final String[] CLOSING = {
            "We hope this simple baseline will serve future work on efficient architectures.",
            "The results suggest that architectural simplicity and careful training matter more than scale alone.",
            "Our findings open a path towards models that are both accurate and cheap to run."};

    /** Builds paper {@code i} (0-based). */
    public Paper paper(int i) {
        SplittableRandom r = new SplittableRandom(mix(seed, i));
        int month = i / PER_MONTH;
        int yy = 15 + month / 12;
        int mm = 1 + month % 12;
        String arxivId = arxivIdOf(i);
        String published = String.format(Locale.ROOT, "20%02d-%02d-%02d", yy, mm, 1 + r.nextInt(28));

        Benchmark b = BENCHMARKS.get(i % BENCHMARKS.size());
        String method = pick(r, PREFIX) + pick(r, CORE) + pick(r, SUFFIX);
        String adj = pick(r, ADJ);
        String noun = pick(r, NOUN);
        String title = switch (r.nextInt(3)) {
            case 0 -> method + ": " + adj + " " + noun + " for " + b.task();
            case 1 -> adj + " " + noun + " for " + b.task() + " with " + method;
            default -> "Towards " + adj + " " + b.task() + ": " + noun + " Revisited";
        };
        boolean reports = r.nextInt(10) < 6;
        double v = b.low() + (b.high() - b.low()) * r.nextDouble();
        String value = b.high() <= 1 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1f", v);
        String shown = b.percent() ? value + "%" : value;
        Benchmark other = BENCHMARKS.get((i + 1 + r.nextInt(BENCHMARKS.size() - 1)) % BENCHMARKS.size());

        String code = r.nextInt(10) < 3
                ? "https://github.com/" + pick(r, GH_OWNER) + "/" + method.toLowerCase(Locale.ROOT).replace("+", "p")
                : null;
        StringBuilder abs = new StringBuilder(1200);
        abs.append(String.format(pick(r, OPENING), b.task())).append(' ');
        String[] p = PROPOSE;
        int k = r.nextInt(p.length);
        abs.append(switch (k) {
            case 0 -> String.format(p[0], method, adj.toLowerCase(Locale.ROOT));
            case 1 -> String.format(p[1], method, adj.toLowerCase(Locale.ROOT), noun.toLowerCase(Locale.ROOT));
            default -> String.format(p[2], method, noun.toLowerCase(Locale.ROOT), adj.toLowerCase(Locale.ROOT));
        }).append(' ');
        int details = 2 + r.nextInt(3);
        for (int d = 0; d < details; d++) abs.append(pick(r, DETAIL)).append(' ');
        int rk = r.nextInt(RESULT.length);
        abs.append(switch (rk) {
            case 0 -> String.format(RESULT[0], b.dataset(), method, shown, b.metric());
            case 1 -> String.format(RESULT[1], b.dataset(), method, shown, b.metric());
            default -> String.format(RESULT[2], method, shown, b.metric(), b.dataset());
        }).append(' ');
        abs.append(String.format(pick(r, EXTRA), other.dataset())).append(' ');
        abs.append(pick(r, CLOSING));
        if (code != null) abs.append(" Code is available at ").append(code).append('.');

        int na = 1 + Math.min(11, (int) Math.round(-Math.log(1 - r.nextDouble()) * 3.5));
        List<String[]> authors = new ArrayList<>(na);
        for (int a = 0; a < na; a++) authors.add(new String[] {pick(r, FIRST), pick(r, LAST)});

        List<String> cats = new ArrayList<>(2);
        cats.add(b.category());
        if (r.nextBoolean()) cats.add(b.category().equals("cs.LG") ? "stat.ML" : "cs.LG");

        Set<String> cites = new LinkedHashSet<>();
        if (i > 0) {
            int n = Math.min(i, 3 + r.nextInt(28));
            for (int c = 0; c < n; c++) {
                double u = r.nextDouble();
                int j = (int) (i * u * u);
                cites.add(arxivIdOf(j));
            }
        }
        return new Paper(i, arxivId, title, abs.toString(), authors, published, cats, code, List.copyOf(cites), method,
                reports ? b : null, value);
    }

    /** The arXiv id paper {@code j} gets (a pure function of its index). */
    public static String arxivIdOf(int j) {
        int month = j / PER_MONTH;
        // Hand-formatted: String.format here was the generator's hot spot (one call per citation).
        StringBuilder sb = new StringBuilder(10);
        pad(sb, 15 + month / 12, 2);
        pad(sb, 1 + month % 12, 2);
        sb.append('.');
        pad(sb, j % PER_MONTH, 5);
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int k = s.length(); k < width; k++) sb.append('0');
        sb.append(s);
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String pick(SplittableRandom r, String[] a) { return a[r.nextInt(a.length)]; }

    private static void writeArxivLine(JsonFactory f, OutputStream out, Paper p) throws IOException {
        try (JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("id", p.arxivId);
            String[] first = p.authors.get(0);
            g.writeStringField("submitter", first[0] + " " + first[1]);
            g.writeStringField("authors", authorString(p.authors));
            g.writeStringField("title", p.title);
            g.writeStringField("comments", (8 + p.index % 20) + " pages, " + (1 + p.index % 9) + " figures");
            g.writeNullField("journal-ref");
            g.writeNullField("doi");
            g.writeNullField("report-no");
            g.writeStringField("categories", String.join(" ", p.categories));
            g.writeStringField("license", "http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
            g.writeStringField("abstract", "  " + p.abstractText + "\n");
            g.writeArrayFieldStart("versions");
            g.writeStartObject();
            g.writeStringField("version", "v1");
            g.writeStringField("created", rfc1123(p.published));
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("update_date", p.published);
            g.writeArrayFieldStart("authors_parsed");
            for (String[] a : p.authors) {
                g.writeStartArray();
                g.writeString(a[1]);
                g.writeString(a[0]);
                g.writeString("");
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static String authorString(List<String[]> authors) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < authors.size(); a++) {
            if (a > 0) sb.append(a == authors.size() - 1 ? " and " : ", ");
            sb.append(authors.get(a)[0]).append(' ').append(authors.get(a)[1]);
        }
        return sb.toString();
    }

    /** {@code 2019-03-07} → {@code Thu, 7 Mar 2019 12:00:00 GMT}, the snapshot's version date style. */
    private static String rfc1123(String date) {
        java.time.LocalDate d = java.time.LocalDate.parse(date);
        String dow = d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        String mon = d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
        return dow + ", " + d.getDayOfMonth() + " " + mon + " " + d.getYear() + " 12:00:00 GMT";
    }

    private static void writePaperLine(JsonFactory f, OutputStream out, Paper p) throws IOException {
        try (JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("arxiv", p.arxivId);
            g.writeStringField("title", p.title);
            g.writeStringField("abstract", p.abstractText);
            g.writeArrayFieldStart("authors");
            for (String[] a : p.authors) g.writeString(a[0] + " " + a[1]);
            g.writeEndArray();
            g.writeStringField("published", p.published);
            g.writeArrayFieldStart("categories");
            for (String c : p.categories) g.writeString(c);
            g.writeEndArray();
            if (p.code != null) {
                g.writeArrayFieldStart("code");
                g.writeString(p.code);
                g.writeEndArray();
            }
            g.writeArrayFieldStart("cites");
            for (String c : p.cites) g.writeString(c);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /**
     * Writes the evaluation tables: one task object per task, one dataset leaderboard per benchmark, one row per
     * paper that reports a result on it. Rows are produced by rebuilding the papers of each leaderboard
     * ({@code i ≡ b (mod benchmarks)}), so nothing is held in memory.
     */
    private long writeTables(JsonFactory f, OutputStream out) throws IOException {
        long rows = 0;
        try (JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            List<String> tasks = BENCHMARKS.stream().map(Benchmark::task).distinct().toList();
            for (String task : tasks) {
                g.writeStartObject();
                String area = BENCHMARKS.stream().filter(b -> b.task().equals(task)).findFirst().orElseThrow().area();
                g.writeArrayFieldStart("categories");
                g.writeString(area);
                g.writeEndArray();
                g.writeArrayFieldStart("datasets");
                for (int bi = 0; bi < BENCHMARKS.size(); bi++) {
                    Benchmark b = BENCHMARKS.get(bi);
                    if (!b.task().equals(task)) continue;
                    g.writeStartObject();
                    g.writeStringField("dataset", b.dataset());
                    g.writeArrayFieldStart("dataset_citations");
                    g.writeEndArray();
                    g.writeArrayFieldStart("dataset_links");
                    g.writeEndArray();
                    g.writeStringField("description", "");
                    g.writeObjectFieldStart("sota");
                    g.writeArrayFieldStart("metrics");
                    g.writeString(b.metric());
                    g.writeEndArray();
                    g.writeArrayFieldStart("rows");
                    for (int i = bi; i < papers; i += BENCHMARKS.size()) {
                        Paper p = paper(i);
                        if (p.result == null) continue;
                        rows++;
                        g.writeStartObject();
                        g.writeArrayFieldStart("code_links");
                        if (p.code != null) {
                            g.writeStartObject();
                            g.writeStringField("title", p.code.substring("https://github.com/".length()));
                            g.writeStringField("url", p.code);
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeObjectFieldStart("metrics");
                        g.writeStringField(b.metric(), p.value);
                        g.writeEndObject();
                        g.writeArrayFieldStart("model_links");
                        g.writeEndArray();
                        g.writeStringField("model_name", p.method);
                        g.writeStringField("paper_date", p.published);
                        g.writeStringField("paper_title", p.title);
                        g.writeStringField("paper_url", "http://arxiv.org/abs/" + p.arxivId + "v1");
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeArrayFieldStart("subdatasets");
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("description", "");
                g.writeNullField("source_link");
                g.writeArrayFieldStart("subtasks");
                g.writeEndArray();
                g.writeArrayFieldStart("synonyms");
                g.writeEndArray();
                g.writeStringField("task", task);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return rows;
    }
}
