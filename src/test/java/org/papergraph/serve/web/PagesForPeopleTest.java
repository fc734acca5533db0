package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.demo.Demo;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.serve.web.view.Views.Chart;
import org.papergraph.store.GraphStore;

/**
 * What a person reading the pages should not trip over, each checked on the demo corpus plus the web fixture served
 * over HTTP: values with their unit ("91.0 %"), chart axes rounded, "1 paper" not "1 papers", the stats bar in words,
 * a way to every paper from the home page (walked month by month, each dated paper exactly once), search putting the
 * exact name first, and IRIs without a label shown short.
 */
class PagesForPeopleTest {
    @TempDir static Path tmp;
    static GraphStore store;
    static Server server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        Demo.ingest(store, Demo.BUNDLED, IngestListener.NONE);
        try (InputStream in = PagesForPeopleTest.class.getResourceAsStream("/web/fixture.trig")) {
            Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), in, Lang.TRIG));
        }
        Duration timeout = Duration.ofSeconds(20);
        server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return StringEscapeUtils.unescapeHtml4(r.body());
    }

    @Test
    void valuesShowTheirUnit() throws Exception {
        // r3a is stored as 91.0 with pg:unit "percent", as the extractors write it.
        String paper = get("/id/paper/arxiv/2102.00003");
        assertTrue(paper.contains("<td class=\"num\">91.0 %</td>"), paper);
        String dataset = get("/id/dataset/fixset-10");
        assertTrue(dataset.contains("<td class=\"num\">91.0 %</td>"), "leaderboard and results show the unit");
        assertFalse(dataset.contains("percent"), dataset);
    }

    @Test
    void chartAxesAreRounded() {
        // One value only: the axis runs one either side, which doubles put at 3.9400000000000004.
        List<SotaChart.Point> one = List.of(new SotaChart.Point(2020.0, new BigDecimal("4.94"), null, null));
        Chart c = SotaChart.chart("Error", one, true, Map.of());
        assertEquals("5.94", c.top());
        assertEquals("3.94", c.bottom());
        assertEquals("0.1", SotaChart.fmt(0.1 + 0.2 - 0.2));
    }

    @Test
    void countsAgreeWithTheirNouns() throws Exception {
        Pattern wrong = Pattern.compile("(?<![\\d,.])1 (papers|times|shared references|shared methods|results|authors|citations)\\b");
        for (String path : List.of("/", "/id/paper/doi/10.1162/neco.1997.9.8.1735", "/id/paper/arxiv/2001.00001",
                "/id/paper/arxiv/1901.00002", "/search?q=fixnet")) {
            Matcher m = wrong.matcher(get(path));
            assertFalse(m.find(), path + ": '" + (m.hitEnd() ? "" : m.group()) + "'");
        }
        assertTrue(get("/id/paper/arxiv/1901.00002").contains("cited together by 1 paper<"), "singular where it is one");
    }

    @Test
    void theStatsBarSpeaksWords() throws Exception {
        String home = get("/");
        String stats = home.substring(home.indexOf("<ul class=\"stats\">"), home.indexOf("</ul>", home.indexOf("<ul class=\"stats\">")));
        assertFalse(stats.contains("CodeRepository"), stats);
        assertTrue(stats.contains(" code repositories</li>") || stats.contains(" code repository</li>"), stats);
        assertTrue(stats.indexOf(" papers</li>") < stats.indexOf(" authors</li>"), "papers first: " + stats);
    }

    /** From the home page, month by month, older and older: every dated paper once; the undated ones on their own list. */
    @Test
    void everyPaperIsReachableFromTheHomePage() throws Exception {
        assertTrue(get("/").contains("<a href=\"./papers\">Browse every paper</a>"));
        Set<String> dated = iris("SELECT DISTINCT ?p WHERE { ?p a <https://papergraph.org/ontology#Paper> ; <http://purl.org/dc/terms/issued> ?d }");
        Set<String> undated = iris("""
                SELECT DISTINCT ?p WHERE { ?p a <https://papergraph.org/ontology#Paper>
                  FILTER NOT EXISTS { ?p <http://purl.org/dc/terms/issued> ?d } }""");
        assertTrue(dated.size() > 50, dated.size() + " dated");
        Pattern row = Pattern.compile("<li><a href=\"\\./id/([^\"]+)\"");
        Pattern nextLink = Pattern.compile("<a href=\"(papers\\?[^\"]+)\"[^>]*>next ›</a>");
        Pattern olderLink = Pattern.compile("<a href=\"(papers\\?month=[0-9-]+&sort=date)\">[^<]* »</a>");
        List<String> seen = new ArrayList<>();
        String path = "/papers";
        int months = 0;
        while (path != null && months++ < 400) {
            String page = get(path);
            for (String current = page; current != null; ) {
                Matcher m = row.matcher(current.substring(current.indexOf("<section id=\"papers\">")));
                while (m.find()) seen.add(Iris.DEFAULT_BASE + m.group(1));
                Matcher next = nextLink.matcher(current);
                current = next.find() ? get("/" + next.group(1)) : null;
            }
            Matcher older = olderLink.matcher(page);
            path = older.find() ? "/" + older.group(1) : null;
        }
        assertEquals(dated, new HashSet<>(seen), "each dated paper, month by month");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no paper twice");
        String undatedPage = get("/papers?month=undated");
        Matcher m = row.matcher(undatedPage);
        Set<String> listed = new HashSet<>();
        while (m.find()) listed.add(Iris.DEFAULT_BASE + m.group(1));
        assertEquals(undated, listed, "the undated list holds the undated papers");
        if (undated.isEmpty()) assertTrue(undatedPage.contains("Every paper in the graph has a date."), undatedPage);
    }

    @Test
    void aMonthSortsByCitations() throws Exception {
        String byDate = get("/papers?month=2017-06&sort=date");
        String byCites = get("/papers?month=2017-06&sort=citations");
        assertTrue(byDate.contains("Attention Is All You Need") && byCites.contains("Attention Is All You Need"));
        Matcher counts = Pattern.compile("<small class=\"count\">cited ([\\d,]+) times?</small>").matcher(byCites);
        List<Integer> seen = new ArrayList<>();
        while (counts.find()) seen.add(Integer.parseInt(counts.group(1).replace(",", "")));
        assertTrue(seen.size() >= 2, byCites);
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i - 1) >= seen.get(i), "most cited first: " + seen);
    }

    @Test
    void searchPutsTheExactNameFirst() throws Exception {
        String hits = get("/search?q=bert");
        int paper = hits.indexOf("BERT: Pre-training of Deep Bidirectional Transformers");
        int person = hits.indexOf("<span class=\"badge\">Person</span>");
        assertTrue(paper > 0, hits);
        assertTrue(person < 0 || paper < person, "the BERT paper before any author named like it");
        assertTrue(hits.indexOf(">BERT</a>") < paper, "the method named exactly BERT first");
    }

    @Test
    void iriWithoutALabelIsShownShort() throws Exception {
        String generic = get("/id/result/r1a");
        assertTrue(generic.contains(">pg:method</a>"), generic);
        assertFalse(generic.contains(">https://papergraph.org/ontology#method</a>"), generic);
        String query = get("/query?query=" + java.net.URLEncoder.encode(
                "SELECT ?s WHERE { ?s a <https://papergraph.org/ontology#Paper> } ORDER BY ?s LIMIT 3", "UTF-8"));
        assertTrue(query.contains("title=\"https://papergraph.org/id/paper/"), query);
        assertTrue(Pattern.compile(">paper/[^<]+</a></td>").matcher(query).find(), query);
    }

    static Set<String> iris(String select) {
        Set<String> out = new HashSet<>();
        Txn.executeRead(store.datasetGraph(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(select).build()) {
                qe.execSelect().forEachRemaining(r -> out.add(r.getResource("p").getURI()));
            }
        });
        return out;
    }

    /** The seed listing has no dates and no citations: its papers are still a click from the home page. */
    @Test
    void aListingWithoutDatesCanBeBrowsed(@TempDir Path dir) throws Exception {
        Path listing = SharedData.ROOT.resolve("seeds/trending-papers-listing.txt");
        try (GraphStore s = GraphStore.open(dir.resolve("db"), Iris.defaults())) {
            new Ingestor(s, Extractors.defaults(s.iris()), Ingestor.DEFAULT_BATCH, IngestListener.NONE).ingest(List.of(listing), null);
            Duration timeout = Duration.ofSeconds(20);
            Server own = Server.builder(s).port(0).timeout(timeout).customize(WebSite.installer(s, timeout)).build().start();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/papers")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                Matcher m = Pattern.compile("<li><a href=\"\\./id/paper/").matcher(r.body());
                int rows = 0;
                while (m.find()) rows++;
                assertEquals(Paging.ROWS, rows, "a full first page of the undated papers");
                assertTrue(StringEscapeUtils.unescapeHtml4(r.body()).contains("next ›"), "and a next page: " + r.body());
            } finally {
                own.stop();
            }
        }
    }
}
