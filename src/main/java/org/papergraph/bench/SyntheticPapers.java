package org.papergraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic corpus in papergraph-jsonl (see {@code docs/formats/papergraph-jsonl.md}) for load tests: every
 * paper has a distinct arXiv-style id and title, one to six authors drawn from a pool of made-up names, a date
 * that matches its id, and citations to earlier papers of the corpus. The same seed and size give the same file.
 *
 * <p>The data is invented; it only has to be shaped like a real corpus (many papers, a citation graph with hubs,
 * shared authors) so that the canned queries do realistic work. Run with
 * {@code java -cp target/papergraph.jar org.papergraph.bench.SyntheticPapers OUT.jsonl [PAPERS] [SEED]}.
 */
public final class SyntheticPapers {
    private static final String[] FIRST = {"Ada", "Bo", "Chen", "Dana", "Elif", "Femi", "Goran", "Hana", "Ivo", "Jun",
            "Kira", "Luis", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rui", "Sven", "Tara", "Uma", "Viktor", "Wen",
            "Xavier", "Yara", "Zoltan"};
    private static final String[] LAST = {"Abara", "Berg", "Costa", "Dietz", "Eriksen", "Fujita", "Garcia", "Haddad",
            "Ito", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi",
            "Sato", "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Novak", "Singh", "Kim", "Silva"};
    private static final String[] ADJ = {"Sparse", "Robust", "Efficient", "Scalable", "Contrastive", "Hierarchical",
            "Adaptive", "Self-Supervised", "Causal", "Federated", "Multimodal", "Probabilistic", "Recurrent",
            "Graph-Based", "Low-Rank", "Distilled", "Equivariant", "Streaming", "Bayesian", "Quantized"};
    private static final String[] NOUN = {"Transformers", "Embeddings", "Retrieval", "Attention", "Diffusion Models",
            "Policy Gradients", "Tokenizers", "Autoencoders", "Mixture of Experts", "Neural Fields", "Parsers",
            "Language Models", "Graph Networks", "Optimizers", "Memory", "Agents", "Vision Encoders", "Speech Models"};
    private static final String[] TASK = {"Question Answering", "Image Classification", "Machine Translation",
            "Summarization", "Object Detection", "Link Prediction", "Speech Recognition", "Code Generation",
            "Time-Series Forecasting", "Reinforcement Learning"};
    private static final String[] CATEGORY = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.IR"};

    private SyntheticPapers() {}

    /** The arXiv-style id of paper {@code i}: months from 2015-01 on, 1000 papers a month. */
    public static String arxivId(int i) {
        int month = i / 1000;
        int yy = 15 + month / 12;
        int mm = 1 + month % 12;
        return String.format("%02d%02d.%05d", yy, mm, 1 + i % 1000);
    }

    /** Writes {@code papers} records to {@code out} (UTF-8, one JSON object per line). */
    public static void write(Path out, int papers, long seed) {
        if (papers < 1 || papers > 1_000_000) throw new IllegalArgumentException("papers must be 1..1000000: " + papers);
        Random rnd = new Random(seed);
        int authorPool = Math.max(10, papers / 4);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < papers; i++) {
                w.write(record(i, rnd, authorPool));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static String record(int i, Random rnd, int authorPool) {
        String id = arxivId(i);
        String title = ADJ[rnd.nextInt(ADJ.length)] + " " + NOUN[rnd.nextInt(NOUN.length)] + " for "
                + TASK[rnd.nextInt(TASK.length)] + " (Study " + (i + 1) + ")";
        List<String> authors = new ArrayList<>();
        int nAuthors = 1 + rnd.nextInt(6);
        Set<Integer> seen = new LinkedHashSet<>();
        while (seen.size() < nAuthors) seen.add(rnd.nextInt(authorPool));
        for (int a : seen) authors.add(authorName(a));
        // Citations go to earlier papers, half of them to the oldest tenth, so that some papers become hubs.
        Set<Integer> cites = new LinkedHashSet<>();
        int nCites = i == 0 ? 0 : Math.min(i, 3 + rnd.nextInt(10));
        while (cites.size() < nCites) {
            int bound = rnd.nextBoolean() ? Math.max(1, i / 10) : i;
            cites.add(rnd.nextInt(bound));
        }
        int month = i / 1000;
        String published = String.format("%04d-%02d-%02d", 2015 + month / 12, 1 + month % 12, 1 + rnd.nextInt(28));
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"arxiv\": \"").append(id).append("\", \"title\": \"").append(title).append('"');
        sb.append(", \"abstract\": \"We study ").append(title.toLowerCase()).append(" on synthetic benchmark ")
                .append(i % 97).append(".\"");
        sb.append(", \"authors\": [");
        for (int k = 0; k < authors.size(); k++) sb.append(k == 0 ? "" : ", ").append('"').append(authors.get(k)).append('"');
        sb.append("], \"published\": \"").append(published).append('"');
        sb.append(", \"categories\": [\"").append(CATEGORY[rnd.nextInt(CATEGORY.length)]).append("\"]");
        if (rnd.nextInt(4) == 0) sb.append(", \"code\": [\"https://github.com/synthetic-lab/repo-").append(i).append("\"]");
        sb.append(", \"cites\": [");
        int k = 0;
        for (int c : cites) sb.append(k++ == 0 ? "" : ", ").append('"').append(arxivId(c)).append('"');
        sb.append("]}");
        return sb.toString();
    }

    /** A distinct made-up name for author number {@code a}. */
    static String authorName(int a) {
        String first = FIRST[a % FIRST.length];
        String last = LAST[(a / FIRST.length) % LAST.length];
        int round = a / (FIRST.length * LAST.length);
        return round == 0 ? first + " " + last : first + " " + (char) ('A' + round % 26) + ". " + last
                + (round >= 26 ? "-" + (round / 26) : "");
    }

    /** {@code OUT.jsonl [PAPERS (default 120000)] [SEED (default 7)]}. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java -cp papergraph.jar org.papergraph.bench.SyntheticPapers OUT.jsonl [PAPERS] [SEED]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 120_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        write(Path.of(args[0]), n, seed);
        System.out.println("wrote " + n + " synthetic papers to " + args[0]);
    }
}
