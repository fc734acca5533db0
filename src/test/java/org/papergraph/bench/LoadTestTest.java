package org.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.query.StoredQuery;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;

/** CI smoke run of the load test (tiny synthetic store, 2 clients, 2 s; no timing assertions) and its guards. */
class LoadTestTest {
    @TempDir Path tmp;

    @Test
    void smokeRunServesEveryRequestWithoutErrors() throws Exception {
        Path corpus = tmp.resolve("papers.jsonl");
        SyntheticPapers.write(corpus, 400, 3);
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 500, IngestListener.NONE).ingest(List.of(corpus), null);
            assertEquals(0, s.rejected(), s.toString());
            try (Server server = Server.builder(store).port(0).build().start()) {
                LoadTest.Settings settings = new LoadTest.Settings(URI.create(server.sparqlUrl()), 2, Duration.ofSeconds(2),
                        LoadTest.queries(null), 5, ProcessHandle.current().pid());
                LoadTest.Report r = LoadTest.run(settings);
                StringWriter text = new StringWriter();
                r.print(new PrintWriter(text));
                assertEquals(0, r.errors(), text.toString());
                assertTrue(r.served() > 0, text.toString());
                assertTrue(r.p50Micros() > 0 && r.p99Micros() >= r.p50Micros(), text.toString());
                assertTrue(r.maxRssKiB() > 0, text.toString());
                assertTrue(text.toString().contains("requests served: " + r.served()), text.toString());
            }
        }
    }

    @Test
    void everyCannedQueryInstantiatesToValidSparql() {
        List<StoredQuery> all = LoadTest.queries(null);
        assertTrue(all.size() >= 10, "only " + all.size() + " queries");
        var paper = NodeFactory.createURI(Iris.DEFAULT_BASE + "paper/arxiv/1501.00001");
        for (StoredQuery q : all) {
            String text = LoadTest.instantiate(q, List.of(paper), new Random(1));
            var parsed = QueryFactory.create(text);
            for (StoredQuery.Param p : q.params()) {
                // Optional paper parameters too: the prepared text always parses, so none is left unbound.
                if (p.description().contains("paper IRI")) {
                    assertTrue(text.contains("<" + paper.getURI() + ">"), q.name() + " left ?" + p.name() + " unbound:\n" + text);
                }
            }
            if (parsed.isSelectType()) {
                Query page = org.papergraph.query.QueryRunner.pagedLevel(parsed);
                assertTrue(page.hasLimit(), q.name() + ":\n" + text);
            }
        }
    }

    @Test
    void refusesHostsOtherThanThisMachine() {
        for (String url : List.of("http://192.0.2.1:3030/papergraph/sparql", "http://10.0.0.1/papergraph/sparql",
                "https://127.0.0.1:3030/papergraph/sparql", "file:///etc/passwd")) {
            assertThrows(IllegalArgumentException.class, () -> LoadTest.requireLoopback(URI.create(url)), url);
        }
        LoadTest.requireLoopback(URI.create("http://127.0.0.1:3030/papergraph/sparql"));
        LoadTest.requireLoopback(URI.create("http://[::1]:3030/papergraph/sparql"));
    }

    @Test
    void syntheticCorpusHasDistinctIdsAndTitlesAndCitesEarlierPapers() throws Exception {
        Path corpus = tmp.resolve("c.jsonl");
        SyntheticPapers.write(corpus, 3000, 9);
        List<String> lines = Files.readAllLines(corpus);
        assertEquals(3000, lines.size());
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (String line : lines) {
            var o = org.apache.jena.atlas.json.JSON.parse(line);
            String id = o.get("arxiv").getAsString().value();
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(titles.add(o.get("title").getAsString().value()));
            for (var c : o.get("cites").getAsArray()) assertTrue(ids.contains(c.getAsString().value()), id + " cites a later paper");
        }
        assertEquals(lines, Files.readAllLines(corpus), "same seed, same file");
        Path again = tmp.resolve("again.jsonl");
        SyntheticPapers.write(again, 3000, 9);
        assertEquals(lines, Files.readAllLines(again));
    }
}
