package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * Kills {@code papergraph ingest}, run as a child JVM, with SIGKILL at several points and checks the store after
 * each kill: it opens, it holds exactly whole committed batches (the first N lines of the file, N a multiple of
 * the batch size), and running the same ingest again ends at the same quad count as a run never interrupted.
 */
class KillTest {
    static final int PAPERS = 600;
    static final int BATCH = 50;
    /** Kill points as fractions of an uninterrupted run's time after the file starts being read. */
    static final double[] KILL_AT = {0.0, 0.2, 0.5, 0.8};

    @TempDir Path tmp;

    @Test
    void killedIngestLeavesWholeBatchesAndResumesToTheSameGraph() throws Exception {
        Path input = SyntheticPapers.write(tmp.resolve("papers.jsonl"), PAPERS);

        Path reference = tmp.resolve("reference");
        Run full = start(reference, input);
        full.awaitReading();
        long t0 = System.nanoTime();
        assertEquals(0, full.process.waitFor(), full.output());
        long fullMillis = (System.nanoTime() - t0) / 1_000_000;
        long referenceQuads;
        try (GraphStore s = GraphStore.open(reference, Iris.defaults())) {
            assertEquals(PAPERS, SyntheticPapers.committed(s).graphs());
            referenceQuads = s.size();
        }

        Path store = tmp.resolve("killed");
        List<String> report = new ArrayList<>();
        int partial = 0;
        for (double at : KILL_AT) {
            Run run = start(store, input);
            run.awaitReading();
            long delay = (long) (at * fullMillis);
            boolean exited = run.process.waitFor(delay, TimeUnit.MILLISECONDS);
            run.process.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no finally blocks
            run.process.waitFor();
            try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
                SyntheticPapers.Committed c = SyntheticPapers.committed(s);
                report.add(String.format("kill %d ms after reading started (%.0f%% of a full run%s): %d record graphs, lines %d..%d",
                        delay, at * 100, exited ? ", but it had finished" : "", c.graphs(), c.minLine(), c.maxLine()));
                assertTrue(c.wholeBatchesInOrder(BATCH, PAPERS), "not whole batches after a kill: " + c + "\n" + run.output());
                if (c.graphs() > 0 && c.graphs() < PAPERS) partial++;
            }
        }
        Run resume = start(store, input);
        assertEquals(0, resume.process.waitFor(), resume.output());
        try (GraphStore s = GraphStore.open(store, Iris.defaults())) {
            assertEquals(PAPERS, SyntheticPapers.committed(s).graphs());
            assertEquals(referenceQuads, s.size(), "quads after kills and a re-run differ from an uninterrupted run");
        }
        report.forEach(l -> System.out.println("KillTest: " + l));
        System.out.println("KillTest: uninterrupted run " + fullMillis + " ms, " + referenceQuads + " quads; after the kills "
                + "and one full re-run the store has the same " + referenceQuads + " quads");
        assertTrue(partial > 0, "no kill landed in the middle of the ingest, so nothing was tested: " + report);
    }

    /** A child JVM running the ingest, its merged output collected by a thread. */
    static final class Run {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final CountDownLatch reading = new CountDownLatch(1);

        Run(Process p) {
            this.process = p;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.append(line).append('\n');
                        if (line.startsWith("reading ")) reading.countDown();
                    }
                } catch (IOException e) {
                    // the process was killed; what was read is kept
                }
                reading.countDown();
            }, "child-output");
            t.setDaemon(true);
            t.start();
        }

        void awaitReading() throws InterruptedException {
            assertTrue(reading.await(120, TimeUnit.SECONDS), "the child never started reading: " + output());
        }

        String output() { return out.toString(); }
    }

    static Run start(Path store, Path input) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.papergraph.cli.Main", "ingest", "--store", store.toString(), "--batch", Integer.toString(BATCH),
                input.toString());
        pb.redirectErrorStream(true);
        return new Run(pb.start());
    }
}
