package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * Queries running while an ingest commits batches see a consistent snapshot: whole batches only, the same answer
 * throughout one read transaction, and never fewer records than an earlier query saw.
 */
class ConcurrentSnapshotTest {
    static final int PAPERS = 600;
    static final int BATCH = 50;

    @TempDir Path tmp;

    @Test
    void readersSeeWholeBatchesWhileAnIngestCommits() throws Exception {
        Path input = SyntheticPapers.write(tmp.resolve("papers.jsonl"), PAPERS);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ingestor = new Ingestor(store, Extractors.defaults(store.iris()), BATCH, IngestListener.NONE);
            CompletableFuture<IngestSummary> ingest = CompletableFuture.supplyAsync(() -> ingestor.ingest(List.of(input), null));
            List<String> problems = new ArrayList<>();
            TreeSet<Long> seen = new TreeSet<>();
            long last = 0;
            int queries = 0;
            while (!ingest.isDone() || queries == 0) {
                // Two queries in one read transaction, with a commit likely in between: both must agree.
                SyntheticPapers.Committed[] pair = Txn.calculateRead(store.dataset(), () -> {
                    SyntheticPapers.Committed a = SyntheticPapers.committedInTxn(store);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SyntheticPapers.Committed[] {a, SyntheticPapers.committedInTxn(store)};
                });
                queries++;
                SyntheticPapers.Committed c = pair[0];
                if (!c.equals(pair[1])) problems.add("one read transaction saw " + c + " then " + pair[1]);
                if (!c.wholeBatchesInOrder(BATCH, PAPERS)) problems.add("not whole batches: " + c);
                if (c.graphs() < last) problems.add("count went down from " + last + " to " + c.graphs());
                last = c.graphs();
                seen.add(c.graphs());
            }
            assertEquals(PAPERS, ingest.get().stored());
            System.out.println("ConcurrentSnapshotTest: " + queries + " read transactions during the ingest saw counts " + seen);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            // Otherwise the reads did not overlap the commits and nothing was tested.
            assertTrue(seen.size() >= 3, "reads saw too few distinct states: " + seen);
        }
    }
}
