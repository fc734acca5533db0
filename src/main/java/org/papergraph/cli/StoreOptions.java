package org.papergraph.cli;

import java.nio.file.Path;

import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Option;

/** Options every command that touches the store shares. */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "papergraph-db",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of minted IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    public Iris iris() { return new Iris(base); }

    public GraphStore open() { return GraphStore.open(store, iris()); }

    /** Opens the store for reading commands, which must not create an empty store and silently answer nothing. */
    public GraphStore openExisting() {
        if (!java.nio.file.Files.isDirectory(store)) {
            throw new UserException("no store at " + store + "; build one with 'papergraph ingest FILE' or "
                    + "'papergraph demo', or name it with --store DIR");
        }
        return open();
    }
}
