package org.papergraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.ServerConnector;
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

/**
 * The server's security properties, over HTTP against a real TDB2 store of the trending listing: authenticated
 * writes only when enabled, the result cap, the bound address, path traversal, and parse errors.
 */
class ServerSecurityTest {
    static final String USER = "admin";
    static final String PASSWORD = "correct horse 42";
    static final String JSON = "application/sparql-results+json";

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

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String url, String contentType, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (auth != null) b.header("Authorization", auth);
        b.header("Accept", JSON);
        // A fresh client (a new connection) per request: Jetty may close a connection after refusing a request whose
        // body it did not read, and a pooled connection then races with that close ("received no bytes").
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> query(Server s, String q) throws Exception {
        return send("GET", s.queryUrl(q), null, null, null);
    }

    long count(Server s, String where) throws Exception {
        HttpResponse<String> r = query(s, "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }");
        assertEquals(200, r.statusCode(), r.body());
        return ServerTest.countFrom(r.body());
    }

    /**
     * Quads outside the leaderboard summaries, counted in one read transaction: a server write marks the summaries
     * out of date and a background thread rebuilds them (ADR 0009), so their count changes on its own.
     */
    static long storedQuads() {
        Node summaries = store.iris().leaderboardsGraph();
        return Txn.calculateRead(store.datasetGraph(), () -> {
            long n = 0;
            var it = store.datasetGraph().find(null, null, null, null);
            while (it.hasNext()) if (!it.next().getGraph().equals(summaries)) n++;
            return n;
        });
    }

    static long quadsIn(String graph) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            long n = 0;
            var it = store.datasetGraph().find(NodeFactory.createURI(graph), null, null, null);
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
    }

    @Test
    void updatesAndUploadsNeedTheRightPasswordAndQueriesStayOpen() throws Exception {
        Server s = start(Server.builder(store).allowUpdates(USER, PASSWORD));
        assertTrue(s.updatesAllowed());
        long before = storedQuads();
        String insert = "INSERT DATA { <urn:ex:s1> <urn:ex:p> \"manual\" }";
        String turtle = "<urn:ex:s2> <urn:ex:p> \"uploaded\" .";

        // No credentials, a wrong password, an unknown user: refused, nothing written.
        for (String auth : java.util.Arrays.asList(null, basic(USER, "wrong"), basic("mallory", PASSWORD), "Bearer " + PASSWORD)) {
            HttpResponse<String> u = send("POST", s.updateUrl(), "application/sparql-update", insert, auth);
            assertTrue(u.statusCode() == 401 || u.statusCode() == 403, "update with " + auth + " answered " + u.statusCode());
            HttpResponse<String> d = send("POST", s.dataUrl() + "?default", "text/turtle", turtle, auth);
            assertTrue(d.statusCode() == 401 || d.statusCode() == 403, "upload with " + auth + " answered " + d.statusCode());
            HttpResponse<String> p = send("PUT", s.dataUrl() + "?graph=urn:ex:g", "text/turtle", turtle, auth);
            assertTrue(p.statusCode() == 401 || p.statusCode() == 403, "PUT with " + auth + " answered " + p.statusCode());
            if (auth == null) assertTrue(u.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), u.headers().toString());
        }
        assertEquals(before, storedQuads());
        // Updates are not accepted on the open query endpoints either.
        HttpResponse<String> onQuery = send("POST", s.sparqlUrl(), "application/sparql-update", insert, null);
        assertTrue(onQuery.statusCode() >= 400 && onQuery.statusCode() < 500, "" + onQuery.statusCode());
        assertEquals(before, storedQuads());

        // Queries need no credentials.
        assertEquals(132, count(s, "{ SELECT DISTINCT ?p WHERE { ?p a <https://papergraph.org/ontology#Paper> } }"));

        // The right password: the default-graph insert lands in graph/manual and is visible in the union.
        String good = basic(USER, PASSWORD);
        HttpResponse<String> u = send("POST", s.updateUrl(), "application/sparql-update", insert, good);
        assertEquals(204, u.statusCode(), u.body());
        String manual = store.iris().manualGraph().getURI();
        assertEquals(1, quadsIn(manual));
        assertEquals(1, count(s, "<urn:ex:s1> <urn:ex:p> \"manual\""));
        // The same as an HTML form.
        HttpResponse<String> f = send("POST", s.updateUrl(), "application/x-www-form-urlencoded",
                "update=" + URLEncoder.encode("INSERT DATA { GRAPH <urn:ex:named> { <urn:ex:s3> <urn:ex:p> 3 } }", StandardCharsets.UTF_8), good);
        assertEquals(204, f.statusCode(), f.body());
        assertEquals(1, quadsIn("urn:ex:named"));

        // Uploads: default graph into graph/manual; PUT replaces a named graph.
        assertEquals(204, send("POST", s.dataUrl() + "?default", "text/turtle", turtle, good).statusCode());
        assertEquals(2, quadsIn(manual));
        assertEquals(204, send("PUT", s.dataUrl() + "?graph=urn:ex:g", "text/turtle", turtle + "\n<urn:ex:s4> <urn:ex:p> 4 .", good).statusCode());
        assertEquals(2, quadsIn("urn:ex:g"));
        assertEquals(204, send("PUT", s.dataUrl() + "?graph=urn:ex:g", "application/n-triples", "<urn:ex:s5> <urn:ex:p> \"5\" .", good).statusCode());
        assertEquals(1, quadsIn("urn:ex:g"));
        assertEquals(1, count(s, "<urn:ex:s5> <urn:ex:p> \"5\""));

        // A delete aimed at the default graph touches graph/manual only, never an ingested record graph.
        long records = storedQuads();
        HttpResponse<String> del = send("POST", s.updateUrl(), "application/sparql-update",
                "DELETE WHERE { ?s ?p ?o }", good);
        assertEquals(204, del.statusCode(), del.body());
        assertEquals(0, quadsIn(manual));
        assertEquals(records - 2, storedQuads());
        assertEquals(132, count(s, "{ SELECT DISTINCT ?p WHERE { ?p a <https://papergraph.org/ontology#Paper> } }"));

        // Bad input from an authenticated client is a 400 with the parser's position, and changes nothing.
        long now = storedQuads();
        HttpResponse<String> bad = send("POST", s.updateUrl(), "application/sparql-update", "INSERT DATA {\n  <urn:ex:a> <urn:ex:b> }", good);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("line 2"), bad.body());
        HttpResponse<String> badTurtle = send("POST", s.dataUrl() + "?default", "text/turtle", "<urn:ex:a> <urn:ex:b> <urn:ex:c> .\n<urn:ex:a> <urn:ex:b> .", good);
        assertEquals(400, badTurtle.statusCode(), badTurtle.body());
        assertTrue(badTurtle.body().contains("line: 2"), badTurtle.body());
        assertEquals(415, send("POST", s.dataUrl() + "?default", "application/octet-stream", turtle, good).statusCode());
        assertEquals(now, storedQuads());

        // Clean up so that other tests see the listing alone.
        Txn.executeWrite(store.datasetGraph(), () -> {
            for (String g : List.of(manual, "urn:ex:named", "urn:ex:g")) store.datasetGraph().deleteAny(NodeFactory.createURI(g), null, null, null);
        });
    }

    @Test
    void readOnlyServerHasNoWriteEndpointsEvenWithCredentials() throws Exception {
        Server s = start(Server.builder(store));
        assertFalse(s.updatesAllowed());
        long before = storedQuads();
        String good = basic(USER, PASSWORD);
        assertEquals(404, send("POST", s.updateUrl(), "application/sparql-update", "INSERT DATA { <urn:ex:a> <urn:ex:b> 1 }", good).statusCode());
        HttpResponse<String> d = send("PUT", s.dataUrl() + "?default", "text/turtle", "<urn:ex:a> <urn:ex:b> 1 .", good);
        assertTrue(d.statusCode() >= 400 && d.statusCode() < 500, "" + d.statusCode());
        assertEquals(before, storedQuads());
    }

    @Test
    void selectOverTheCapIsAnErrorWithItsReason() throws Exception {
        Server s = start(Server.builder(store).maxResults(10));
        HttpResponse<String> r = query(s, "SELECT * WHERE { ?s ?p ?o }");
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("cap of 10"), r.body());
        // Exactly at the cap, and with a LIMIT under it, the answer is served.
        assertEquals(200, query(s, "SELECT * WHERE { ?s ?p ?o } LIMIT 10").statusCode());
        HttpResponse<String> ten = query(s, "SELECT ?p WHERE { ?p a <https://papergraph.org/ontology#Paper> } ORDER BY ?p LIMIT 10");
        assertEquals(200, ten.statusCode());
        assertEquals(10, org.apache.jena.atlas.json.JSON.parse(ten.body()).get("results").getAsObject().get("bindings").getAsArray().size());
        // CONSTRUCT too.
        HttpResponse<String> c = send("GET", s.queryUrl("CONSTRUCT WHERE { ?s ?p ?o }"), null, null, null);
        assertEquals(413, c.statusCode(), c.body());
        // A count is one row, whatever it counts.
        assertTrue(count(s, "?s ?p ?o") > 10);
    }

    @Test
    void anAnswerOverTheCapIsRefusedBeforeItsFirstRowHoweverBig() throws Exception {
        // 20,000 rows are far more than the 64 KB response buffer, and twice the rows held in memory: the answer is
        // read ahead whole (the rest waits in a temporary file) and refused before anything is sent.
        Server s = start(Server.builder(store).maxResults(20_000));
        assertTrue(count(s, "?s ?p ?o") > 20_000);
        HttpResponse<String> r = query(s, "SELECT * WHERE { ?s ?p ?o }");
        assertEquals(413, r.statusCode(), "status " + r.statusCode() + " with " + r.body().length() + " chars");
        assertTrue(r.body().contains("cap of 20000"), r.body());
        // Exactly at the cap, the whole answer comes, every row of it.
        HttpResponse<String> at = query(s, "SELECT * WHERE { ?s ?p ?o } LIMIT 20000");
        assertEquals(200, at.statusCode());
        assertEquals(20_000, org.apache.jena.atlas.json.JSON.parse(at.body()).get("results").getAsObject().get("bindings").getAsArray().size());
    }

    @Test
    void queryThatDoesNotParseGets400WithLineAndColumn() throws Exception {
        Server s = start(Server.builder(store));
        HttpResponse<String> r = query(s, "SELECT ?x WHERE {\n  ?x ?y \n}}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().matches("(?s).*line 3, column \\d+.*"), r.body());
        HttpResponse<String> p = send("POST", s.sparqlUrl(), "application/sparql-query", "SELEKT * WHERE { ?s ?p ?o }", null);
        assertEquals(400, p.statusCode(), p.body());
        assertTrue(p.body().matches("(?s).*line 1, column \\d+.*"), p.body());
    }

    @Test
    void bindsLoopbackByDefault() throws Exception {
        Server s = start(Server.builder(store));
        ServerConnector c = (ServerConnector) s.fuseki().getJettyServer().getConnectors()[0];
        InetSocketAddress bound = (InetSocketAddress) ((ServerSocketChannel) c.getTransport()).getLocalAddress();
        assertEquals("127.0.0.1", bound.getAddress().getHostAddress());
        assertTrue(bound.getAddress().isLoopbackAddress());
        // Any other address of this machine is not listening on that port.
        for (InetAddress other : nonLoopbackAddresses()) {
            try (Socket sock = new Socket()) {
                sock.connect(new InetSocketAddress(other, s.port()), 2000);
                throw new AssertionError("server reachable on " + other.getHostAddress());
            } catch (IOException refused) {
                // expected
            }
        }
    }

    @Test
    void bindsTheHostItIsGiven() throws Exception {
        Server s = start(Server.builder(store).host("127.0.0.2"));
        ServerConnector c = (ServerConnector) s.fuseki().getJettyServer().getConnectors()[0];
        InetSocketAddress bound = (InetSocketAddress) ((ServerSocketChannel) c.getTransport()).getLocalAddress();
        assertEquals("127.0.0.2", bound.getAddress().getHostAddress());
        assertEquals(200, query(s, "ASK { }").statusCode());
    }

    static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) if (a instanceof Inet4Address) out.add(a);
        }
        return out;
    }

    /** Every path prefix the server answers today, each with traversal attempts, raw and percent-encoded. */
    @Test
    void pathsCannotEscapeToTheFileSystem() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        // With the web site installed, as serve and demo run it: its static files are the ones that could escape.
        Server s = start(Server.builder(store).allowUpdates(USER, PASSWORD)
                .customize(org.papergraph.serve.web.WebSite.installer(store, java.time.Duration.ofSeconds(30))));
        List<String> prefixes = List.of("/", "/papergraph/", "/papergraph/sparql/", "/papergraph/query/",
                "/papergraph/update/", "/papergraph/data/", "/$/", "/$/ping/",
                "/static/", "/id/", "/dumps/", "/explore/", "/api/neighbours/", "/search/", "/query/");
        String depth = "../".repeat(12);
        List<String> tails = List.of(depth + "etc/passwd",
                depth.replace("/", "%2f") + "etc%2fpasswd",
                depth.replace("/", "%2F") + "etc%2Fpasswd",
                depth.replace("..", "%2e%2e") + "etc/passwd",
                depth.replace("..", "%252e%252e") + "etc/passwd",
                "..%5c..%5c..%5c..%5cetc%5cpasswd",
                depth.replace("../", "..;/") + "etc/passwd",
                depth + secret.toString().substring(1),
                "%2e%2e%2f".repeat(12) + secret.toString().substring(1).replace("/", "%2f"));
        int checked = 0;
        for (String prefix : prefixes) {
            for (String tail : tails) {
                String path = prefix + tail;
                String[] resp = rawGet(s.port(), path);
                int status = Integer.parseInt(resp[0]);
                assertTrue(status >= 400 && status < 500, path + " answered " + status);
                assertFalse(resp[1].contains("root:"), path + " leaked /etc/passwd");
                assertFalse(resp[1].contains("TOP-SECRET-CONTENT"), path + " leaked a file");
                checked++;
            }
        }
        assertEquals(prefixes.size() * tails.size(), checked);
    }

    /** Sends a GET with the path exactly as given (no client-side normalisation) and returns status and body. */
    static String[] rawGet(int port, String path) throws IOException {
        try (Socket sock = new Socket("127.0.0.1", port)) {
            sock.setSoTimeout(10_000);
            OutputStream out = sock.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = sock.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = all.substring(9, 12);
            return new String[] {status, all};
        }
    }

    @Test
    void manualGraphViewMapsOnlyTheDefaultGraph() {
        var view = new ManualGraphWrites(store.datasetGraph(), store.iris().manualGraph());
        Txn.executeWrite(store.datasetGraph(), () -> {
            view.add(Quad.defaultGraphIRI, NodeFactory.createURI("urn:ex:a"), NodeFactory.createURI("urn:ex:b"), NodeFactory.createURI("urn:ex:c"));
            view.add(NodeFactory.createURI("urn:ex:h"), NodeFactory.createURI("urn:ex:a"), NodeFactory.createURI("urn:ex:b"), NodeFactory.createURI("urn:ex:c"));
            // Reads of the default graph see the union: both copies collapse into one triple there.
            assertTrue(view.getDefaultGraph().contains(NodeFactory.createURI("urn:ex:a"), NodeFactory.createURI("urn:ex:b"), NodeFactory.createURI("urn:ex:c")));
            assertTrue(store.datasetGraph().contains(store.iris().manualGraph(), NodeFactory.createURI("urn:ex:a"), null, null));
            assertFalse(store.datasetGraph().getDefaultGraph().contains(NodeFactory.createURI("urn:ex:a"), null, null)
                    && !store.datasetGraph().getContext().isTrue(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph));
            view.deleteAny(store.iris().manualGraph(), null, null, null);
            view.deleteAny(NodeFactory.createURI("urn:ex:h"), null, null, null);
        });
    }
}
