package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.RecordError;
import org.papergraph.store.GraphStore;

class IngestTest {
    @TempDir Path tmp;

    static long count(GraphStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void listingIngestsAndReingestChangesNoCount() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 50, IngestListener.NONE);
            IngestSummary s1 = ing.ingest(List.of(SharedData.listing()), null);
            assertEquals(132, s1.stored());
            assertEquals(0, s1.rejected());
            String papers = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper }";
            assertEquals(132, count(store, papers));
            long size1 = store.size();
            IngestSummary s2 = ing.ingest(List.of(SharedData.listing()), null);
            assertEquals(132, s2.stored());
            assertEquals(size1, store.size());
            assertEquals(132, count(store, papers));
            // Each record has its own named graph and a provenance entry in the metadata graph.
            assertEquals(132, count(store, "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?g) AS ?n) "
                    + "WHERE { GRAPH <https://papergraph.org/id/graph/meta> { ?g a pg:RecordGraph ; pg:sourceIndex ?i ; pg:extractors ?set . ?set a pg:ExtractorSet ; <http://www.w3.org/ns/prov#hadMember> ?x } }"));
        }
    }

    @Test
    void storeSurvivesReopen() {
        Path db = tmp.resolve("db");
        long size;
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            size = store.size();
        }
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            assertEquals(size, store.size());
        }
    }

    @Test
    void badRecordsAreCountedAndTheRestStored() throws Exception {
        String abs = "word ".repeat(80).strip() + ".";
        Path f = tmp.resolve("l.txt");
        Files.writeString(f, "Chrome\n\nOne\n\n" + abs + "\n\nLonely\n\nTwo\n\n" + abs + "\n");
        List<RecordError> errors = new ArrayList<>();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 10, new IngestListener() {
                @Override public void rejected(RecordError e) { errors.add(e); }
            }).ingest(List.of(f), null);
            assertEquals(3, s.read());
            assertEquals(2, s.stored());
            assertEquals(1, s.rejected());
            assertTrue(errors.get(0).toString().contains("l.txt, line 7"), errors.toString());
        }
    }

    @Test
    void unknownFormatAndMissingFileAreClearErrors() throws Exception {
        Path f = tmp.resolve("x.bin");
        Files.write(f, new byte[] {1, 2, 3});
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 10, IngestListener.NONE);
            IngestException e = assertThrows(IngestException.class, () -> ing.ingest(List.of(f), null));
            assertTrue(e.getMessage().contains("--format"), e.getMessage());
            IngestException e2 = assertThrows(IngestException.class, () -> ing.ingest(List.of(tmp.resolve("nope")), null));
            assertTrue(e2.getMessage().contains("no such file"), e2.getMessage());
        }
    }

    @Test
    void foldersSkipDocumentationAndUnknownFormats() throws Exception {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(SharedData.listing(), dir.resolve("sub/listing.txt"));
        Files.writeString(dir.resolve("SOURCE.md"), "# About\n\nThis folder holds a listing.\n");
        Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 3});
        List<String> skipped = new ArrayList<>();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 100, new IngestListener() {
                @Override public void fileSkipped(String file, String reason) { skipped.add(file); }
            }).ingest(List.of(dir), null);
            assertEquals(1, s.files());
            assertEquals(132, s.stored());
            assertEquals(0, s.rejected());
            assertEquals(1, skipped.size());
            assertTrue(skipped.get(0).endsWith("blob.bin"), skipped.toString());
        }
    }

    @Test
    void nonStoreFolderIsRefused() throws Exception {
        Path d = tmp.resolve("notastore");
        Files.createDirectories(d);
        Files.writeString(d.resolve("hello.txt"), "hi");
        assertThrows(org.papergraph.store.StoreException.class, () -> GraphStore.open(d, Iris.defaults()));
    }
}
