package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * The long lists of resource pages come a page at a time, over HTTP against a TDB2 store built from a generated
 * corpus (power-law citations, as {@code bench-data} writes it; many papers share a date, so the order's tie-break
 * matters). The most-cited paper, and a method the test makes many papers mention, have more rows than a page: the
 * heading gives the count, a page holds {@link Paging#ROWS} rows, and walking the pages gives every row of the plain
 * SPARQL answer exactly once, in date order. Citations repeated in a second source's graph count once.
 */
class PagedListsTest {
    static final Iris IRIS = Iris.defaults();
    static final int PAPERS = 1500;
    static final Pattern ROW = Pattern.compile("<li><a href=\"([^\"]+)\"(?: title=\"[^\"]*\")?>[^<]*</a>(?: <small>([^<]*)</small>)?");
    static final Pattern HEADING_COUNT = Pattern.compile("<h2>[^<]*<small>([^<]*)</small></h2>");
    static final Node METHOD = IRIS.method("PagingNet");
    /** Results name one of these datasets (the last has no label) and metrics, so the Results order has ties to break. */
    private static final Node[] DATASETS = {IRIS.dataset("Beta Set"), IRIS.dataset("Alpha Set"), IRIS.dataset("Unlabelled Set")};
    private static final Node[] METRICS = {IRIS.metric("Paging Accuracy"), IRIS.metric("Paging F1")};
    /**
     * A dataset with a result from every other paper, so its leaderboard has more rows than a board shows and more
     * dated results than a chart draws as dots; its second metric says lower is better on the metric itself.
     */
    private static final Node BIG_DATASET = IRIS.dataset("Gamma Set");
    private static final Node[] BIG_METRICS = {IRIS.metric("Gamma Accuracy"), IRIS.metric("Gamma Error")};
    @TempDir static Path tmp;
    static GraphStore store;
    static Server server;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        CorpusGenerator.Written corpus = new CorpusGenerator(PAPERS, 5).write(tmp.resolve("corpus"));
        Path db = tmp.resolve("db");
        new BulkIngestor(db, IRIS, Extractors.named(IRIS, List.of("metadata", "citations")), BulkIngestor.DEFAULT_LOADER,
                IngestListener.NONE).ingest(List.of(corpus.papers()), null);
        store = GraphStore.open(db, IRIS);
        CorpusGenerator gen = new CorpusGenerator(PAPERS, 5);
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> {
            Node type = org.apache.jena.vocabulary.RDF.type.asNode();
            Node label = org.apache.jena.vocabulary.RDFS.label.asNode();
            dsg.add(METHOD, METHOD, type, PG.Method);
            dsg.add(METHOD, METHOD, label, NodeFactory.createLiteralString("PagingNet"));
            for (int d = 0; d < DATASETS.length; d++) {
                dsg.add(DATASETS[d], DATASETS[d], type, PG.Dataset);
                if (d < 2) dsg.add(DATASETS[d], DATASETS[d], label, NodeFactory.createLiteralString(d == 0 ? "Beta Set" : "Alpha Set"));
            }
            for (int x = 0; x < METRICS.length; x++) {
                dsg.add(METRICS[x], METRICS[x], type, PG.Metric);
                dsg.add(METRICS[x], METRICS[x], label, NodeFactory.createLiteralString(x == 0 ? "Paging Accuracy" : "Paging F1"));
            }
            dsg.add(BIG_DATASET, BIG_DATASET, type, PG.Dataset);
            dsg.add(BIG_DATASET, BIG_DATASET, label, NodeFactory.createLiteralString("Gamma Set"));
            for (int x = 0; x < BIG_METRICS.length; x++) {
                dsg.add(BIG_METRICS[x], BIG_METRICS[x], type, PG.Metric);
                dsg.add(BIG_METRICS[x], BIG_METRICS[x], label, NodeFactory.createLiteralString(x == 0 ? "Gamma Accuracy" : "Gamma Error"));
            }
            dsg.add(BIG_METRICS[1], BIG_METRICS[1], PG.lowerIsBetter, NodeFactory.createLiteralDT("true",
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
            for (int k = 0; k < 20; k++) {
                Node m = IRIS.method("Gamma Net " + k);
                dsg.add(m, m, type, PG.Method);
                dsg.add(m, m, label, NodeFactory.createLiteralString("Gamma Net " + k));
            }
            for (int i = 0; i < PAPERS; i++) {
                CorpusGenerator.Paper p = gen.paper(i);
                Node paper = IRIS.paperByArxiv(p.arxivId);
                Node g = NodeFactory.createURI("https://papergraph.org/id/graph/second-source/" + p.arxivId);
                // Every 3rd paper repeats its citations in another record graph: the same triple must count once.
                if (i % 3 == 0) for (String cited : p.cites) dsg.add(g, paper, CITO.cites, IRIS.paperByArxiv(cited));
                // Every 7th paper mentions the method, every 11th reports a result with it (some do both).
                if (i % 7 == 0) {
                    Node m = NodeFactory.createURI(paper.getURI() + "#paging-mention");
                    dsg.add(g, paper, PG.hasMention, m);
                    dsg.add(g, m, PG.entity, METHOD);
                }
                if (i % 2 == 0) {
                    Node r = NodeFactory.createURI(paper.getURI() + "#gamma-result");
                    dsg.add(g, paper, PG.reportsResult, r);
                    dsg.add(g, r, PG.method, IRIS.method("Gamma Net " + (i % 20)));
                    dsg.add(g, r, PG.dataset, BIG_DATASET);
                    dsg.add(g, r, PG.metric, BIG_METRICS[i % 6 == 0 ? 1 : 0]);
                    // Values spread with ties: a board's order needs its tie-breaks.
                    dsg.add(g, r, PG.value, NodeFactory.createLiteralDT(Integer.toString((i * 37) % 400 / 4) + "." + (i % 3),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
                }
                if (i % 11 == 0) {
                    Node r = NodeFactory.createURI(paper.getURI() + "#paging-result");
                    dsg.add(g, paper, PG.reportsResult, r);
                    dsg.add(g, r, PG.method, METHOD);
                    // Datasets, metrics and values vary with i, with ties, and some are missing.
                    if (i % 4 != 0) dsg.add(g, r, PG.dataset, DATASETS[i % 3]);
                    if (i % 6 != 0) dsg.add(g, r, PG.metric, METRICS[i % 7 == 1 ? 1 : 0]);
                    if (i % 5 != 0) dsg.add(g, r, PG.value, NodeFactory.createLiteralDT(
                            (i % 13) + "." + (i % 2 == 0 ? "5" : "25"), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
                    // Most results of the second metric say lower is better (one with false, as extractors write it).
                    if (i % 7 == 1 && i % 3 != 0) dsg.add(g, r, PG.lowerIsBetter, NodeFactory.createLiteralDT(
                            i % 3 == 1 ? "true" : "false", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
                }
            }
        });
        Duration timeout = Duration.ofSeconds(20);
        server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    @Test
    void citedByShowsTheCountAndOnePageThenEveryCitingPaperOnceInDateOrder() throws Exception {
        Node paper = node(select("""
                SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o <http://purl.org/spar/cito/cites> ?p }
                GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""").get(0), "p");
        Set<String> expected = column(select("SELECT DISTINCT ?o WHERE { ?o <http://purl.org/spar/cito/cites> <" + paper.getURI() + "> }"), "o");
        assertTrue(expected.size() > 2 * Paging.ROWS, "the corpus should give a paper cited more than two pages' worth: " + expected.size());
        walk(url(paper), "cited-by", expected, true);
    }

    @Test
    void entityPapersArePagedAndTheYearsCountThemAll() throws Exception {
        Set<String> expected = column(select("""
                SELECT DISTINCT ?p WHERE { { ?p <https://papergraph.org/ontology#hasMention>/<https://papergraph.org/ontology#entity> <%s> }
                  UNION { ?p <https://papergraph.org/ontology#reportsResult>/<https://papergraph.org/ontology#method> <%1$s> } }"""
                .formatted(METHOD.getURI())), "p");
        assertTrue(expected.size() > Paging.ROWS, "more than a page: " + expected.size());
        String first = walk(url(METHOD), "papers", expected, true);
        int years = 0;
        Matcher m = Pattern.compile("<tr><th>[^<]+</th><td><span class=\"bar\"[^>]*></span> (\\d+)</td></tr>").matcher(first);
        while (m.find()) years += Integer.parseInt(m.group(1));
        assertEquals(expected.size(), years, "the histogram counts every paper, not the page");
        // Roles are looked up for the page's rows: a paper reporting a result says so.
        assertTrue(WebSiteTest.section(first, "papers").contains("<small class=\"roles\">result"), first);
    }

    /**
     * The Results section of a method's, a metric's and a dataset's page, page by page, equals the plain SPARQL query
     * that joins every label in one go, ordered by dataset label, metric label, value (best first: negated where the
     * result or its metric says lower is better), then IRIs, with LIMIT and
     * OFFSET: same rows, same order, same labels and values.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void entityResultsArePagedInThePlainQuerysOrder(int which) throws Exception {
        Node entity = which == 0 ? METHOD : which == 1 ? METRICS[0] : BIG_DATASET;
        String plain = """
                PREFIX pg: <https://papergraph.org/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?r ?paper (MIN(?t) AS ?title) ?method (MIN(?ml) AS ?methodLabel) ?dataset (MIN(?dl) AS ?datasetLabel)
                       ?metric (MIN(?xl) AS ?metricLabel) ?value (MAX(COALESCE(?l, false) || COALESCE(?xlb, false)) AS ?lower) WHERE {
                  ?paper pg:reportsResult ?r . ?r pg:method|pg:dataset|pg:task|pg:metric <%s> .
                  OPTIONAL { ?r pg:value ?value }
                  OPTIONAL { ?r pg:method ?method . OPTIONAL { ?method rdfs:label ?ml } }
                  OPTIONAL { ?r pg:dataset ?dataset . OPTIONAL { ?dataset rdfs:label ?dl } }
                  OPTIONAL { ?r pg:metric ?metric . OPTIONAL { ?metric rdfs:label ?xl } OPTIONAL { ?metric pg:lowerIsBetter ?xlb } }
                  OPTIONAL { ?paper dcterms:title ?t } OPTIONAL { ?r pg:lowerIsBetter ?l }
                } GROUP BY ?r ?paper ?method ?dataset ?metric ?value
                ORDER BY ?datasetLabel ?metricLabel DESC(IF(?lower, -?value, ?value)) ?paper ?method ?dataset ?metric ?r
                """.formatted(entity.getURI());
        int total = select(plain).size();
        assertTrue(total > Paging.ROWS, "more than a page of results: " + total);
        int pages = (total + Paging.ROWS - 1) / Paging.ROWS;
        Pattern row = Pattern.compile("<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td class=\"num\">(.*?)</td><td>(.*?)</td></tr>");
        for (int page = 1; page <= pages; page++) {
            List<String> expected = new ArrayList<>();
            for (QuerySolution r : select(plain + "LIMIT " + Paging.ROWS + " OFFSET " + (page - 1) * Paging.ROWS)) {
                expected.add(String.join(" | ", cell(r, "dataset", "datasetLabel"), cell(r, "metric", "metricLabel"),
                        cell(r, "method", "methodLabel"), r.contains("value") ? r.getLiteral("value").getLexicalForm() : "",
                        cell(r, "paper", "title")));
            }
            String at = url(entity) + (page == 1 ? "" : "?results=" + page);
            String html = WebSiteTest.section(get(at, "text/html").body(), "results");
            Matcher h = HEADING_COUNT.matcher(html);
            assertTrue(h.find(), html);
            assertEquals(Facts.grouped(total), h.group(1), "count in the heading of " + at);
            List<String> shown = new ArrayList<>();
            Matcher m = row.matcher(html);
            while (m.find()) {
                shown.add(String.join(" | ", shownCell(m.group(1)), shownCell(m.group(2)), shownCell(m.group(3)),
                        StringEscapeUtils.unescapeHtml4(m.group(4)), shownCell(m.group(5))));
            }
            assertEquals(expected, shown, "rows of " + at);
            assertEquals(page < pages, html.contains("?results=" + (page + 1) + "#results"), "a next link on " + at);
        }
        assertTrue(WebSiteTest.section(get(url(entity) + "?results=" + (pages + 1), "text/html").body(), "results")
                .contains("past the end"));
    }

    /** A cell as the plain query gives it: the IRI and its label (or, without one, its path under the base), or empty. */
    private static String cell(QuerySolution r, String iri, String label) {
        if (!r.contains(iri)) return "";
        String u = r.getResource(iri).getURI();
        String base = IRIS.base();
        return u + " " + (r.contains(label) ? r.getLiteral(label).getLexicalForm() : u.startsWith(base) ? u.substring(base.length()) : u);
    }

    /** A cell as the page shows it: the linked IRI and the link text, or empty. */
    private static String shownCell(String html) {
        if (html.isEmpty()) return "";
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\"(?: title=\"[^\"]*\")?>(.*)</a>").matcher(html);
        assertTrue(m.matches(), html);
        return iriOf(StringEscapeUtils.unescapeHtml4(m.group(1))) + " " + StringEscapeUtils.unescapeHtml4(m.group(2));
    }

    @Test
    void authorAndReferenceListsGiveTheirCounts() throws Exception {
        QuerySolution top = select("""
                SELECT ?a (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p <http://purl.org/dc/terms/creator> ?a }
                GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1""").get(0);
        Set<String> papers = column(select("SELECT DISTINCT ?p WHERE { ?p <http://purl.org/dc/terms/creator> <" + node(top, "a").getURI() + "> }"), "p");
        walk(url(node(top, "a")), "papers", papers, true);
        Node citing = node(select("""
                SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?p <http://purl.org/spar/cito/cites> ?o }
                GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""").get(0), "p");
        walk(url(citing), "references", column(select("SELECT DISTINCT ?o WHERE { <" + citing.getURI()
                + "> <http://purl.org/spar/cito/cites> ?o }"), "o"), false);
    }

    @Test
    void relatedPapersAreTheTopTenOfThePlainQuery() throws Exception {
        // Paper 0 mentions the method (every 7th) and reports a result with it (every 11th).
        Node paper = IRIS.paperByArxiv(new CorpusGenerator(PAPERS, 5).paper(0).arxivId);
        List<String> expected = new ArrayList<>();
        for (QuerySolution r : select("""
                PREFIX pg: <https://papergraph.org/ontology#>
                SELECT ?other (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  { <%1$s> pg:hasMention/pg:entity ?e } UNION { <%1$s> pg:reportsResult/(pg:method|pg:dataset) ?e }
                  ?e a ?c . VALUES ?c { pg:Method pg:Dataset }
                  { ?other pg:hasMention/pg:entity ?e } UNION { ?other pg:reportsResult/(pg:method|pg:dataset) ?e }
                  FILTER(?other != <%1$s>)
                } GROUP BY ?other ORDER BY DESC(?n) ?other LIMIT 10""".formatted(paper.getURI()))) {
            expected.add(r.getResource("other").getURI());
        }
        assertEquals(10, expected.size());
        Matcher m = ROW.matcher(WebSiteTest.section(get(url(paper), "text/html").body(), "related"));
        List<String> shown = new ArrayList<>();
        while (m.find()) shown.add(iriOf(StringEscapeUtils.unescapeHtml4(m.group(1))));
        assertEquals(expected, shown);
    }

    /**
     * A big entity's papers and results are read once and kept for its next pages, until a write: the page after a
     * committed write shows it.
     */
    @Test
    void aBigEntitysPagesReuseWhatTheyReadUntilAWrite() throws Exception {
        Pattern results = Pattern.compile("<section id=\"results\"><h2>Results <small>([^<]*)</small>");
        int before = EntityCache.minRows;
        EntityCache.minRows = 1;
        Node extra = NodeFactory.createURI("https://papergraph.org/id/graph/cache-test");
        try {
            String first = get(url(BIG_DATASET), "text/html").body();
            long hits = EntityCache.hits;
            long boards = EntityPage.boardHits;
            String second = get(url(BIG_DATASET) + "?results=2", "text/html").body();
            assertEquals(hits + 1, EntityCache.hits, "the second page of the same entity is served from what the first read");
            assertEquals(boards + 1, EntityPage.boardHits, "and so is its leaderboard");
            assertEquals(WebSiteTest.section(first, "leaderboard"), WebSiteTest.section(second, "leaderboard"));
            Matcher a = results.matcher(first), b = results.matcher(second);
            assertTrue(a.find() && b.find());
            assertEquals(a.group(1), b.group(1));
            long count = Long.parseLong(a.group(1).replace(",", ""));

            Node paper = IRIS.paperByArxiv(new CorpusGenerator(PAPERS, 5).paper(1).arxivId);
            Node r = NodeFactory.createURI(paper.getURI() + "#cache-test-result");
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> {
                dsg.add(extra, paper, PG.reportsResult, r);
                dsg.add(extra, r, PG.dataset, BIG_DATASET);
                dsg.add(extra, r, PG.metric, BIG_METRICS[0]);
                dsg.add(extra, r, PG.value, NodeFactory.createLiteralDT("1000.5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
            });
            hits = EntityCache.hits;
            boards = EntityPage.boardHits;
            String after = get(url(BIG_DATASET), "text/html").body();
            assertEquals(hits, EntityCache.hits, "a write makes the kept rows unusable");
            assertEquals(boards, EntityPage.boardHits, "and the kept leaderboard");
            Matcher c = results.matcher(after);
            assertTrue(c.find());
            assertEquals(Facts.grouped(count + 1), c.group(1));
            assertTrue(WebSiteTest.section(after, "leaderboard").contains("1000.5"), "the new best result leads its board");
        } finally {
            EntityCache.minRows = before;
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.deleteAny(extra, Node.ANY, Node.ANY, Node.ANY));
        }
    }

    /**
     * A much-cited paper's citing papers are read once and kept for its next views and pages, until a write: a paper
     * that cites it, added after, shows at the top of the next view (newest first) and in the count.
     */
    @Test
    void aMuchCitedPapersCitedByListIsReusedUntilAWrite() throws Exception {
        Node paper = node(select("""
                SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o <http://purl.org/spar/cito/cites> ?p }
                GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""").get(0), "p");
        int before = EntityCache.minRows;
        EntityCache.minRows = 1;
        Node extra = NodeFactory.createURI("https://papergraph.org/id/graph/cited-by-cache-test");
        Node citing = NodeFactory.createURI("https://papergraph.org/id/paper/cited-by-cache-test");
        try {
            String first = WebSiteTest.section(get(url(paper), "text/html").body(), "cited-by");
            long hits = EntityCache.hits;
            String second = WebSiteTest.section(get(url(paper) + "?cited-by=2", "text/html").body(), "cited-by");
            assertTrue(EntityCache.hits > hits, "the second page of the same list is served from what the first read");
            Matcher a = HEADING_COUNT.matcher(first), b = HEADING_COUNT.matcher(second);
            assertTrue(a.find() && b.find());
            assertEquals(a.group(1), b.group(1));
            long count = Long.parseLong(a.group(1).replace(",", ""));
            assertFalse(first.contains(citing.getURI()));

            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> {
                dsg.add(extra, citing, CITO.cites, paper);
                dsg.add(extra, citing, org.apache.jena.vocabulary.DCTerms.issued.asNode(),
                        NodeFactory.createLiteralDT("2099-01-01", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
            });
            String after = WebSiteTest.section(get(url(paper), "text/html").body(), "cited-by");
            Matcher c = HEADING_COUNT.matcher(after);
            assertTrue(c.find());
            assertEquals(Facts.grouped(count + 1), c.group(1), "a write makes the kept list unusable");
            Matcher row = ROW.matcher(after);
            assertTrue(row.find());
            assertTrue(row.group(1).endsWith("cited-by-cache-test"), "the newest citing paper comes first: " + row.group(1));
        } finally {
            EntityCache.minRows = before;
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.deleteAny(extra, Node.ANY, Node.ANY, Node.ANY));
        }
    }

    /**
     * Methods and datasets named more than {@link Pages#relatedMaxLinks} times are left out of the related papers'
     * count and named under the list; the list is then the plain query's top ten over the other entities.
     */
    @Test
    void relatedPapersLeaveOutTooCommonEntitiesAndSaySo() throws Exception {
        Node paper = IRIS.paperByArxiv(new CorpusGenerator(PAPERS, 5).paper(0).arxivId);
        Map<String, Long> links = new TreeMap<>();
        for (QuerySolution r : select("""
                PREFIX pg: <https://papergraph.org/ontology#>
                SELECT ?e (COUNT(DISTINCT ?x) AS ?n) WHERE {
                  { SELECT DISTINCT ?e WHERE {
                      { <%1$s> pg:hasMention/pg:entity ?e } UNION { <%1$s> pg:reportsResult/(pg:method|pg:dataset) ?e }
                      ?e a ?c . VALUES ?c { pg:Method pg:Dataset } } }
                  { ?x pg:entity ?e } UNION { ?x pg:method|pg:dataset ?e }
                } GROUP BY ?e""".formatted(paper.getURI()))) {
            links.put(node(r, "e").getURI(), r.getLiteral("n").getLong());
        }
        long most = links.values().stream().max(Long::compare).orElseThrow();
        Set<String> common = new TreeSet<>();
        StringBuilder walked = new StringBuilder();
        links.forEach((e, n) -> {
            if (n == most) common.add(e);
            else walked.append('<').append(e).append("> ");
        });
        assertFalse(walked.isEmpty(), "the fixture paper needs a less common entity too: " + links);
        List<String> expected = new ArrayList<>();
        for (QuerySolution r : select("""
                PREFIX pg: <https://papergraph.org/ontology#>
                SELECT ?other (COUNT(DISTINCT ?e) AS ?n) WHERE {
                  VALUES ?e { %2$s}
                  { ?other pg:hasMention/pg:entity ?e } UNION { ?other pg:reportsResult/(pg:method|pg:dataset) ?e }
                  FILTER(?other != <%1$s>)
                } GROUP BY ?other ORDER BY DESC(?n) ?other LIMIT 10""".formatted(paper.getURI(), walked))) {
            expected.add(r.getResource("other").getURI());
        }
        assertEquals(10, expected.size());
        int before = PaperPage.relatedMaxLinks;
        PaperPage.relatedMaxLinks = (int) most - 1;
        String section;
        try {
            section = WebSiteTest.section(get(url(paper), "text/html").body(), "related");
        } finally {
            PaperPage.relatedMaxLinks = before;
        }
        Matcher m = ROW.matcher(section);
        List<String> shown = new ArrayList<>();
        while (m.find()) shown.add(iriOf(StringEscapeUtils.unescapeHtml4(m.group(1))));
        assertEquals(expected, shown);
        int at = section.indexOf("Not counted");
        assertTrue(at >= 0, "no note naming the entities left out: " + section);
        String note = section.substring(at);
        Matcher named = Pattern.compile("<a href=\"([^\"]+)\"").matcher(note);
        Set<String> left = new TreeSet<>();
        while (named.find()) left.add(iriOf(StringEscapeUtils.unescapeHtml4(named.group(1))));
        assertEquals(common, left);
    }

    /**
     * A dataset's leaderboard section shows, per metric, the plain query's best {@link Pages#BOARD_ROWS} results (value
     * best first, lowest first for the metric that says lower is better on itself; then earliest paper, paper IRI,
     * result IRI), says how many there are, links to the page of the Results list where the metric's ranking starts,
     * and charts the best value over time with a dot per new best only, once there are more dated results than
     * {@link SotaChart#MAX_DOTS}.
     */
    @Test
    void bigLeaderboardShowsTheBestRowsLinksToTheFullRankingAndChartsOnlyNewBests() throws Exception {
        String page = get(url(BIG_DATASET), "text/html").body();
        String board = WebSiteTest.section(page, "leaderboard");
        for (int x = 0; x < BIG_METRICS.length; x++) {
            boolean lower = x == 1;
            String name = x == 0 ? "Gamma Accuracy" : "Gamma Error";
            List<QuerySolution> all = select("""
                    PREFIX pg: <https://papergraph.org/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT ?r ?paper ?value (MIN(?ml) AS ?methodLabel) (MIN(?i) AS ?issued) WHERE {
                      ?paper pg:reportsResult ?r . ?r pg:dataset <%s> ; pg:metric <%s> ; pg:value ?value ; pg:method ?method .
                      OPTIONAL { ?method rdfs:label ?ml } OPTIONAL { ?paper dcterms:issued ?i }
                    } GROUP BY ?r ?paper ?value ORDER BY %s ?issued ?paper ?r"""
                    .formatted(BIG_DATASET.getURI(), BIG_METRICS[x].getURI(), lower ? "?value" : "DESC(?value)"));
            assertTrue(all.size() > EntityPage.BOARD_ROWS, name + " has more results than a board shows: " + all.size());
            int at = board.indexOf(">" + name + " <small>" + (lower ? "lower" : "higher") + " is better");
            assertTrue(at >= 0, board);
            String table = board.substring(board.indexOf("<tbody>", at), board.indexOf("</tbody>", at));
            List<String> expected = new ArrayList<>();
            for (QuerySolution r : all.subList(0, EntityPage.BOARD_ROWS)) {
                expected.add(r.getLiteral("methodLabel").getLexicalForm() + " | " + r.getLiteral("value").getLexicalForm()
                        + " | " + r.getResource("paper").getURI());
            }
            List<String> shown = new ArrayList<>();
            Matcher m = Pattern.compile("<tr><td class=\"num\">\\d+</td><td><a href=\"[^\"]+\">([^<]*)</a></td><td class=\"num\">([^<]*)</td>"
                    + "<td><a href=\"([^\"]+)\">").matcher(table);
            while (m.find()) shown.add(m.group(1) + " | " + m.group(2) + " | " + iriOf(StringEscapeUtils.unescapeHtml4(m.group(3))));
            assertEquals(expected, shown, name + " board");

            // The full ranking starts on the Results page the link names: that page holds the metric's first row.
            String after = board.substring(at);
            Matcher link = Pattern.compile("The best " + EntityPage.BOARD_ROWS + " of " + Facts.grouped(all.size())
                    + " results\\. <a href=\"([^\"]+)\\?results=(\\d+)#results\">Every " + name + " result, ranked</a>").matcher(after);
            assertTrue(link.find(), after.substring(0, Math.min(3000, after.length())));
            int target = Integer.parseInt(link.group(2));
            String cell = ">" + name + "</a></td>";
            assertTrue(WebSiteTest.section(get(url(BIG_DATASET) + "?results=" + target, "text/html").body(), "results").contains(cell));
            if (target > 1) {
                assertFalse(WebSiteTest.section(get(url(BIG_DATASET) + "?results=" + (target - 1), "text/html").body(), "results")
                        .contains(cell), "the metric starts on page " + target);
            }

            // The chart: a dot per dated result up to MAX_DOTS (Gamma Error has fewer), else a dot per month that beats
            // every earlier month (Gamma Accuracy has more).
            String chart = after.substring(after.indexOf("<figure"), after.indexOf("</figure>"));
            Map<String, java.math.BigDecimal> bestOfMonth = new TreeMap<>();
            for (QuerySolution r : all) {
                if (!r.contains("issued")) continue;
                String month = r.getLiteral("issued").getLexicalForm().substring(0, 7);
                java.math.BigDecimal v = new java.math.BigDecimal(r.getLiteral("value").getLexicalForm());
                bestOfMonth.merge(month, v, (a, b) -> lower ? a.min(b) : a.max(b));
            }
            int dated = (int) all.stream().filter(r -> r.contains("issued")).count();
            assertEquals(x == 0, dated > SotaChart.MAX_DOTS, "dated results of " + name + ": " + dated);
            int newBests = 0;
            java.math.BigDecimal best = null;
            for (java.math.BigDecimal v : bestOfMonth.values()) {
                if (best == null || (lower ? v.compareTo(best) < 0 : v.compareTo(best) > 0)) {
                    newBests++;
                    best = v;
                }
            }
            int dots = 0;
            for (int i = chart.indexOf("<circle"); i >= 0; i = chart.indexOf("<circle", i + 1)) dots++;
            assertEquals(dated > SotaChart.MAX_DOTS ? newBests : dated, dots, name + " chart");
            assertEquals(dated > SotaChart.MAX_DOTS, chart.contains(Facts.grouped(dated) + " dated results, a dot for each new best"), chart);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "%2B2", "99999999999999999999", "", "2&cited-by=3"})
    void badPageNumbersAreRefusedWithAMessage(String value) throws Exception {
        HttpResponse<String> r = get(url(mostCited()) + "?cited-by=" + value, "text/html");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("cited-by"), r.body());
    }

    @Test
    void aPagePastTheEndSaysSoAndOtherParametersLeaveTheResourceAlone() throws Exception {
        Node paper = mostCited();
        HttpResponse<String> past = get(url(paper) + "?cited-by=100000", "text/html");
        assertEquals(200, past.statusCode());
        String section = WebSiteTest.section(past.body(), "cited-by");
        assertTrue(section.contains("past the end"), section);
        assertTrue(section.contains("?cited-by=1#cited-by"), "a way back: " + section);
        assertEquals(200, get(url(paper) + "?page=x&references=1", "text/html").statusCode());
        // The query string never changes what resource the path names: Turtle is the same with or without it.
        String plain = get(url(paper), "text/turtle").body();
        HttpResponse<String> paged = get(url(paper) + "?cited-by=abc", "text/turtle");
        assertEquals(200, paged.statusCode());
        assertTrue(RDFParser.fromString(plain).lang(Lang.TURTLE).toGraph()
                .isIsomorphicWith(RDFParser.fromString(paged.body()).lang(Lang.TURTLE).toGraph()));
    }

    /**
     * Reads page after page of {@code section} by following its "next" links: checks the count in the heading and
     * the range line, {@link Paging#ROWS} rows on each page but the last, no row twice, dates in order, and that
     * the rows together are {@code expected}. Returns the first page.
     */
    String walk(String url, String section, Set<String> expected, boolean newestFirst) throws Exception {
        HttpResponse<String> r = get(url, "text/html");
        assertEquals(200, r.statusCode(), url);
        String first = r.body();
        List<String> seen = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        int pages = 0;
        String page = first;
        String at = url;
        while (true) {
            pages++;
            String html = WebSiteTest.section(page, section);
            Matcher h = HEADING_COUNT.matcher(html);
            assertTrue(h.find(), html);
            assertEquals(Facts.grouped(expected.size()), h.group(1), "count in the heading of " + at);
            Matcher m = ROW.matcher(html.substring(html.indexOf("<ul class=\"papers\">")));
            int rows = 0;
            while (m.find()) {
                rows++;
                seen.add(iriOf(StringEscapeUtils.unescapeHtml4(m.group(1))));
                dates.add(m.group(2) == null ? "" : m.group(2));
            }
            int left = expected.size() - (pages - 1) * Paging.ROWS;
            assertEquals(Math.min(Paging.ROWS, left), rows, "rows on page " + pages + " of " + at);
            if (expected.size() > Paging.ROWS) {
                String range = "Showing " + Facts.grouped((long) (pages - 1) * Paging.ROWS + 1) + "–";
                assertTrue(StringEscapeUtils.unescapeHtml4(html).contains(range), range + " in " + at);
            }
            Matcher next = Pattern.compile("<a href=\"([^\"]+)\">next ›</a>").matcher(StringEscapeUtils.unescapeHtml4(html));
            if (!next.find()) break;
            at = URI.create(url).resolve(next.group(1)).toString();
            assertTrue(at.startsWith(url + "?" + section + "="), at);
            r = get(at, "text/html");
            assertEquals(200, r.statusCode(), at);
            page = r.body();
        }
        assertEquals((expected.size() + Paging.ROWS - 1) / Paging.ROWS, pages, "pages of " + url);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a row on two pages: " + seen);
        assertEquals(expected, new TreeSet<>(seen));
        for (int i = 1; i < dates.size(); i++) {
            int c = dates.get(i - 1).compareTo(dates.get(i));
            assertTrue(dates.get(i).isEmpty() || (newestFirst ? c >= 0 : c <= 0), "date order at row " + i + ": " + dates);
        }
        assertFalse(first.contains("past the end"));
        return first;
    }

    static Node mostCited() {
        return node(select("""
                SELECT ?p (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o <http://purl.org/spar/cito/cites> ?p }
                GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1""").get(0), "p");
    }

    static String url(Node iri) { return server.baseUrl() + "/id/" + iri.getURI().substring(IRIS.base().length()); }

    /** The IRI of a page link relative to a resource page (../../../id/paper/arxiv/...). */
    private static String iriOf(String href) { return IRIS.base() + href.substring(href.indexOf("id/") + 3); }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<QuerySolution> select(String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            List<QuerySolution> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(query).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) rows.add(rs.next());
            }
            return rows;
        });
    }

    static Set<String> column(List<QuerySolution> rows, String var) {
        Set<String> out = new TreeSet<>();
        for (QuerySolution r : rows) out.add(r.getResource(var).getURI());
        return out;
    }

    static Node node(QuerySolution row, String var) { return row.get(var).asNode(); }
}
