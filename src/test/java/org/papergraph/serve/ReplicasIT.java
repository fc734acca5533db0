package org.papergraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.bench.LoadTest;
import org.papergraph.demo.Demo;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * Two read-only replicas of one store behind HAProxy on loopback ({@code deploy/replicas},
 * {@code deploy/haproxy.cfg.template}): the load test through the balancer sees no failed request while one replica
 * is stopped and started again mid-run, and while a new store version is swapped in replica by replica, after which
 * the balancer serves the new version. Runs after the jar is packaged (Failsafe); needs HAProxy (.ci/run installs it).
 */
class ReplicasIT {
    @TempDir Path tmp;
    private Path work;

    @AfterEach
    void stop() throws Exception {
        if (work != null) run("stop", "--work", work.toString());
    }

    @Test
    void loadTestThroughTheBalancerSeesNoErrorWhileReplicasRestartAndSwap() throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assertTrue(Files.isExecutable(haproxy) || onPath("haproxy"), "HAProxy is not installed: apt-get install haproxy (.ci/run does)");
        // The demo corpus (papers that cite each other, which the load test samples), then with 200 more papers.
        Path v1 = store("v1", List.of());
        Path v2 = store("v2", List.of(SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl")));
        int lb = freePort(), admin = freePort(), r1 = freePort(), r2 = freePort();
        work = tmp.resolve("replicas");
        run("start", "--store", v1.toString(), "--work", work.toString(), "--port", "" + lb, "--admin-port", "" + admin,
                "--replica-ports", r1 + "," + r2);
        URI url = URI.create("http://127.0.0.1:" + lb + "/papergraph/sparql");
        long before = papers(url);

        // Eight clients for 50 s; meanwhile replica 1 is restarted, then both are swapped to the new store.
        LoadTest.Settings settings = new LoadTest.Settings(url, 8, Duration.ofSeconds(50), LoadTest.queries(null), 1, null);
        CompletableFuture<LoadTest.Report> load = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadTest.run(settings);
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(4000);
        run("restart", "--work", work.toString(), "--replica", "1");
        Thread.sleep(2000);
        run("swap", "--work", work.toString(), "--store", v2.toString());
        LoadTest.Report r = load.get();
        r.print(new java.io.PrintWriter(System.out, true));
        assertTrue(r.served() > 100, "served " + r.served());
        assertEquals(0, r.errors(), "failed requests: " + r.errorsPerQuery());
        long after = papers(url);
        assertTrue(after > before, "the new store is served: " + before + " papers before, " + after + " after");
        String status = run("status", "--work", work.toString());
        assertTrue(status.contains("r1 UP") && status.contains("r2 UP"), status);
    }

    private Path store(String name, List<Path> inputs) {
        Path dir = tmp.resolve(name);
        try (GraphStore s = GraphStore.open(dir, Iris.defaults())) {
            Demo.ingest(s, Demo.BUNDLED, IngestListener.NONE);
            if (!inputs.isEmpty()) new Ingestor(s, Extractors.defaults(s.iris()), 1000, IngestListener.NONE).ingest(inputs, null);
        }
        return dir;
    }

    private static long papers(URI url) throws Exception {
        String q = "PREFIX pg: <https://papergraph.org/ontology#> SELECT (COUNT(?p) AS ?n) WHERE { ?p a pg:Paper }";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().strip().split("\\R")[1].strip());
    }

    private static String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "deploy/replicas"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PAPERGRAPH_JAR", Path.of("target/papergraph.jar").toAbsolutePath().toString());
        pb.environment().put("PAPERGRAPH_JAVA_OPTS", "-Xmx512m");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
