package org.papergraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.papergraph.demo.Demo;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Builds a fresh store from the demo corpus bundled in the jar and serves it (as 'serve').",
                "An earlier demo store in the same folder is deleted first; any other non-empty folder is refused."})
public final class DemoCommand implements Callable<Integer> {
    /** Default store folder of the demo, apart from the normal store so that the demo never touches it. */
    static final String DEFAULT_STORE = "papergraph-demo";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
            description = "Folder of the demo store (default: ${DEFAULT-VALUE}); rebuilt on every run.")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--no-serve", description = "Only build the store; do not start the server.")
    boolean noServe;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary and rejected records while ingesting.")
    boolean quiet;

    /** Resource folder of the corpus; tests point it at a small one. */
    @Option(names = "--corpus", paramLabel = "RESOURCE_DIR", defaultValue = Demo.BUNDLED, hidden = true)
    String corpus;

    @Mixin ServerOptions serverOptions;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Demo.prepareStore(store);
        GraphStore gs = GraphStore.open(store, new Iris(base));
        IngestSummary s;
        try (ConsoleProgress progress = new ConsoleProgress(err, quiet)) {
            Demo.markStore(store);
            s = Demo.ingest(gs, corpus, progress);
        } catch (RuntimeException e) {
            gs.close();
            throw e;
        }
        out.println("demo store " + store + ": " + s);
        int status = s.rejected() > 0 ? Main.REJECTED : 0;
        if (noServe) {
            gs.close();
            out.println("Serve it with: java -jar target/papergraph.jar serve --store " + store);
            return status;
        }
        String queryCommand = "  java -jar target/papergraph.jar query papers --store " + store;
        ServeCommand.serveUntilStopped(gs, serverOptions, out, List.of("Or offline, once the server is stopped:", queryCommand));
        return status;
    }
}
