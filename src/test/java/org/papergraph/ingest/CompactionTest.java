package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;
import org.papergraph.store.StoreLayout;

/**
 * Compaction (issue 21): re-ingesting the seed listing four times leaves the store at most 1.5 times the size of one
 * ingest, with the same quads and a text index that still finds them; a compaction killed at any point leaves a
 * store that opens with the same quads.
 */
public class CompactionTest {
    @TempDir Path tmp;

    /**
     * Quads as an order-free fingerprint: count and a sum of hashes of their text, the time of each ingest in the
     * metadata graph left out of the sum (a re-ingest records a new one).
     */
    record Fingerprint(long quads, long hash) {}

    static Fingerprint fingerprint(GraphStore s) {
        return Txn.calculateRead(s.datasetGraph(), () -> {
            long n = 0, h = 0;
            var it = s.datasetGraph().find();
            while (it.hasNext()) {
                Quad q = it.next();
                n++;
                if (q.getObject().isLiteral() && XSDDatatype.XSDdateTime.getURI().equals(q.getObject().getLiteralDatatypeURI())) continue;
                h += (q.getGraph() + " " + q.getSubject() + " " + q.getPredicate() + " " + q.getObject()).hashCode() * 0x9E3779B97F4A7C15L;
            }
            return new Fingerprint(n, h);
        });
    }

    /** Bytes the folder takes as {@code du} counts them (allocated blocks), or -1 without GNU du. */
    static long du(Path dir) {
        try {
            Process p = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? Long.parseLong(out.split("\\s+")[0]) : -1;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    private static long textHits(GraphStore s, String word) {
        String q = "PREFIX text: <http://jena.apache.org/text#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p text:query (dcterms:title \"" + word + "\") }";
        return Txn.calculateRead(s.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(s.dataset()).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void fourIngestsOfTheListingStayWithinOneAndAHalfOfOne() throws Exception {
        Path once = tmp.resolve("once");
        Path four = tmp.resolve("four");
        Path plain = tmp.resolve("four-without-compaction");
        Fingerprint one;
        long oneBytes, oneDu;
        try (GraphStore s = GraphStore.open(once, Iris.defaults())) {
            ingest(s, true);
            one = fingerprint(s);
        }
        oneBytes = Compaction.diskBytes(once);
        oneDu = du(once);
        List<String> runs = new ArrayList<>();
        try (GraphStore s = GraphStore.open(four, Iris.defaults());
             GraphStore p = GraphStore.open(plain, Iris.defaults())) {
            long transformer = -1;
            for (int i = 1; i <= 4; i++) {
                Ingestor in = ingest(s, true);
                if (i <= 2) ingest(p, false);
                runs.add("ingest " + i + ": " + Compaction.diskBytes(four) + " bytes"
                        + (in.compaction() == null ? "" : " after " + in.compaction()));
                if (transformer < 0) transformer = textHits(s, "transformer");
            }
            assertEquals(one, fingerprint(s), "four ingests and compactions changed the quads");
            assertEquals(one, fingerprint(p));
            assertTrue(transformer > 0);
            assertEquals(transformer, textHits(s, "transformer"), "the text index lost or doubled documents");
        }
        long fourBytes = Compaction.diskBytes(four);
        long fourDu = du(four);
        long plainBytes = Compaction.diskBytes(plain);
        System.out.println("CompactionTest: one ingest " + oneBytes + " bytes (du " + oneDu + "); four with compaction "
                + fourBytes + " (du " + fourDu + "), two without " + plainBytes + " (du " + du(plain) + ")\n  " + String.join("\n  ", runs));
        assertTrue(fourBytes <= 1.5 * oneBytes, "four ingests: " + fourBytes + " bytes against " + oneBytes + " for one\n" + runs);
        if (oneDu > 0) assertTrue(fourDu <= 1.5 * oneDu, "du: four ingests " + fourDu + " against " + oneDu);
        // Without compaction two of the same ingests grow past the bound already: the test measures something.
        assertTrue(plainBytes > 1.5 * oneBytes, "without compaction the store grew only to " + plainBytes);
        try (Stream<Path> gens = Files.list(four)) {
            assertEquals(1, gens.filter(x -> x.getFileName().toString().startsWith("Data-")).count(), "old generations left behind");
        }
    }

    private static Ingestor ingest(GraphStore s, boolean compact) {
        Ingestor in = new Ingestor(s, Extractors.defaults(s.iris()), Ingestor.DEFAULT_BATCH, IngestListener.NONE);
        if (compact) in.compactAtEnd(Compaction.Gate.NONE);
        in.ingest(List.of(SharedData.listing()), null);
        return in;
    }

    @Test
    void aKilledCompactionLeavesAStoreThatOpensWithTheSameQuads() throws Exception {
        Path input = SyntheticPapers.write(tmp.resolve("papers.jsonl"), 2000);
        Path store = tmp.resolve("store");
        Fingerprint before;
        try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
            new Ingestor(s, Extractors.defaults(s.iris()), 100, IngestListener.NONE).ingest(List.of(input), null);
            new Ingestor(s, Extractors.defaults(s.iris()), 100, IngestListener.NONE).ingest(List.of(input), null);
            before = fingerprint(s);
            assertTrue(s.estimate().garbageShare() > 0.5, s.estimate().toString());
        }
        // One full compaction of a copy, to time it.
        Path copy = tmp.resolve("copy");
        copyTree(store, copy);
        long t0 = System.nanoTime();
        Run full = compact(copy);
        assertEquals(0, full.process.waitFor(), full.output());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        List<String> report = new ArrayList<>();
        int partial = 0;
        for (double at : new double[] {0.3, 0.6, 0.9}) {
            Run run = compact(store);
            boolean exited = run.process.waitFor((long) (at * millis), TimeUnit.MILLISECONDS);
            run.process.destroyForcibly();
            run.process.waitFor();
            String out = run.output();
            boolean started = out.contains("compacting: copying");
            boolean done = out.contains("compacted ");
            if (started && !done && !exited) partial++;
            report.add(String.format("kill at %.0f%% of %d ms: %s", at * 100, millis,
                    exited ? "it had finished" : !started ? "before the copy" : done ? "after the switch" : "during the compaction"));
            try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
                assertEquals(before, fingerprint(s), "quads changed after a kill\n" + out);
                assertTrue(s.estimate().quads() == before.quads(), s.estimate().toString());
            }
            try (Stream<Path> entries = Files.list(store)) {
                List<String> names = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList();
                assertEquals(1, names.size(), "after a kill and an open: " + names);
            }
        }
        System.out.println("CompactionTest: " + String.join("; ", report));
        assertTrue(partial > 0, "no kill landed during a compaction: " + report);
        // And the store still takes an ingest and compacts.
        try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
            Ingestor in = new Ingestor(s, Extractors.defaults(s.iris()), 100, IngestListener.NONE).compactAtEnd(Compaction.Gate.NONE);
            in.ingest(List.of(input), null);
            assertEquals(before.quads(), fingerprint(s).quads());
            assertNotNull(in.compaction(), "an ingest of a store that is mostly garbage did not compact");
            assertNull(new Ingestor(s, Extractors.defaults(s.iris()), 100, IngestListener.NONE).compaction());
        }
    }

    /**
     * ADR 0017: a store made with papergraph's layout has four quad indexes, and a compaction (issue 23) writes the new
     * generation with the same four, not TDB2's default six: in use after the switch, on disk, and after a reopen.
     */
    @Test
    void papergraphCompactKeepsTheLeanLayout() throws Exception {
        Path store = tmp.resolve("lean");
        Fingerprint before;
        long papers;
        try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
            ingest(s, false);
            ingest(s, false);
            assertEquals(List.of(StoreLayout.QUAD_INDEXES), s.quadIndexes());
            before = fingerprint(s);
            papers = paperCount(s);
        }
        assertEquals(Set.of(StoreLayout.QUAD_INDEXES), quadIndexFiles(store));
        Run run = compact(store);
        assertEquals(0, run.process.waitFor(), run.output());
        assertTrue(run.output().contains("compacted "), run.output());
        assertEquals(Set.of(StoreLayout.QUAD_INDEXES), quadIndexFiles(store), "the compacted generation's index files");
        try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
            assertEquals(List.of(StoreLayout.QUAD_INDEXES), s.quadIndexes());
            assertEquals(before, fingerprint(s));
            assertEquals(papers, paperCount(s));
            assertTrue(papers > 100, "papers: " + papers);
            // And it compacts in-process again (what an ingest does at its end), keeping the layout in the open store.
            Compaction.Result r = Compactor.compact(s, Compaction.Gate.NONE, x -> {});
            assertEquals("Data-0003", r.generation());
            assertEquals(List.of(StoreLayout.QUAD_INDEXES), s.quadIndexes());
            assertEquals(papers, paperCount(s));
        }
        assertEquals(Set.of(StoreLayout.QUAD_INDEXES), quadIndexFiles(store));
    }

    /** Distinct papers, found through the object-first index (the union graph, type and class bound). */
    static long paperCount(GraphStore s) {
        String q = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper }";
        return Txn.calculateRead(s.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(s.dataset()).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    /** The quad indexes (four-letter B+tree files) of the store's newest generation. */
    public static Set<String> quadIndexFiles(Path store) throws IOException {
        Path newest;
        try (Stream<Path> gens = Files.list(store)) {
            newest = gens.filter(p -> p.getFileName().toString().matches("Data-\\d+")).max(Path::compareTo).orElseThrow();
        }
        try (Stream<Path> files = Files.list(newest)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[GSPO]{4}\\.bpt"))
                    .map(n -> n.substring(0, 4)).collect(Collectors.toSet());
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock")) Files.copy(p, target);
            }
        }
    }

    static Run compact(Path store) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.papergraph.cli.Main", "compact", "--store", store.toString());
        pb.redirectErrorStream(true);
        return new Run(pb.start());
    }

    /** A child JVM and its merged output. */
    static final class Run {
        final Process process;
        private final StringBuffer out = new StringBuffer();

        Run(Process p) {
            this.process = p;
            Thread t = new Thread(() -> {
                try {
                    var r = p.inputReader();
                    String line;
                    while ((line = r.readLine()) != null) out.append(line).append('\n');
                } catch (IOException e) {
                    // killed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String output() { return out.toString(); }
    }
}
