package org.papergraph.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.papergraph.store.GraphStore;

/**
 * The papergraph SPARQL server: an embedded Fuseki over a {@link GraphStore}'s dataset, whose default graph is the
 * union of the named graphs.
 *
 * <p>The dataset is published as {@value #DATASET} with SPARQL query endpoints {@code /papergraph/sparql} and
 * {@code /papergraph/query} and, by default, nothing else: no update, upload or graph-store write endpoints exist,
 * so every attempt to change the graph over HTTP is answered 4xx. Each query runs under a timeout; a query that exceeds it is
 * cancelled and answered with an HTTP error (Fuseki's 503) while the response is still uncommitted; when results
 * had already started to stream, the connection is aborted instead ({@link AbortOnLateError}), so a client never
 * mistakes a timeout for an empty or complete result. A client may ask for a shorter timeout with the SPARQL
 * protocol's {@code timeout} parameter (seconds), never a longer one. The listener binds {@value #DEFAULT_HOST}
 * unless told otherwise.
 *
 * <p>At most {@link Builder#concurrentQueries} queries run at once (one per core by default); later ones wait their
 * turn for up to the timeout, then are answered 503 with {@code Retry-After} ({@link CappedQueryProcessor}).
 *
 * <p>Every answer is capped ({@link Builder#maxResults}, {@value #DEFAULT_MAX_RESULTS} rows or triples by default): a
 * bigger answer is an error, never a silently shortened one ({@link CappedQueryProcessor}). A query that does not
 * parse is answered 400 with the parser's message, line and column.
 *
 * <p>Writes are off unless {@link Builder#allowUpdates} is given a user and password. Then
 * {@code /papergraph/update} (SPARQL Update) and {@code /papergraph/data} (Graph Store Protocol style uploads,
 * POST and PUT) exist and need HTTP basic authentication as that user; without credentials they answer 401, and
 * with wrong ones 401 again. The query endpoints stay open to everyone. Writes aimed at the default graph (the
 * union) go to the named graph {@code graph/manual} ({@link ManualGraphWrites}); writes that name a graph go there.
 * Basic authentication sends the password in clear text on every request, so over anything but loopback put the
 * server behind TLS.
 *
 * <p>Built with {@link #builder(GraphStore)}; later features (HTML pages, linked-data servlets) hook in through
 * {@link Builder#customize} without editing this class. The server does not own the store: whoever opened the store
 * closes it after {@link #stop()}. Thread-safe: Fuseki serves requests concurrently, each in its own read
 * transaction.
 */
public final class Server implements AutoCloseable {
    /** Dataset path on the server. */
    public static final String DATASET = "/papergraph";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Largest answer served, in rows (SELECT) or triples (CONSTRUCT, DESCRIBE). */
    public static final long DEFAULT_MAX_RESULTS = 100_000;
    /** Realm named in the basic-authentication challenge. */
    public static final String REALM = "papergraph";
    /**
     * Jetty response buffer. Fuseki's default is 5 MB, allocated for every request (about 17 ms per ping); 64 KB
     * keeps small answers in one write and still lets a query time out before the response is committed when the
     * results so far fit in it.
     */
    public static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    /**
     * Queries run at once by default: one per core, at least two. More would only share the same cores, so each
     * query would take longer and slow ones would time out under a burst; the others wait their turn.
     */
    public static final int DEFAULT_CONCURRENT_QUERIES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final FusekiServer fuseki;
    private final String host;
    private final Duration timeout;
    private final long maxResults;
    private final String updateUser;
    private final LeaderboardUpkeep upkeep;
    private volatile boolean stopped;

    private Server(FusekiServer fuseki, String host, Duration timeout, long maxResults, String updateUser,
                   LeaderboardUpkeep upkeep) {
        this.fuseki = fuseki;
        this.upkeep = upkeep;
        this.host = host;
        this.timeout = timeout;
        this.maxResults = maxResults;
        this.updateUser = updateUser;
    }

    /** A builder for a server over {@code store}'s dataset, with the defaults above. */
    public static Builder builder(GraphStore store) { return new Builder(store); }

    /** Starts listening; returns once the port is bound. */
    public Server start() {
        fuseki.start();
        return this;
    }

    /** The port actually bound (the chosen one when built with port 0); valid after {@link #start()}. */
    public int port() {
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) return sc.getLocalPort();
        }
        return fuseki.getHttpPort();
    }

    public String host() { return host; }

    public Duration timeout() { return timeout; }

    public long maxResults() { return maxResults; }

    /** Whether the update and upload endpoints exist. */
    public boolean updatesAllowed() { return updateUser != null; }

    /** The user allowed to write, or null when the server is read-only. */
    public String updateUser() { return updateUser; }

    /** {@code http://host:port} with the bound port, no trailing slash. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** The dataset's URL, e.g. {@code http://127.0.0.1:3030/papergraph}. */
    public String datasetUrl() { return baseUrl() + DATASET; }

    /** The SPARQL query endpoint, e.g. {@code http://127.0.0.1:3030/papergraph/sparql}. */
    public String sparqlUrl() { return datasetUrl() + "/sparql"; }

    /** The SPARQL Update endpoint (present only when updates are allowed). */
    public String updateUrl() { return datasetUrl() + "/update"; }

    /** The upload endpoint (present only when updates are allowed). */
    public String dataUrl() { return datasetUrl() + "/data"; }

    /** A GET URL that runs {@code query} on the SPARQL endpoint. */
    public String queryUrl(String query) {
        return sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The underlying Fuseki server, for callers that need Jetty or Fuseki details. */
    public FusekiServer fuseki() { return fuseki; }

    /** Blocks the calling thread until the server stops. */
    public void join() { fuseki.join(); }

    /** Stops listening and finishes in-flight requests; calling it again does nothing. Leaves the store open. */
    public synchronized void stop() {
        if (stopped) return;
        stopped = true;
        fuseki.stop();
        // A leaderboard rebuild after the last write finishes before the caller may close the store.
        if (upkeep != null) upkeep.stop(600);
    }

    @Override
    public void close() { stop(); }

    /** Configures a {@link Server}. Not thread-safe; use once. */
    public static final class Builder {
        private final GraphStore store;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxResults = DEFAULT_MAX_RESULTS;
        private int concurrentQueries = DEFAULT_CONCURRENT_QUERIES;
        private String user;
        private String password;
        private final List<Consumer<FusekiServer.Builder>> customizers = new ArrayList<>();

        private Builder(GraphStore store) { this.store = Objects.requireNonNull(store, "store"); }

        /** Interface to bind, {@value #DEFAULT_HOST} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind, {@value #DEFAULT_PORT} by default; 0 picks a free port (see {@link Server#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
            this.port = port;
            return this;
        }

        /** Longest a query may run, 30 s by default; must be positive. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
            this.timeout = timeout;
            return this;
        }

        /** Largest answer served, {@value #DEFAULT_MAX_RESULTS} by default; must be positive. */
        public Builder maxResults(long maxResults) {
            if (maxResults < 1) throw new IllegalArgumentException("maxResults must be positive: " + maxResults);
            this.maxResults = maxResults;
            return this;
        }

        /**
         * Queries run at once, {@link #DEFAULT_CONCURRENT_QUERIES} by default; must be positive. Further queries wait
         * for a turn for up to the timeout, then are answered 503 (server busy) with {@code Retry-After}.
         */
        public Builder concurrentQueries(int n) {
            if (n < 1) throw new IllegalArgumentException("concurrentQueries must be positive: " + n);
            this.concurrentQueries = n;
            return this;
        }

        /**
         * Enables the update and upload endpoints for {@code user}, who authenticates with HTTP basic authentication
         * and {@code password}. The password is kept in memory only and never logged.
         */
        public Builder allowUpdates(String user, String password) {
            if (user == null || user.isBlank() || user.contains(":")) throw new IllegalArgumentException("user must be non-blank, without ':'");
            if (password == null || password.isEmpty()) throw new IllegalArgumentException("password must not be empty");
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Adds a step run on the Fuseki builder after papergraph's own setup, in the order added: the place to add
         * servlets, filters or static files. It must not add update or upload endpoints to the dataset.
         */
        public Builder customize(Consumer<FusekiServer.Builder> step) {
            customizers.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Builds the server without starting it. */
        public Server build() {
            // The timeout sits in the endpoints' context: the query processor reads ARQ.queryTimeout from there, and
            // the store's own context (used by offline queries) stays untouched.
            Context cxt = new Context();
            cxt.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            CappedQueryProcessor queries = new CappedQueryProcessor(maxResults, concurrentQueries, timeout.toMillis());
            LeaderboardUpkeep upkeep = null;
            DataService.Builder service = DataService.newBuilder(store.datasetGraph())
                    .addEndpoint(queryEndpoint("sparql", cxt, queries))
                    .addEndpoint(queryEndpoint("query", cxt, queries));
            FusekiServer.Builder fb = FusekiServer.create()
                    .port(port)
                    .enablePing(true)
                    .addFilter("/*", new AbortOnLateError());
            if (user != null) {
                DatasetGraph dsg = store.datasetGraph();
                DatasetGraph view = new ManualGraphWrites(dsg, store.iris().manualGraph());
                upkeep = new LeaderboardUpkeep(store);
                AuthPolicy writer = Auth.policyAllowSpecific(user);
                service.addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update")
                        .authPolicy(writer).processor(new UpdateProcessor(dsg, view, upkeep)).build());
                service.addEndpoint(Endpoint.create().operation(Operation.GSP_RW).endpointName("data")
                        .authPolicy(writer).processor(new UploadProcessor(dsg, view, upkeep)).build());
                // Fuseki adds a login constraint for every endpoint with an auth policy; other paths stay open.
                fb.securityHandler(JettySecurityLib.makeSecurityHandler(REALM,
                        JettySecurityLib.makeUserStore(user, password), AuthScheme.BASIC));
            }
            fb.add(DATASET, service.build());
            customizers.forEach(c -> c.accept(fb));
            FusekiServer fuseki = fb.build();
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) sc.setHost(host);
                HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            }
            return new Server(fuseki, host, timeout, maxResults, user, upkeep);
        }

        private static Endpoint queryEndpoint(String name, Context cxt, CappedQueryProcessor processor) {
            return Endpoint.create().operation(Operation.Query).endpointName(name).context(cxt).processor(processor).build();
        }
    }
}
