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
 * bigger answer is refused with 413 before its first row is sent, never silently shortened
 * ({@link CappedQueryProcessor}). A query that does not parse is answered 400 with the parser's message, line and
 * column. A GET of a query endpoint without a query answers the site's query page to a browser and the endpoint's
 * SPARQL Service Description to other clients ({@link EndpointDescription}).
 *
 * <p>Writes are off unless {@link Builder#allowUpdates} is given a user and password. Then
 * {@code /papergraph/update} (SPARQL Update) and {@code /papergraph/data} (Graph Store Protocol style uploads,
 * POST and PUT) exist and need HTTP basic authentication as that user; without credentials they answer 401, and
 * with wrong ones 401 again. The query endpoints stay open to everyone. Writes aimed at the default graph (the
 * union) go to the named graph {@code graph/manual} ({@link ManualGraphWrites}); writes that name a graph go there.
 * Basic authentication sends the password in clear text on every request, so over anything but loopback put the
 * server behind TLS. Such a server may also compact its store on a schedule ({@link Builder#compactEvery}): queries
 * go on meanwhile and writes are answered 503 with {@code Retry-After} ({@link StoreGate}, {@link Compactions}).
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
    private final Compactions compactions;
    private volatile boolean stopped;

    private Server(FusekiServer fuseki, String host, Duration timeout, long maxResults, String updateUser,
                   LeaderboardUpkeep upkeep, Compactions compactions) {
        this.fuseki = fuseki;
        this.upkeep = upkeep;
        this.compactions = compactions;
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
        if (compactions != null) compactions.start();
        return this;
    }

    /**
     * Checks now, on the background thread, whether the store is worth compacting and compacts it if so (what the
     * schedule does); returns at once. Only on a server that allows updates and compacts.
     *
     * @return the outcome, when the check has run: the compaction, or null when it was not worth it
     */
    public java.util.concurrent.CompletableFuture<org.papergraph.store.Compaction.Result> compactNow() {
        if (compactions == null) throw new IllegalStateException("this server does not compact its store");
        return compactions.check();
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
        if (compactions != null) compactions.stop();
        fuseki.stop();
        // A leaderboard rebuild or a compaction in progress finishes before the caller may close the store.
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
        private String queryPage;
        private Duration compactEvery;
        private org.papergraph.store.Compaction.Copier copier;
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
         * With {@link #allowUpdates}: every {@code every}, check whether the store holds enough garbage to be worth
         * compacting ({@link org.papergraph.store.Compaction.Estimate#worthCompacting()}) and compact it with
         * {@code copier} while the server runs (writes are answered 503 meanwhile, queries go on; see
         * {@link StoreGate}). Off by default.
         */
        public Builder compactEvery(Duration every, org.papergraph.store.Compaction.Copier copier) {
            if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("the compaction interval must be positive: " + every);
            this.compactEvery = every;
            this.copier = Objects.requireNonNull(copier, "copier");
            return this;
        }

        /**
         * The path of the site's query page ({@code /query}), where a browser that opens the SPARQL endpoint without a
         * query is sent ({@link EndpointDescription}); none by default.
         */
        public Builder queryPage(String path) {
            this.queryPage = path;
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
            Compactions compactions = null;
            // The switch to a compacted store waits for running requests: every query ends within the timeout.
            StoreGate gate = new StoreGate(timeout.toMillis() + 10_000);
            DataService.Builder service = DataService.newBuilder(store.datasetGraph())
                    .addEndpoint(queryEndpoint("sparql", cxt, queries))
                    .addEndpoint(queryEndpoint("query", cxt, queries));
            FusekiServer.Builder fb = FusekiServer.create()
                    .port(port)
                    .enablePing(true)
                    .addFilter("/*", new AbortOnLateError())
                    .addFilter("/*", gate.filter());
            EndpointDescription description = new EndpointDescription(queryPage, maxResults, timeout.toMillis());
            fb.addFilter(DATASET + "/sparql", description).addFilter(DATASET + "/query", description);
            if (user != null) {
                DatasetGraph dsg = store.datasetGraph();
                DatasetGraph view = new ManualGraphWrites(dsg, store.iris().manualGraph());
                upkeep = new LeaderboardUpkeep(store);
                AuthPolicy writer = Auth.policyAllowSpecific(user);
                service.addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update")
                        .authPolicy(writer).processor(new UpdateProcessor(dsg, view, upkeep, gate)).build());
                service.addEndpoint(Endpoint.create().operation(Operation.GSP_RW).endpointName("data")
                        .authPolicy(writer).processor(new UploadProcessor(dsg, view, upkeep, gate)).build());
                if (compactEvery != null) compactions = new Compactions(store, copier, gate, upkeep, compactEvery);
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
            return new Server(fuseki, host, timeout, maxResults, user, upkeep, compactions);
        }

        private static Endpoint queryEndpoint(String name, Context cxt, CappedQueryProcessor processor) {
            return Endpoint.create().operation(Operation.Query).endpointName(name).context(cxt).processor(processor).build();
        }
    }
}
