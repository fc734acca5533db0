package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.demo.Demo;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Every kind of page, rendered over HTTP from a TDB2 store holding the bundled demo corpus, the hand-written web
 * fixture (mentions with offsets, a dataset leaderboard with a chart) and {@value #EXTRA} generated papers that make
 * the long lists span pages, compared byte for byte with the HTML committed under {@value #GOLDEN}. A change to a
 * page's markup shows here as a diff to review; when it is meant, write the files anew with
 * {@code mvn test -Dtest=GoldenPagesTest -Dgolden.write=true} and commit them with the change.
 */
class GoldenPagesTest {
    static final String GOLDEN = "src/test/resources/web/golden";
    /** Generated papers: each cites the Transformer paper, is written by one author and names FixNet with a result. */
    static final int EXTRA = 60;
    static final String BASE = Iris.DEFAULT_BASE;
    @TempDir static Path tmp;
    static GraphStore store;
    static Server server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** File name (without .html) and path of each page. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "/");
        PAGES.put("search-blank", "/search?q=");
        PAGES.put("search-attention", "/search?q=attention");
        PAGES.put("search-bert", "/search?q=bert");
        PAGES.put("search-nothing", "/search?q=zzqx");
        PAGES.put("paper-transformer", "/id/paper/arxiv/1706.03762");
        PAGES.put("paper-transformer-cited-by-2", "/id/paper/arxiv/1706.03762?cited-by=2#cited-by");
        PAGES.put("paper-transformer-cited-by-past-end", "/id/paper/arxiv/1706.03762?cited-by=9");
        PAGES.put("paper-fixnet", "/id/paper/arxiv/2001.00001");
        PAGES.put("paper-basenet", "/id/paper/arxiv/1901.00002");
        PAGES.put("paper-lstm", "/id/paper/doi/10.1162/neco.1997.9.8.1735");
        PAGES.put("method-fixnet", "/id/method/fixnet");
        PAGES.put("method-fixnet-papers-2", "/id/method/fixnet?papers=2#papers");
        PAGES.put("method-fixnet-results-2", "/id/method/fixnet?results=2#results");
        PAGES.put("dataset-fixset", "/id/dataset/fixset-10");
        PAGES.put("task-image-classification", "/id/task/image-classification");
        PAGES.put("metric-accuracy", "/id/metric/accuracy");
        PAGES.put("metric-error", "/id/metric/error");
        PAGES.put("author-alice", "/id/person/alice-example");
        PAGES.put("author-paging", "/id/person/paging-author");
        PAGES.put("author-paging-papers-2", "/id/person/paging-author?papers=2#papers");
        PAGES.put("generic-result", "/id/result/r1a");
        PAGES.put("query", "/query");
        PAGES.put("query-named", "/query?name=stats");
        PAGES.put("query-run", "/query?query=SELECT+%3Fs+%3Ft+WHERE+%7B+%3Fs+%3Chttp%3A%2F%2Fpurl.org%2Fdc%2Fterms%2Ftitle%3E+%3Ft+%7D+ORDER+BY+%3Ft+LIMIT+5");
        PAGES.put("query-ask", "/query?query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D");
        PAGES.put("query-syntax-error", "/query?query=SELEKT");
        PAGES.put("explore-blank", "/explore");
        PAGES.put("explore-search", "/explore?q=fixnet");
        PAGES.put("explore-iri", "/explore?iri=" + java.net.URLEncoder.encode(BASE + "paper/arxiv/2001.00001", StandardCharsets.UTF_8));
        PAGES.put("papers", "/papers");
        PAGES.put("papers-month-by-citations", "/papers?month=2017-06&sort=citations");
        PAGES.put("papers-month-page-2", "/papers?month=2022-01&sort=date&page=1");
        PAGES.put("papers-undated", "/papers?month=undated");
        PAGES.put("not-found", "/id/method/no-such-method");
    }

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        Demo.ingest(store, Demo.BUNDLED, IngestListener.NONE);
        DatasetGraph dsg = store.datasetGraph();
        try (InputStream in = GoldenPagesTest.class.getResourceAsStream("/web/fixture.trig")) {
            Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, in, Lang.TRIG));
        }
        Txn.executeWrite(dsg, GoldenPagesTest::addPagingPapers);
        Duration timeout = Duration.ofSeconds(20);
        server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
    }

    /** {@value #EXTRA} papers, two a month from 2022, so the cited-by, author, method-papers and results lists have two pages. */
    static void addPagingPapers() {
        DatasetGraph dsg = store.datasetGraph();
        Node author = NodeFactory.createURI(BASE + "person/paging-author");
        Node g = NodeFactory.createURI(BASE + "graph/test/paging");
        dsg.add(g, author, RDF.type.asNode(), PG.Person);
        dsg.add(g, author, NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"), NodeFactory.createLiteralString("Paging Author"));
        dsg.add(g, author, org.apache.jena.vocabulary.RDFS.label.asNode(), NodeFactory.createLiteralString("Paging Author"));
        Node transformer = NodeFactory.createURI(BASE + "paper/arxiv/1706.03762");
        Node fixnet = NodeFactory.createURI(BASE + "method/fixnet");
        for (int i = 0; i < EXTRA; i++) {
            String id = String.format("22%02d.%05d", i / 2 % 12 + 1, i);
            Node p = NodeFactory.createURI(BASE + "paper/arxiv/" + id);
            dsg.add(g, p, RDF.type.asNode(), PG.Paper);
            dsg.add(g, p, DCTerms.title.asNode(), NodeFactory.createLiteralString("Paging paper number " + i));
            dsg.add(g, p, DCTerms.issued.asNode(), NodeFactory.createLiteralDT(
                    String.format("%d-%02d-%02d", 2022 + i / 24, i / 2 % 12 + 1, i % 2 + 1), XSDDatatype.XSDdate));
            dsg.add(g, p, DCTerms.creator.asNode(), author);
            dsg.add(g, p, CITO.cites, transformer);
            Node m = NodeFactory.createURI(p.getURI() + "#mention");
            dsg.add(g, p, PG.hasMention, m);
            dsg.add(g, m, PG.entity, fixnet);
            Node r = NodeFactory.createURI(p.getURI() + "#result");
            dsg.add(g, p, PG.reportsResult, r);
            dsg.add(g, r, PG.method, fixnet);
            dsg.add(g, r, PG.dataset, NodeFactory.createURI(BASE + "dataset/fixset-10"));
            dsg.add(g, r, PG.metric, NodeFactory.createURI(BASE + "metric/accuracy"));
            dsg.add(g, r, PG.value, NodeFactory.createLiteralDT((50 + i % 40) + "." + (i % 10), XSDDatatype.XSDdecimal));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(path.startsWith("/id/method/no-such") ? 404 : 200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void everyPageKindRendersAsCommitted() throws Exception {
        boolean write = Boolean.getBoolean("golden.write");
        Path dir = Path.of(GOLDEN);
        if (write) Files.createDirectories(dir);
        List<String> differ = new ArrayList<>();
        for (var e : PAGES.entrySet()) {
            String html = get(e.getValue());
            Path file = dir.resolve(e.getKey() + ".html");
            if (write) {
                Files.writeString(file, html, StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.exists(file), "no golden file " + file + "; write them with -Dgolden.write=true");
            String golden = Files.readString(file, StandardCharsets.UTF_8);
            if (!golden.equals(html)) {
                Files.createDirectories(Path.of("target", "golden-actual"));
                Files.writeString(Path.of("target", "golden-actual", e.getKey() + ".html"), html, StandardCharsets.UTF_8);
                differ.add(e.getKey() + " (at char " + firstDifference(golden, html) + ")");
            }
        }
        assertEquals(List.of(), differ, "pages that differ from " + GOLDEN + "; the rendered ones are in target/golden-actual/");
    }

    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
        return n;
    }
}
