package org.papergraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.CITO;

/**
 * {@code pgf:coCited} and {@code pgf:coupled} against the plain SPARQL they replace, on a real TDB2 store: a
 * generated corpus (power-law citations, as {@code bench-data} writes it) ingested through the bulk path, plus a
 * second source repeating some citations in other record graphs and a self-citation. For several papers, the whole
 * ranking (counts, and the order of ties) and pages of the named queries (limit and offset, cut inside a group of
 * ties) must equal what the pure-SPARQL queries in {@code src/test/resources/query-reference/} give.
 */
class CitationOverlapTest {
    private static final Iris IRIS = Iris.defaults();
    private static final int PAPERS = 1500;
    @TempDir static Path tmp;
    private static GraphStore store;

    @BeforeAll
    static void buildStore() throws IOException {
        CorpusGenerator.Written corpus = new CorpusGenerator(PAPERS, 11).write(tmp.resolve("corpus"));
        Path db = tmp.resolve("db");
        new BulkIngestor(db, IRIS, Extractors.named(IRIS, List.of("metadata", "citations")), BulkIngestor.DEFAULT_LOADER,
                IngestListener.NONE).ingest(List.of(corpus.papers()), null);
        store = GraphStore.open(db, IRIS);
        // A second source: every 4th paper's citations again (the first half of them) in another record graph, so
        // the same cites triple is in two graphs and must still count once; and one paper citing itself.
        CorpusGenerator gen = new CorpusGenerator(PAPERS, 11);
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < PAPERS; i += 4) {
                CorpusGenerator.Paper p = gen.paper(i);
                Node paper = IRIS.paperByArxiv(p.arxivId);
                Node g = NodeFactory.createURI("https://papergraph.org/id/graph/second-source/" + p.arxivId);
                for (String cited : p.cites.subList(0, p.cites.size() / 2)) dsg.add(g, paper, CITO.cites, IRIS.paperByArxiv(cited));
            }
            Node self = IRIS.paperByArxiv(gen.paper(PAPERS - 1).arxivId);
            dsg.add(NodeFactory.createURI("https://papergraph.org/id/graph/second-source/self"), self, CITO.cites, self);
        });
    }

    @AfterAll
    static void closeStore() {
        if (store != null) store.close();
    }

    /** Papers to ask about: the most-cited ones, a few mid-size and small ones, the self-citing one, one cited by none. */
    private static List<Node> probes() {
        List<Node> out = new ArrayList<>();
        for (Map<String, Node> row : select(store.dataset(), """
                SELECT ?p (COUNT(*) AS ?n) WHERE { ?c <http://purl.org/spar/cito/cites> ?p } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 3""")) {
            out.add(row.get("p"));
        }
        CorpusGenerator gen = new CorpusGenerator(PAPERS, 11);
        for (int i : new int[] {40, 200, 777, PAPERS - 1}) out.add(IRIS.paperByArxiv(gen.paper(i).arxivId));
        out.add(NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/9999.99999"));
        return out;
    }

    @Test
    void rankingsEqualThePlainSparqlCountsOnTdb2() {
        int tiedGroups = 0;
        int rows = 0;
        for (Node p : probes()) {
            for (String kind : List.of("coCited", "coupled")) {
                List<Map<String, Node>> expected = select(store.dataset(), reference(kind, p));
                List<Map<String, Node>> actual = select(store.dataset(), function(kind, p));
                assertEquals(expected, actual, kind + " of " + p);
                rows += actual.size();
                for (int i = 1; i < actual.size(); i++) if (actual.get(i).get("n").equals(actual.get(i - 1).get("n"))) tiedGroups++;
            }
        }
        // The comparison means something only if there are many rows and ties whose order is checked.
        assertTrue(rows > 1000, "rows compared: " + rows);
        assertTrue(tiedGroups > 100, "tied neighbours: " + tiedGroups);
    }

    @Test
    void rankingsEqualThePlainSparqlCountsOnAnyGraph() {
        // The same union graph copied into a plain in-memory graph: the function counts with Graph.find there.
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().getUnionGraph().find().forEachRemaining(copy::add));
        Dataset mem = DatasetFactory.wrap(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(copy));
        for (Node p : probes()) {
            for (String kind : List.of("coCited", "coupled")) {
                assertEquals(select(mem, reference(kind, p)), select(mem, function(kind, p)), kind + " of " + p + " in memory");
            }
        }
    }

    @Test
    void namedQueryPagesEqualThePureSparqlQueries() throws IOException {
        QueryCatalog shipped = QueryCatalog.classpath();
        for (String name : List.of("co-citation", "bibliographic-coupling")) {
            StoredQuery fast = shipped.get(name).orElseThrow();
            StoredQuery plain = StoredQuery.parse(name, Files.readString(Path.of("src/test/resources/query-reference/" + name + ".rq")));
            for (Node p : probes()) {
                // Pages: the default one, short ones starting inside and across groups of equal counts, one past the end.
                for (String[] page : new String[][] {{null, null}, {"10", "0"}, {"7", "3"}, {"5", "11"}, {"25", "40"}, {"3", "100000"}}) {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("paper", p.getURI());
                    if (page[0] != null) params.put("limit", page[0]);
                    if (page[1] != null) params.put("offset", page[1]);
                    assertEquals(csv(plain, params), csv(fast, params), name + " " + params);
                }
            }
        }
    }

    @Test
    void theSparqlEndpointKnowsTheFunctions() throws Exception {
        // Fuseki runs the shipped query text as a client sends it: same rows as in process.
        StoredQuery q = QueryCatalog.classpath().get("co-citation").orElseThrow();
        Map<String, String> params = Map.of("paper", probes().get(0).getURI(), "limit", "20");
        String text = QueryRunner.prepare(q, params).serialize();
        try (Server server = Server.builder(store).port(0).build().start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.queryUrl(text)))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(csv(q, params), r.body());
            assertEquals(21, r.body().lines().count(), r.body());
        }
    }

    @Test
    void anUnboundPaperIsAnError() {
        QueryExecException e = assertThrows(QueryExecException.class, () -> select(store.dataset(),
                "SELECT * { ?p <" + PaperFunctions.CO_CITED + "> (?other ?n) }"));
        assertTrue(e.getMessage().contains("subject bound"), e.getMessage());
    }

    @Test
    void boundObjectsFilterTheRows() {
        Node top = probes().get(0);
        List<Map<String, Node>> all = select(store.dataset(), function("coCited", top));
        Map<String, Node> third = all.get(2);
        List<Map<String, Node>> one = select(store.dataset(), "SELECT ?n { <" + top.getURI() + "> <" + PaperFunctions.CO_CITED
                + "> (<" + third.get("other").getURI() + "> ?n) }");
        assertEquals(List.of(Map.of("n", third.get("n"))), one);
    }

    private static String reference(String kind, Node p) {
        String where = kind.equals("coCited")
                ? "?c <http://purl.org/spar/cito/cites> <" + p.getURI() + "> , ?other ."
                : "<" + p.getURI() + "> <http://purl.org/spar/cito/cites> ?r . ?other <http://purl.org/spar/cito/cites> ?r .";
        return "SELECT ?other (COUNT(*) AS ?n) { " + where + " FILTER(?other != <" + p.getURI() + ">) } GROUP BY ?other ORDER BY DESC(?n) ?other";
    }

    private static String function(String kind, Node p) {
        return "SELECT ?other ?n { <" + p.getURI() + "> <" + PaperFunctions.NS + kind + "> (?other ?n) }";
    }

    private static List<Map<String, Node>> select(Dataset ds, String q) {
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                List<Map<String, Node>> out = new ArrayList<>();
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, Node> row = new LinkedHashMap<>();
                    for (String v : rs.getResultVars()) if (s.get(v) != null) row.put(v, s.get(v).asNode());
                    out.add(row);
                }
                return out;
            }
        });
    }

    private static String csv(StoredQuery q, Map<String, String> params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner().run(store.dataset(), q, params, ResultFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
