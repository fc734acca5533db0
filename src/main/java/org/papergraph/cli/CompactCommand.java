package org.papergraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.papergraph.ingest.Compactor;
import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compacts the store: writes its live quads into a new generation of the database and deletes",
                "the old one, which also holds every earlier version of the re-ingested records; merges away the",
                "text index's deleted documents. Safe to stop: a stopped compaction leaves the store as it was.",
                "An ingest compacts by itself when at least half of the index space is garbage (and 8 MiB or more)."})
public final class CompactCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--dry-run", description = "Only print how much a compaction would reclaim.")
    boolean dryRun;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (GraphStore store = storeOptions.openExisting()) {
            Compaction.Estimate e = store.estimate();
            out.println(store.directory() + ": " + e);
            out.flush();
            if (dryRun) return 0;
            long t0 = System.nanoTime();
            Compaction.Result r = Compactor.compact(store, Compaction.Gate.NONE, what -> {
                err.printf(Locale.ROOT, "%s (at %.1f s)%n", what, (System.nanoTime() - t0) / 1e9);
                err.flush();
            });
            out.println(r);
            return 0;
        }
    }
}
