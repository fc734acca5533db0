package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryRunner;
import org.papergraph.query.StoredQuery;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.source.SourcePosition;
import org.papergraph.store.GraphStore;
import org.papergraph.store.RecordQuads;
import org.papergraph.vocab.PG;

/**
 * The leaderboard summaries (ADR 0009) against an oracle computed here in Java from the raw result statements:
 * after an ingest of real Papers with Code task files, after a record is rewritten (before and after the summaries
 * are rebuilt), after the store is reopened with summaries left out of date, and after a SPARQL Update through the
 * server. {@code queries/leaderboard.rq} must give the oracle's rows in every state.
 */
class LeaderboardSummaryTest {
    static final String PG_NS = "PREFIX pg: <https://papergraph.org/ontology#>\n";
    @TempDir Path tmp;

    static List<Path> files() {
        return List.of(SharedData.path("data/paperswithcode/sota-extractor-tasks/snli.json"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/ogb.json"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"));
    }

    /** One result: what the oracle needs. */
    record Res(Node result, Node dataset, Node metric, BigDecimal value, boolean lower, Set<Node> papers) {}

    static List<Res> results(GraphStore store) {
        Map<Node, Res> out = new HashMap<>();
        Set<Node> lowerMetrics = new HashSet<>();
        Txn.executeRead(store.datasetGraph(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PG_NS
                    + "SELECT ?m WHERE { ?m pg:lowerIsBetter true FILTER NOT EXISTS { ?m pg:dataset ?d } }").build()) {
                qe.execSelect().forEachRemaining(s -> lowerMetrics.add(s.get("m").asNode()));
            }
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PG_NS
                    + "SELECT ?r ?d ?m ?v ?l ?p WHERE { ?r pg:dataset ?d ; pg:metric ?m ; pg:value ?v . "
                    + "OPTIONAL { ?r pg:lowerIsBetter ?l } OPTIONAL { ?p pg:reportsResult ?r } }").build()) {
                qe.execSelect().forEachRemaining(s -> {
                    Node r = s.get("r").asNode();
                    Res prev = out.get(r);
                    boolean lower = s.contains("l") && s.getLiteral("l").getBoolean();
                    Set<Node> papers = prev == null ? new HashSet<>() : prev.papers();
                    if (s.contains("p")) papers.add(s.get("p").asNode());
                    out.put(r, new Res(r, s.get("d").asNode(), s.get("m").asNode(),
                            new BigDecimal(s.getLiteral("v").getLexicalForm()), lower || (prev != null && prev.lower()), papers));
                });
            }
        });
        List<Res> list = new ArrayList<>();
        for (Res r : out.values()) {
            list.add(lowerMetrics.contains(r.metric()) ? new Res(r.result(), r.dataset(), r.metric(), r.value(), true, r.papers()) : r);
        }
        return list;
    }

    /** (dataset, metric) → "lower|result result ..." : the best results by the rule of leaderboard.rq. */
    static Map<List<Node>, String> oracle(List<Res> all) {
        Map<List<Node>, List<Res>> byBoard = new HashMap<>();
        for (Res r : all) byBoard.computeIfAbsent(List.of(r.dataset(), r.metric()), k -> new ArrayList<>()).add(r);
        Map<List<Node>, String> out = new HashMap<>();
        byBoard.forEach((k, rs) -> {
            boolean lower = rs.stream().anyMatch(Res::lower);
            BigDecimal best = null;
            for (Res r : rs) {
                if (best == null || (lower ? r.value().compareTo(best) < 0 : r.value().compareTo(best) > 0)) best = r.value();
            }
            Set<String> ids = new TreeSet<>();
            for (Res r : rs) if (r.value().compareTo(best) == 0) ids.add(r.result().getURI());
            out.put(k, lower + "|" + String.join(" ", ids));
        });
        return out;
    }

    /** The same shape, read from the summaries in the leaderboards graph. */
    static Map<List<Node>, String> summaries(GraphStore store) {
        Map<List<Node>, Set<String>> best = new HashMap<>();
        Map<List<Node>, Boolean> lower = new HashMap<>();
        Txn.executeRead(store.datasetGraph(), () -> {
            String q = PG_NS + "SELECT ?d ?m ?l ?r WHERE { GRAPH <" + store.iris().leaderboardsGraph().getURI()
                    + "> { ?lb a pg:Leaderboard ; pg:leaderboardDataset ?d ; pg:leaderboardMetric ?m ; pg:lowerIsBetter ?l ; pg:bestResult ?r } }";
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    List<Node> k = List.of(s.get("d").asNode(), s.get("m").asNode());
                    best.computeIfAbsent(k, x -> new TreeSet<>()).add(s.get("r").asNode().getURI());
                    lower.put(k, s.getLiteral("l").getBoolean());
                });
            }
        });
        Map<List<Node>, String> out = new HashMap<>();
        best.forEach((k, ids) -> out.put(k, lower.get(k) + "|" + String.join(" ", ids)));
        return out;
    }

    /** leaderboard.rq's rows as "dataset metric value paper lower", for the oracle's best results. */
    static Set<String> oracleRows(List<Res> all, Node onlyDataset) {
        Map<List<Node>, String> o = oracle(all);
        Set<String> rows = new TreeSet<>();
        for (Res r : all) {
            if (onlyDataset != null && !onlyDataset.equals(r.dataset())) continue;
            String board = o.get(List.of(r.dataset(), r.metric()));
            if (!Set.of(board.substring(board.indexOf('|') + 1).split(" ")).contains(r.result().getURI())) continue;
            for (Node p : r.papers()) {
                rows.add(r.dataset().getURI() + " " + r.metric().getURI() + " " + r.value().stripTrailingZeros().toPlainString()
                        + " " + p.getURI() + " " + board.substring(0, board.indexOf('|')));
            }
        }
        return rows;
    }

    static Set<String> rows(ResultSet rs) {
        Set<String> rows = new TreeSet<>();
        rs.forEachRemaining(s -> rows.add(s.get("dataset").asNode().getURI() + " " + s.get("metric").asNode().getURI() + " "
                + new BigDecimal(s.getLiteral("value").getLexicalForm()).stripTrailingZeros().toPlainString() + " "
                + s.get("paper").asNode().getURI() + " " + s.getLiteral("lowerIsBetter").getBoolean()));
        return rows;
    }

    static Set<String> leaderboard(GraphStore store, Node dataset) {
        StoredQuery q = QueryCatalog.classpath().get("leaderboard").orElseThrow();
        Map<String, String> params = dataset == null ? Map.of() : Map.of("of", dataset.getURI());
        return Txn.calculateRead(store.datasetGraph(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(QueryRunner.prepare(q, params)).build()) {
                return rows(qe.execSelect());
            }
        });
    }

    static boolean anyStale(GraphStore store) {
        return Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().contains(Node.ANY, Node.ANY, PG.summaryStale, Node.ANY));
    }

    /** The record graph holding {@code result}'s value, rewritten through {@link GraphStore#write} with {@code value}. */
    static void rewriteValue(GraphStore store, Node result, String value) {
        List<RecordQuads> batch = Txn.calculateRead(store.datasetGraph(), () -> {
            Quad v = store.datasetGraph().find(Node.ANY, result, PG.value, Node.ANY).next();
            List<Quad> quads = new ArrayList<>();
            store.datasetGraph().find(v.getGraph(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.equals(v)) {
                    if (value != null) quads.add(Quad.create(q.getGraph(), result, PG.value, NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal)));
                } else {
                    quads.add(q);
                }
            });
            return List.of(new RecordQuads(v.getGraph(), null, "test", new SourcePosition("edit", "entry", 1), quads));
        });
        store.write(batch, List.of());
    }

    @Test
    void summariesFollowIngestRewritesAndReopening() throws Exception {
        Iris iris = Iris.defaults();
        Path dir = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(dir, iris)) {
            new Ingestor(store, Extractors.defaults(iris), 50, IngestListener.NONE).ingest(files(), null);
            List<Res> all = results(store);
            assertTrue(all.size() > 1000, "results: " + all.size());
            Map<List<Node>, String> oracle = oracle(all);
            assertTrue(oracle.values().stream().anyMatch(s -> s.contains(" ")), "a tie");
            assertFalse(anyStale(store), "the ingest run rebuilt every summary it marked");
            assertEquals(oracle, summaries(store));
            assertEquals(oracleRows(all, null), leaderboard(store, null));

            // The leaderboard with the most results and one best result.
            List<Node> board = oracle.keySet().stream()
                    .filter(k -> !oracle.get(k).contains(" "))
                    .max((a, b) -> Long.compare(all.stream().filter(r -> r.dataset().equals(a.get(0)) && r.metric().equals(a.get(1))).count(),
                            all.stream().filter(r -> r.dataset().equals(b.get(0)) && r.metric().equals(b.get(1))).count()))
                    .orElseThrow();
            assertTrue(oracle.get(board).startsWith("false|"), oracle.get(board));

            // A record saying lower is better for the whole metric: every leaderboard may change.
            Node flags = NodeFactory.createURI("urn:test:flags");
            store.write(List.of(new RecordQuads(flags, null, "test", new SourcePosition("flags", "entry", 1), List.of(
                    Quad.create(flags, board.get(1), PG.lowerIsBetter, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean))))), List.of());
            assertTrue(anyStale(store));
            List<Res> flagged = results(store);
            assertTrue(oracle(flagged).get(board).startsWith("true|"), oracle(flagged).get(board));
            assertEquals(oracleRows(flagged, null), leaderboard(store, null));
            store.refreshLeaderboards();
            assertFalse(anyStale(store));
            assertEquals(oracle(flagged), summaries(store));
            assertEquals(oracleRows(flagged, null), leaderboard(store, null));
            assertEquals(oracleRows(flagged, board.get(0)), leaderboard(store, board.get(0)));

            // Its single best result gets a much worse value.
            String was = oracle(flagged).get(board);
            Node best = NodeFactory.createURI(was.substring(was.indexOf('|') + 1));
            String worse = was.startsWith("true") ? "1000000" : "-1000000";
            rewriteValue(store, best, worse);
            // Before the rebuild the dataset is marked and the query computes it from the results.
            assertTrue(anyStale(store));
            List<Res> after = results(store);
            assertNotEquals(was, oracle(after).get(board));
            assertEquals(oracleRows(after, board.get(0)), leaderboard(store, board.get(0)));
            assertEquals(oracleRows(after, null), leaderboard(store, null));
            assertTrue(store.refreshLeaderboards() > 0);
            assertFalse(anyStale(store));
            assertEquals(oracle(after), summaries(store));
            assertEquals(oracleRows(after, null), leaderboard(store, null));

            // The result removed from its record: left out of date here, rebuilt when the store is opened again.
            rewriteValue(store, best, null);
            assertTrue(anyStale(store));
        }
        try (GraphStore store = GraphStore.open(dir, iris)) {
            assertFalse(anyStale(store), "opening the store rebuilt what was left out of date");
            List<Res> now = results(store);
            assertEquals(oracle(now), summaries(store));
            assertEquals(oracleRows(now, null), leaderboard(store, null));
        }
    }

    @Test
    void aWriteThroughTheServerIsSeenAtOnceAndSummarisedAfter() throws Exception {
        Iris iris = Iris.defaults();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), iris)) {
            new Ingestor(store, Extractors.defaults(iris), 500, IngestListener.NONE).ingest(files().subList(0, 1), null);
            List<Res> all = results(store);
            Map<List<Node>, String> oracle = oracle(all);
            List<Node> board = oracle.keySet().stream().filter(k -> oracle.get(k).startsWith("false|")).findFirst().orElseThrow();
            Server s = Server.builder(store).port(0).allowUpdates("editor", "secret-42").build().start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                // A new result on that leaderboard, better than every other, reported by a new paper.
                String update = PG_NS + "INSERT DATA { <urn:test:paper> pg:reportsResult <urn:test:result> . <urn:test:result> a pg:Result ; pg:dataset <"
                        + board.get(0).getURI() + "> ; pg:metric <" + board.get(1).getURI() + "> ; pg:value 1000000.0 . }";
                HttpResponse<String> u = client.send(HttpRequest.newBuilder(URI.create(s.updateUrl()))
                        .header("Content-Type", "application/sparql-update")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:secret-42".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(204, u.statusCode(), u.body());
                Set<String> expected = oracleRows(results(store), board.get(0));
                assertTrue(expected.stream().anyMatch(r -> r.contains("urn:test:paper")), expected.toString());
                // Right away (summary rebuilt or not) and once the background rebuild has finished.
                assertEquals(expected, overHttp(client, s, board.get(0)));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (anyStale(store) && System.nanoTime() < deadline) Thread.sleep(50);
                assertFalse(anyStale(store), "the server rebuilt the summaries after the write");
                assertEquals(expected, overHttp(client, s, board.get(0)));
                assertEquals(oracle(results(store)), summaries(store));
            } finally {
                s.stop();
            }
        }
    }

    static Set<String> overHttp(HttpClient client, Server s, Node dataset) throws Exception {
        StoredQuery q = QueryCatalog.classpath().get("leaderboard").orElseThrow();
        String text = QueryRunner.prepare(q, Map.of("of", dataset.getURI())).serialize();
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(s.sparqlUrl() + "?query="
                + URLEncoder.encode(text, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+xml").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (var in = r.body()) {
            return rows(ResultSetFactory.fromXML(in));
        }
    }
}
