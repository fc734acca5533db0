package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryRunner;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.validate.Validation;

/**
 * Real full-text papers (a GROBID TEI file and a LaTeX source, the latter from a folder holding its parts) ingested
 * into TDB2 by the whole pipeline: results read from their tables carry role and evidence, the store conforms to
 * the SHACL shapes, and the leaderboard ranks only results papers report for their own methods.
 */
class TableResultIngestTest {
    @TempDir static Path tmp;
    static GraphStore store;
    static IngestSummary summary;
    static final List<String> skipped = new ArrayList<>();

    static final String PREFIX = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @BeforeAll
    static void ingest() throws Exception {
        // The LaTeX paper as an arXiv source folder: its body in a part the main file includes.
        Path src = tmp.resolve("src/1803.09454v1");
        Files.createDirectories(src.resolve("sections"));
        String tex = Files.readString(SharedData.path("data/sota-leaderboards/clef2024/validation/1803.09454v1/1803.09454v1.tex"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        int from = tex.indexOf("\\begin{document}") + "\\begin{document}".length();
        int to = tex.lastIndexOf("\\end{document}");
        Files.writeString(src.resolve("sections/body.tex"), tex.substring(from, to), java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(src.resolve("ms.tex"), tex.substring(0, from) + "\n\\input{sections/body}\n" + tex.substring(to),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        IngestListener listener = new IngestListener() {
            @Override public void fileSkipped(String file, String reason) { skipped.add(file); }
        };
        summary = new Ingestor(store, Extractors.defaults(store.iris()), 50, listener).ingest(List.of(
                SharedData.path("data/sota-leaderboards/grobid-tei-2023/train/127/2007.06267v2.tei.xml"), tmp.resolve("src")), null);
    }

    @AfterAll
    static void close() { store.close(); }

    static List<Map<String, String>> select(String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PREFIX + query).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new java.util.TreeMap<>();
                    s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.get(v).toString()));
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    @Test
    void theFolderIsOnePaperAndItsPartIsNotReadOnItsOwn() {
        assertEquals(2, summary.read());
        assertEquals(2, summary.stored());
        assertEquals(0, summary.rejected());
        assertTrue(skipped.isEmpty(), skipped.toString());
    }

    @Test
    void resultsFromTablesCarryRoleAndEvidence() {
        List<Map<String, String>> own = select("""
                SELECT ?label ?caption ?row ?column ?raw ?value ?method ?conf WHERE {
                  ?r pg:fromTable ?t ; pg:resultRole "own" ; pg:rowHeader ?row ; pg:rawValue ?raw ; pg:value ?value ;
                     pg:confidence ?conf ; pg:dataset/rdfs:label "FB15k-237" ; pg:metric/rdfs:label "MRR" ; pg:method/rdfs:label ?method .
                  OPTIONAL { ?r pg:columnHeader ?column }
                  ?t a pg:Table ; pg:tableLabel ?label ; pg:caption ?caption ; pg:tableKind "leaderboard" .
                } ORDER BY ?row""");
        assertEquals(2, own.size(), own.toString());
        Map<String, String> boxe = own.get(0);
        assertEquals("Table 2", boxe.get("label"));
        assertEquals("BoxE(a)", boxe.get("row"));
        assertEquals("FB15k-237 / MRR", boxe.get("column"));
        assertEquals(".337", boxe.get("raw"));
        assertEquals("0.337", boxe.get("value"));
        assertEquals("BoxE(a)", boxe.get("method"));
        assertTrue(boxe.get("caption").startsWith("KGC results"));
        double conf = Double.parseDouble(boxe.get("conf"));
        assertTrue(conf > 0 && conf < 1, boxe.toString());

        List<Map<String, String>> other = select("""
                SELECT ?method WHERE { ?r pg:resultRole "other" ; pg:fromTable ?t ; pg:method/rdfs:label ?method ;
                  pg:dataset/rdfs:label "FB15k-237" ; pg:metric/rdfs:label "MRR" } ORDER BY ?method""");
        assertTrue(other.stream().anyMatch(r -> r.get("method").equals("RotatE(a)")), other.toString());

        // The LaTeX table is read the other way round: rows are datasets, columns methods.
        List<Map<String, String>> idn = select("""
                SELECT ?row ?column ?raw WHERE { ?r pg:resultRole "own" ; pg:rowHeader ?row ; pg:columnHeader ?column ;
                  pg:rawValue ?raw ; pg:metric/rdfs:label "SSIM" ; pg:fromTable/pg:tableLabel "Table 2" ; pg:value 0.7632 }""");
        assertEquals(List.of(Map.of("row", "Urban100", "column", "IDN (Ours)", "raw", "25.41/0.7632")), idn);
    }

    @Test
    void theStoreConformsToTheShapes() {
        Validation.Outcome o = Validation.bundled().validate(store.datasetGraph());
        assertTrue(o.problems().stream().noneMatch(Validation.Problem::isViolation),
                o.problems().subList(0, Math.min(10, o.problems().size())).toString());
    }

    @Test
    void theLeaderboardRanksOwnResultsOnly() {
        List<Map<String, String>> board = select("""
                SELECT ?r ?role WHERE { ?lb pg:leaderboardDataset ?d ; pg:bestResult ?r . ?d rdfs:label "FB15k-237" .
                  OPTIONAL { ?r pg:resultRole ?role } }""");
        assertFalse(board.isEmpty());
        assertTrue(board.stream().noneMatch(r -> "other".equals(r.get("role"))), board.toString());
    }

    /**
     * A table result whose dataset or metric was guessed from the paper's text (confidence below 0.05) is kept but
     * not ranked: here the LaTeX paper's own results on a dataset named only in its text would otherwise lead.
     */
    @Test
    void theLeaderboardLeavesUncertainTableResultsOut() {
        List<Map<String, String>> weak = select("""
                SELECT ?r WHERE { ?r pg:fromTable ?t ; pg:confidence ?c ; pg:resultRole "own" ; pg:value ?v FILTER(?c < 0.05) }""");
        assertFalse(weak.isEmpty(), "the papers give uncertain own results");
        List<Map<String, String>> board = select("""
                SELECT ?r ?c WHERE { ?lb pg:bestResult ?r . ?r pg:fromTable ?t ; pg:confidence ?c }""");
        assertFalse(board.isEmpty(), "table results lead some leaderboards");
        assertTrue(board.stream().allMatch(r -> Double.parseDouble(r.get("c")) >= 0.05), board.toString());
    }
}
