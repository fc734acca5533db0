package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;

import org.papergraph.SharedData;
import org.papergraph.demo.Demo;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.Ingestor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;

/**
 * The pages in a real headless Chromium, driven over WebDriver: the bundled demo corpus plus the hand-written fixture
 * (which adds methods, a dataset with results and mentions) in a TDB2 store, served on a free port. Walks search →
 * paper → cited-by, paper → method mention → dataset leaderboard → another paper, and expands the explorer with a
 * mouse click, and opens a dataset page built from full-text papers (results read from tables, with their evidence).
 * Screenshots land in target/screenshots/ for people to look at. Fails, rather than skips, without Chromium: CI
 * installs it.
 */
class BrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir static Path tmp;
    static GraphStore store;
    static Server server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = WebDriver.onPath("chromium");
        Path chromedriver = WebDriver.onPath("chromedriver");
        if (chromium == null || chromedriver == null) fail(WebDriver.INSTALL);
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        Demo.ingest(store, Demo.BUNDLED, IngestListener.NONE);
        try (InputStream in = BrowserTest.class.getResourceAsStream("/web/fixture.trig")) {
            Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), in, Lang.TRIG));
        }
        // Full-text dev papers, a GROBID TEI file and a LaTeX source, whose tables give results with evidence.
        new Ingestor(store, Extractors.defaults(store.iris()), 100, IngestListener.NONE).ingest(List.of(
                SharedData.path("data/sota-leaderboards/grobid-tei-2023/train/127/2007.06267v2.tei.xml"),
                SharedData.path("data/sota-leaderboards/clef2024/validation/1803.09454v1/1803.09454v1.tex")), null);
        Duration timeout = Duration.ofSeconds(20);
        server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
        Files.createDirectories(tmp.resolve("profile"));
        browser = new WebDriver(chromium, chromedriver, tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    String page(String path) { return server.baseUrl() + path; }

    @Test
    void searchThenPaperThenCitedBy() throws Exception {
        browser.open(page("/"));
        browser.screenshot(SHOTS.resolve("home.png"));
        browser.type(browser.find("header form.search input[name=q]"), "attention is all");
        browser.click(browser.find("header form.search button"));
        WebDriver.await("search results", 10, () -> safe(() -> browser.url().contains("/search?q=")));
        browser.screenshot(SHOTS.resolve("search.png"));
        browser.click(browser.find("ul.hits a[href$='id/paper/arxiv/1706.03762']"));
        WebDriver.await("paper page", 10, () -> safe(() -> browser.url().endsWith("/id/paper/arxiv/1706.03762")));
        assertEquals("Attention Is All You Need", browser.text(browser.find("h1")));
        browser.screenshot(SHOTS.resolve("paper.png"));

        String citing = browser.find("#cited-by ul.papers li a");
        String citingTitle = browser.text(citing);
        browser.click(citing);
        WebDriver.await("citing paper", 10, () -> safe(() -> !browser.url().endsWith("/1706.03762")));
        assertEquals(citingTitle, browser.text(browser.find("h1")));
        // The citing paper lists the one we came from among its references.
        assertNotNull(browser.find("#references a[href$='id/paper/arxiv/1706.03762']"));
        browser.screenshot(SHOTS.resolve("cited-by.png"));
    }

    @Test
    void paperToMethodToDatasetLeaderboardToAnotherPaper() throws Exception {
        browser.open(page("/id/paper/arxiv/1901.00002"));
        browser.click(browser.find("#cited-by a[href$='id/paper/arxiv/2001.00001']"));
        WebDriver.await("FixNet paper", 10, () -> safe(() -> browser.url().endsWith("/2001.00001")));
        // The title holds markup in the data: the browser must show it as text, and no script may have run.
        assertTrue(browser.text(browser.find("h1")).contains("<script>alert('pwned')</script>"));
        assertEquals(0, ((Number) browser.script("return document.querySelectorAll('main script').length;").getAsNumber().value()).intValue());
        browser.screenshot(SHOTS.resolve("paper-with-evidence.png"));

        browser.click(browser.find("#abstract a.mention.method"));
        WebDriver.await("method page", 10, () -> safe(() -> browser.url().endsWith("/id/method/fixnet")));
        assertEquals("FixNet", browser.text(browser.find("h1")));
        browser.click(browser.find("#results a[href$='id/dataset/fixset-10']"));
        WebDriver.await("dataset page", 10, () -> safe(() -> browser.url().endsWith("/id/dataset/fixset-10")));
        String firstError = browser.text(browser.find("#leaderboard table.leaderboard:nth-of-type(2) tbody tr td:nth-child(2)"));
        assertEquals("BetterNet", firstError);
        assertTrue(browser.script("return document.querySelectorAll('#leaderboard svg circle').length;").getAsNumber().value().intValue() >= 6);
        browser.screenshot(SHOTS.resolve("leaderboard.png"));
        browser.click(browser.find("#leaderboard tbody tr td:nth-child(4) a"));
        WebDriver.await("another paper", 10, () -> safe(() -> browser.url().endsWith("/id/paper/arxiv/2102.00003")));
        assertEquals("BetterNet beats them all", browser.text(browser.find("h1")));
    }

    /**
     * A dataset page built from full-text papers: the leaderboard ranks the papers' own table results and says where
     * each was read ("Table 2, row ‘BoxE(a)’, column ‘FB15k-237 / MRR’"); results a paper reports for other methods are
     * listed, marked, but not ranked.
     */
    @Test
    void datasetPageShowsTableResultsWithTheirEvidence() throws Exception {
        browser.open(page("/id/dataset/fb15k237"));
        WebDriver.await("dataset page", 10, () -> safe(() -> browser.text(browser.find("h1")).equals("FB15k-237")));
        String board = browser.text(browser.find("#leaderboard"));
        assertTrue(board.contains("Ranked by the results each paper reports for its own method"), board);
        assertTrue(board.contains("Table 2, row ‘BoxE(a)’, column ‘FB15k-237 / MRR’: “.337”"), board);
        assertEquals(0, ((Number) browser.script("return Array.from(document.querySelectorAll('#leaderboard td'))"
                + ".filter(td => td.textContent.includes('RotatE')).length;").getAsNumber().value()).intValue(),
                "another method's row as the BoxE paper reports it is not ranked");
        assertEquals(0, boardsRepeatingAMethodsPaper());
        String results = browser.text(browser.find("#results"));
        assertTrue(results.contains("(reported for another method)"), results);
        assertTrue(results.contains("row ‘RotatE(a) [37]’"), results);
        browser.screenshot(SHOTS.resolve("dataset-table-results.png"));
    }

    /** Leaderboard tables of the open page that show a method of one paper on two rows. */
    private static int boardsRepeatingAMethodsPaper() throws Exception {
        return ((Number) browser.script("""
                return Array.from(document.querySelectorAll('#leaderboard table.leaderboard')).filter(t => {
                  const keys = Array.from(t.querySelectorAll('tbody tr')).map(r => r.cells[1].textContent + '|' + r.cells[3].textContent);
                  return new Set(keys).size < keys.length; }).length;""").getAsNumber().value()).intValue();
    }

    @Test
    void explorerDrawsTheGraphAndExpandsOnClick() throws Exception {
        browser.open(page("/explore?iri=" + URLEncoder.encode(WebFixture.P2, StandardCharsets.UTF_8)));
        WebDriver.await("explorer ready", 15, () -> safe(() -> "true".equals(browser.attribute(browser.find("#cy"), "data-ready"))));
        int before = browser.script("return window.papergraphExplorer.nodes().length;").getAsNumber().value().intValue();
        assertTrue(before >= 4, "P2 with its author, citing papers and entities: " + before);
        assertTrue(browser.script("return document.querySelectorAll('#cy canvas').length;").getAsNumber().value().intValue() > 0,
                "Cytoscape drew on a canvas");
        // Click the node of the FixNet paper where Cytoscape drew it: on the graph's box, which ends inside the window
        // (a box taller than the window hid the nodes drawn near its bottom edge).
        JsonValue pos = browser.script("""
                var n = window.papergraphExplorer.getElementById(arguments[0]);
                var p = n.renderedPosition(); var r = document.getElementById('cy').getBoundingClientRect();
                return [Math.round(r.left + p.x), Math.round(r.top + p.y), r.left, r.top, r.right, r.bottom,
                        document.documentElement.clientWidth, window.innerHeight];""", WebFixture.P1);
        int[] v = pos.getAsArray().stream().mapToInt(j -> (int) Math.floor(j.getAsNumber().value().doubleValue())).toArray();
        int x = v[0], y = v[1];
        assertTrue(v[5] <= v[7] && v[4] <= v[6], "the graph's box " + pos + " ends inside the window");
        assertTrue(x > v[2] && x < v[4] && y > v[3] && y < v[5], "FixNet is drawn inside the graph's box: " + pos);
        browser.clickAt(x, y);
        WebDriver.await("expansion of the clicked node", 10, () -> safe(() ->
                browser.script("return window.papergraphExplorer.getElementById(arguments[0]).hasClass('expanded');", WebFixture.P1)
                        .getAsBoolean().value()));
        int after = browser.script("return window.papergraphExplorer.nodes().length;").getAsNumber().value().intValue();
        assertTrue(after > before, before + " -> " + after);
        assertTrue(browser.text(browser.find("#panel")).contains("FixNet"), "the panel shows the clicked node");
        assertFalse(browser.script("return window.papergraphExplorer.getElementById(arguments[0]).empty();",
                WebFixture.BASE + "person/alice-example").getAsBoolean().value(), "FixNet's author appeared");
        browser.screenshot(SHOTS.resolve("explorer.png"));
    }

    /**
     * Every kind of page at a desktop (1280 px) and a phone (390 px) width: nothing makes the page wider than the
     * window (long IRIs wrap, wide tables scroll inside themselves), and a screenshot of each lands in
     * target/screenshots/ to look at.
     */
    @Test
    void everyPageKindFitsADesktopAndAPhone() throws Exception {
        String[][] pages = {{"home", "/"}, {"search", "/search?q=bert"}, {"papers", "/papers"},
                {"paper", "/id/paper/arxiv/1706.03762"}, {"paper-results", "/id/paper/arxiv/2001.00001"},
                {"method", "/id/method/fixnet"}, {"dataset", "/id/dataset/fixset-10"}, {"task", "/id/task/image-classification"},
                {"metric", "/id/metric/accuracy"}, {"author", "/id/person/ashish-vaswani"}, {"generic", "/id/result/r1a"},
                {"query", "/query?name=stats&query=" + URLEncoder.encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20", StandardCharsets.UTF_8)},
                {"explore", "/explore"}};
        try {
            for (int width : new int[] {1280, 390}) {
                browser.size(width, 900);
                for (String[] p : pages) {
                    browser.open(page(p[1]));
                    if (p[0].equals("explore")) {
                        WebDriver.await("explorer ready", 15, () -> safe(() -> "true".equals(browser.attribute(browser.find("#cy"), "data-ready"))));
                    }
                    int scroll = browser.script("return document.documentElement.scrollWidth;").getAsNumber().value().intValue();
                    int inner = browser.script("return document.documentElement.clientWidth;").getAsNumber().value().intValue();
                    browser.screenshot(SHOTS.resolve(p[0] + "-" + width + ".png"));
                    assertTrue(scroll <= inner, p[0] + " at " + width + " px is " + scroll + " px wide");
                }
            }
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void theExplorerOpensOnAGraphAndShowsMoreOnRequest() throws Exception {
        browser.open(page("/explore"));
        WebDriver.await("explorer ready", 15, () -> safe(() -> "true".equals(browser.attribute(browser.find("#cy"), "data-ready"))));
        int nodes = browser.script("return window.papergraphExplorer.nodes().length;").getAsNumber().value().intValue();
        assertTrue(nodes > 1, "a graph, not a blank page: " + nodes);
        // Bigger nodes for more links.
        assertTrue(browser.script("""
                var cy = window.papergraphExplorer, c = cy.getElementById(document.getElementById('cy').getAttribute('data-start'));
                var leaf = cy.nodes().filter(function (n) { return n.degree() === 1; })[0];
                return c.width() > leaf.width();""").getAsBoolean().value(), "node size follows degree");
        // Labels do not overlap: no two label boxes share more than a sliver (3 px either way).
        JsonValue overlaps = browser.script("""
                var ns = window.papergraphExplorer.nodes(), out = [];
                var bb = ns.map(function (n) { return n.boundingBox({ includeLabels: true, includeNodes: false }); });
                for (var i = 0; i < bb.length; i++) for (var j = i + 1; j < bb.length; j++) {
                  var a = bb[i], b = bb[j];
                  var w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
                  if (w > 3 && h > 3) out.push(ns[i].data('label') + ' / ' + ns[j].data('label'));
                }
                return out;""");
        assertEquals(0, overlaps.getAsArray().size(), "labels overlap: " + overlaps);
        // The most-cited demo paper has more neighbours than a first expansion shows: "Show more" adds them.
        browser.open(page("/explore?iri=" + URLEncoder.encode(WebFixture.BASE + "paper/arxiv/1706.03762", StandardCharsets.UTF_8)));
        WebDriver.await("explorer ready", 15, () -> safe(() -> "true".equals(browser.attribute(browser.find("#cy"), "data-ready"))));
        int before = browser.script("return window.papergraphExplorer.nodes().length;").getAsNumber().value().intValue();
        assertTrue(before <= Neighbours.LIMIT + 1, "a first view is limited: " + before);
        browser.click(browser.find("#show-more"));
        WebDriver.await("more nodes", 10, () -> safe(() ->
                browser.script("return window.papergraphExplorer.nodes().length;").getAsNumber().value().intValue() > before));
        browser.screenshot(SHOTS.resolve("explorer-more.png"));
    }

    interface Check { boolean get() throws Exception; }

    static boolean safe(Check c) {
        try {
            return c.get();
        } catch (Exception | AssertionError e) {
            return false;
        }
    }
}
