package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PwcEvaluationTablesReader;
import org.papergraph.source.RecordCollector;
import org.papergraph.source.ReportedResult;
import org.papergraph.store.GraphStore;

/** Real sota-extractor task files (the evaluation-tables shape) through the whole ingest into TDB2. */
class PwcIngestTest {
    @TempDir Path tmp;

    @Test
    void sotaTablesIngestWithOneResultPerDistinctCellAndReingestIsStable() throws Exception {
        List<Path> files = List.of(SharedData.path("data/paperswithcode/sota-extractor-tasks/snli.json"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/ogb.json"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/redditsota.json"));
        List<PaperRecord> records = new ArrayList<>();
        long rejected = 0;
        for (Path f : files) {
            RecordCollector c = RecordCollector.read(new PwcEvaluationTablesReader(), f);
            records.addAll(c.records);
            rejected += c.errors.size();
        }
        Iris iris = Iris.defaults();
        Set<List<String>> cells = new HashSet<>();
        for (PaperRecord r : records) {
            for (ReportedResult rr : r.results()) {
                cells.add(List.of(iris.paper(r).getURI(), Iris.slug(rr.task()), Iris.slug(rr.dataset()),
                        rr.method() == null ? "" : Iris.slug(rr.method()), Iris.slug(rr.metric()), rr.rawValue()));
            }
        }
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), iris)) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(iris), 500, IngestListener.NONE);
            IngestSummary s = ing.ingest(files, null);
            assertEquals(records.size(), s.stored());
            assertEquals(rejected, s.rejected());
            String q = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?p pg:reportsResult ?r . ?r a pg:Result ; pg:metric ?m ; pg:rawValue ?raw }";
            assertEquals(cells.size(), IngestTest.count(store, q));
            assertTrue(cells.size() > 300, "cells: " + cells.size());
            long size = store.size();
            ing.ingest(files, null);
            assertEquals(size, store.size());
        }
    }
}
