package org.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.query.QueryCatalog;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/** The query and validate commands through {@link Main#run}, over a store filled by the ingest command. */
class QueryCommandTest {
    @TempDir static Path tmp;
    static Path listingStore;

    /** Exit status and what the command printed. */
    record Run(int status, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void ingestListing() {
        listingStore = tmp.resolve("listing-db");
        Run r = run("ingest", "-q", "--store", listingStore.toString(), SharedData.listing().toString());
        assertEquals(0, r.status(), r.err());
    }

    static List<String> lines(String s) { return s.lines().toList(); }

    @Test
    void papersAsCsvListsEveryListedPaper() {
        Run r = run("query", "papers", "--format", "csv", "--store", listingStore.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = lines(r.out());
        assertEquals("paper,title,arxivId,doi,issued,citedBy", lines.get(0));
        assertEquals(1 + 132, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",MnasNet: Platform-Aware Neural Architecture Search for Mobile,")), r.out());
    }

    @Test
    void jsonAndTsvCarryTheSameRows() {
        Run json = run("query", "papers", "--format", "json", "--store", listingStore.toString());
        assertEquals(0, json.status(), json.err());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        int n = 0;
        while (rs.hasNext()) { rs.next(); n++; }
        assertEquals(132, n);
        Run tsv = run("query", "papers", "--format", "tsv", "--store", listingStore.toString());
        assertEquals("?paper\t?title\t?arxivId\t?doi\t?issued\t?citedBy", lines(tsv.out()).get(0));
        assertEquals(133, lines(tsv.out()).size());
        Run table = run("query", "stats", "--store", listingStore.toString());
        // The table is for people: prefixed names (issue 21); the other formats keep the full IRIs.
        assertTrue(table.out().lines().anyMatch(l -> l.matches("pg:Paper +132")), table.out());
    }

    @Test
    void listShowsEveryNameWithItsSummary() {
        Run r = run("query", "--list");
        assertEquals(0, r.status());
        for (var q : QueryCatalog.classpath().all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(q.name() + " ") && l.endsWith(q.summary())), q.name() + "\n" + r.out());
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        Run r = run("query", "no-such-query", "--store", listingStore.toString());
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("unknown query 'no-such-query'") && r.err().contains("papers") && r.err().contains("leaderboard"), r.err());
    }

    @Test
    void aQueryThatDoesNotParseNamesLineAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.rq");
        Files.writeString(bad, "SELECT ?s\nWHERE { ?s ?p }\n");
        Run r = run("query", bad.toString(), "--store", listingStore.toString());
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("does not parse: ") && r.err().contains("line 2, column 15"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void parametersAreCheckedAndBound() throws Exception {
        Run missing = run("query", "cited-by", "--store", listingStore.toString());
        assertEquals(Main.USAGE, missing.status());
        assertTrue(missing.err().contains("needs --param cited="), missing.err());
        Run unknown = run("query", "papers", "--param", "year=2020", "--store", listingStore.toString());
        assertEquals(Main.USAGE, unknown.status());
        assertTrue(unknown.err().contains("has no parameter 'year'"), unknown.err());

        // A file query: the parameter narrows the pattern where the variable is used.
        Path file = tmp.resolve("title.rq");
        Files.writeString(file, """
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?paper WHERE { ?paper dcterms:title ?title } ORDER BY ?paper
                """);
        Run bound = run("query", file.toString(), "--format", "csv", "--store", listingStore.toString(),
                "--param", "title=MnasNet: Platform-Aware Neural Architecture Search for Mobile");
        assertEquals(0, bound.status(), bound.err());
        assertEquals(2, lines(bound.out()).size(), bound.out());
        assertTrue(lines(bound.out()).get(1).startsWith("https://papergraph.org/id/paper/title/mnasnet-"), bound.out());
    }

    @Test
    void aMissingStoreIsAnErrorNotAnEmptyAnswer() {
        Run r = run("query", "papers", "--store", tmp.resolve("nothing-here").toString());
        assertTrue(r.status() != 0);
        assertTrue(r.err().contains("no store at"), r.err());
        assertTrue(Files.notExists(tmp.resolve("nothing-here")));
    }

    @Test
    void validateConformsOnTheListingAndFailsOnBrokenData() throws Exception {
        Run ok = run("validate", "--store", listingStore.toString());
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(ok.out().contains("conforms: 0 violations"), ok.out());

        Path db = tmp.resolve("broken-db");
        Path trig = tmp.resolve("broken.trig");
        Files.writeString(trig, """
                PREFIX pg: <https://papergraph.org/ontology#>
                <https://papergraph.org/id/graph/x> {
                  <https://papergraph.org/id/paper/a> a pg:Paper .
                  <https://papergraph.org/id/paper/b> a pg:Paper .
                  <https://papergraph.org/id/paper/c> a pg:Paper .
                }
                """);
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), trig.toString()));
        }
        Run bad = run("validate", "--store", db.toString(), "--limit", "1");
        assertEquals(Main.REJECTED, bad.status());
        List<String> lines = lines(bad.out());
        assertEquals("Violation: <https://papergraph.org/id/paper/a>: a paper needs a dcterms:title, a pg:arxivId, a pg:doi or a pg:pwcId", lines.get(0));
        assertEquals("(2 more not shown; use --limit)", lines.get(1));
        assertEquals("does not conform: 3 violations, 0 warnings", lines.get(2));
    }
}
