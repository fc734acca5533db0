package org.papergraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.cli.Main;
import org.papergraph.SharedData;

/**
 * Fuzzes every registered reader with damaged copies of real files, fixed random seed. {@code FuzzMain} runs the
 * same cases at a larger count (docs/RELIABILITY.md).
 */
class ReaderFuzzTest {
    static final long RANDOM_SEED = 20261126L;
    /** Per seed file; a multiple of the number of mutations, so each is tried equally often. */
    static final int CASES_PER_SEED = 3 * Mutation.values().length;

    static final int CLI_SEED_BYTES = 32 << 10;

    static Map<String, List<ReaderFuzzer.Seed>> seeds;

    /** The files of the samples that come as archives (unarXive), unpacked for the seed search. */
    @TempDir static Path unpacked;

    @BeforeAll
    static void findSeeds() throws Exception {
        List<Path> extra = new ArrayList<>(ReaderFuzzer.unpackArchiveSeeds(SharedData.ROOT, unpacked));
        extra.addAll(ReaderFuzzer.packLatexSeed(SharedData.ROOT, unpacked.resolve("latex")));
        seeds = new ReaderFuzzer(10_000).findSeeds(SharedData.ROOT, Path.of("."), extra);
    }

    @Test
    void everyReaderHasARealSeedFile() {
        List<String> missing = new ArrayList<>();
        seeds.forEach((format, list) -> { if (list.isEmpty()) missing.add(format); });
        assertTrue(missing.isEmpty(), "no seed file detected for reader(s) " + missing
                + ": add a real sample of that format to ReaderFuzzer.SEED_SOURCES (or ARCHIVE_SEEDS)");
    }

    /** The LaTeX reader is fuzzed with a single .tex file and with an arXiv-style source archive. */
    @Test
    void latexIsFuzzedAsAFileAndAsAnArchive() {
        List<ReaderFuzzer.Seed> latex = seeds.get("latex");
        assertTrue(latex.stream().anyMatch(s -> s.file().toString().endsWith(".tex")), "no .tex seed: " + latex);
        assertTrue(latex.stream().anyMatch(s -> s.file().toString().endsWith(".tar.gz")), "no .tar.gz seed: " + latex);
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

    /**
     * One mutant of each kind per reader through {@code papergraph ingest}: the user gets rejections and a summary
     * (exit 0 or 1) or one line saying the stream broke (exit 3), never a Java stack trace.
     */
    @Test
    void theCommandLineReportsDamagedFilesWithoutStackTraces(@TempDir Path tmp) throws Exception {
        List<String> problems = new ArrayList<>();
        int runs = 0;
        for (Map.Entry<String, List<ReaderFuzzer.Seed>> e : seeds.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            ReaderFuzzer.Seed seed = e.getValue().get(0);
            byte[] bytes = seed.bytes();
            // Output, not volume, is under test here: a line-based seed is cut to its first lines to save time.
            if (bytes.length > CLI_SEED_BYTES && seed.baseline().get(0).position().unit().equals("line")) {
                int cut = CLI_SEED_BYTES;
                while (cut > 0 && bytes[cut - 1] != '\n') cut--;
                bytes = java.util.Arrays.copyOf(bytes, cut);
            }
            Path store = tmp.resolve("db-" + e.getKey());
            for (Mutation kind : Mutation.values()) {
                Mutant m = kind.apply(bytes, new Random(RANDOM_SEED + kind.ordinal()));
                Path file = tmp.resolve(e.getKey() + "-" + kind);
                Files.write(file, m.bytes());
                String[] outErr = new String[2];
                int status = runCapturing(outErr, "ingest", "--store", store.toString(), "--batch", "50",
                        "--format", e.getKey(), file.toString());
                runs++;
                String where = e.getKey() + " " + m + ": exit " + status + "\nstdout: " + outErr[0] + "\nstderr: " + outErr[1];
                if (outErr[1].contains("\tat ") || outErr[1].contains("Exception in") || outErr[1].contains("[Fatal Error]")) {
                    problems.add("stack trace or parser noise: " + where);
                } else if (status == 0 || status == Main.REJECTED) {
                    boolean rejects = outErr[1].contains("rejected ");
                    if (!outErr[0].contains("ingested into") || (status == Main.REJECTED) != rejects) problems.add("no summary or wrong status: " + where);
                } else if (status == 3) {
                    String[] lines = outErr[1].strip().split("\n");
                    String last = lines[lines.length - 1];
                    if (!last.startsWith("papergraph: reading ") || !last.contains(" failed after ")) problems.add("unclear stream error: " + where);
                } else {
                    problems.add("unexpected status: " + where);
                }
            }
        }
        System.out.println("fuzz through the CLI: " + runs + " runs, " + problems.size() + " problems");
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    static int runCapturing(String[] outErr, String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            outErr[0] = o.toString(StandardCharsets.UTF_8);
            outErr[1] = e.toString(StandardCharsets.UTF_8);
        }
    }
}
