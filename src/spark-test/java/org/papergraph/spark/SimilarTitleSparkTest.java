package org.papergraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.Converter;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.ShardFolder;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;

/**
 * The Spark job against {@code convert} where {@link PaperResolver} links two records by a similar, not equal, title
 * (no shared identifier): the only route by which a component's resolver gets its title word counts from the
 * distinct titles joined with their keys' labels ({@link Resolution}, step 4), which no other corpus reaches.
 */
class SimilarTitleSparkTest {
    @TempDir Path tmp;

    /** Papers in papergraph's own JSON-lines format, one a line. */
    private Path corpus(String name, String... lines) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private List<String> convert(Path in) throws Exception {
        Path out = tmp.resolve("convert-" + in.getFileName() + ".nq.gz");
        new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE).convert(List.of(in), null, out);
        return SparkConvertTest.lines(out);
    }

    private List<String> spark(Path in, String... extra) throws Exception {
        Path out = tmp.resolve("spark-" + in.getFileName());
        List<String> args = new ArrayList<>(List.of("convert", "--master", "local[2]", "--time", SparkConvertTest.TIME, "-q",
                "-o", out.toString()));
        args.addAll(List.of(extra));
        args.add(in.toString());
        int status = SparkMain.run(args.toArray(new String[0]));
        assertEquals(0, status);
        return SparkConvertTest.lines(ShardFolder.shards(out).toArray(new Path[0]));
    }

    private static void assertSame(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected), extra = new ArrayList<>(actual);
        missing.removeAll(new java.util.HashSet<>(actual));
        extra.removeAll(new java.util.HashSet<>(expected));
        assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " missing: " + missing + "; "
                + extra.size() + " extra: " + extra);
        assertEquals(expected, actual, "the same quads, each as often");
    }

    private static long similarLinks(List<String> quads) {
        return quads.stream().filter(l -> l.contains("matchedBy") && l.contains("\"title-similar\"")).count();
    }

    /**
     * A paper with an arXiv id, then one with only a DOI whose title lacks one letter ("Network" for "Networks"):
     * convert links the second to the first by title similarity, and the Spark job writes the same quads.
     */
    @Test
    void aSimilarTitleLinksAsConvertLinksIt() throws Exception {
        String title = "Sparse Attention Networks for Long Document Summarization";
        String near = "Sparse Attention Network for Long Document Summarization";
        assertTrue(PaperResolver.similarity(Iris.normaliseTitle(title), Iris.normaliseTitle(near)) >= PaperResolver.DEFAULT_THRESHOLD);
        Path in = corpus("papers.jsonl",
                "{\"arxiv\": \"2101.00417\", \"title\": \"" + title + "\", \"published\": \"2021-01-05\"}",
                "{\"title\": \"Quantized Graph Kernels for Molecule Property Prediction\", \"doi\": \"10.5555/simt.2\", \"published\": \"2020-06-01\"}",
                "{\"title\": \"" + near + "\", \"doi\": \"10.5555/simt.1\", \"published\": \"2021-03-01\"}",
                "{\"arxiv\": \"2102.00990\", \"title\": \"Contrastive Speech Encoders for Low Resource Recognition\", \"published\": \"2021-02-10\", \"cites\": [\"10.5555/simt.1\"]}");
        List<String> expected = convert(in);
        assertEquals(1, similarLinks(expected), "convert links the DOI-only record by a similar title: " + expected);
        String arxivPaper = "<" + Iris.DEFAULT_BASE + "paper/arxiv/2101.00417>";
        assertTrue(expected.stream().anyMatch(l -> l.contains("ontology#matchedPaper> " + arxivPaper)),
                "the DOI-only record is matched to the arXiv paper: " + expected);
        assertSame(expected, spark(in));
    }

    /**
     * The component's title word counts decide the link. A record with only a title is closer to the second
     * arXiv paper's (three letters apart) than to the first's (four), but convert blocks it on its rarest words,
     * "acorn", "adder" and "agent", which only the first paper's title holds, and links it to that one. A later
     * record with the second paper's DOI and the first paper's title puts both papers in one component; a
     * resolver there ranking words without the counts (alphabetically: "able" first, which both titles hold)
     * would find the closer title and link to the second paper instead.
     */
    @Test
    void theComponentsWordCountsPickTheCandidatesAsInConvert() throws Exception {
        String first = "Able Acorn Adder Agent with Badgers Beacons Bridges Buttons for Long Document Summarization";
        String second = "Able Acorns Adders Agents with Badger Beacon Bridge Button for Long Document Summarization";
        String near = "Able Acorn Adder Agent with Badger Beacon Bridge Button for Long Document Summarization";
        double toFirst = PaperResolver.similarity(Iris.normaliseTitle(near), Iris.normaliseTitle(first));
        double toSecond = PaperResolver.similarity(Iris.normaliseTitle(near), Iris.normaliseTitle(second));
        assertTrue(PaperResolver.DEFAULT_THRESHOLD <= toFirst && toFirst < toSecond, toFirst + " " + toSecond);
        Path in = corpus("blocking.jsonl",
                "{\"arxiv\": \"2101.00417\", \"title\": \"" + first + "\", \"published\": \"2021-01-05\"}",
                "{\"arxiv\": \"2101.00555\", \"doi\": \"10.5555/simt.2\", \"title\": \"" + second + "\", \"published\": \"2021-01-07\"}",
                "{\"title\": \"" + near + "\", \"published\": \"2021-03-01\"}",
                "{\"doi\": \"10.5555/simt.2\", \"title\": \"" + first + "\", \"published\": \"2021-04-01\"}");
        List<String> expected = convert(in);
        assertEquals(1, similarLinks(expected), "convert links the title-only record by a similar title: " + expected);
        assertTrue(expected.stream().anyMatch(l -> l.contains("ontology#matchedPaper> <" + Iris.DEFAULT_BASE + "paper/arxiv/2101.00417>")),
                "to the first paper, whose title holds its rarest words: " + expected);
        assertSame(expected, spark(in));
    }

    /**
     * The words a title is blocked on are ranked by how many titles before it hold them. Here the DOI-only record's
     * three words that the arXiv paper's title lacks ("network", "model", "method") are in no earlier title, so
     * convert blocks on them and finds no candidate; later titles hold them often, so ranked over the whole input
     * they would be the commonest, and a job counting over the whole input would block on the shared words and link
     * the record to the arXiv paper (title-similar, 0.966), which convert does not. The job counts by position.
     */
    @Test
    void wordsCommonOnlyInLaterTitlesBlockAsInConvert() throws Exception {
        String title = "Graph Networks and Sparse Models with Attention Methods for Long Document Summarization";
        String near = "Graph Network and Sparse Model with Attention Method for Long Document Summarization";
        assertTrue(PaperResolver.similarity(Iris.normaliseTitle(title), Iris.normaliseTitle(near)) >= PaperResolver.DEFAULT_THRESHOLD);
        List<String> lines = new ArrayList<>(List.of(
                "{\"arxiv\": \"2101.00417\", \"title\": \"" + title + "\", \"published\": \"2021-01-05\"}",
                "{\"title\": \"" + near + "\", \"doi\": \"10.5555/simt.1\", \"published\": \"2021-03-01\"}"));
        String[] topics = {"Protein Folding", "Traffic Forecasting", "Crop Yield Estimation", "Music Transcription"};
        for (int i = 0; i < topics.length; i++) {
            lines.add("{\"arxiv\": \"2103.0" + (1000 + i) + "\", \"title\": \"A Network Model Method for " + topics[i]
                    + "\", \"published\": \"2021-03-1" + i + "\"}");
        }
        Path in = corpus("later.jsonl", lines.toArray(new String[0]));
        List<String> expected = convert(in);
        assertEquals(0, similarLinks(expected), "convert finds no candidate for the DOI-only record: " + expected);
        assertSame(expected, spark(in));
    }

    /**
     * Near-duplicate titles (a word or two in the plural) under arXiv ids, DOIs or nothing, among titles that share
     * some of their words, in three orders: whichever order, the Spark job links what convert links. The words'
     * counts before each record differ from order to order, and so do the blocking words and the links; the word
     * stream is spread over 16 tasks, so common words' counts cross from one task to the next.
     */
    @Test
    void similarTitlesLinkAsInConvertInEveryOrder() throws Exception {
        java.util.Random random = new java.util.Random(20261207);
        String[] pool = {"graph", "sparse", "attention", "kernel", "prior", "tensor", "robust", "causal", "latent",
                "policy", "spectral", "adaptive", "neural", "network", "model", "method", "transformer", "diffusion",
                "contrastive", "retrieval", "segmentation", "embedding", "gradient", "bandit"};
        List<String> records = new ArrayList<>();
        int doi = 0, arxiv = 0;
        for (int f = 0; f < 8; f++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 7; i++) words.add(pool[random.nextInt(pool.length)]);
            for (int v = 0; v < 3; v++) {
                List<String> variant = new ArrayList<>(words);
                for (int k = 0; k < v; k++) {
                    int i = random.nextInt(variant.size());
                    variant.set(i, variant.get(i) + "s");
                }
                records.add(record(String.join(" ", variant), random.nextInt(3), ++arxiv, ++doi));
            }
            for (int k = 0; k < 3; k++) {
                List<String> other = new ArrayList<>(words.subList(0, 3 + random.nextInt(3)));
                for (int i = 0; i < 3; i++) other.add(pool[random.nextInt(pool.length)]);
                java.util.Collections.shuffle(other, random);
                records.add(record(String.join(" ", other), random.nextInt(3), ++arxiv, ++doi));
            }
        }
        java.util.Set<Long> linkCounts = new java.util.HashSet<>();
        for (int order = 0; order < 3; order++) {
            java.util.Collections.shuffle(records, random);
            Path in = corpus("order" + order + ".jsonl", records.toArray(new String[0]));
            List<String> expected = convert(in);
            long links = similarLinks(expected);
            assertTrue(links > 0, "convert links some records by a similar title: " + expected);
            linkCounts.add(links);
            assertSame(expected, spark(in, "--partitions", "16"));
        }
        assertTrue(linkCounts.size() > 1, "the orders link differently: " + linkCounts);
    }

    /** A paper record: {@code kind} 0 with an arXiv id, 1 with a DOI, 2 with only its title. */
    private static String record(String title, int kind, int arxiv, int doi) {
        String id = switch (kind) {
            case 0 -> "\"arxiv\": \"2104." + (10000 + arxiv) + "\", ";
            case 1 -> "\"doi\": \"10.5555/order." + doi + "\", ";
            default -> "";
        };
        // "cites" (empty) tells the format when the file starts with a record without an arXiv id.
        return "{" + id + "\"title\": \"" + title + "\", \"published\": \"2021-05-01\", \"cites\": []}";
    }
}
