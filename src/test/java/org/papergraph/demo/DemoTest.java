package org.papergraph.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.ingest.IngestException;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.store.StoreException;

class DemoTest {
    static final String TEST_CORPUS = "demo-test/";
    @TempDir Path tmp;

    static List<QuerySolution> select(GraphStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
                List<QuerySolution> rows = new java.util.ArrayList<>();
                qe.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    @Test
    void indexListsResourcesRelativeOrFullWithOptionalFormat() {
        List<Demo.Entry> e = Demo.entries(TEST_CORPUS);
        assertEquals(List.of(new Demo.Entry("demo-test/listing-a.txt", null), new Demo.Entry("demo-test/listing-b.txt", "listing")), e);
    }

    @Test
    void missingIndexOrResourceIsAClearError() {
        IngestException none = assertThrows(IngestException.class, () -> Demo.entries("no-such-corpus/"));
        assertTrue(none.getMessage().contains("no-such-corpus/index.txt"), none.getMessage());
        IngestException bad = assertThrows(IngestException.class, () -> Demo.entries("demo-test-bad/"));
        assertTrue(bad.getMessage().contains("line 1") && bad.getMessage().contains("demo-test-bad/missing.txt"), bad.getMessage());
    }

    @Test
    void ingestsEveryListedResourceThroughTheIngestor() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            IngestSummary s = Demo.ingest(store, TEST_CORPUS, IngestListener.NONE);
            assertEquals(2, s.files());
            assertEquals(4, s.stored());
            assertEquals(0, s.rejected());
            List<QuerySolution> rows = select(store, "PREFIX pg: <https://papergraph.org/ontology#> "
                    + "PREFIX dcterms: <http://purl.org/dc/terms/> "
                    + "SELECT ?title ?file WHERE { ?p a pg:Paper ; dcterms:title ?title . "
                    + "GRAPH <https://papergraph.org/id/graph/meta> { ?g pg:describes ?p ; pg:sourceFile ?file } } ORDER BY ?title");
            assertEquals(List.of("Adam: A Method for Stochastic Optimization",
                    "Attention Is All You Need",
                    "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
                    "Deep Residual Learning for Image Recognition"),
                    rows.stream().map(r -> r.getLiteral("title").getString()).toList());
            assertEquals("classpath:demo-test/listing-b.txt", rows.get(0).getLiteral("file").getString());
        }
    }

    @Test
    void rebuildsAnEarlierDemoStore() throws Exception {
        Path dir = tmp.resolve("demo");
        Demo.prepareStore(dir);  // missing: nothing to do
        long size;
        try (GraphStore store = GraphStore.open(dir, Iris.defaults())) {
            Demo.markStore(dir);
            Demo.ingest(store, TEST_CORPUS, IngestListener.NONE);
            size = store.size();
        }
        Demo.prepareStore(dir);
        assertFalse(Files.exists(dir), "the earlier demo store is deleted");
        try (GraphStore store = GraphStore.open(dir, Iris.defaults())) {
            Demo.markStore(dir);
            Demo.ingest(store, TEST_CORPUS, IngestListener.NONE);
            assertEquals(size, store.size());
        }
    }

    @Test
    void refusesToDeleteAnythingElse() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        StoreException e = assertThrows(StoreException.class, () -> Demo.prepareStore(other));
        assertTrue(e.getMessage().contains("not a papergraph store"), e.getMessage());
        assertTrue(Files.exists(other.resolve("notes.txt")));

        Path real = tmp.resolve("real");
        try (GraphStore store = GraphStore.open(real, Iris.defaults())) {
            Demo.ingest(store, TEST_CORPUS, IngestListener.NONE);
        }
        StoreException e2 = assertThrows(StoreException.class, () -> Demo.prepareStore(real));
        assertTrue(e2.getMessage().contains("did not make"), e2.getMessage());
        try (GraphStore store = GraphStore.open(real, Iris.defaults())) {
            assertTrue(store.size() > 0, "the store the demo did not make is untouched");
        }

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Demo.prepareStore(empty);
        assertTrue(Files.isDirectory(empty));
    }
}
