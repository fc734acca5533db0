package org.papergraph.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The larger fuzz run, outside the build, from the test classes (the jar ships no fuzzer):
 * {@code java -cp target/papergraph.jar:target/test-classes org.papergraph.fuzz.FuzzMain --cases 2000 --seed 1},
 * run from the project folder after {@code mvn verify} (seed files are read from {@code ../shared} and the
 * project's own samples). Prints one line per reader
 * and every failure; exit status 0 when every reader had seed files and no case failed, 1 otherwise.
 *
 * <p>Options: {@code --cases N} cases per seed file (default 500), {@code --seed S} random seed (default
 * 20261126, the one the build uses), {@code --shared DIR}, {@code --project DIR}, {@code --timeout MS} per case
 * (default 10000).
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        int cases = 500;
        long seed = 20261126L;
        long timeout = 10_000;
        Path shared = Path.of("..", "shared");
        Path project = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) usage("missing value for " + a);
            switch (a) {
                case "--cases" -> cases = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--timeout" -> timeout = Long.parseLong(v);
                case "--shared" -> shared = Path.of(v);
                case "--project" -> project = Path.of(v);
                default -> usage("unknown option " + a);
            }
            i++;
        }
        ReaderFuzzer fuzzer = new ReaderFuzzer(timeout);
        Path unpacked = java.nio.file.Files.createTempDirectory("papergraph-fuzz-seeds");
        Map<String, List<ReaderFuzzer.Seed>> seeds;
        try {
            seeds = fuzzer.findSeeds(shared, project, ReaderFuzzer.unpackArchiveSeeds(shared, unpacked));
        } finally {
            // The seeds hold their bytes: the unpacked files are not needed once found.
            try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(unpacked)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long t0 = System.nanoTime();
        Map<String, ReaderFuzzer.Tally> tallies = fuzzer.run(seeds, cases, seed, System.out);
        long total = 0, failures = 0;
        boolean missing = false;
        for (ReaderFuzzer.Tally t : tallies.values()) {
            System.out.println(t);
            total += t.cases;
            failures += t.failures.size();
            missing |= t.seeds.isEmpty();
        }
        System.out.printf("%d cases, %d failures, seed %d, %d cases per seed file, %.1f s%n",
                total, failures, seed, cases, (System.nanoTime() - t0) / 1e9);
        if (missing) System.out.println("some readers had no seed file: add a sample of their format to ReaderFuzzer.SEED_SOURCES (or ARCHIVE_SEEDS)");
        System.exit(failures == 0 && !missing ? 0 : 1);
    }

    private static void usage(String problem) {
        System.err.println("FuzzMain: " + problem);
        System.err.println("usage: FuzzMain [--cases N] [--seed S] [--timeout MS] [--shared DIR] [--project DIR]");
        System.exit(2);
    }
}
