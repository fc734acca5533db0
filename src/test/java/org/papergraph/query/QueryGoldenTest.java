package org.papergraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.validate.Validation;

/**
 * Golden tests of the named queries. Each folder under {@code src/test/resources/queries/} is one case, named after
 * its query ({@code NAME} or {@code NAME--variant}): {@code data.trig} is loaded into a fresh TDB2 store as named
 * graphs, the query runs over the union graph with the bindings in the optional {@code params.properties}, and its
 * CSV output must equal {@code expected.csv} line for line (the queries order their rows).
 */
class QueryGoldenTest {
    @TempDir Path tmp;

    /** The case folders, read from the source tree so a case added there is found without a rebuild. */
    static Path casesRoot() {
        return Path.of("src", "test", "resources", "queries");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(casesRoot())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static String queryName(String caseName) {
        int cut = caseName.indexOf("--");
        return cut < 0 ? caseName : caseName.substring(0, cut);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void queryGivesExpectedRows(String caseName) throws Exception {
        Path dir = casesRoot().resolve(caseName);
        StoredQuery q = QueryCatalog.classpath().get(queryName(caseName))
                .orElseThrow(() -> new AssertionError("case " + caseName + " names no query in queries/"));
        Map<String, String> params = new LinkedHashMap<>();
        Path props = dir.resolve("params.properties");
        if (Files.exists(props)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(props)) { p.load(in); }
            for (String k : new TreeSet<>(p.stringPropertyNames())) params.put(k, p.getProperty(k));
        }
        List<String> expected = lines(Files.readString(dir.resolve("expected.csv"), StandardCharsets.UTF_8));
        assertTrue(expected.size() > 1, caseName + ": expected.csv must hold a header and at least one row");

        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Txn.executeWrite(store.datasetGraph(), () -> RDFDataMgr.read(store.datasetGraph(), dir.resolve("data.trig").toString()));
            // Loaded past papergraph's write paths, so nothing marked the leaderboard summaries (ADR 0009): a store
            // with results and no summaries gets them here, as it would when next opened.
            store.refreshLeaderboards();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = new QueryRunner().run(store.dataset(), q, params, ResultFormat.CSV, out);
            List<String> actual = lines(out.toString(StandardCharsets.UTF_8));
            if (!expected.equals(actual)) {
                fail(caseName + ": rows differ\n--- expected\n" + String.join("\n", expected)
                        + "\n--- actual\n" + String.join("\n", actual));
            }
            assertEquals(expected.size() - 1, rows);

            // The same query with its parameters applied, printed as text and read back, as a client sends it to
            // the SPARQL endpoint: it must parse and answer the same rows.
            String text = QueryRunner.prepare(q, params).serialize();
            Query reread;
            try {
                reread = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
            } catch (QueryParseException e) {
                throw new AssertionError(caseName + ": the prepared query does not parse again: " + e.getMessage() + "\n" + text, e);
            }
            ByteArrayOutputStream viaText = new ByteArrayOutputStream();
            Txn.executeRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(reread).build()) {
                    ResultSetFormatter.outputAsCSV(viaText, qe.execSelect());
                }
            });
            assertEquals(expected, lines(viaText.toString(StandardCharsets.UTF_8)), caseName + ": rows of the prepared text\n" + text);
        }
    }

    @Test
    void everyNamedQueryHasAGoldenCase() throws Exception {
        Set<String> covered = new TreeSet<>();
        cases().map(QueryGoldenTest::queryName).forEach(covered::add);
        List<String> missing = new ArrayList<>();
        for (String name : QueryCatalog.classpath().names()) if (!covered.contains(name)) missing.add(name);
        assertEquals(List.of(), missing, "queries without a golden case under src/test/resources/queries/");
    }

    @Test
    void everyNamedQueryIsDocumented() {
        for (StoredQuery q : QueryCatalog.classpath().all()) {
            assertTrue(!q.summary().isEmpty(), q.name() + " has no '#+ summary:' line");
            assertTrue(q.text().contains("# Params:"), q.name() + " has no '# Params:' line");
            assertTrue(q.text().contains("# Returns:"), q.name() + " has no '# Returns:' line");
            QueryRunner.parse(q);
        }
    }

    @Test
    void namedQueriesKeepTheirLeadingColumns() {
        // Users and scripts rely on these names and column orders (issue 2, section 9).
        Map<String, List<String>> leading = new LinkedHashMap<>();
        leading.put("papers", List.of("paper", "title"));
        leading.put("authors", List.of("paper", "author", "name", "position"));
        leading.put("code-links", List.of("paper", "repository"));
        leading.put("stats", List.of("class", "count"));
        leading.put("citations", List.of("citing", "cited"));
        leading.put("mentions", List.of("paper", "title", "type", "entity", "label", "surface", "role", "confidence"));
        leading.put("results", List.of("paper", "title", "method", "methodLabel", "dataset", "datasetLabel", "metric",
                "metricLabel", "value", "unit", "lowerIsBetter"));
        leading.put("cited-by", List.of("citing", "title"));
        QueryCatalog catalog = QueryCatalog.classpath();
        leading.forEach((name, columns) -> {
            StoredQuery q = catalog.get(name).orElseThrow(() -> new AssertionError("missing query " + name));
            List<String> vars = QueryRunner.parse(q).getResultVars();
            assertEquals(columns, vars.subList(0, Math.min(columns.size(), vars.size())), name + " columns");
        });
    }

    @Test
    void goldenDataConformsToTheShapes() throws IOException {
        // The fixtures are written under the ontology; the shapes must accept what the queries are tested on.
        Validation validation = Validation.bundled();
        for (String c : cases().toList()) {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            RDFDataMgr.read(dsg, casesRoot().resolve(c).resolve("data.trig").toString());
            Validation.Outcome o = validation.validate(dsg.getUnionGraph());
            assertEquals(List.of(), o.problems(), c + "/data.trig");
        }
    }

    /** Lines without the CSV writer's CR and without a trailing empty line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }
}
