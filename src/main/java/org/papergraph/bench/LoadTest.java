package org.papergraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryRunner;
import org.papergraph.query.StoredQuery;

/**
 * A load test for a papergraph SPARQL endpoint on this machine: {@code clients} threads each send the canned queries
 * (the {@code queries/*.rq} catalogue) one after another, in a random order, for a fixed time, and the run reports
 * requests served, errors, latency percentiles and, when given the server's process id, its memory.
 *
 * <p>Parameters are filled the way a user of the explorer would: every paper-valued parameter ({@code ?paper},
 * {@code ?cited}, {@code ?citing}, {@code ?from}, {@code ?to}), required or optional, gets a paper drawn from a sample
 * taken from the server at the start; other optional parameters stay unbound. Every SELECT asks for one page of
 * {@value #PAGE} rows (its {@code ?limit} parameter, or a LIMIT when it has none), so a listing query asks for a
 * page rather than the whole graph. A request counts as served when it answers 200 and its
 * body is read to the end; anything else (another status, a broken transfer, a client timeout) is an error.
 *
 * <p>Only loopback URLs are accepted: this tool must not be turned against somebody else's server.
 */
public final class LoadTest {
    /** LIMIT given to a canned query that has none. */
    public static final int PAGE = 100;
    private static final String SAMPLE = "PREFIX pg: <https://papergraph.org/ontology#> "
            + "PREFIX cito: <http://purl.org/spar/cito/> "
            + "SELECT DISTINCT ?p WHERE { ?p a pg:Paper ; cito:cites ?c } LIMIT 2000";

    /** What to run. */
    public record Settings(URI endpoint, int clients, Duration duration, List<StoredQuery> queries, long seed, Long serverPid) {
        public Settings {
            if (clients < 1 || clients > 1024) throw new IllegalArgumentException("clients must be 1..1024: " + clients);
            if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("duration must be positive");
            if (queries.isEmpty()) throw new IllegalArgumentException("no queries to run");
            queries = List.copyOf(queries);
            requireLoopback(endpoint);
        }
    }

    /**
     * What a run measured.
     *
     * @param perQuery requests served per query name
     * @param rssKiB    the server's resident memory at the end of the run, or -1 when not measured
     * @param maxRssKiB the server's peak resident memory since it started (VmHWM), or -1 when not measured
     */
    public record Report(long served, long errors, double seconds, long p50Micros, long p99Micros, long maxMicros,
                         Map<String, Long> perQuery, Map<String, Long> errorsPerQuery, long rssKiB, long maxRssKiB,
                         List<String> firstErrors) {
        public double throughput() { return served / seconds; }

        public void print(PrintWriter out) {
            out.printf("requests served: %d in %.1f s (%.1f/s)%n", served, seconds, throughput());
            out.printf("errors: %d%n", errors);
            out.printf("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
            out.println("served per query: " + perQuery);
            if (errors > 0) {
                out.println("errors per query: " + errorsPerQuery);
                firstErrors.forEach(e -> out.println("  " + e));
            }
            if (maxRssKiB >= 0) {
                out.printf("server memory: resident %d MiB at the end, peak %d MiB since the server started%n",
                        rssKiB / 1024, maxRssKiB / 1024);
            } else {
                out.println("server memory: not measured (give --server-pid)");
            }
            out.flush();
        }
    }

    private LoadTest() {}

    /** Refuses any URL whose host is not a loopback address of this machine. */
    public static void requireLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (!"http".equals(endpoint.getScheme()) || host == null) {
            throw new IllegalArgumentException("the load test needs an http://127.0.0.1:PORT/... URL, not " + endpoint);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("the load test only runs against this machine (127.0.0.1, ::1, localhost); "
                            + host + " is " + a.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    /** The catalogue queries: those on the classpath, or the {@code .rq} files of {@code folder} when given. */
    public static List<StoredQuery> queries(Path folder) {
        return (folder == null ? QueryCatalog.classpath() : QueryCatalog.folder(folder)).all();
    }

    /** Runs the load test and returns its figures; never throws for failed requests, it counts them. */
    public static Report run(Settings s) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(2, s.clients())))
                .build();
        List<Node> papers = samplePapers(http, s.endpoint());
        Random seeds = new Random(s.seed());
        long deadline = System.nanoTime() + s.duration().toNanos();
        List<Future<ClientResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(s.clients());
        long t0 = System.nanoTime();
        try {
            for (int c = 0; c < s.clients(); c++) {
                long seed = seeds.nextLong();
                futures.add(pool.submit(() -> client(http, s, papers, new Random(seed), deadline)));
            }
            ClientResult all = new ClientResult();
            for (Future<ClientResult> f : futures) {
                try {
                    all.merge(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("a load-test client failed: " + e.getCause(), e.getCause());
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] lat = Arrays.copyOf(all.latencies, all.n);
            Arrays.sort(lat);
            long rss = s.serverPid() == null ? -1 : memoryKiB(s.serverPid(), "VmRSS:");
            long hwm = s.serverPid() == null ? -1 : memoryKiB(s.serverPid(), "VmHWM:");
            return new Report(all.n, all.errors, seconds, percentile(lat, 0.50), percentile(lat, 0.99),
                    lat.length == 0 ? 0 : lat[lat.length - 1], new TreeMap<>(all.perQuery), new TreeMap<>(all.errorsPerQuery),
                    rss, hwm, all.firstErrors);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class ClientResult {
        long[] latencies = new long[1024];
        int n;
        long errors;
        final Map<String, Long> perQuery = new HashMap<>();
        final Map<String, Long> errorsPerQuery = new HashMap<>();
        final List<String> firstErrors = new ArrayList<>();

        void ok(String name, long micros) {
            if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
            latencies[n++] = micros;
            perQuery.merge(name, 1L, Long::sum);
        }

        void error(String name, String why) {
            errors++;
            errorsPerQuery.merge(name, 1L, Long::sum);
            if (firstErrors.size() < 5) firstErrors.add(name + ": " + why);
        }

        void merge(ClientResult o) {
            for (int i = 0; i < o.n; i++) {
                if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
                latencies[n++] = o.latencies[i];
            }
            errors += o.errors;
            o.perQuery.forEach((k, v) -> perQuery.merge(k, v, Long::sum));
            o.errorsPerQuery.forEach((k, v) -> errorsPerQuery.merge(k, v, Long::sum));
            for (String e : o.firstErrors) if (firstErrors.size() < 5) firstErrors.add(e);
        }
    }

    private static ClientResult client(HttpClient http, Settings s, List<Node> papers, Random rnd, long deadline) {
        ClientResult r = new ClientResult();
        List<StoredQuery> order = new ArrayList<>(s.queries());
        while (System.nanoTime() < deadline) {
            java.util.Collections.shuffle(order, rnd);
            for (StoredQuery q : order) {
                if (System.nanoTime() >= deadline) break;
                String text = instantiate(q, papers, rnd);
                HttpRequest req = HttpRequest.newBuilder(URI.create(s.endpoint() + "?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                        .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).GET().build();
                long start = System.nanoTime();
                try {
                    HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = resp.body()) {
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    long micros = (System.nanoTime() - start) / 1000;
                    if (resp.statusCode() == 200) r.ok(q.name(), micros);
                    else r.error(q.name(), "HTTP " + resp.statusCode());
                } catch (IOException e) {
                    r.error(q.name(), e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return r;
                }
            }
        }
        return r;
    }

    /**
     * Binds every paper-valued parameter, required or optional, to a random sampled paper and asks for one page of
     * {@value #PAGE} rows: through the {@code ?limit} parameter when the query is paged, else with a LIMIT on a SELECT
     * that has none. The text comes from {@link QueryRunner#prepare}, which prints substituted queries as SPARQL that
     * parses again.
     */
    static String instantiate(StoredQuery q, List<Node> papers, Random rnd) {
        Map<String, String> params = new LinkedHashMap<>();
        for (StoredQuery.Param p : q.params()) {
            if (p.description().contains("paper IRI") && !papers.isEmpty()) {
                params.put(p.name(), papers.get(rnd.nextInt(papers.size())).getURI());
            }
        }
        boolean paged = q.param(QueryRunner.LIMIT).isPresent();
        if (paged) params.put(QueryRunner.LIMIT, Integer.toString(PAGE));
        Query out = QueryRunner.prepare(q, params);
        if (!paged && out.isSelectType() && !out.hasLimit()) out.setLimit(PAGE);
        return out.serialize();
    }

    private static List<Node> samplePapers(HttpClient http, URI endpoint) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(SAMPLE, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("no server answers at " + endpoint + " (connection refused); start one with "
                    + "'papergraph serve' and give its SPARQL endpoint with --url", e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("the server at " + endpoint + " did not answer in time: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot reach " + endpoint + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        if (resp.statusCode() == 404) {
            throw new IOException(endpoint + " answers 404: not a papergraph SPARQL endpoint (it ends in /papergraph/sparql)");
        }
        if (resp.statusCode() != 200) throw new IOException("cannot sample papers from " + endpoint + ": HTTP " + resp.statusCode());
        JsonArray rows = JSON.parse(resp.body()).get("results").getAsObject().get("bindings").getAsArray();
        List<Node> out = new ArrayList<>();
        rows.forEach(r -> out.add(NodeFactory.createURI(r.getAsObject().get("p").getAsObject().get("value").getAsString().value())));
        return out;
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** A field of /proc/PID/status in KiB, or -1 when it cannot be read (not Linux, process gone). */
    static long memoryKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
