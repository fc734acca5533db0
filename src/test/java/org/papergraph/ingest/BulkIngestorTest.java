package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.RecordError;
import org.papergraph.store.GraphStore;

class BulkIngestorTest {
    @TempDir Path tmp;

    private static IngestSummary normal(Path db, List<Path> inputs, int batch) {
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            return new Ingestor(store, Extractors.defaults(store.iris()), batch, IngestListener.NONE).ingest(inputs, null);
        }
    }

    private static IngestSummary bulk(Path db, List<Path> inputs, BulkIngestor.Loader loader, IngestListener l) {
        return new BulkIngestor(db, Iris.defaults(), Extractors.defaults(Iris.defaults()), loader, l).ingest(inputs, null);
    }

    @ParameterizedTest
    @EnumSource(BulkIngestor.Loader.class)
    void realFilesGiveTheSameDatasetAsTheNormalPath(BulkIngestor.Loader loader) {
        List<Path> inputs = List.of(SharedData.listing(),
                SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl"));
        IngestSummary n = normal(tmp.resolve("normal"), inputs, 37);
        IngestSummary b = bulk(tmp.resolve("bulk"), inputs, loader, IngestListener.NONE);
        assertEquals(n.stored(), b.stored());
        assertEquals(n.rejected(), b.rejected());
        assertEquals(n.quads(), b.quads());
        assertEquals(n.provenance(), b.provenance());
        assertTrue(b.stored() > 300, "both files read: " + b);
        Set<Quad> a = StoreSnapshot.of(tmp.resolve("normal"));
        Set<Quad> c = StoreSnapshot.of(tmp.resolve("bulk"));
        assertEquals(a.size(), c.size());
        assertEquals(a, c);
        assertFalse(Files.exists(tmp.resolve("bulk.bulk-" + ProcessHandle.current().pid())), "temporary folder moved away");
    }

    @Test
    void badAndDuplicateRecordsAreRejectedWithTheirLineAndTheRestLoaded() throws Exception {
        Path f = tmp.resolve("papers.jsonl");
        Files.writeString(f, """
                {"arxiv": "1706.03762", "title": "Attention Is All You Need", "cites": ["1409.0473"]}
                {"arxiv": "1409.0473", "title": 5}
                {"arxiv": "1706.03762", "title": "Attention Is All You Need (again)"}
                {"arxiv": "1810.04805", "title": "BERT", "cites": ["1706.03762"]}
                """);
        List<RecordError> errors = new ArrayList<>();
        IngestSummary s = bulk(tmp.resolve("db"), List.of(f), BulkIngestor.Loader.PHASED, new IngestListener() {
            @Override public void rejected(RecordError e) { errors.add(e); }
        });
        assertEquals(2, s.stored());
        assertEquals(2, s.rejected());
        assertEquals(2, errors.get(0).position().index());
        assertEquals(3, errors.get(1).position().index());
        assertTrue(errors.get(1).reason().contains("already loaded"), errors.get(1).reason());
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            assertEquals(2, IngestTest.count(store, "PREFIX cito: <http://purl.org/spar/cito/> "
                    + "SELECT (COUNT(*) AS ?n) WHERE { ?a cito:cites ?b }"));
            assertEquals(1, IngestTest.count(store, "PREFIX dcterms: <http://purl.org/dc/terms/> "
                    + "SELECT (COUNT(*) AS ?n) WHERE { <https://papergraph.org/id/paper/arxiv/1706.03762> dcterms:title ?t }"));
        }
    }

    @Test
    void refusesAStoreThatIsNotEmptyAndLeavesItAlone() {
        Path db = tmp.resolve("db");
        normal(db, List.of(SharedData.listing()), 1000);
        Set<Quad> before = StoreSnapshot.of(db);
        IngestException e = assertThrows(IngestException.class,
                () -> bulk(db, List.of(SharedData.listing()), BulkIngestor.Loader.PHASED, IngestListener.NONE));
        assertTrue(e.getMessage().contains("missing or empty"), e.getMessage());
        assertEquals(before, StoreSnapshot.of(db));
    }

    @Test
    void aFailedLoadLeavesNoStore() throws Exception {
        Path db = tmp.resolve("db");
        Path missing = tmp.resolve("missing.jsonl");
        Path unknown = tmp.resolve("unknown.txt");
        Files.writeString(unknown, "\u0001 not a paper format\n");
        assertThrows(IngestException.class,
                () -> bulk(db, List.of(missing), BulkIngestor.Loader.PHASED, IngestListener.NONE));
        // The listing is read and loaded first, then the unknown file fails the whole load.
        IngestException e = assertThrows(IngestException.class,
                () -> bulk(db, List.of(SharedData.listing(), unknown), BulkIngestor.Loader.PHASED, IngestListener.NONE));
        assertTrue(e.getMessage().contains("cannot tell the format"), e.getMessage());
        assertFalse(Files.exists(db), "no store after a failed bulk load");
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("db.bulk-")), "temporary folder removed");
        }
    }
}
