package org.papergraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/** Starts Fuseki on a free port over a real TDB2 store holding the trending listing and talks to it over HTTP. */
class ServerTest {
    static final String PAPERS = "PREFIX pg: <https://papergraph.org/ontology#> "
            + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a pg:Paper }";
    /** A three-way cross product of every triple with itself: far longer than any timeout used below. */
    static final String SLOW_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    static final String SLOW_STREAM = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir static Path tmp;
    static GraphStore store;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Server server;

    @BeforeAll
    static void ingest() {
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
    }

    @AfterAll
    static void closeStore() {
        if (store != null) store.close();
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop();
    }

    Server start(Server.Builder b) {
        server = b.port(0).build().start();
        return server;
    }

    HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(60)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // A fresh client (a new connection) per POST: Jetty may close a connection after refusing a request whose
        // body it did not read, and a pooled connection then races with that close ("received no bytes").
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(req, HttpResponse.BodyHandlers.ofString());
    }

    static long countFrom(String json) {
        JsonObject o = JSON.parse(json);
        return Long.parseLong(o.get("results").getAsObject().get("bindings").getAsArray().get(0).getAsObject()
                .get("n").getAsObject().get("value").getAsString().value());
    }

    @Test
    void countsThePapersOverHttpOnBothEndpoints() throws Exception {
        Server s = start(Server.builder(store));
        assertTrue(s.port() > 0);
        assertEquals("127.0.0.1", s.host());
        for (String ep : List.of("/sparql", "/query")) {
            HttpResponse<String> r = get(s.datasetUrl() + ep + "?query=" + URLEncoder.encode(PAPERS, StandardCharsets.UTF_8),
                    "application/sparql-results+json");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
            assertEquals(132, countFrom(r.body()), r.body());
        }
        // The SPARQL protocol's POST form works too.
        HttpResponse<String> r = post(s.sparqlUrl(), "application/sparql-query", PAPERS);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(132, countFrom(r.body()));
    }

    @Test
    void refusesEveryUpdate() throws Exception {
        Server s = start(Server.builder(store));
        long before = store.size();
        String update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }";
        for (String url : List.of(s.datasetUrl() + "/update", s.datasetUrl(), s.sparqlUrl(), s.datasetUrl() + "/query")) {
            HttpResponse<String> r = post(url, "application/sparql-update", update);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, url + " answered " + r.statusCode() + ": " + r.body());
            HttpResponse<String> f = post(url, "application/x-www-form-urlencoded",
                    "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8));
            assertTrue(f.statusCode() >= 400 && f.statusCode() < 500, url + " (form) answered " + f.statusCode());
        }
        // Neither upload nor graph-store writes.
        for (String url : List.of(s.datasetUrl() + "/upload", s.datasetUrl() + "/data", s.datasetUrl() + "?default")) {
            HttpResponse<String> r = post(url, "text/turtle", "<urn:x:a> <urn:x:b> <urn:x:c> .");
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, url + " answered " + r.statusCode());
        }
        assertEquals(before, store.size());
    }

    @Test
    void slowQueryTimesOutWithAnHttpError() throws Exception {
        Server s = start(Server.builder(store).timeout(Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(s.queryUrl(SLOW_COUNT), "application/sparql-results+json");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertNotEquals(200, r.statusCode(), "a timed-out query must not answer 200: " + r.body());
        assertTrue(r.statusCode() >= 500, "status " + r.statusCode());
        assertTrue(millis < 20_000, "took " + millis + " ms");
        // The server stays usable afterwards.
        assertEquals(132, countFrom(get(s.queryUrl(PAPERS), "application/sparql-results+json").body()));
    }

    @Test
    void queryTimingOutWhileStreamingBreaksTheTransfer() throws Exception {
        // Rows start flowing at once and fill the output buffer, so the response is committed as 200 before the
        // timeout fires: the server must then abort the transfer rather than end a cut-off body normally.
        Server s = start(Server.builder(store).timeout(Duration.ofMillis(300)));
        try {
            HttpResponse<String> r = get(s.queryUrl(SLOW_STREAM), "application/sparql-results+json");
            assertNotEquals(200, r.statusCode(), "a query cut off by the timeout came back as a complete 200 answer of "
                    + r.body().length() + " chars");
        } catch (IOException aborted) {
            // expected: the client sees the transfer fail
        }
        assertEquals(132, countFrom(get(s.queryUrl(PAPERS), "application/sparql-results+json").body()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/plain", "*/*", "text/csv", "text/tab-separated-values",
            "application/sparql-results+xml"})
    void queryTimingOutIsAnErrorInEveryResultFormat(String accept) throws Exception {
        // Fuseki's text table writer catches a timeout itself and prints an "incomplete results" banner; whether an
        // error status followed depended on the path. Every format must end in an error status or a broken transfer.
        Server s = start(Server.builder(store).timeout(Duration.ofMillis(300)));
        for (String q : List.of(SLOW_STREAM, SLOW_COUNT)) {
            try {
                HttpResponse<String> r = get(s.queryUrl(q), accept);
                assertNotEquals(200, r.statusCode(), accept + ": a query stopped by the timeout answered 200 with "
                        + r.body().length() + " chars: " + r.body().substring(Math.max(0, r.body().length() - 200)));
                assertTrue(r.statusCode() >= 500, accept + ": status " + r.statusCode());
                assertTrue(!r.body().contains("Incomplete results"), accept + ": " + r.body());
            } catch (IOException aborted) {
                // also an error the client sees: the transfer failed
            }
        }
        assertEquals(132, countFrom(get(s.queryUrl(PAPERS), "application/sparql-results+json").body()));
    }

    @Test
    void queriesBeyondTheConcurrencyLimitWaitTheirTurn() throws Exception {
        // One query at a time: a quick query sent while a slow one runs waits until the slow one has ended (here
        // by its own 1 s protocol timeout), then is answered in full; it is not run beside it.
        Server s = start(Server.builder(store).timeout(Duration.ofSeconds(20)).concurrentQueries(1));
        var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return get(s.queryUrl(SLOW_COUNT) + "&timeout=1", "application/sparql-results+json").statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        Thread.sleep(300);
        long t0 = System.nanoTime();
        HttpResponse<String> quick = get(s.queryUrl(PAPERS), "application/sparql-results+json");
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, quick.statusCode(), quick.body());
        assertEquals(132, countFrom(quick.body()));
        assertEquals(503, slow.get(), "the slow query ends with the timeout");
        assertTrue(waited >= 500, "the quick query was answered after " + waited + " ms, beside the slow one");
    }

    @Test
    void usesTheSmallOutputBuffer() {
        Server s = start(Server.builder(store));
        var connector = s.fuseki().getJettyServer().getConnectors()[0];
        int size = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration().getOutputBufferSize();
        assertEquals(Server.OUTPUT_BUFFER_BYTES, size);
    }

    @Test
    void customizeAddsServletsWithoutTouchingTheServer() throws Exception {
        HttpServlet hello = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().print("hello");
            }
        };
        Server s = start(Server.builder(store).customize(b -> b.addServlet("/hello", hello)));
        HttpResponse<String> r = get(s.baseUrl() + "/hello", "text/plain");
        assertEquals(200, r.statusCode());
        assertEquals("hello", r.body());
        assertEquals(200, get(s.queryUrl(PAPERS), "application/sparql-results+json").statusCode());
    }
}
