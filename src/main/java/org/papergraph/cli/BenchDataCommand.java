package org.papergraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.papergraph.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-data", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic corpus for benchmarks: arXiv snapshot JSON lines,",
                "the same papers as papergraph-jsonl (with citations) and Papers-with-Code-like evaluation tables."})
public final class BenchDataCommand implements Callable<Integer> {
    @Option(names = "--papers", paramLabel = "N", defaultValue = "100000", description = "Number of papers (default: ${DEFAULT-VALUE}).")
    int papers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed; same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into (created when missing).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (papers < 1) throw new UserException("--papers must be at least 1", Main.USAGE);
        long t0 = System.nanoTime();
        CorpusGenerator.Written w;
        try {
            w = new CorpusGenerator(papers, seed).write(out);
        } catch (IOException e) {
            throw new UserException("cannot write the corpus to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf("wrote %d papers (%d citations, %d leaderboard rows) in %.1f s:%n  %s%n  %s%n  %s%n",
                w.paperCount(), w.citations(), w.leaderboardRows(), (System.nanoTime() - t0) / 1e9,
                w.arxiv(), w.papers(), w.tables());
        return 0;
    }
}
