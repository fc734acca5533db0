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
                "Reads a trending-papers listing and runs the extractors over it repeatedly, after a warm-up.",
                "With --full-text, reads GROBID TEI and LaTeX papers from memory and runs every extractor over them",
                "(papers read and extracted per CPU second)."})
public final class BenchExtractCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "LISTING", defaultValue = "../shared/seeds/trending-papers-listing.txt",
            description = "Listing file (default: ${DEFAULT-VALUE}).")
    Path listing;

    @Option(names = "--seconds", defaultValue = "10", description = "Timed run length (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up length in seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--full-text", paramLabel = "DIR", arity = "1..*",
            description = "Full-text files or folders (GROBID TEI, LaTeX) to read and extract instead of a listing.")
    List<Path> fullText;

    @Option(names = "--fast", description = {"Use the fast extraction models (a smaller abstract tagger and its own confidence model),",
            "as java -Dpapergraph.extraction=fast does for ingest, convert and demo."})
    boolean fast;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (fast) System.setProperty(org.papergraph.extract.ExtractionModels.MODE_PROPERTY, "fast");
        if (fullText != null) return fullText();
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

    private int fullText() throws IOException {
        for (Path p : fullText) if (!p.toFile().exists()) throw new UserException("no such file or folder: " + p, Main.USAGE);
        org.papergraph.extract.FullTextBenchmark bench = new org.papergraph.extract.FullTextBenchmark(fullText, org.papergraph.resolve.Iris.defaults());
        if (bench.files() == 0) throw new UserException("no GROBID TEI or LaTeX file found in " + fullText, Main.USAGE);
        bench.run(warmup);
        org.papergraph.extract.FullTextBenchmark.Outcome o = bench.run(seconds);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d full-text papers read and extracted (%d files, %.1f MB), one thread: %.1f papers per CPU second (%.1f CPU s), %.1f per wall-clock second (%.1f s), %.0f quads per CPU second%n",
                o.papers(), bench.files(), bench.bytes() / 1e6, o.papersPerCpuSecond(), o.cpuSeconds(), o.papersPerSecond(), o.seconds(), o.quads() / o.cpuSeconds());
        return 0;
    }
}
