package org.papergraph.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.Converter;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.ShardFolder;
import org.papergraph.ingest.StoreSnapshot;
import org.papergraph.resolve.Iris;

/**
 * The Spark job in local mode against {@code convert} on the same inputs (synthetic papers with citations in two
 * formats, OpenAlex works, Papers with Code leaderboards, a GROBID TEI file citing one by title): the same quads,
 * provenance times aside; the same shards from a second run whose tasks fail once; shards that bulk-load into the
 * store a bulk ingest of the inputs builds.
 */
class SparkConvertTest {
    @TempDir static Path tmp;
    static List<Path> inputs;
    static Path converted;
    static IngestSummary convertSummary;
    static final String TIME = "2024-05-01T12:00:00Z";

    @BeforeAll
    static void convertOnce() throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(400, 7).write(corpus);
        inputs = List.of(corpus, SharedData.path("data/openalex-samples/snapshot/works"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"),
                SharedData.path("data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml/1410.5401.tei.xml"),
                // Full text: a TEI file and a LaTeX source whose tables give results with evidence.
                SharedData.path("data/sota-leaderboards/grobid-tei-2023/train/127/2007.06267v2.tei.xml"),
                SharedData.path("data/sota-leaderboards/clef2024/validation/1803.09454v1/1803.09454v1.tex"));
        converted = tmp.resolve("convert.nq.gz");
        convertSummary = new Converter(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE)
                .convert(inputs, null, converted);
    }

    static int spark(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("convert", "--master", "local[2,2]", "--split-mb", "0.05",
                "--time", TIME, "-q", "-o", out.toString()));
        args.addAll(List.of(extra));
        for (Path p : inputs) args.add(p.toString());
        return SparkMain.run(args.toArray(new String[0]));
    }

    /** Sorted N-Quads lines without provenance times. */
    static List<String> lines(Path... files) throws Exception {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!l.isEmpty() && !l.contains("prov#generatedAtTime")) out.add(l);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static Path[] shards(Path dir) { return ShardFolder.shards(dir).toArray(new Path[0]); }

    @Test
    void sparkWritesTheQuadsConvertWrites() throws Exception {
        Path out = tmp.resolve("spark");
        int status = spark(out);
        assertEquals(convertSummary.rejected() > 0 ? 1 : 0, status);
        assertTrue(ShardFolder.isShardFolder(out));
        assertTrue(shards(out).length > 10, "JSON-lines files were split into many slices");
        List<String> expected = lines(converted), actual = lines(shards(out));
        assertTrue(expected.size() > 50_000, "a real corpus: " + expected.size());
        List<String> missing = new ArrayList<>(expected), extra = new ArrayList<>(actual);
        missing.removeAll(new java.util.HashSet<>(actual));
        extra.removeAll(new java.util.HashSet<>(expected));
        assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " missing, e.g. " + missing.stream().limit(3).toList()
                + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(3).toList());
        assertEquals(expected, actual, "the same quads, each as often");
        assertTrue(actual.stream().filter(l -> l.contains("ontology#fromTable>")).count() > 100, "results read from tables");
        String done = Files.readString(out.resolve(ShardFolder.DONE));
        assertTrue(done.contains("read " + convertSummary.read() + " record(s), stored " + convertSummary.stored()
                + ", rejected " + convertSummary.rejected() + "; " + convertSummary.totalQuads() + " quads"), done);
    }

    @Test
    void aTaskThatFailsHalfWayIsRetriedAndTheShardsAreTheSame() throws Exception {
        Path first = tmp.resolve("first"), second = tmp.resolve("second");
        spark(first);
        // The first attempt of slice 3's extraction writes half a shard and dies; local[2,2] tries it again.
        spark(second, "--fail-first-attempt", "3");
        List<String> a = names(first), b = names(second);
        assertEquals(a, b);
        for (String n : a) assertArrayEquals(Files.readAllBytes(first.resolve(n)), Files.readAllBytes(second.resolve(n)), n);
        assertTrue(b.stream().noneMatch(n -> n.startsWith(".")), "no unfinished shard left: " + b);
    }

    @Test
    void sparkShardsBulkLoadIntoTheStoreOfABulkIngest() throws Exception {
        Path out = tmp.resolve("spark-load");
        spark(out);
        Path direct = tmp.resolve("direct-db"), fromShards = tmp.resolve("shards-db");
        new BulkIngestor(direct, Iris.defaults(), Extractors.defaults(Iris.defaults()), BulkIngestor.DEFAULT_LOADER, IngestListener.NONE)
                .ingest(inputs, null);
        IngestSummary s = new BulkIngestor(fromShards, Iris.defaults(), Extractors.defaults(Iris.defaults()), BulkIngestor.DEFAULT_LOADER,
                IngestListener.NONE).ingest(List.of(out), null);
        assertEquals(convertSummary.stored(), s.stored());
        assertEquals(convertSummary.quads(), s.quads());
        assertEquals(StoreSnapshot.of(direct), StoreSnapshot.of(fromShards));
    }

    /**
     * A byte that is not UTF-8 on line 150 of a JSON-lines file split into several slices: the record is written
     * with U+FFFD in its place, and the warning names the file, the line in the whole file (not in the slice) and
     * the column, as {@code convert} does.
     */
    @Test
    void aBadByteInALaterSliceIsRepairedWithItsLineInTheWholeFile() throws Exception {
        Path json = SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl");
        String word = "Heisenberg Diamond Chains";
        String text = Files.readString(json);
        int at = text.indexOf(word);
        long line = 1 + text.substring(0, at).chars().filter(c -> c == '\n').count();
        long column = text.codePointCount(text.lastIndexOf('\n', at - 1) + 1, at) + 1;
        assertTrue(line > 100, "a line past the first slice: " + line);
        byte[] b = Files.readAllBytes(json);
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        Path bad = tmp.resolve("bad-bytes.jsonl");
        try (OutputStream o = Files.newOutputStream(bad)) {
            o.write(b, 0, byteAt);
            o.write(0xFF);
            o.write(b, byteAt, b.length - byteAt);
        }
        Path out = tmp.resolve("spark-bad-bytes");
        java.io.StringWriter err = new java.io.StringWriter();
        int status = SparkMain.run(new java.io.PrintWriter(err, true), "convert", "--master", "local[2]", "--split-mb", "0.05",
                "--time", TIME, "-q", "-o", out.toString(), bad.toString());
        assertEquals(0, status, err.toString());
        assertTrue(shards(out).length > 3, "the file was split: " + shards(out).length + " shards");
        assertTrue(err.toString().contains("warning: " + bad + ", line " + line + ", column " + column
                + ": a byte that is not UTF-8, replaced by U+FFFD; the record is kept"), err.toString());
        assertEquals(1, err.toString().split("warning: ", -1).length - 1, "one warning: " + err);
        assertTrue(lines(shards(out)).stream().anyMatch(l -> l.contains("\\uFFFD" + word) || l.contains("\uFFFD" + word)),
                "a title with U+FFFD before '" + word + "'");
        String done = Files.readString(out.resolve(ShardFolder.DONE));
        assertTrue(done.contains("read 200 record(s), stored 200, rejected 0"), done);
    }

    @Test
    void lineRangesCoverEveryLineOnce() throws Exception {
        Path f = tmp.resolve("lines.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 200; i++) sb.append("line ").append(i).append(" ").append("x".repeat(i % 17)).append(i % 5 == 0 ? "\r\n" : "\n");
        sb.append("last line without a line feed");
        byte[] all = sb.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(f, all);
        for (int size : new int[] {1, 2, 7, 13, 64, 1000, all.length, all.length + 5}) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            long lines = 0;
            try (var ch = java.nio.channels.FileChannel.open(f)) {
                for (long start = 0; start < all.length; start += size) {
                    SliceInput.LineRange r = new SliceInput.LineRange(ch, start, Math.min(all.length, start + size));
                    joined.write(r.readAllBytes());
                    lines += r.lines();
                }
            }
            assertArrayEquals(all, joined.toByteArray(), "ranges of " + size + " bytes");
            assertEquals(201, lines, "ranges of " + size + " bytes");
        }
    }

    @Test
    void splitSizeGivesEveryTaskSlotSeveralSlices() {
        long mb = 1L << 20;
        // The 20k-paper bench corpus: 54 MB of JSON lines. One slot: 4 slices of 13.5 MB; two: 8 of 6.8 MB.
        long corpus = 29_182_640L + 26_986_938L;
        assertEquals((corpus + 3) / 4, ConvertJob.autoSplitBytes(corpus, 1));
        assertEquals((corpus + 7) / 8, ConvertJob.autoSplitBytes(corpus, 2));
        assertTrue(corpus / ConvertJob.autoSplitBytes(corpus, 2) >= 2 * ConvertJob.SLICES_PER_CORE - 1);
        // Big inputs: 64 MB slices, as many as they need; small ones: not below 1 MB.
        assertEquals(64 * mb, ConvertJob.autoSplitBytes(100_000 * mb, 16));
        assertEquals(mb, ConvertJob.autoSplitBytes(300_000, 2));
        assertEquals(mb, ConvertJob.autoSplitBytes(0, 0));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ShardFolder.DONE)).sorted().toList();
        }
    }

    @SuppressWarnings("unused")
    private static void write(OutputStream o, String s) throws Exception { o.write(s.getBytes(StandardCharsets.UTF_8)); }
}
