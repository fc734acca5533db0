package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.PROV;

/**
 * The packed loader builds the same dataset as Jena's phased loader, in memory and when it sorts on disk, and every
 * one of the store's quad indexes (four since ADR 0017) answers the patterns it serves.
 */
class PackedLoaderTest {
    @TempDir Path tmp;

    private static IngestSummary bulk(Path db, List<Path> inputs, BulkIngestor.Loader loader) {
        return new BulkIngestor(db, Iris.defaults(), Extractors.defaults(Iris.defaults()), loader, IngestListener.NONE)
                .ingest(inputs, null);
    }

    @Test
    void sortingOnDiskGivesThePhasedLoadersDatasetInEveryIndexAndCleansUp() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.Written w = new CorpusGenerator(200, 7).write(corpus);
        List<Path> inputs = List.of(w.arxiv(), w.papers(), w.tables());
        IngestSummary phased = bulk(tmp.resolve("phased"), inputs, BulkIngestor.Loader.PHASED);
        IngestSummary memory = bulk(tmp.resolve("memory"), inputs, BulkIngestor.Loader.PACKED);
        List<String> stages = new ArrayList<>();
        IngestSummary disk;
        PackedLoader.memoryQuadsOverride = 2_000;
        try {
            disk = new BulkIngestor(tmp.resolve("disk"), Iris.defaults(), Extractors.defaults(Iris.defaults()),
                    BulkIngestor.Loader.PACKED, new IngestListener() {
                        @Override public void stage(String what) { stages.add(what); }
                    }).ingest(inputs, null);
        } finally {
            PackedLoader.memoryQuadsOverride = 0;
        }
        assertTrue(phased.quads() > 10 * 2_000, "enough quads for several sorted runs: " + phased);
        assertEquals(phased.quads(), memory.quads());
        assertEquals(phased.quads(), disk.quads());
        assertTrue(stages.stream().anyMatch(s -> s.contains("sorted runs")), "the disk path ran: " + stages);

        Set<Quad> expected = StoreSnapshot.of(tmp.resolve("phased"));
        // Compared without printing the sets: a failure would print a hundred thousand quads.
        for (String db : List.of("memory", "disk")) {
            Set<Quad> got = StoreSnapshot.of(tmp.resolve(db));
            assertEquals(expected.size(), got.size(), db);
            assertTrue(expected.equals(got), db + ": the same quads as the phased loader's");
        }
        // StoreSnapshot reads one index; each pattern below is answered by another (G, S, P, O, GP, GO, SP, PO...).
        // Load times are written as one placeholder in snapshots (StoreSnapshot): no index holds that value.
        List<Quad> sample = new ArrayList<>(expected.stream()
                .filter(q -> !q.getPredicate().equals(PROV.generatedAtTime)).toList());
        sample.sort(Comparator.comparing(Quad::toString));
        Random random = new Random(1);
        try (GraphStore a = GraphStore.open(tmp.resolve("phased"), Iris.defaults());
             GraphStore b = GraphStore.open(tmp.resolve("memory"), Iris.defaults());
             GraphStore c = GraphStore.open(tmp.resolve("disk"), Iris.defaults())) {
            for (int k = 0; k < 40; k++) {
                Quad q = sample.get(random.nextInt(sample.size()));
                for (int mask = 1; mask < 16; mask++) {
                    long want = count(a, q, mask);
                    assertTrue(want > 0, "pattern " + mask + " of " + q + " in the phased store");
                    assertEquals(want, count(b, q, mask), "pattern " + mask + " of " + q);
                    assertEquals(want, count(c, q, mask), "pattern " + mask + " of " + q);
                }
            }
        }
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".bulk-")), "work folders removed");
        }
    }

    /**
     * A packed bulk load killed with SIGKILL while it builds its indexes from sorted runs on disk leaves no store, and
     * the next bulk load into the same folder removes the dead run's folders and builds the same dataset.
     */
    @Test
    void aKilledPackedLoadLeavesNoStoreAndTheNextOneCleansUp() throws Exception {
        // 1,000 papers in runs of 2,000 quads: each index takes long enough to be killed in the middle of.
        CorpusGenerator.Written w = new CorpusGenerator(1_000, 7).write(tmp.resolve("corpus"));
        Path store = tmp.resolve("db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dpapergraph.packedMemoryQuads=2000", "-cp", System.getProperty("java.class.path"),
                "org.papergraph.cli.Main", "ingest", "--bulk", "--store", store.toString(), w.papers().toString());
        pb.redirectErrorStream(true);
        KillTest.Run run = new KillTest.Run(pb.start());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!run.output().contains("building index POSG") && run.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(run.output().contains("building index POSG"), "the child reached its index builds: " + run.output());
        run.process.destroyForcibly();
        run.process.waitFor();
        assertFalse(Files.exists(store), "no store after a killed bulk load");
        try (var files = Files.list(tmp)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("-sort")), "the dead run left its sort folder");
        }

        bulk(store, List.of(w.papers()), BulkIngestor.Loader.PACKED);
        bulk(tmp.resolve("phased"), List.of(w.papers()), BulkIngestor.Loader.PHASED);
        assertTrue(StoreSnapshot.of(tmp.resolve("phased")).equals(StoreSnapshot.of(store)), "the same quads as the phased loader's");
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".bulk-")), "the dead run's folders removed");
        }
    }

    /** Quads matching {@code q} in the positions {@code mask} sets (bit 0 graph, 1 subject, 2 predicate, 3 object). */
    private static long count(GraphStore store, Quad q, int mask) {
        DatasetGraph dsg = store.datasetGraph();
        Node g = (mask & 1) != 0 ? q.getGraph() : Node.ANY, s = (mask & 2) != 0 ? q.getSubject() : Node.ANY,
                p = (mask & 4) != 0 ? q.getPredicate() : Node.ANY, o = (mask & 8) != 0 ? q.getObject() : Node.ANY;
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (var it = dsg.find(g, s, p, o); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    @Test
    void tupleSortOrdersByTheGivenColumnsAsUnsignedNumbersOnOneThreadAndOnSeveral() {
        for (int n : new int[] {5_000, 3 * TupleSort.PARALLEL_MIN + 17}) {
            Random random = new Random(3);
            long[] t = new long[4 * n];
            for (int k = 0; k < t.length; k++) t[k] = random.nextInt(4) == 0 ? -random.nextInt(5) : random.nextInt(7);
            int[] order = {2, 0, 3, 1};
            long[][] expected = new long[n][];
            for (int k = 0; k < n; k++) {
                expected[k] = new long[] {t[4 * k + order[0]], t[4 * k + order[1]], t[4 * k + order[2]], t[4 * k + order[3]]};
            }
            Arrays.sort(expected, (a, b) -> Arrays.compareUnsigned(a, b));
            if (n < TupleSort.PARALLEL_MIN) {
                TupleSort.sort(t, n, order);
            } else {
                ForkJoinPool pool = new ForkJoinPool(2);
                try {
                    TupleSort.sort(t, n, order, pool);
                } finally {
                    pool.shutdown();
                }
            }
            for (int k = 0; k < n; k++) {
                long[] got = {t[4 * k + order[0]], t[4 * k + order[1]], t[4 * k + order[2]], t[4 * k + order[3]]};
                assertArrayEquals(expected[k], got, n + " tuples: tuple " + k);
            }
        }
    }

    /**
     * The radix sort looks only at the bits that vary in a range: columns that are constant over a range, values that
     * differ only in their top or their bottom bits, inline ids with the sign bit set, long runs of one value, ranges
     * just above and below the insertion-sort size, and tuples that are equal in every column.
     */
    @Test
    void tupleSortOrdersNodeIdsOfEveryShape() {
        Random random = new Random(11);
        for (int shape = 0; shape < 8; shape++) {
            for (int n : new int[] {2, 23, 25, 200, 4_000, TupleSort.PARALLEL_MIN * 2 + 5}) {
                long[] t = new long[4 * n];
                for (int k = 0; k < n; k++) {
                    for (int c = 0; c < 4; c++) t[4 * k + c] = value(shape, c, k, random);
                }
                int[] order = {random.nextInt(4), 0, 0, 0};
                for (int c = 1, v = 0; c < 4; v++) {
                    boolean used = false;
                    for (int u = 0; u < c; u++) used |= order[u] == v % 4;
                    if (!used) order[c++] = v % 4;
                }
                long[][] expected = new long[n][];
                for (int k = 0; k < n; k++) {
                    expected[k] = new long[] {t[4 * k + order[0]], t[4 * k + order[1]], t[4 * k + order[2]], t[4 * k + order[3]]};
                }
                Arrays.sort(expected, (a, b) -> Arrays.compareUnsigned(a, b));
                ForkJoinPool pool = new ForkJoinPool(2);
                try {
                    if (random.nextBoolean()) TupleSort.sort(t, n, order, pool);
                    else TupleSort.sort(t, n, order);
                } finally {
                    pool.shutdown();
                }
                for (int k = 0; k < n; k++) {
                    long[] got = {t[4 * k + order[0]], t[4 * k + order[1]], t[4 * k + order[2]], t[4 * k + order[3]]};
                    assertArrayEquals(expected[k], got, "shape " + shape + ", " + n + " tuples: tuple " + k);
                }
            }
        }
    }

    /** Column {@code c} of tuple {@code k} in a test shape. */
    private static long value(int shape, int c, int k, Random random) {
        return switch (shape) {
            case 0 -> random.nextLong();                                       // every bit varies
            case 1 -> c == 0 ? 42 : random.nextInt(1 << 20);                   // a constant column (one graph)
            case 2 -> (long) random.nextInt(4) << 60 | 7;                      // only the top bits vary
            case 3 -> 0x8400_0000_0000_0000L | random.nextInt(3);              // inline ids: sign bit set, low bits vary
            case 4 -> k / 50;                                                  // long runs of one value
            case 5 -> 5;                                                       // every tuple the same
            case 6 -> random.nextBoolean() ? -1L : random.nextInt(300);        // the extremes of the unsigned order
            default -> (long) random.nextInt(8) << (8 * random.nextInt(8));    // one set byte somewhere
        };
    }

    /** A sorted run holds each distinct tuple once, in order, whatever the size of its numbers, and reads back whole. */
    @Test
    void sortedRunsReadBackTheTuplesWrittenWithoutRepeats() throws Exception {
        Random random = new Random(5);
        int n = 200_000;
        long[] t = new long[4 * n];
        for (int k = 0; k < t.length; k++) {
            t[k] = switch (random.nextInt(4)) {
                case 0 -> random.nextLong();           // inline values: the top bits set
                case 1 -> random.nextInt(3);            // many repeats
                default -> random.nextInt(1 << 30);     // offsets into the node file
            };
        }
        int[] order = {3, 1, 0, 2};
        TupleSort.sort(t, n, order);
        List<long[]> expected = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long[] q = {t[4 * k + 3], t[4 * k + 1], t[4 * k], t[4 * k + 2]};
            if (expected.isEmpty() || !Arrays.equals(expected.get(expected.size() - 1), q)) expected.add(q);
        }
        assertTrue(expected.size() < n, "the input has repeated tuples");
        Path run = tmp.resolve("a.run");
        try (PackedLoader.RunWriter out = new PackedLoader.RunWriter(Files.newOutputStream(run))) {
            for (int k = 0; k < n; k++) out.add(t, 4 * k, order);
        }
        assertTrue(Files.size(run) < 32L * expected.size(), "smaller than 32 bytes a tuple: " + Files.size(run));
        try (PackedLoader.RunReader in = new PackedLoader.RunReader(Files.newInputStream(run))) {
            for (int k = 0; k < expected.size(); k++) {
                assertTrue(in.next(), "tuple " + k + " of " + expected.size());
                assertArrayEquals(expected.get(k), in.head, "tuple " + k);
            }
            assertFalse(in.next(), "nothing after the last tuple");
        }
    }
}
