package org.papergraph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store read-only over SPARQL (embedded Fuseki) until Ctrl-C.",
                "Dataset /papergraph; query endpoint /papergraph/sparql (also /papergraph/query); no update or upload",
                "unless --allow-updates is given (then with HTTP basic authentication)."})
public final class ServeCommand implements Callable<Integer> {
    /** A query the start-up message offers to try. */
    static final String EXAMPLE_QUERY = "PREFIX pg: <https://papergraph.org/ontology#> "
            + "PREFIX dcterms: <http://purl.org/dc/terms/> "
            + "SELECT ?paper ?title WHERE { ?paper a pg:Paper ; dcterms:title ?title } ORDER BY ?title LIMIT 5";

    @Mixin StoreOptions storeOptions;
    @Mixin ServerOptions serverOptions;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        GraphStore store = storeOptions.openExisting();
        return serveUntilStopped(store, serverOptions, spec.commandLine().getOut(), List.of());
    }

    /**
     * Starts a server over {@code store}, prints where it listens (and {@code extra} lines), and blocks until the
     * process is interrupted; then stops the server and closes the store. Also closes the store when the server
     * cannot start.
     */
    static int serveUntilStopped(GraphStore store, ServerOptions options, PrintWriter out, List<String> extra) {
        AtomicBoolean closed = new AtomicBoolean();
        Server server;
        try {
            server = options.builder(store).build().start();
        } catch (RuntimeException e) {
            store.close();
            if (e instanceof UserException) throw e;
            throw new UserException("cannot start the server on " + options.host + ":" + options.port + ": "
                    + rootMessage(e) + " (port in use? choose another with --port; 0 picks a free one)");
        }
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                server.stop();
                store.close();
                out.println("Stopped; store closed.");
                out.flush();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "papergraph-shutdown"));
        out.println("Serving " + store.directory().toAbsolutePath().normalize()
                + (server.updatesAllowed() ? " with updates" : " read-only") + " (query timeout "
                + seconds(server.timeout().toMillis()) + ", at most " + server.maxResults() + " results per answer)");
        out.println("SPARQL endpoint: " + server.sparqlUrl() + " (open to every client)");
        if (server.updatesAllowed()) {
            // The user name only; the password is never printed or logged.
            out.println("SPARQL Update: " + server.updateUrl() + ", uploads: " + server.dataUrl()
                    + " (HTTP basic authentication as '" + server.updateUser() + "'; default-graph writes go to graph/manual)");
            if (options.compactEveryHours > 0) {
                out.println("Compaction: checked every " + options.compactEveryHours + " h; the store is compacted when half its "
                        + "index space is garbage (writes are answered 503 meanwhile)");
            }
        }
        out.println("Pages and search: " + server.baseUrl() + "/");
        out.println("Resource IRIs " + store.iris().base() + "... are served at " + server.baseUrl() + "/id/... "
                + "(HTML, Turtle, JSON-LD, N-Triples, RDF/XML by Accept header); VoID: " + server.baseUrl() + "/.well-known/void");
        out.println("Try it:");
        out.println("  curl -H 'Accept: text/csv' '" + server.queryUrl(EXAMPLE_QUERY) + "'");
        extra.forEach(out::println);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        server.join();
        shutdown.run();
        return 0;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
