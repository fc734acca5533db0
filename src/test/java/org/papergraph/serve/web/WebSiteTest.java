package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.papergraph.vocab.PG;

/** The site over HTTP: content negotiation for every format, 404s, escaping, and what each page shows. */
class WebSiteTest {
    @TempDir static Path tmp;
    static WebFixture fx;

    @BeforeAll
    static void start() throws Exception { fx = new WebFixture(tmp); }

    @AfterAll
    static void stop() { if (fx != null) fx.close(); }

    static Node uri(String s) { return NodeFactory.createURI(s); }

    @ParameterizedTest
    @CsvSource({
            "text/turtle, text/turtle, TURTLE",
            "application/ld+json, application/ld+json, JSONLD",
            "application/n-triples, application/n-triples, NTRIPLES",
            "application/rdf+xml, application/rdf+xml, RDFXML",
            "'*/*', text/turtle, TURTLE",
            "'text/turtle;q=0.5, application/ld+json', application/ld+json, JSONLD",
            "'application/*', application/ld+json, JSONLD"})
    void everyRdfFormatDescribesThePaperWithItsAuthorshipEntries(String accept, String type, String lang) throws Exception {
        HttpResponse<String> r = fx.get(fx.url(WebFixture.P1), accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), r.headers().toString());
        assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
        Lang l = switch (lang) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
        Graph g = RDFParser.create().fromString(r.body()).lang(l).toGraph();
        Node p1 = uri(WebFixture.P1);
        assertTrue(g.contains(p1, DCTerms.title.asNode(), NodeFactory.createLiteralString("FixNet <script>alert('pwned')</script> & friends")));
        // The authorship entries are fragments of the paper's document, so they come with it.
        assertTrue(g.contains(uri(WebFixture.P1 + "#author-2-b"), PG.position, Node.ANY), "authorship entry missing");
        // Nothing about other resources beyond the links.
        assertFalse(g.contains(uri(WebFixture.P2), DCTerms.title.asNode(), Node.ANY));
    }

    @Test
    void browsersGetHtmlAndFormatParameterOverridesAccept() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
        HttpResponse<String> html = fx.get(fx.url(WebFixture.P1), browser);
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("<h1><a class=\"mention method\""), "title mention highlighted");
        HttpResponse<String> nt = fx.get(fx.url(WebFixture.P1) + "?format=nt", browser);
        assertTrue(nt.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
        assertEquals(400, fx.get(fx.url(WebFixture.P1) + "?format=xls", browser).statusCode());
    }

    @Test
    void unknownResourcesAndPagesAre404AndUnservableTypes406() throws Exception {
        HttpResponse<String> ttl = fx.get(fx.url(WebFixture.BASE + "paper/arxiv/9999.99999"), "text/turtle");
        assertEquals(404, ttl.statusCode());
        HttpResponse<String> html = fx.get(fx.url(WebFixture.BASE + "method/no-such-method"), "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(html.body().contains("name=\"q\""), "a 404 page still offers the search box");
        assertEquals(404, fx.get(fx.server.baseUrl() + "/id/", "text/turtle").statusCode());
        assertEquals(404, fx.get(fx.server.baseUrl() + "/nothing-here", "text/html").statusCode());
        assertEquals(404, fx.get(fx.server.baseUrl() + "/static/nope.js", null).statusCode());
        assertEquals(404, fx.get(fx.server.baseUrl() + "/dumps/papergraph.xls", null).statusCode());
        assertEquals(406, fx.get(fx.url(WebFixture.P1), "image/png").statusCode());
        // An object-only IRI (the code repository is outside the base) is not served under /id/.
        assertEquals(404, fx.get(fx.url(WebFixture.BASE + "result/nope"), "application/n-triples").statusCode());
    }

    @Test
    void markupInTheDataShowsAsText() throws Exception {
        for (String url : List.of(fx.url(WebFixture.P1), fx.url(WebFixture.P2), fx.url(WebFixture.DATASET),
                fx.server.baseUrl() + "/search?q=" + URLEncoder.encode("<script>FixNet", StandardCharsets.UTF_8),
                fx.server.baseUrl() + "/search?q=fixnet")) {
            String body = fx.get(url, "text/html").body();
            assertFalse(body.contains("<script>alert"), url);
            assertFalse(body.contains("<script>FixNet"), url);
        }
        String paper = fx.get(fx.url(WebFixture.P1), "text/html").body();
        assertTrue(paper.contains(">FixNet</a> &lt;script&gt;alert('pwned')&lt;/script&gt; &amp; friends</h1>"), paper);
        assertTrue(paper.contains("<title>FixNet &lt;script&gt;alert('pwned')&lt;/script&gt; &amp; friends · papergraph</title>"));
    }

    @Test
    void paperPageShowsAuthorsInOrderEvidenceResultsAndCitations() throws Exception {
        String body = fx.get(fx.url(WebFixture.P1), "text/html").body();
        assertTrue(body.indexOf("Alice Example") < body.indexOf("Bob Example"), "author order");
        assertTrue(body.contains("href=\"https://github.com/example/fixnet\""));
        // Evidence: the mention offsets wrap the exact surface text in a link to the entity page.
        assertTrue(body.contains("class=\"mention method\" title=\"Method: FixNet\" href=\"../../../id/method/fixnet\">FixNet</a>"), body);
        assertTrue(body.contains("class=\"mention dataset\""));
        assertTrue(body.contains("proposed"));
        String results = section(body, "results");
        assertTrue(results.contains("88.5") && results.contains("11.5"), results);
        assertTrue(section(body, "references").contains("BaseNet: a baseline"));
        assertTrue(section(body, "cited-by").contains("BetterNet beats them all"));
        assertTrue(section(body, "co-citation").contains("BaseNet: a baseline"), "P3 cites P1 and P2 together");
        assertTrue(section(body, "related").contains("BaseNet: a baseline"), "shared dataset FixSet-10");
        // P2 cites nothing and has no mentions: its page says so instead of failing.
        String p2 = fx.get(fx.url(WebFixture.P2), "text/html").body();
        assertTrue(section(p2, "references").contains("cites no paper"));
        assertTrue(section(p2, "abstract").contains("No abstract"));
    }

    @Test
    void datasetLeaderboardHonoursLowerIsBetter() throws Exception {
        String body = fx.get(fx.url(WebFixture.DATASET), "text/html").body();
        String board = section(body, "leaderboard");
        int acc = board.indexOf(">Accuracy <small>higher is better");
        int err = board.indexOf(">Error <small>lower is better");
        assertTrue(acc >= 0 && err >= 0, board);
        String accuracy = board.substring(acc, err);
        String error = board.substring(err);
        assertOrder(accuracy, "91.0 %", "88.5 %", "80.1"); // the fixture gives two of them a unit
        assertOrder(error, "9.0", "11.5", "19.9");
        assertTrue(board.contains("<svg") && board.contains("sota-line"), "state-of-the-art chart");
        assertTrue(section(body, "papers").contains("2019"), "papers over time");
        assertTrue(body.contains("FixSet10"), "alternative label");
    }

    @Test
    void methodTaskAndAuthorPages() throws Exception {
        String method = fx.get(fx.url(WebFixture.BASE + "method/basenet"), "text/html").body();
        assertTrue(section(method, "papers").contains("BaseNet: a baseline"));
        assertTrue(section(method, "papers").contains("compared"), "role from the mention");
        assertTrue(section(method, "results").contains("19.9"));
        String task = fx.get(fx.url(WebFixture.BASE + "task/image-classification"), "text/html").body();
        assertTrue(task.contains("<p class=\"kind\">Task</p>"));
        String bob = fx.get(fx.url(WebFixture.BASE + "person/bob-example"), "text/html").body();
        assertTrue(section(bob, "papers").contains("BaseNet: a baseline") && section(bob, "papers").contains("FixNet"));
        assertTrue(section(bob, "coauthors").contains("Alice Example"));
        assertFalse(section(bob, "coauthors").contains("Carol"));
        String result = fx.get(fx.url(WebFixture.BASE + "result/r1e"), "text/html").body();
        assertTrue(section(result, "statements").contains("11.5"));
        assertTrue(section(result, "incoming").contains("FixNet"), "the paper reporting it");
    }

    @Test
    void everyPageHasTheSearchBoxAndSearchFindsPapersAndEntities() throws Exception {
        for (String path : List.of("/", "/search", "/explore", "/query", "/id/dataset/fixset-10", "/id/person/alice-example")) {
            String body = fx.get(fx.server.baseUrl() + path, "text/html").body();
            assertTrue(body.contains("<form class=\"search\""), path);
        }
        String hits = fx.get(fx.server.baseUrl() + "/search?q=baseline", "text/html").body();
        assertTrue(hits.contains("BaseNet: a baseline"));
        // Words of the abstract only, through the Lucene index; query syntax in the input is taken as words.
        String inAbstract = fx.get(fx.server.baseUrl() + "/search?q=evaluate+beats", "text/html").body();
        assertTrue(inAbstract.contains("id/paper/arxiv/2001.00001"), inAbstract);
        assertFalse(inAbstract.contains("id/paper/arxiv/1901.00002"));
        assertEquals(200, fx.get(fx.server.baseUrl() + "/search?q=" + URLEncoder.encode("title:(\"AND OR", StandardCharsets.UTF_8), "text/html").statusCode());
        String entities = fx.get(fx.server.baseUrl() + "/search?q=fixset", "text/html").body();
        assertTrue(entities.contains("id/dataset/fixset-10"));
        String home = fx.get(fx.server.baseUrl() + "/", "text/html").body();
        assertTrue(home.contains("BaseNet: a baseline"), "most cited");
    }

    @Test
    void explorerDataAndStaticFilesComeFromThisServer() throws Exception {
        String json = fx.get(fx.server.baseUrl() + "/api/neighbours?iri=" + URLEncoder.encode(WebFixture.P1, StandardCharsets.UTF_8), null).body();
        var o = org.apache.jena.atlas.json.JSON.parse(json);
        var nodes = o.get("nodes").getAsArray();
        List<String> ids = nodes.stream().map(n -> n.getAsObject().get("data").getAsObject().getString("id")).toList();
        assertTrue(ids.containsAll(List.of(WebFixture.P1, WebFixture.P2, WebFixture.P3, WebFixture.DATASET,
                WebFixture.BASE + "method/fixnet", WebFixture.BASE + "person/alice-example", "https://github.com/example/fixnet")), ids.toString());
        assertTrue(o.get("edges").getAsArray().size() >= ids.size() - 1);
        assertEquals(404, fx.get(fx.server.baseUrl() + "/api/neighbours?iri=" + URLEncoder.encode(WebFixture.BASE + "x/y", StandardCharsets.UTF_8), null).statusCode());
        String start = fx.get(fx.server.baseUrl() + "/explore?q=betternet", "text/html").body();
        assertTrue(start.contains("href=\"explore?iri=" + URLEncoder.encode(WebFixture.BASE + "method/betternet", StandardCharsets.UTF_8) + "\""), start);
        HttpResponse<String> cy = fx.get(fx.server.baseUrl() + "/static/cytoscape.min.js", null);
        assertEquals(200, cy.statusCode());
        assertTrue(cy.body().length() > 100_000 && cy.body().contains("cytoscape"));
        assertEquals(200, fx.get(fx.server.baseUrl() + "/static/explorer.js", null).statusCode());
        String page = fx.get(fx.server.baseUrl() + "/explore?iri=" + URLEncoder.encode(WebFixture.P1, StandardCharsets.UTF_8), "text/html").body();
        assertTrue(page.contains("src=\"./static/cytoscape.min.js\""));
        assertFalse(page.contains("http://") && page.contains("cdn"), "no CDN");
    }

    @Test
    void voidDescribesTheDatasetAndDumpsDownload() throws Exception {
        HttpResponse<String> v = fx.get(fx.server.baseUrl() + "/.well-known/void", null);
        assertEquals(200, v.statusCode());
        Graph g = RDFParser.create().fromString(v.body()).lang(Lang.TURTLE).toGraph();
        String VOID = "http://rdfs.org/ns/void#";
        Node ds = uri(fx.server.baseUrl() + "/.well-known/void#papergraph");
        assertTrue(g.contains(ds, uri(VOID + "sparqlEndpoint"), uri(fx.server.baseUrl() + "/papergraph/sparql")));
        long triples = Txn.calculateRead(fx.store.datasetGraph(), () -> fx.store.datasetGraph().getUnionGraph().size());
        // The class partitions come from the counts the store keeps: each against a count over the data.
        assertTrue(g.contains(Node.ANY, uri(VOID + "class"), PG.Dataset));
        for (Node cls : List.of(PG.Paper, PG.Dataset, PG.Person)) {
            long n = Txn.calculateRead(fx.store.datasetGraph(), () -> fx.store.datasetGraph().getUnionGraph()
                    .find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), cls).toList().size());
            Node part = g.find(Node.ANY, uri(VOID + "class"), cls).next().getSubject();
            assertTrue(n > 0 && g.contains(part, uri(VOID + "entities"), NodeFactory.createLiteralDT(Long.toString(n),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), cls + ": " + n);
        }
        for (String f : List.of("nt", "ttl", "nq", "trig", "jsonld", "rdfxml")) {
            Node dump = uri(fx.server.baseUrl() + "/dumps/papergraph." + f);
            assertTrue(g.contains(ds, uri(VOID + "dataDump"), dump), f);
        }
        HttpResponse<String> nt = fx.get(fx.server.baseUrl() + "/dumps/papergraph.nt", null);
        assertEquals(200, nt.statusCode());
        assertEquals(triples, RDFParser.create().fromString(nt.body()).lang(Lang.NTRIPLES).toGraph().size());
        HttpResponse<String> nq = fx.get(fx.server.baseUrl() + "/dumps/papergraph.nq", null);
        assertTrue(nq.body().contains("<https://papergraph.org/id/graph/test/arxiv/1901.00002>"));
    }

    @Test
    void queryPageRunsNamedQueriesWithParameters() throws Exception {
        String list = fx.get(fx.server.baseUrl() + "/query", "text/html").body();
        for (String name : List.of("cited-by", "leaderboard", "papers", "co-citation")) assertTrue(list.contains("query?name=" + name), name);
        String named = fx.get(fx.server.baseUrl() + "/query?name=cited-by", "text/html").body();
        assertTrue(named.contains("name=\"param.cited\""));
        String text = fx.get(fx.server.baseUrl() + "/query?name=cited-by", "text/html").body();
        String q = text.substring(text.indexOf("<textarea"), text.indexOf("</textarea>"));
        q = org.apache.commons.text.StringEscapeUtils.unescapeHtml4(q.substring(q.indexOf('>') + 1));
        String run = fx.get(fx.server.baseUrl() + "/query?name=cited-by&param.cited=" + URLEncoder.encode(WebFixture.P1, StandardCharsets.UTF_8)
                + "&query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/html").body();
        assertTrue(run.contains("BetterNet beats them all"), run);
        assertTrue(run.contains("1 row"));
        String bad = fx.get(fx.server.baseUrl() + "/query?query=" + URLEncoder.encode("SELECT WHERE {", StandardCharsets.UTF_8), "text/html").body();
        assertTrue(bad.contains("Syntax error"));
        // Paging parameters of a named query work as on the command line: one paper per page.
        String papers = fx.get(fx.server.baseUrl() + "/query?name=papers", "text/html").body();
        String pq = papers.substring(papers.indexOf("<textarea"), papers.indexOf("</textarea>"));
        pq = org.apache.commons.text.StringEscapeUtils.unescapeHtml4(pq.substring(pq.indexOf('>') + 1));
        String all = fx.get(fx.server.baseUrl() + "/query?name=papers&query=" + URLEncoder.encode(pq, StandardCharsets.UTF_8), "text/html").body();
        assertTrue(all.contains("3 rows"), all);
        String page = fx.get(fx.server.baseUrl() + "/query?name=papers&param.limit=1&param.offset=1&query="
                + URLEncoder.encode(pq, StandardCharsets.UTF_8), "text/html").body();
        assertTrue(page.contains("1 row<") || page.contains("1 row "), page);
        String first = fx.get(fx.server.baseUrl() + "/query?name=papers&param.limit=1&query="
                + URLEncoder.encode(pq, StandardCharsets.UTF_8), "text/html").body();
        assertTrue(first.contains("1 row<") || first.contains("1 row "), first);
        String rows = "<tbody>";
        assertTrue(!page.substring(page.indexOf(rows)).equals(first.substring(first.indexOf(rows))), "offset moves the page");
    }

    @Test
    void sparqlEndpointAnswersTextQueries() throws Exception {
        String q = "PREFIX text: <http://jena.apache.org/text#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                + "SELECT ?s WHERE { ?s text:query (dcterms:title \"baseline\") }";
        HttpResponse<String> r = fx.get(fx.server.sparqlUrl() + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("s", WebFixture.P2), r.body().lines().toList());
    }

    /** The HTML of {@code <section id="id">...</section>}; fails when missing. */
    static String section(String page, String id) {
        int s = page.indexOf("<section id=\"" + id + "\"");
        assertTrue(s >= 0, "no section " + id);
        return page.substring(s, page.indexOf("</section>", s));
    }

    static void assertOrder(String text, String... values) {
        int at = -1;
        for (String v : values) {
            int i = text.indexOf(">" + v + "<");
            assertTrue(i > at, v + " out of order in " + text);
            at = i;
        }
    }
}
