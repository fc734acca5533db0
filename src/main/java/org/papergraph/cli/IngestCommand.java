package org.papergraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.source.SourceFiles;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads paper files into the store; each record replaces its own named graph.",
                "Formats are detected from content (gzip too); exit status 1 when any record was rejected."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to read.")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "NAME", description = "Force a format instead of detecting it.")
    String format;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + Ingestor.DEFAULT_BATCH,
            description = "Records per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--bulk", description = {"Build a new store with a bulk loader (store folder must be missing or empty);",
            "much faster for large inputs; a failed or killed load leaves no store."})
    boolean bulk;

    @Option(names = "--loader", paramLabel = "KIND", defaultValue = "packed",
            description = {"Bulk loader: packed (writes each index from sorted quads), or TDB2's phased, parallel or basic",
                    "(default: ${DEFAULT-VALUE}); only with --bulk."})
    String loader;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary and rejected records.")
    boolean quiet;

    @Spec CommandSpec spec;

    /** Refuses a --format that names no reader, listing those that do. */
    static void requireKnownFormat(String format) {
        if (format != null && SourceFiles.byName(format).isEmpty()) {
            throw new UserException("unknown --format '" + format + "'; known: " + String.join(", ", SourceFiles.formats()), Main.USAGE);
        }
    }

    @Override
    public Integer call() {
        requireKnownFormat(format);
        PrintWriter err = spec.commandLine().getErr();
        if (bulk) return bulk(err);
        try (GraphStore store = storeOptions.open();
             ConsoleProgress progress = new ConsoleProgress(err, quiet)) {
            Ingestor ingestor = new Ingestor(store, Extractors.defaults(store.iris()), batch, progress);
            IngestSummary s = ingestor.ingest(inputs, format);
            progress.close();
            spec.commandLine().getOut().println("ingested into " + store.directory() + ": " + s);
            if (!ingestor.resolutionLinks().isEmpty()) {
                spec.commandLine().getOut().println("papers linked to existing resources, by rule: " + ingestor.resolutionLinks());
            }
            return s.rejected() > 0 ? Main.REJECTED : 0;
        }
    }

    private int bulk(PrintWriter err) {
        BulkIngestor.Loader kind;
        try {
            kind = BulkIngestor.Loader.byName(loader);
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown --loader '" + loader + "'; known: packed, phased, parallel, basic", Main.USAGE);
        }
        if (!BulkIngestor.canLoadInto(storeOptions.store)) {
            throw new UserException("--bulk needs a missing or empty store folder, and " + storeOptions.store
                    + " is not; ingest without --bulk to add to it", Main.USAGE);
        }
        try (ConsoleProgress progress = new ConsoleProgress(err, quiet)) {
            BulkIngestor bulk = new BulkIngestor(storeOptions.store, storeOptions.iris(),
                    Extractors.defaults(storeOptions.iris()), kind, progress);
            IngestSummary s = bulk.ingest(inputs, format);
            progress.close();
            spec.commandLine().getOut().println("bulk-loaded into " + storeOptions.store + ": " + s);
            if (!bulk.resolutionLinks().isEmpty()) {
                spec.commandLine().getOut().println("papers linked to existing resources, by rule: " + bulk.resolutionLinks());
            }
            return s.rejected() > 0 ? Main.REJECTED : 0;
        }
    }
}
