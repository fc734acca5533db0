package org.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestSummary;
import org.papergraph.ingest.Ingestor;
import org.papergraph.source.SourceFiles;
import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads paper files into the store (created when --store names a missing folder); each record",
                "replaces its own named graph.",
                "Formats are detected from content (gzip too); exit status 1 when any record was rejected, 3 when an",
                "input or the store cannot be used. Ctrl-C commits what was read and exits 130; run the command again",
                "to finish. Compacts the store at the end when half its index space is garbage."})
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
        if (batch < 1) throw new UserException("--batch must be 1 or more", Main.USAGE);
        PrintWriter err = spec.commandLine().getErr();
        // A missing input is found before the store folder is made, so a mistyped name leaves nothing behind.
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new UserException("no such file or folder: " + p);
        }
        if (bulk) return bulk(err);
        boolean created = !Files.exists(storeOptions.store);
        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        int status;
        try (GraphStore store = storeOptions.open(); progress) {
            status = ingest(store, progress);
        } catch (RuntimeException e) {
            // A store folder this run made and never committed to is not left behind.
            if (created && progress.batches() == 0) deleteQuietly(storeOptions.store);
            throw e;
        }
        if (status == Interrupts.EXIT_STATUS && created && progress.batches() == 0) {
            deleteQuietly(storeOptions.store);
            err.println("nothing was committed, so the store folder " + storeOptions.store + " this run made is removed");
            err.flush();
        }
        return status;
    }

    /** The normal ingest into the open {@code store}; a first SIGINT or SIGTERM stops it cleanly (exit 130). */
    private int ingest(GraphStore store, ConsoleProgress progress) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Ingestor ingestor = new Ingestor(store, Extractors.defaults(store.iris()), batch, progress)
                .compactAtEnd(Compaction.Gate.NONE);
        IngestSummary s;
        try (Interrupts interrupts = new Interrupts(() -> {
            err.println("papergraph: stopping: committing the records read so far (press Ctrl-C again to stop at once)");
            err.flush();
            ingestor.requestStop();
        })) {
            try {
                s = ingestor.ingest(inputs, format);
            } catch (Ingestor.Stopped e) {
                progress.close();
                reportStop(e.summary().withMillis(progress.elapsedMillis()), interrupts.received(), store, progress);
                return Interrupts.EXIT_STATUS;
            }
        }
        progress.close();
        // One clock for the stage lines and the summary, started before the models were loaded.
        s = s.withMillis(progress.elapsedMillis());
        out.println("ingested into " + store.directory() + ": " + s);
        if (progress.warnings() > 0) {
            out.println(progress.warnings() + " warning(s): bytes that are not UTF-8 were replaced by U+FFFD in the records named above");
        }
        if (!ingestor.resolutionLinks().isEmpty()) {
            out.println("papers linked to existing resources, by rule: " + ingestor.resolutionLinks());
        }
        return s.rejected() > 0 ? Main.REJECTED : 0;
    }

    /** Says what an ingest stopped by a signal kept, and how to finish it. */
    private void reportStop(IngestSummary s, String signal, GraphStore store, ConsoleProgress progress) {
        PrintWriter err = spec.commandLine().getErr();
        long quads;
        try {
            quads = store.estimate().quads();
        } catch (RuntimeException e) {
            quads = -1;
        }
        err.println("stopped by " + (signal == null ? "request" : signal) + ": this run stored " + s.stored() + " record(s) ("
                + s.totalQuads() + " quads) in " + progress.batches() + " committed batch(es), " + s.rejected()
                + " rejected, in " + String.format(Locale.ROOT, "%.1f s", s.millis() / 1000.0) + "; the store "
                + store.directory() + " is consistent" + (quads >= 0 ? " and holds " + quads + " quads in all" : "") + ".");
        err.println("To finish, run the same command again (records already stored are replaced, not added twice):");
        err.println("  papergraph " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        err.flush();
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the error being reported matters more
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
            IngestSummary s;
            try (Interrupts interrupts = new Interrupts(() -> {
                err.println("papergraph: stopping the bulk load (press Ctrl-C again to stop at once)");
                err.flush();
                bulk.requestStop();
            })) {
                try {
                    s = bulk.ingest(inputs, format);
                } catch (RuntimeException e) {
                    if (interrupts.received() == null) throw e;
                    progress.close();
                    err.println("stopped by " + interrupts.received() + ": the bulk load was abandoned and "
                            + storeOptions.store + " is as it was; run the same command again to load it");
                    err.flush();
                    return Interrupts.EXIT_STATUS;
                }
            }
            progress.close();
            s = s.withMillis(progress.elapsedMillis());
            spec.commandLine().getOut().println("bulk-loaded into " + storeOptions.store + ": " + s);
            if (!bulk.resolutionLinks().isEmpty()) {
                spec.commandLine().getOut().println("papers linked to existing resources, by rule: " + bulk.resolutionLinks());
            }
            return s.rejected() > 0 ? Main.REJECTED : 0;
        }
    }
}
