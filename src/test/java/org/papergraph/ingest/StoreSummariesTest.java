package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryRunner;
import org.papergraph.query.ResultFormat;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import org.papergraph.store.PaperOrder;
import org.papergraph.store.Summaries;
import org.papergraph.vocab.PG;

/**
 * The store's summaries (ADR 0017) against what a full pass over the data says: the class counts of
 * {@code queries/stats.rq} against {@code COUNT(*)} over every {@code ?s a ?class}, each paper's citation count
 * against {@code COUNT(DISTINCT ?citing)}, every paper order against the papers' dates, titles and citation counts
 * as SPARQL reads them, and the summaries as a whole against the ones computed from scratch. Checked after a normal
 * ingest, after re-ingesting changed records, after writes through the server's SPARQL Update endpoint, and after
 * bulk loads with the packed and the phased loader; and after a bulk load of two shard folders, then ingests on top.
 */
class StoreSummariesTest {
    static final String PREFIXES = """
            PREFIX pg: <https://papergraph.org/ontology#>
            PREFIX cito: <http://purl.org/spar/cito/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    @TempDir Path tmp;

    @Test
    void summariesEqualAFullCountAfterIngestReingestAndServerWrites() throws Exception {
        Iris iris = Iris.defaults();
        CorpusGenerator.Written w = new CorpusGenerator(300, 3).write(tmp.resolve("corpus"));
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), iris)) {
            new Ingestor(store, Extractors.defaults(iris), 40, IngestListener.NONE)
                    .ingest(List.of(w.arxiv(), w.papers(), w.tables()), null);
            check(store, "after the ingest");

            // Re-ingest changed records: new titles, other dates, reference lists emptied or cut.
            List<String> lines = Files.readAllLines(w.papers(), StandardCharsets.UTF_8);
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (i % 3 == 0) l = l.replaceFirst("\"title\":\"", "\"title\":\"Zebra crossing: ");
                if (i % 4 == 0) l = l.replaceFirst("\"published\":\"\\d{4}", "\"published\":\"2031");
                if (i % 5 == 0) l = l.replaceFirst("\"cites\":\\[[^\\]]*\\]", "\"cites\":[]");
                if (i % 7 == 0) l = l.replaceFirst("\"cites\":\\[\"([^\"]*)\"[^\\]]*\\]", "\"cites\":[\"$1\"]");
                if (i % 3 == 0 || i % 4 == 0 || i % 5 == 0 || i % 7 == 0) changed.add(l);
            }
            Path again = tmp.resolve("changed.jsonl");
            Files.write(again, changed, StandardCharsets.UTF_8);
            new Ingestor(store, Extractors.defaults(iris), 25, IngestListener.NONE).ingest(List.of(again), null);
            check(store, "after re-ingesting " + changed.size() + " changed records");

            // Writes through the server: a paper's type removed from every graph, a new paper citing another, a
            // record graph cleared, a triple sent to the default graph (the manual graph).
            List<Node> newest = Txn.calculateRead(store.datasetGraph(),
                    () -> PaperOrder.page(store.datasetGraph(), PaperOrder.Order.NEWEST, 0, 3).papers());
            Node record = Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph()
                    .find(Node.ANY, newest.get(2), org.apache.jena.vocabulary.DCTerms.title.asNode(), Node.ANY).next().getGraph());
            Server s = Server.builder(store).port(0).allowUpdates("editor", "secret-42").build().start();
            try {
                update(s, PREFIXES + "DELETE WHERE { GRAPH ?g { <" + newest.get(0).getURI() + "> a pg:Paper } }");
                update(s, PREFIXES + "INSERT DATA { GRAPH <urn:test:g> { <urn:test:new> a pg:Paper ; dcterms:title \"Aardvarks\" ; "
                        + "dcterms:issued \"2040-01-01\" ; cito:cites <" + newest.get(1).getURI() + "> } }");
                update(s, "CLEAR GRAPH <" + record.getURI() + ">");
                update(s, PREFIXES + "INSERT DATA { <urn:test:manual> a pg:Paper ; cito:cites <urn:test:new> }");
                update(s, PREFIXES + "DELETE DATA { GRAPH <urn:test:g> { <urn:test:new> dcterms:issued \"2040-01-01\" } }");
            } finally {
                s.stop();
            }
            check(store, "after writes through the server");
            Compactor.compact(store, org.papergraph.store.Compaction.Gate.NONE, x -> {});
            check(store, "after a compaction");
        }
    }

    @Test
    void bulkLoadsComputeTheSummariesOfANormalIngest() throws Exception {
        Iris iris = Iris.defaults();
        CorpusGenerator.Written w = new CorpusGenerator(250, 5).write(tmp.resolve("corpus"));
        List<Path> inputs = List.of(w.arxiv(), w.papers(), w.tables());
        Set<Triple> normal;
        try (GraphStore store = GraphStore.open(tmp.resolve("normal"), iris)) {
            new Ingestor(store, Extractors.defaults(iris), 1000, IngestListener.NONE).ingest(inputs, null);
            normal = summaryTriples(store);
        }
        for (BulkIngestor.Loader loader : List.of(BulkIngestor.Loader.PACKED, BulkIngestor.Loader.PHASED)) {
            Path db = tmp.resolve(loader.name());
            new BulkIngestor(db, iris, Extractors.defaults(iris), loader, IngestListener.NONE).ingest(inputs, null);
            try (GraphStore store = GraphStore.open(db, iris)) {
                check(store, "after a bulk load with the " + loader + " loader");
                assertTrue(normal.equals(summaryTriples(store)), loader + ": the same summaries as the normal ingest's");
            }
        }
    }

    @Test
    void shardFoldersBulkLoadedThenIngestedOnTopKeepTheSummariesRight() throws Exception {
        Iris iris = Iris.defaults();
        CorpusGenerator.Written w = new CorpusGenerator(240, 7).write(tmp.resolve("corpus"));
        Converter c = new Converter(iris, Extractors.defaults(iris), IngestListener.NONE);
        // Two shard folders, as convert -o DIR/ writes them: the listings in one, the tables in another.
        Path first = shardFolder(c, tmp.resolve("shards-1"), List.of(w.arxiv(), w.papers()));
        Path second = shardFolder(c, tmp.resolve("shards-2"), List.of(w.tables()));
        Path db = tmp.resolve("db");
        new BulkIngestor(db, iris, Extractors.defaults(iris), BulkIngestor.DEFAULT_LOADER, IngestListener.NONE)
                .ingest(List.of(first, second), null);
        try (GraphStore store = GraphStore.open(db, iris)) {
            check(store, "after a bulk load of two shard folders");
            assertTrue(Txn.calculateRead(store.datasetGraph(), () -> Summaries.citations(store.datasetGraph())) > 0, "citations counted");

            // On top: changed records as a shard folder (dates, titles, reference lists), then as a plain file.
            List<String> lines = Files.readAllLines(w.papers(), StandardCharsets.UTF_8);
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += 3) {
                changed.add(lines.get(i).replaceFirst("\"published\":\"\\d{4}", "\"published\":\"2033")
                        .replaceFirst("\"title\":\"", "\"title\":\"Aardvark ")
                        .replaceFirst("\"cites\":\\[[^\\]]*\\]", "\"cites\":[]"));
            }
            Path changedFile = tmp.resolve("changed.jsonl");
            Files.write(changedFile, changed, StandardCharsets.UTF_8);
            Path third = shardFolder(c, tmp.resolve("shards-3"), List.of(changedFile));
            new Ingestor(store, Extractors.defaults(iris), 1000, IngestListener.NONE).ingest(List.of(third), null);
            check(store, "after a shard folder of " + changed.size() + " changed records ingested on top");

            List<String> again = new ArrayList<>();
            for (int i = 1; i < lines.size(); i += 4) again.add(lines.get(i).replaceFirst("\"cites\":\\[[^\\]]*\\]", "\"cites\":[]"));
            Path againFile = tmp.resolve("again.jsonl");
            Files.write(againFile, again, StandardCharsets.UTF_8);
            new Ingestor(store, Extractors.defaults(iris), 30, IngestListener.NONE).ingest(List.of(againFile), null);
            check(store, "after " + again.size() + " changed records ingested from a file on top");
        }
    }

    private static Path shardFolder(Converter c, Path dir, List<Path> inputs) {
        ShardFolder.prepare(dir);
        IngestSummary s = c.convert(inputs, null, dir.resolve(ShardFolder.recordShard(0)));
        ShardFolder.complete(dir, s.toString());
        return dir;
    }

    /** Every summary against a full pass over the data. */
    static void check(GraphStore store, String when) {
        Txn.executeRead(store.datasetGraph(), () -> {
            assertTrue(Summaries.present(store.datasetGraph()), when);
            // Class counts: the canned query against a count of every typed resource.
            assertEquals(rows(store, "SELECT ?class (COUNT(*) AS ?count) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?count) ?class"),
                    canned(store, "stats", Map.of()), when + ": stats");
            // Citation counts: the summary of every paper against the distinct papers citing it.
            List<String> wrong = rows(store, PREFIXES + """
                    SELECT ?p ?n ?m WHERE {
                      { { SELECT ?p (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cito:cites ?p } GROUP BY ?p }
                        OPTIONAL { GRAPH <urn:x-arq:DefaultGraph> { ?p pg:citedByCount ?m } } FILTER(!BOUND(?m) || ?m != ?n) }
                      UNION
                      { GRAPH <urn:x-arq:DefaultGraph> { ?p pg:citedByCount ?m } FILTER NOT EXISTS { ?c cito:cites ?p } }
                    }""");
            assertEquals(List.of("p,n,m"), wrong, when + ": citation counts");
            assertEquals(rows(store, PREFIXES + "SELECT (COUNT(*) AS ?n) { ?a cito:cites ?b }").get(1),
                    Long.toString(Summaries.citations(store.datasetGraph())), when + ": citation links");
            // Mentions and results naming each entity.
            List<String> misnamed = rows(store, PREFIXES + """
                    SELECT ?e ?n ?m WHERE {
                      { { SELECT ?e (COUNT(*) AS ?n) WHERE { ?x pg:entity|pg:dataset|pg:method|pg:task|pg:metric ?e } GROUP BY ?e }
                        OPTIONAL { GRAPH <urn:x-arq:DefaultGraph> { ?e pg:namedCount ?m } } FILTER(!BOUND(?m) || ?m != ?n) }
                      UNION
                      { GRAPH <urn:x-arq:DefaultGraph> { ?e pg:namedCount ?m }
                        FILTER NOT EXISTS { ?x pg:entity|pg:dataset|pg:method|pg:task|pg:metric ?e } }
                    }""");
            assertEquals(List.of("e,n,m"), misnamed, when + ": named counts");
            checkOrders(store, when);
        });
        // The summaries as kept equal the summaries computed from scratch (in a transaction that is then dropped).
        Set<Triple> kept = summaryTriples(store);
        store.datasetGraph().begin(org.apache.jena.query.TxnType.WRITE);
        try {
            Summaries.rebuild(store.datasetGraph());
            Set<Triple> fresh = new HashSet<>();
            store.datasetGraph().find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!LIST_SUMMARIES.contains(q.getPredicate())) fresh.add(q.asTriple());
            });
            assertEquals(fresh.size(), kept.size(), when + ": summary triples");
            assertTrue(fresh.equals(kept), when + ": the summaries kept equal those computed from scratch");
        } finally {
            store.datasetGraph().abort();
            store.datasetGraph().end();
        }
    }

    /** Each order walks every paper once, in the order of the values SPARQL reads; pages agree with the walk. */
    static void checkOrders(GraphStore store, String when) {
        Map<Node, String> issued = new HashMap<>(), title = new HashMap<>();
        Map<Node, Long> cited = new HashMap<>();
        for (QuerySolution r : select(store, PREFIXES + """
                SELECT ?p (MIN(?i) AS ?issued) (COUNT(DISTINCT ?c) AS ?cited) WHERE {
                  ?p a pg:Paper OPTIONAL { ?p dcterms:issued ?i } OPTIONAL { ?c cito:cites ?p } } GROUP BY ?p""")) {
            Node p = r.get("p").asNode();
            if (r.contains("issued")) issued.put(p, r.getLiteral("issued").getLexicalForm());
            cited.put(p, r.getLiteral("cited").getLong());
        }
        for (QuerySolution r : select(store, PREFIXES + "SELECT ?p ?t WHERE { ?p a pg:Paper ; dcterms:title ?t }")) {
            String[] least = {Summaries.normalTitle(r.getLiteral("t").getLexicalForm()), r.getLiteral("t").getLexicalForm()};
            title.merge(r.get("p").asNode(), least[0] + "\u0000" + least[1], (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        assertTrue(cited.size() > 50, when + ": papers " + cited.size());
        for (PaperOrder.Order order : PaperOrder.Order.values()) {
            List<Node> walk = PaperOrder.page(store.datasetGraph(), order, 0, Integer.MAX_VALUE).papers();
            assertEquals(cited.size(), walk.size(), when + ", " + order + ": every paper");
            assertEquals(cited.keySet(), new HashSet<>(walk), when + ", " + order + ": every paper once");
            for (int i = 1; i < walk.size(); i++) {
                Node a = walk.get(i - 1), b = walk.get(i);
                int c = switch (order) {
                    case NEWEST -> missingLast(issued.get(a), issued.get(b), true);
                    case OLDEST -> missingLast(issued.get(a), issued.get(b), false);
                    case TITLE -> {
                        int t = missingLast(title.get(a), title.get(b), false);
                        yield t != 0 || title.get(a) == null ? t : a.getURI().compareTo(b.getURI());
                    }
                    case CITED -> Long.compare(cited.get(b), cited.get(a));
                };
                assertTrue(c <= 0, when + ", " + order + ": " + a + " before " + b);
            }
            // Pages: from the walk's middle, and through the canned query.
            assertEquals(walk.subList(37, Math.min(walk.size(), 37 + 50)),
                    PaperOrder.page(store.datasetGraph(), order, 37, 50).papers(), when + ", " + order + ": a page");
            List<String> page = canned(store, "papers", Map.of("order", order.label, "offset", "11", "limit", "20"));
            List<String> expected = new ArrayList<>();
            for (Node p : walk.subList(11, 31)) expected.add(p.getURI());
            assertEquals(expected, page.subList(1, page.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList(),
                    when + ", " + order + ": query papers");
        }
        checkMonths(store, when, issued, title, cited);
        checkMostNamed(store, when);
    }

    /**
     * Each month's walks (the /papers page by date and by citations, the explorer's start) list exactly the papers
     * whose earliest date falls in it: by date newest first, one day's papers by title; by citations most first.
     */
    static void checkMonths(GraphStore store, String when, Map<Node, String> issued, Map<Node, String> title, Map<Node, Long> cited) {
        Map<java.time.YearMonth, Set<Node>> months = new HashMap<>();
        issued.forEach((p, d) -> {
            java.time.LocalDate day = date(d);
            if (day != null) months.computeIfAbsent(java.time.YearMonth.from(day), m -> new HashSet<>()).add(p);
        });
        assertFalse(months.isEmpty(), when + ": no dated paper");
        for (Map.Entry<java.time.YearMonth, Set<Node>> e : months.entrySet()) {
            List<Node> byDate = new ArrayList<>(), byCitations = new ArrayList<>();
            PaperOrder.monthByDate(store.datasetGraph(), e.getKey()).forEachRemaining(byDate::add);
            PaperOrder.monthByCitations(store.datasetGraph(), e.getKey()).forEachRemaining(byCitations::add);
            assertEquals(e.getValue().size(), byDate.size(), when + ", " + e.getKey() + " by date: " + byDate);
            assertEquals(e.getValue(), new HashSet<>(byDate), when + ", " + e.getKey() + " by date");
            assertEquals(e.getValue().size(), byCitations.size(), when + ", " + e.getKey() + " by citations: " + byCitations);
            assertEquals(e.getValue(), new HashSet<>(byCitations), when + ", " + e.getKey() + " by citations");
            for (int i = 1; i < byDate.size(); i++) {
                Node a = byDate.get(i - 1), b = byDate.get(i);
                java.time.LocalDate da = date(issued.get(a)), db = date(issued.get(b));
                assertTrue(da.isAfter(db) || da.equals(db) && missingLast(title.get(a), title.get(b), false) <= 0,
                        when + ", " + e.getKey() + " by date: " + a + " before " + b);
            }
            for (int i = 1; i < byCitations.size(); i++) {
                Node a = byCitations.get(i - 1), b = byCitations.get(i);
                java.time.LocalDate da = date(issued.get(a)), db = date(issued.get(b));
                int c = Long.compare(cited.get(b), cited.get(a));
                if (c == 0) c = db.compareTo(da);
                if (c == 0) c = missingLast(title.get(a), title.get(b), false);
                assertTrue(c <= 0, when + ", " + e.getKey() + " by citations: " + a + " before " + b);
            }
        }
    }

    /** The day of a date's lexical form (yyyy, yyyy-mm, yyyy-mm-dd...), or null. */
    static java.time.LocalDate date(String d) {
        var m = java.util.regex.Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?").matcher(d.strip());
        if (!m.find()) return null;
        return java.time.LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    }

    /** The most-named walk of each kind gives that kind's entities by named count, most first, as SPARQL counts them. */
    static void checkMostNamed(GraphStore store, String when) {
        int seen = 0;
        for (Node kind : List.of(org.papergraph.vocab.PG.Dataset, org.papergraph.vocab.PG.Method,
                org.papergraph.vocab.PG.Task, org.papergraph.vocab.PG.Metric)) {
            Map<Node, Long> counts = new HashMap<>();
            for (QuerySolution r : select(store, PREFIXES + "SELECT ?e (COUNT(*) AS ?n) WHERE { ?e a <" + kind.getURI()
                    + "> . ?x pg:entity|pg:dataset|pg:method|pg:task|pg:metric ?e } GROUP BY ?e")) {
                counts.put(r.get("e").asNode(), r.getLiteral("n").getLong());
            }
            List<Node> all = Summaries.mostNamed(store.datasetGraph(), kind, Integer.MAX_VALUE);
            assertEquals(counts.keySet(), new HashSet<>(all), when + ": every named " + kind.getLocalName());
            assertEquals(counts.size(), all.size(), when + ": each named " + kind.getLocalName() + " once");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(counts.get(all.get(i - 1)) >= counts.get(all.get(i)), when + ", most named " + kind.getLocalName()
                        + ": " + all.get(i - 1) + " before " + all.get(i));
            }
            List<Node> top = Summaries.mostNamed(store.datasetGraph(), kind, 5);
            assertEquals(all.subList(0, Math.min(5, all.size())), top, when + ": the first five " + kind.getLocalName());
            seen += all.size();
        }
        assertTrue(seen > 10, when + ": named entities " + seen);
    }

    /** Compares two values of which either may be missing (missing last); {@code descending} for newest first. */
    static int missingLast(String a, String b, boolean descending) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return descending ? b.compareTo(a) : a.compareTo(b);
    }

    /** The list summaries (ADR 0025) share the default graph but are rebuilt apart, not kept by each write. */
    static final Set<Node> LIST_SUMMARIES = Set.of(PG.listedCount, PG.listedYear, PG.listedPaper, PG.listsVersion, PG.summaryStale);

    static Set<Triple> summaryTriples(GraphStore store) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            Set<Triple> out = new HashSet<>();
            store.datasetGraph().find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!LIST_SUMMARIES.contains(q.getPredicate())) out.add(q.asTriple());
            });
            return out;
        });
    }

    static List<QuerySolution> select(GraphStore store, String query) {
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
            List<QuerySolution> out = new ArrayList<>();
            qe.execSelect().forEachRemaining(out::add);
            return out;
        }
    }

    /** The CSV lines of a query. */
    static List<String> rows(GraphStore store, String query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
            org.apache.jena.query.ResultSetFormatter.outputAsCSV(out, qe.execSelect());
        }
        return List.of(out.toString(StandardCharsets.UTF_8).replace("\r", "").split("\n"));
    }

    static List<String> canned(GraphStore store, String name, Map<String, String> params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new QueryRunner().run(store.dataset(), QueryCatalog.classpath().get(name).orElseThrow(), new TreeMap<>(params),
                ResultFormat.CSV, out);
        return List.of(out.toString(StandardCharsets.UTF_8).replace("\r", "").split("\n"));
    }

    static void update(Server s, String update) throws Exception {
        HttpResponse<String> u = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.updateUrl()))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:secret-42".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, u.statusCode(), u.body());
    }

    @SuppressWarnings("unused")
    private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::getURI);
}
