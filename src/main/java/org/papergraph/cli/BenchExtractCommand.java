package org.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.papergraph.extract.ExtractionBenchmark;
import org.papergraph.source.PaperRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench-extract", mixinStandardHelpOptions = true,
        description = {"Measures single-thread throughput of entity and result extraction (abstracts per second).",
                "Reads a trending-papers listing and runs the extractors over it repeatedly, after a warm-up."})
public final class BenchExtractCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "LISTING", defaultValue = "../shared/seeds/trending-papers-listing.txt",
            description = "Listing file (default: ${DEFAULT-VALUE}).")
    Path listing;

    @Option(names = "--seconds", defaultValue = "10", description = "Timed run length (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up length in seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--fast", description = {"Use the fast extraction models (a smaller abstract tagger and its own confidence model),",
            "as java -Dpapergraph.extraction=fast does for ingest, convert and demo."})
    boolean fast;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (fast) System.setProperty(org.papergraph.extract.ExtractionModels.MODE_PROPERTY, "fast");
        if (!listing.toFile().isFile()) throw new UserException("no such file: " + listing, Main.USAGE);
        List<PaperRecord> records = ExtractionBenchmark.listing(listing);
        ExtractionBenchmark bench = new ExtractionBenchmark(records, org.papergraph.resolve.Iris.defaults());
        bench.run(warmup);
        ExtractionBenchmark.Outcome o = bench.run(seconds);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d records (%d distinct), one thread: %.0f abstracts per CPU second (%.1f CPU s), %.0f per wall-clock second (%.1f s), %.0f quads per CPU second%n",
                o.records(), records.size(), o.recordsPerCpuSecond(), o.cpuSeconds(), o.recordsPerSecond(), o.seconds(), o.quads() / o.cpuSeconds());
        return 0;
    }
}
