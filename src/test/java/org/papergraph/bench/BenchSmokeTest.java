package org.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.cli.Main;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.ingest.StoreSnapshot;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/** CI-sized run of the benchmark pipeline: generate, ingest both ways, compare. No timing assertions. */
class BenchSmokeTest {
    static final int PAPERS = 200;
    @TempDir Path tmp;

    @Test
    void generatedCorpusIngestsTheSameThroughBothPaths() throws Exception {
        CorpusGenerator.Written w = new CorpusGenerator(PAPERS, 7).write(tmp.resolve("corpus"));
        assertEquals(PAPERS, Files.readAllLines(w.papers()).size());
        assertEquals(PAPERS, Files.readAllLines(w.arxiv()).size());

        IngestSummary n;
        try (GraphStore store = GraphStore.open(tmp.resolve("normal"), Iris.defaults())) {
            n = new Ingestor(store, Extractors.defaults(store.iris()), 64, IngestListener.NONE).ingest(List.of(w.papers()), null);
        }
        IngestSummary b = new BulkIngestor(tmp.resolve("bulk"), Iris.defaults(), Extractors.defaults(Iris.defaults()),
                BulkIngestor.DEFAULT_LOADER, IngestListener.NONE).ingest(List.of(w.papers()), null);
        assertEquals(PAPERS, n.stored());
        assertEquals(0, n.rejected());
        assertEquals(PAPERS, b.stored());
        assertEquals(n.quads(), b.quads());
        assertEquals(n.provenance(), b.provenance());
        assertEquals(StoreSnapshot.of(tmp.resolve("normal")), StoreSnapshot.of(tmp.resolve("bulk")));

        // Every citation the generator wrote is a cito:cites edge in the store.
        try (GraphStore store = GraphStore.open(tmp.resolve("bulk"), Iris.defaults())) {
            assertEquals(w.citations(), org.papergraph.ingest.IngestTestAccess.count(store,
                    "PREFIX cito: <http://purl.org/spar/cito/> SELECT (COUNT(*) AS ?n) WHERE { ?a cito:cites ?b }"));
        }

        // The arXiv snapshot file is detected and read by the arXiv reader, every line a record.
        try (GraphStore store = GraphStore.open(tmp.resolve("arxiv"), Iris.defaults())) {
            IngestSummary a = new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE)
                    .ingest(List.of(w.arxiv()), null);
            assertEquals(PAPERS, a.stored());
            assertEquals(0, a.rejected());
        }
    }

    @Test
    void sameSeedSameBytesAndTablesHaveTheEvaluationTablesShape() throws Exception {
        CorpusGenerator.Written a = new CorpusGenerator(PAPERS, 11).write(tmp.resolve("a"));
        CorpusGenerator.Written b = new CorpusGenerator(PAPERS, 11).write(tmp.resolve("b"));
        CorpusGenerator.Written c = new CorpusGenerator(PAPERS, 12).write(tmp.resolve("c"));
        assertArrayEquals(Files.readAllBytes(a.papers()), Files.readAllBytes(b.papers()));
        assertArrayEquals(Files.readAllBytes(a.arxiv()), Files.readAllBytes(b.arxiv()));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a.papers()), Files.readAllBytes(c.papers())));

        JsonNode tables;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(a.tables()))) {
            tables = new ObjectMapper().readTree(in);
        }
        assertTrue(tables.isArray() && tables.size() > 5);
        long rows = 0;
        for (JsonNode task : tables) {
            assertTrue(task.path("task").isTextual());
            for (JsonNode ds : task.path("datasets")) {
                assertTrue(ds.path("dataset").isTextual());
                String metric = ds.path("sota").path("metrics").get(0).asText();
                for (JsonNode row : ds.path("sota").path("rows")) {
                    rows++;
                    assertTrue(row.path("paper_url").asText().startsWith("http://arxiv.org/abs/"));
                    assertTrue(row.path("metrics").path(metric).asText().matches("\\d+(\\.\\d+)?"), row.toString());
                    assertTrue(row.path("model_name").isTextual());
                }
            }
        }
        assertEquals(a.leaderboardRows(), rows);
        assertTrue(rows > PAPERS / 3, "about 60% of papers report a result: " + rows);

        // Abstracts are about 1 KB and name the leaderboard result.
        ObjectMapper m = new ObjectMapper();
        double total = 0;
        for (String line : Files.readAllLines(a.papers())) total += m.readTree(line).path("abstract").asText().length();
        double mean = total / PAPERS;
        assertTrue(mean > 700 && mean < 1400, "mean abstract length " + mean);
    }

    @Test
    void commandLineWritesTheCorpus() throws Exception {
        Path out = tmp.resolve("cli");
        assertEquals(0, Main.run("bench-data", "--papers", "50", "--seed", "3", "--out", out.toString()));
        assertEquals(50, Files.readAllLines(out.resolve(CorpusGenerator.PAPERS_FILE)).size());
        assertEquals(Main.USAGE, Main.run("bench-data", "--papers", "0", "--out", out.toString()));
    }
}
