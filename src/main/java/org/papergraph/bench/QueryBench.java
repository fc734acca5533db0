package org.papergraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryRunner;
import org.papergraph.query.StoredQuery;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.serve.web.IriMapper;
import org.papergraph.serve.web.PageQueryLog;
import org.papergraph.store.GraphStore;

/**
 * Measures the latency of every stored query ({@code queries/*.rq}) against a store, in process and over HTTP
 * through papergraph's Fuseki server, and prints one Markdown table row per query.
 *
 * <p>Paper parameters ({@code ?paper}, {@code ?cited}, {@code ?citing}, {@code ?from}) are bound to {@code --paper}
 * (meant to be a mid-size paper), {@code ?to} to {@code --top} (the most-cited paper); co-citation also runs bound
 * to {@code --top}. Optional paper parameters are bound too, so every query asks about one paper where it can;
 * paging parameters keep their defaults (the query's own LIMIT). Each
 * query is run {@code --warmup} times unmeasured, then up to {@code --runs} times or until {@code --budget} seconds
 * are spent, whichever comes first (at least once); results are consumed in full (HTTP: the whole JSON body).
 *
 * <p>With {@code --http} it then fetches one page of each kind over HTTP (home, a mid-size and the most-cited paper,
 * the dataset with the most results, the most-named method, task and metric, the author of the most papers,
 * every paper by month (the newest month by date and by citations, the second page of the undated papers), a search,
 * the explorer (its start and a paper's neighbours), the query page and the VoID description): the first view, then
 * p50 and p99.
 * Every SPARQL query those pages ran (watched through {@link PageQueryLog}, with the page's values in place) is then
 * sent on its own to the SPARQL endpoint and timed the same way. {@code --no-pages} leaves the pages out.
 *
 * <p>Usage: {@code java -cp papergraph.jar org.papergraph.bench.QueryBench --store DIR --queries DIR
 * --paper IRI --top IRI [--runs 50] [--warmup 5] [--budget 60] [--http [--no-pages]]}
 */
public final class QueryBench {
    private QueryBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path store = Path.of(require(o, "store"));
        Path queries = Path.of(o.getOrDefault("queries", "queries"));
        Node paper = NodeFactory.createURI(require(o, "paper"));
        Node top = NodeFactory.createURI(require(o, "top"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        double budget = Double.parseDouble(o.getOrDefault("budget", "60"));
        boolean http = o.containsKey("http");
        boolean pages = !o.containsKey("no-pages");

        try (GraphStore gs = GraphStore.open(store, Iris.defaults())) {
            Dataset ds = gs.dataset();
            // The dataset with the largest leaderboard, for the per-dataset leaderboard.
            Node dataset = largestDataset(ds);
            List<Case> cases = new ArrayList<>();
            for (StoredQuery q : QueryCatalog.folder(queries).all()) {
                if (q.name().equals("leaderboard")) {
                    // Whole graph (every dataset's best scores), and one dataset's leaderboard.
                    cases.add(new Case(q.name() + " (every dataset)", bind(q, paper, top, false, null)));
                    if (dataset != null) cases.add(new Case(q.name() + " (one dataset)", bind(q, paper, top, false, dataset)));
                    continue;
                }
                cases.add(new Case(q.name(), bind(q, paper, top, false, dataset)));
                if (q.name().equals("co-citation")) {
                    cases.add(new Case(q.name() + " (most-cited)", bind(q, paper, top, true, dataset)));
                }
            }
            if (dataset != null) System.out.println("dataset with the most results: " + dataset.getURI());
            System.out.println("mid-size paper " + paper.getURI() + ": cited by " + citedBy(ds, paper)
                    + "; most-cited " + top.getURI() + ": cited by " + citedBy(ds, top));
            Server server = null;
            HttpClient client = null;
            if (http) {
                server = Server.builder(gs).port(0).timeout(Duration.ofSeconds(300)).maxResults(Long.MAX_VALUE)
                        .customize(org.papergraph.serve.web.WebSite.installer(gs, Duration.ofSeconds(300))).build().start();
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            }
            try {
                System.out.println();
                System.out.println("| query | rows | in-process p50 ms | in-process p99 ms | runs |"
                        + (http ? " HTTP p50 ms | HTTP p99 ms | runs |" : ""));
                System.out.println("|---|---:|---:|---:|---:|" + (http ? "---:|---:|---:|" : ""));
                for (Case c : cases) {
                    long[] rows = new long[1];
                    double[] local = time(() -> rows[0] = runLocal(ds, c.query), warmup, runs, budget);
                    String line = String.format(Locale.ROOT, "| %s | %d | %s | %s | %d |", c.name, rows[0],
                            ms(pct(local, 50)), ms(pct(local, 99)), local.length);
                    if (http) {
                        HttpClient cl = client;
                        String text = c.query.serialize(), endpoint = server.sparqlUrl();
                        try {
                            double[] remote = time(() -> runSparql(cl, endpoint, text), warmup, runs, budget);
                            line += String.format(Locale.ROOT, " %s | %s | %d |", ms(pct(remote, 50)),
                                    ms(pct(remote, 99)), remote.length);
                        } catch (IllegalStateException e) {
                            line += " n/a | n/a | 0 |";
                            System.err.println(c.name + " over HTTP failed: " + e.getMessage());
                        }
                    }
                    System.out.println(line);
                    System.out.flush();
                }
                if (http && pages) pages(gs, server, client, paper, top, dataset, warmup, runs, budget);
            } finally {
                if (server != null) server.stop();
            }
        }
    }

    private record Case(String name, Query query) {}

    /** A page to fetch: what it is and its path on the server. */
    private record Page(String kind, String path) {}

    /** Times one page of each kind over HTTP, then every SPARQL query those pages ran. */
    private static void pages(GraphStore gs, Server server, HttpClient client, Node paper, Node top, Node dataset,
            int warmup, int runs, double budget) {
        IriMapper mapper = new IriMapper(gs.iris().base());
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("home", "/"));
        pages.add(new Page("paper (mid-size)", "/" + mapper.pathFor(paper.getURI())));
        pages.add(new Page("paper (most-cited)", "/" + mapper.pathFor(top.getURI())));
        if (dataset != null) pages.add(new Page("dataset (most results)", "/" + mapper.pathFor(dataset.getURI())));
        Map<String, Node> named = mostNamed(gs.dataset());
        for (String kind : List.of("Method", "Task", "Metric")) {
            Node e = named.get(kind);
            if (e != null) pages.add(new Page(kind.toLowerCase(Locale.ROOT) + " (most named)", "/" + mapper.pathFor(e.getURI())));
        }
        Node author = mostPapers(gs.dataset());
        if (author != null) pages.add(new Page("author (most papers)", "/" + mapper.pathFor(author.getURI())));
        pages.add(new Page("papers (newest month, by date)", "/papers"));
        pages.add(new Page("papers (newest month, by citations)", "/papers?sort=citations"));
        pages.add(new Page("papers (undated, page 2)", "/papers?month=undated&page=2"));
        pages.add(new Page("search", "/search?q=learning"));
        pages.add(new Page("explorer (start)", "/explore"));
        pages.add(new Page("explorer neighbours", "/api/neighbours?iri=" + URLEncoder.encode(paper.getURI(), StandardCharsets.UTF_8)));
        pages.add(new Page("query page", "/query?name=papers"));
        pages.add(new Page("VoID", "/.well-known/void"));

        String root = server.baseUrl();
        Map<String, List<String>> queries = new java.util.LinkedHashMap<>();
        System.out.println();
        System.out.println("Pages over HTTP (HTML; the first view reads what later views find kept, ADR 0010):");
        System.out.println();
        System.out.println("| page | path | first view ms | p50 ms | p99 ms | runs | SPARQL queries |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Page p : pages) {
            String url = root + p.path();
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            PageQueryLog.listen(seen::add);
            long t0 = System.nanoTime();
            String first;
            try {
                runHttp(client, url, "text/html");
                first = ms(System.nanoTime() - t0);
            } catch (IllegalStateException e) {
                first = "failed";
                System.err.println(p.kind() + ": " + e.getMessage());
            } finally {
                PageQueryLog.listen(null);
            }
            List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(seen));
            queries.put(p.kind(), distinct);
            String line = String.format(Locale.ROOT, "| %s | `%s` | %s |", p.kind(), p.path().length() > 60
                    ? p.path().substring(0, 57) + "..." : p.path(), first);
            try {
                double[] t = time(() -> runHttp(client, url, "text/html"), warmup, runs, budget);
                line += String.format(Locale.ROOT, " %s | %s | %d | %d |", ms(pct(t, 50)), ms(pct(t, 99)), t.length, distinct.size());
            } catch (IllegalStateException e) {
                line += " n/a | n/a | 0 | " + distinct.size() + " |";
            }
            System.out.println(line);
            System.out.flush();
        }
        System.out.println();
        System.out.println("The pages' SPARQL queries, each sent on its own to the endpoint (JSON results):");
        System.out.println();
        System.out.println("| page | query | HTTP p50 ms | HTTP p99 ms | runs |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Map.Entry<String, List<String>> e : queries.entrySet()) {
            int k = 0;
            for (String q : e.getValue()) {
                k++;
                String line = String.format(Locale.ROOT, "| %s | %d: %s |", e.getKey(), k, gist(q));
                try {
                    double[] t = time(() -> runSparql(client, server.sparqlUrl(), q), warmup, runs, budget);
                    line += String.format(Locale.ROOT, " %s | %s | %d |", ms(pct(t, 50)), ms(pct(t, 99)), t.length);
                } catch (IllegalStateException ex) {
                    line += " n/a | n/a | 0 |";
                    System.err.println(e.getKey() + " query " + k + " over HTTP failed: " + ex.getMessage());
                }
                System.out.println(line);
                System.out.flush();
            }
        }
    }

    /** The first words of a query after its prefixes, on one line. */
    static String gist(String query) {
        String body = query.replaceAll("(?m)^\\s*PREFIX[^\\n]*\\n", "").replaceAll("\\s+", " ").strip();
        body = body.replace("|", "\\|").replace("`", "'");
        return "`" + (body.length() > 90 ? body.substring(0, 87) + "..." : body) + "`";
    }

    /** For each entity class (Method, Task, Metric, Dataset), the entity named in the most mentions. */
    private static Map<String, Node> mostNamed(Dataset ds) {
        String q = "PREFIX pg: <https://papergraph.org/ontology#>\n"
                + "SELECT ?e ?c (COUNT(*) AS ?n) WHERE { ?m pg:entity ?e . ?e a ?c } GROUP BY ?e ?c";
        Map<String, Node> best = new HashMap<>();
        Map<String, Long> most = new HashMap<>();
        Txn.executeRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> {
                    String c = r.getResource("c").getURI();
                    String kind = c.substring(c.lastIndexOf('#') + 1);
                    long n = r.getLiteral("n").getLong();
                    if (n > most.getOrDefault(kind, -1L)) {
                        most.put(kind, n);
                        best.put(kind, r.get("e").asNode());
                    }
                });
            }
        });
        return best;
    }

    /** The person with the most papers. */
    private static Node mostPapers(Dataset ds) {
        String q = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?p <http://purl.org/dc/terms/creator> ?a } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1";
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                var rs = qe.execSelect();
                return rs.hasNext() ? rs.next().get("a").asNode() : null;
            }
        });
    }

    /**
     * The query with its paper parameters bound, as {@code papergraph query --param} binds them
     * ({@link QueryRunner#prepare}); its text parses again, so the same query runs in process and over HTTP.
     */
    static Query bind(StoredQuery q, Node paper, Node top, boolean topForPaper, Node dataset) {
        Map<String, String> params = new HashMap<>();
        for (StoredQuery.Param p : q.params()) {
            switch (p.name()) {
                case "paper", "cited", "citing", "from" -> params.put(p.name(), (topForPaper ? top : paper).getURI());
                case "to" -> params.put(p.name(), top.getURI());
                case "of" -> { if (dataset != null) params.put(p.name(), dataset.getURI()); }
                default -> { /* not a paper: its default */ }
            }
        }
        return QueryRunner.prepare(q, params);
    }

    private static Node largestDataset(Dataset ds) {
        String q = "SELECT ?d (COUNT(*) AS ?n) WHERE { ?r <https://papergraph.org/ontology#dataset> ?d } GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1";
        return org.apache.jena.system.Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                var rs = qe.execSelect();
                return rs.hasNext() ? rs.next().get("d").asNode() : null;
            }
        });
    }

    private static long citedBy(Dataset ds, Node p) {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?c <http://purl.org/spar/cito/cites> <" + p.getURI() + "> }";
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static long runLocal(Dataset ds, Query q) {
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
                if (q.isAskType()) {
                    qe.execAsk();
                    return 1L;
                }
                return (long) ResultSetFormatter.consume(qe.execSelect());
            }
        });
    }

    /**
     * Longest GET request line sent for a SPARQL query; a longer query is sent as an HTML form's POST body, as
     * browsers and SPARQL clients do (servers and proxies commonly refuse request lines past 4-8 KB).
     */
    static final int MAX_GET = 2000;

    /** The request a client sends for {@code query}: GET with the query in the URL, or POST when that is long. */
    static HttpRequest sparqlRequest(String endpoint, String query) {
        String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
        String get = endpoint + "?query=" + encoded;
        HttpRequest.Builder b = get.length() <= MAX_GET ? HttpRequest.newBuilder(URI.create(get)).GET()
                : HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + encoded));
        return b.header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).build();
    }

    private static long runSparql(HttpClient client, String endpoint, String query) {
        return send(client, sparqlRequest(endpoint, query));
    }

    private static long runHttp(HttpClient client, String url, String accept) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(120)).GET().build());
    }

    private static long send(HttpClient client, HttpRequest req) {
        String url = req.uri().toString();
        try {
            HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                int k;
                while ((k = in.read(buf)) > 0) n += k;
            }
            if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode() + " for " + url);
            return n;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Run { long run(); }

    /** Nanosecond timings of the measured runs, sorted. */
    private static double[] time(Run r, int warmup, int runs, double budgetSeconds) {
        long deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
        for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) r.run();
        List<Long> t = new ArrayList<>();
        do {
            long t0 = System.nanoTime();
            r.run();
            t.add(System.nanoTime() - t0);
        } while (t.size() < runs && System.nanoTime() < deadline);
        double[] a = t.stream().mapToDouble(Long::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile; with fewer than 100 runs p99 is the slowest run. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String ms(double nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String k = args[i].substring(2);
            if (k.equals("http") || k.equals("no-pages")) o.put(k, "true");
            else if (i + 1 < args.length) o.put(k, args[++i]);
            else throw new IllegalArgumentException("--" + k + " needs a value");
        }
        return o;
    }

    private static String require(Map<String, String> o, String k) {
        String v = o.get(k);
        if (v == null) throw new IllegalArgumentException("--" + k + " is required");
        return v;
    }
}
