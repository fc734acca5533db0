package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.papergraph.ingest.IngestTest.count;

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
import org.papergraph.store.GraphStore;

/** The arXiv readers end to end: detection, extraction and a real TDB2 store. */
class ArxivIngestTest {
    static final String PAPERS = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper }";

    @TempDir Path tmp;

    @Test
    void snapshotSampleStores200PapersAndReingestKeepsTheTripleCount() {
        Path jsonl = SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl");
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 64, IngestListener.NONE);
            IngestSummary s1 = ing.ingest(List.of(jsonl), null);
            assertEquals(200, s1.stored());
            assertEquals(0, s1.rejected());
            assertEquals(200, count(store, PAPERS));
            long size = store.size();
            IngestSummary s2 = ing.ingest(List.of(jsonl), null);
            assertEquals(200, s2.stored());
            assertEquals(size, store.size());
            assertEquals(200, count(store, PAPERS));
            // The first record's facts reach the graph: DOI, first-version date and the four authors in order.
            assertEquals(1, count(store, "PREFIX pg: <https://papergraph.org/ontology#> "
                    + "PREFIX dct: <http://purl.org/dc/terms/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
                    + "SELECT (COUNT(*) AS ?n) WHERE { ?p pg:arxivId \"0704.0001\" ; pg:doi ?d ; "
                    + "dct:issued \"2007-04-02\"^^xsd:date }"));
            List<String> authors = Txn.calculateRead(store.dataset(), () -> {
                String q = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                        + "SELECT ?name WHERE { ?p pg:arxivId \"0704.0001\" ; pg:authorship ?s . "
                        + "?s pg:position ?i ; pg:author/foaf:name ?name } ORDER BY ?i";
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                    List<String> out = new ArrayList<>();
                    qe.execSelect().forEachRemaining(row -> out.add(row.getLiteral("name").getString()));
                    return out;
                }
            });
            assertEquals(List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"), authors);
        }
    }

    @Test
    void atomFixturesMeetTheSnapshotInOneStore() {
        Path dir = SharedData.path("data/arxiv-api-atom");
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 5, IngestListener.NONE);
            IngestSummary s = ing.ingest(List.of(dir.resolve("xiv_cs.RO_neural_2025-10.xml"),
                    dir.resolve("zoia_id_list_1601.00001_2020-09.xml"), dir.resolve("arxiv-digest_all_nicotine_2026-07.xml"),
                    dir.resolve("xiv_empty.xml")), null);
            assertEquals(13, s.stored());
            assertEquals(0, s.rejected());
            assertEquals(13, count(store, PAPERS));
        }
    }
}
