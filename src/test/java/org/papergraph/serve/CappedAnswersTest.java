package org.papergraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * Answers read ahead by the endpoint ({@link CappedQueryProcessor}) come back whole at every size around the rows it
 * holds in memory: an answer of exactly {@link CappedQueryProcessor#IN_MEMORY_ROWS} rows was a 500 (found at 100k
 * papers, where a dataset's results query gave that many).
 */
class CappedAnswersTest {
    @TempDir Path tmp;

    @Test
    void answersAroundTheInMemoryRowsComeBackWhole() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            Server s = Server.builder(store).port(0).timeout(Duration.ofSeconds(60)).build().start();
            try {
                long total = rows(s, "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 100000");
                int m = CappedQueryProcessor.IN_MEMORY_ROWS;
                assertTrue(total > m + 1, "the listing's store is too small for this test: " + total + " quads");
                for (long n : new long[] {m - 1, m, m + 1, Math.min(total, 2L * m + 7)}) {
                    assertEquals(n, rows(s, "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT " + n), "LIMIT " + n);
                }
            } finally {
                s.stop();
            }
        }
    }

    /** Rows of the answer as CSV (the header line aside); fails on any status but 200. */
    private static long rows(Server s, String query) throws Exception {
        HttpResponse<String> r = EndpointAndCompactionTest.get(s.queryUrl(query), "text/csv");
        assertEquals(200, r.statusCode(), r.body().length() > 500 ? r.body().substring(0, 500) : r.body());
        return r.body().lines().count() - 1;
    }
}
