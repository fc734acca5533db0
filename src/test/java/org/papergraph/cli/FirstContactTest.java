package org.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;

/**
 * The first hour with the command line (issue 21): mistakes get one line naming them and the help, exit 2; a failed
 * command leaves no folder it made; nothing to ingest is an error; parameters that must be IRIs are checked or
 * looked up; export format names have their usual aliases; the version is the build's; the table format is short.
 */
class FirstContactTest {
    @TempDir static Path tmp;
    static Path demo;

    @BeforeAll
    static void demoStore() {
        demo = tmp.resolve("demo");
        QueryCommandTest.Run r = QueryCommandTest.run("demo", "--no-serve", "-q", "--store", demo.toString());
        assertEquals(0, r.status(), r.err());
    }

    private static void oneLineUsageError(QueryCommandTest.Run r, String mistake, String help) {
        assertEquals(Main.USAGE, r.status(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "not one line:\n" + r.err());
        assertTrue(lines.get(0).contains(mistake), lines.get(0));
        assertTrue(lines.get(0).contains("'" + help + " --help'"), lines.get(0));
        assertEquals("", r.out());
    }

    @Test
    void usageMistakesAreOneLineWithTheHelpAndExitTwo() {
        oneLineUsageError(QueryCommandTest.run("bogus"), "unknown command 'bogus'", "papergraph");
        QueryCommandTest.Run typo = QueryCommandTest.run("ingest", "--frmat", "x", "FILE");
        oneLineUsageError(typo, "unknown option '--frmat'", "papergraph ingest");
        assertTrue(typo.err().contains("did you mean --format?"), typo.err());
        oneLineUsageError(QueryCommandTest.run("convert", "in.txt"), "--out", "papergraph convert");
        oneLineUsageError(QueryCommandTest.run("export", "--store", demo.toString(), "--format", "docx"), "unknown --format 'docx'",
                "papergraph export");
        oneLineUsageError(QueryCommandTest.run("query", "cited-by", "--store", demo.toString(), "-p", "cited=hello"),
                "must be a paper IRI", "papergraph query");
    }

    @Test
    void aFailedIngestLeavesNoStoreFolderBehind() throws Exception {
        Path store = tmp.resolve("never-made");
        QueryCommandTest.Run r = QueryCommandTest.run("ingest", "--store", store.toString(), tmp.resolve("missing.txt").toString());
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("no such file or folder"), r.err());
        assertFalse(Files.exists(store), "the failed ingest left " + store);

        Path unknown = Files.createDirectories(tmp.resolve("unknown-formats"));
        Files.writeString(unknown.resolve("notes.dat"), "nothing papergraph can read\n");
        Files.writeString(unknown.resolve("README.md"), "# documentation is skipped\n");
        Path store2 = tmp.resolve("never-made-2");
        r = QueryCommandTest.run("ingest", "--store", store2.toString(), unknown.toString());
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("nothing to ingest"), r.err());
        assertFalse(Files.exists(store2), "an ingest with nothing to read left " + store2);

        Path empty = Files.createDirectories(tmp.resolve("empty-folder"));
        r = QueryCommandTest.run("ingest", "--store", store2.toString(), empty.toString());
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("nothing to ingest"), r.err());
        assertFalse(Files.exists(store2));
    }

    @Test
    void loadtestWithoutAServerSaysSo() {
        QueryCommandTest.Run r = QueryCommandTest.run("loadtest", "--url", "http://127.0.0.1:1/papergraph/sparql", "--seconds", "1");
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("no server answers at http://127.0.0.1:1/papergraph/sparql"), r.err());
        assertFalse(r.err().contains("null"), r.err());
    }

    @Test
    void aPaperParameterTakesAnIriAnArxivIdOrADoi() {
        String iri = "https://papergraph.org/id/paper/arxiv/1706.03762";
        QueryCommandTest.Run byIri = QueryCommandTest.run("query", "cited-by", "--store", demo.toString(), "--format", "csv", "-p", "cited=" + iri);
        assertEquals(0, byIri.status(), byIri.err());
        assertTrue(byIri.out().lines().count() > 5, byIri.out());
        for (String id : new String[] {"1706.03762", "arXiv:1706.03762v5"}) {
            QueryCommandTest.Run byId = QueryCommandTest.run("query", "cited-by", "--store", demo.toString(), "--format", "csv", "-p", "cited=" + id);
            assertEquals(0, byId.status(), byId.err());
            assertEquals(byIri.out(), byId.out(), "cited=" + id);
        }
        QueryCommandTest.Run unknown = QueryCommandTest.run("query", "cited-by", "--store", demo.toString(), "-p", "cited=2999.99999");
        assertEquals(Main.USAGE, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("no paper in the store has the arXiv id 2999.99999"), unknown.err());
    }

    @Test
    void exportTakesTheUsualFormatNames() throws Exception {
        for (String name : new String[] {"turtle", "ntriples", "nquads", "json-ld", "rdf-xml", "N-Triples", "RDF/XML"}) {
            Path out = tmp.resolve("export-" + name.replace('/', '-'));
            QueryCommandTest.Run r = QueryCommandTest.run("export", "--store", demo.toString(), "--format", name, "-o", out.toString());
            assertEquals(0, r.status(), name + ": " + r.err());
            assertTrue(Files.size(out) > 1000, name);
        }
    }

    @Test
    void versionIsTheBuildsAndHelpDoesNotPromiseAStore() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>papergraph</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find());
        QueryCommandTest.Run v = QueryCommandTest.run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("papergraph " + m.group(1) + "\n"), v.out());
        for (String cmd : new String[] {"query", "export", "validate", "serve", "compact"}) {
            QueryCommandTest.Run h = QueryCommandTest.run(cmd, "--help");
            assertEquals(0, h.status());
            assertFalse(h.out().contains("creates it"), cmd + " --help:\n" + h.out());
        }
    }

    @Test
    void theSummaryTimeIsNotBeforeTheLastStage() {
        Path store = tmp.resolve("timed");
        QueryCommandTest.Run r = QueryCommandTest.run("ingest", "--store", store.toString(), SharedData.listing().toString());
        assertEquals(0, r.status(), r.err());
        double lastStage = 0;
        Matcher at = Pattern.compile("\\(at (\\d+\\.\\d) s\\)").matcher(r.err());
        while (at.find()) lastStage = Math.max(lastStage, Double.parseDouble(at.group(1)));
        assertTrue(lastStage > 0, "no stage line:\n" + r.err());
        Matcher in = Pattern.compile(" in (\\d+\\.\\d) s").matcher(r.out());
        assertTrue(in.find(), r.out());
        assertTrue(Double.parseDouble(in.group(1)) >= lastStage, "summary " + in.group(1) + " s before the stage at " + lastStage + " s:\n"
                + r.err() + r.out());
    }

    @Test
    void theTableFormatIsShortPrefixedAndPlain() {
        QueryCommandTest.Run r = QueryCommandTest.run("query", "papers", "--store", demo.toString(), "--width", "80");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() > 50, r.out());
        for (String l : lines) assertTrue(l.length() <= 80, "wider than 80: " + l);
        assertTrue(lines.get(2).startsWith("id:paper/"), lines.get(2)); // prefixed, cut to the width
        assertFalse(r.out().contains("^^"), r.out());
        assertFalse(r.out().contains("http://www.w3.org/2001/XMLSchema"), r.out());
        assertFalse(r.out().contains("\"") && r.out().contains("\"@"), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("\\(\\d+ rows\\)"), lines.get(lines.size() - 1));
    }
}
