package org.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The benchmark script itself, at smoke size: {@code bench/run} on 300 papers with the jar {@code mvn verify} has
 * just packaged, as a user would run it from a fresh clone. Checks that every step ran and that the table is made of
 * measured figures; no timing is asserted. Runs in the integration-test phase (Failsafe), after the jar is built.
 */
class BenchRunIT {
    static final String INSTALL = "bench/run needs GNU time (apt-get install -y time; python3-rdflib for the peer row): "
            + "CI's .ci/run installs both";
    static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    @Test
    void theScriptMeasuresEveryStepOnASmallCorpus() throws Exception {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path out = base.resolve("target/bench-smoke");
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) fail(INSTALL);
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/run", "--papers", "300", "--rdflib-papers", "300",
                "--skip-normal", "--out", out.toString())
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("target/bench-smoke.log").toFile());
        pb.environment().put("QUERY_RUNS", "3");
        pb.environment().put("QUERY_BUDGET", "5");
        pb.environment().put("EXPORT_FORMATS", "ttl jsonld");
        pb.environment().put("STEP_TIMEOUT", "300");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("bench/run did not finish in 15 minutes; see target/bench-smoke.log");
        }
        String log = Files.readString(base.resolve("target/bench-smoke.log"));
        assertEquals(0, p.exitValue(), "bench/run failed:\n" + log);

        String table = Files.readString(out.resolve("results.md"));
        // Every measured step has a row with a wall-clock time and a rate.
        for (String step : List.of("generate corpus", "ingest --bulk", "convert to N-Quads", "convert, rdflib's mapping",
                "the converted quads in the order papergraph produces them", "the store's quads exported")) {
            String row = row(table, step);
            String[] cells = row.split("\\|");
            assertTrue(NUMBER.matcher(cells[2].trim()).matches() && Double.parseDouble(cells[2].trim()) > 0,
                    "no wall-clock time in: " + row);
            assertTrue(NUMBER.matcher(cells[3].trim()).matches(), "no papers/s in: " + row);
        }
        assertTrue(NUMBER.matcher(row(table, "ratio bulk ingest / raw loader, same quads").split("\\*\\*")[3]).matches(),
                table);
        // The bulk-built store holds exactly the quads convert wrote (each once, none lost), plus the leaderboard
        // summaries it derives after the load.
        Matcher stored = Pattern.compile("Store quads: ([0-9]+) .*leaderboard summaries: ([0-9]+)").matcher(table);
        Matcher converted = Pattern.compile("read \\+ resolve \\+ extract \\+ write; ([0-9]+) quads").matcher(table);
        assertTrue(stored.find() && converted.find(), table);
        assertTrue(Long.parseLong(stored.group(1)) > 300 * 50, table);
        assertTrue(Long.parseLong(stored.group(2)) > 0, "no leaderboard summaries in the store: " + table);
        assertEquals(Long.parseLong(stored.group(1)) - Long.parseLong(stored.group(2)), Long.parseLong(converted.group(1)),
                "store (without the summaries) and converted file differ in size");
        // One latency row per query in queries/.
        long queries;
        try (Stream<Path> files = Files.list(base.resolve("queries"))) {
            queries = files.filter(f -> f.toString().endsWith(".rq")).count();
        }
        for (Path q : Files.newDirectoryStream(base.resolve("queries"), "*.rq")) {
            String name = q.getFileName().toString().replaceFirst("\\.rq$", "");
            String row = table.lines().filter(l -> l.startsWith("| " + name + " |") || l.startsWith("| " + name + " (")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for query " + name + " in:\n" + table));
            assertTrue(row.split("\\|").length >= 8, "query row incomplete: " + row);
        }
        assertTrue(queries > 10, "queries/ holds " + queries);
        if (rdflibInstalled()) assertTrue(table.contains("target ≥ 10)** | | **"), "no rdflib ratio:\n" + table);
        for (String export : List.of("export nq", "export ttl", "export jsonld")) row(table, export);
    }

    private static String row(String table, String contains) {
        return table.lines().filter(l -> l.startsWith("| " ) && l.contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for '" + contains + "' in:\n" + table));
    }

    private static boolean rdflibInstalled() throws Exception {
        if (!new File("/usr/bin/python3").canExecute()) return false;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import rdflib").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
