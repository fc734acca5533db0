package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.demo.Demo;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;

/**
 * Follows the links between pages of the demo corpus plus the fixture, breadth first from the home page (up to
 * {@value #MAX_PAGES} pages): every page reached answers 200 with HTML, and every resource page also answers in Turtle. Catches pages that break on real
 * data (missing titles, odd dates, stub papers known only from reference lists).
 */
class SiteCrawlTest {
    static final int MAX_PAGES = 80;
    static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @TempDir Path tmp;

    @Test
    void linkedPagesOfTheDemoAnswer() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Demo.ingest(store, Demo.BUNDLED, IngestListener.NONE);
            try (InputStream in = SiteCrawlTest.class.getResourceAsStream("/web/fixture.trig")) {
                Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), in, Lang.TRIG));
            }
            Duration timeout = Duration.ofSeconds(20);
            Server server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
            try {
                var http = java.net.http.HttpClient.newHttpClient();
                String root = server.baseUrl() + "/";
                Deque<String> todo = new ArrayDeque<>(List.of(root, root + "id/paper/arxiv/1706.03762"));
                Set<String> seen = new HashSet<>(todo);
                List<String> failures = new ArrayList<>();
                int pages = 0, resources = 0;
                // Breadth first from the home page reaches every kind of page within the cap; the cap keeps the build short.
                while (!todo.isEmpty() && pages < MAX_PAGES) {
                    String url = todo.poll();
                    HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                            HttpResponse.BodyHandlers.ofString());
                    pages++;
                    if (r.statusCode() != 200) {
                        failures.add(r.statusCode() + " " + url);
                        continue;
                    }
                    if (url.contains("/id/")) {
                        resources++;
                        String plain = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                        int ttl = http.send(java.net.http.HttpRequest.newBuilder(URI.create(plain)).header("Accept", "text/turtle").build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (ttl != 200) failures.add(ttl + " turtle " + plain);
                    }
                    Matcher m = HREF.matcher(r.body());
                    while (m.find()) {
                        String href = StringEscapeUtils.unescapeHtml4(m.group(1));
                        if (href.startsWith("http") || href.contains("?") || href.startsWith("#")) continue;
                        String next = URI.create(url).resolve(href.replace(" ", "%20")).toString();
                        int hash = next.indexOf('#');
                        if (hash >= 0) next = next.substring(0, hash);
                        if (next.startsWith(root + "id/") && seen.add(next)) todo.add(next);
                    }
                }
                assertEquals(List.of(), failures);
                assertTrue(resources > 60, "crawled " + resources + " resource pages of " + pages);
            } finally {
                server.stop();
            }
        }
    }
}
