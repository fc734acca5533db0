package org.papergraph.serve.web;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;

/** A TDB2 store in a temporary folder loaded with the hand-written web fixture, and a server with the site on port 0. */
final class WebFixture implements AutoCloseable {
    static final String BASE = Iris.DEFAULT_BASE;
    static final String P1 = BASE + "paper/arxiv/2001.00001";
    static final String P2 = BASE + "paper/arxiv/1901.00002";
    static final String P3 = BASE + "paper/arxiv/2102.00003";
    static final String DATASET = BASE + "dataset/fixset-10";

    final GraphStore store;
    final Server server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebFixture(Path dir) throws Exception {
        store = GraphStore.open(dir.resolve("db"), Iris.defaults());
        try (InputStream in = WebFixture.class.getResourceAsStream("/web/fixture.trig")) {
            Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), in, Lang.TRIG));
        }
        Duration timeout = Duration.ofSeconds(20);
        server = Server.builder(store).port(0).timeout(timeout).customize(WebSite.installer(store, timeout)).build().start();
    }

    /** The server URL of a resource IRI under the default base. */
    String url(String iri) { return server.baseUrl() + "/id/" + iri.substring(BASE.length()); }

    HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
