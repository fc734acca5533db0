package org.papergraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

/**
 * Fuzzes every registered reader with damaged copies of real files, fixed random seed. {@code FuzzMain} runs the
 * same cases at a larger count (docs/RELIABILITY.md).
 */
class ReaderFuzzTest {
    static final long RANDOM_SEED = 20261126L;
    /** Per seed file; a multiple of the number of mutations, so each is tried equally often. */
    static final int CASES_PER_SEED = 4 * Mutation.values().length;

    static Map<String, List<ReaderFuzzer.Seed>> seeds;

    @BeforeAll
    static void findSeeds() throws Exception {
        seeds = new ReaderFuzzer(10_000).findSeeds(SharedData.ROOT, Path.of("."));
    }

    @Test
    void everyReaderHasARealSeedFile() {
        List<String> missing = new ArrayList<>();
        seeds.forEach((format, list) -> { if (list.isEmpty()) missing.add(format); });
        assertTrue(missing.isEmpty(), "no seed file detected for reader(s) " + missing
                + ": add a real sample of that format to ReaderFuzzer.SEED_SOURCES");
    }

    @Test
    void damagedFilesNeverHangCrashOrLoseGoodRecords() {
        Map<String, ReaderFuzzer.Tally> tallies = new ReaderFuzzer(10_000).run(seeds, CASES_PER_SEED, RANDOM_SEED, System.out);
        List<String> failures = new ArrayList<>();
        long cases = 0;
        for (ReaderFuzzer.Tally t : tallies.values()) {
            System.out.println("fuzz " + t);
            failures.addAll(t.failures);
            cases += t.cases;
        }
        System.out.println("fuzz: " + cases + " cases, " + failures.size() + " failures (seed " + RANDOM_SEED + ")");
        assertTrue(failures.isEmpty(), failures.size() + " failing case(s):\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }
}
