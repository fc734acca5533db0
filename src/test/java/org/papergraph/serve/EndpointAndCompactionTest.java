package org.papergraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.CompactionTest;
import org.papergraph.ingest.Compactor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;
import org.papergraph.store.StoreLayout;

/**
 * The SPARQL endpoint opened without a query (the pages' "SPARQL endpoint" link), and a server that allows updates
 * compacting its store while clients query it (issue 21).
 */
class EndpointAndCompactionTest {
    static final String PAPERS = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(?p) AS ?n) WHERE { ?p a pg:Paper }";
    @TempDir Path tmp;

    static HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (accept != null) b.header("Accept", accept);
        return HttpClient.newBuilder().build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEndpointWithoutAQueryAnswersTheQueryPageOrItsServiceDescription() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            Server s = Server.builder(store).port(0).queryPage("/query").maxResults(5000)
                    .customize(org.papergraph.serve.web.WebSite.installer(store, Duration.ofSeconds(30))).build().start();
            try {
                // The query page shows 1000 rows of a bigger answer and says it is bigger, not how big.
                HttpResponse<String> page = get(s.baseUrl() + "/query?query=" + java.net.URLEncoder.encode(
                        "SELECT * WHERE { ?s ?p ?o }", StandardCharsets.UTF_8), "text/html");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("at least 1001 rows; the first 1000 shown"), "no 'at least' on the query page");
                assertFalse(page.body().contains("1000 rows (first 1000 shown)"));
                for (String url : List.of(s.sparqlUrl(), s.datasetUrl() + "/query")) {
                    HttpResponse<String> browser = get(url, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
                    assertEquals(303, browser.statusCode(), browser.body());
                    assertEquals(s.baseUrl() + "/query", browser.headers().firstValue("Location").orElse(""));
                    for (String accept : new String[] {null, "*/*", "text/turtle", "application/ld+json", "application/n-triples"}) {
                        HttpResponse<String> r = get(url, accept);
                        assertEquals(200, r.statusCode(), accept + ": " + r.body());
                        Lang lang = accept == null || accept.equals("*/*") || accept.equals("text/turtle") ? Lang.TURTLE
                                : accept.equals("application/ld+json") ? Lang.JSONLD : Lang.NTRIPLES;
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(lang.getHeaderString()), accept);
                        Model m = ModelFactory.createDefaultModel();
                        RDFDataMgr.read(m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang);
                        var service = m.createResource(url);
                        assertTrue(m.contains(service, RDF.type, m.createResource(EndpointDescription.SD + "Service")), r.body());
                        assertTrue(m.contains(service, m.createProperty(EndpointDescription.SD + "endpoint"), service), r.body());
                        assertTrue(m.contains(service, m.createProperty(EndpointDescription.SD + "supportedLanguage"),
                                m.createResource(EndpointDescription.SD + "SPARQL11Query")));
                        assertTrue(r.body().contains("5000"), "the cap is not described: " + r.body());
                    }
                }
                // With a query it is the endpoint as before.
                HttpResponse<String> q = get(s.queryUrl(PAPERS), "text/csv");
                assertEquals(200, q.statusCode());
                assertEquals("n\r\n132\r\n", q.body());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void aServerThatTakesUpdatesCompactsWhileItIsQueried() throws Exception {
        Path dir = tmp.resolve("served");
        try (GraphStore store = GraphStore.open(dir, Iris.defaults())) {
            for (int i = 0; i < 2; i++) {
                new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            }
            Compaction.Estimate before = store.estimate();
            assertTrue(before.worthCompacting(), before.toString());
            Server s = Server.builder(store).port(0).allowUpdates("admin", "pw").compactEvery(Duration.ofDays(1), Compactor.PACKED)
                    .customize(org.papergraph.serve.web.WebSite.installer(store, Duration.ofSeconds(30))).build().start();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            try {
                for (int t = 0; t < 3; t++) {
                    int kind = t;
                    Thread th = new Thread(() -> {
                        while (!stop.get()) {
                            try {
                                if (kind == 2) {
                                    HttpResponse<String> page = get(s.baseUrl() + "/search?q=transformer", "text/html");
                                    if (page.statusCode() != 200) wrong.add("search page " + page.statusCode());
                                } else {
                                    HttpResponse<String> r = get(s.queryUrl(PAPERS), "text/csv");
                                    if (r.statusCode() != 200 || !r.body().equals("n\r\n132\r\n")) wrong.add(r.statusCode() + " " + r.body());
                                }
                                answered.incrementAndGet();
                            } catch (Exception e) {
                                wrong.add(e.toString());
                            }
                        }
                    });
                    th.start();
                    readers.add(th);
                }
                Thread.sleep(500);
                var compaction = s.compactNow();
                // A write sent while the compaction runs is refused with Retry-After, or waits for it, never lost.
                HttpResponse<String> during = update(s, "INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:b> \"during\" } }");
                assertTrue(during.statusCode() == 204 || (during.statusCode() == 503 && during.headers().firstValue("Retry-After").isPresent()),
                        during.statusCode() + " " + during.body());
                Compaction.Result r = compaction.get(300, TimeUnit.SECONDS);
                assertNotNull(r, "the store was worth compacting but was not compacted");
                Thread.sleep(500);
                stop.set(true);
                for (Thread th : readers) th.join(60_000);
                assertTrue(wrong.isEmpty(), "requests failed around the compaction: " + wrong);
                assertTrue(answered.get() > 10, "only " + answered.get() + " requests answered");
                assertTrue(r.bytesAfter() < before.storeBytes() / 2, r.toString());
                HttpResponse<String> after = update(s, "INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:b> \"after\" } }");
                assertEquals(204, after.statusCode(), after.body());
                HttpResponse<String> seen = get(s.queryUrl("SELECT ?o WHERE { GRAPH <urn:test:g> { ?s ?p ?o } } ORDER BY ?o"), "text/csv");
                assertTrue(seen.body().contains("after"), seen.body());
                assertFalse(store.estimate().worthCompacting());
                // The new generation keeps the lean layout (ADR 0017), in use and on disk.
                assertEquals(List.of(StoreLayout.QUAD_INDEXES), store.quadIndexes());
                assertEquals(Set.of(StoreLayout.QUAD_INDEXES), CompactionTest.quadIndexFiles(dir));
                System.out.println("EndpointAndCompactionTest: " + answered.get() + " requests answered around " + r
                        + "; an update during it answered " + during.statusCode());
            } finally {
                stop.set(true);
                s.stop();
            }
        }
        try (Stream<Path> gens = Files.list(dir)) {
            assertEquals(List.of("Data-0002"), gens.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList());
        }
        try (GraphStore reopened = GraphStore.open(dir, Iris.defaults())) {
            assertTrue(reopened.size() > 30_000);
            assertEquals(List.of(StoreLayout.QUAD_INDEXES), reopened.quadIndexes());
        }
    }

    static HttpResponse<String> update(Server s, String update) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.updateUrl())).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        return HttpClient.newBuilder().build().send(req, HttpResponse.BodyHandlers.ofString());
    }
}
