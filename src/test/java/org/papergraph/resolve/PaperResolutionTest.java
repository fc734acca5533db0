package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.store.GraphStore;

/**
 * A real overlap: NLP-TDMS's TEI of 1410.5401 cites "Neural machine translation by jointly learning to align and
 * translate" without an identifier; the NLP-progress leaderboards list that paper as arXiv 1409.0473. Whatever the
 * order of ingest, it is one resource, the link is recorded with its rule, and re-ingesting changes nothing.
 */
class PaperResolutionTest {
    static final String PG = "PREFIX pg: <https://papergraph.org/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX cito: <http://purl.org/spar/cito/> ";
    @TempDir Path tmp;

    static Path tei() { return SharedData.path("data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml/1410.5401.tei.xml"); }
    static Path pwc() { return SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"); }

    static List<QuerySolution> select(GraphStore store, String q) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(PG + q).build()) {
                List<QuerySolution> l = new java.util.ArrayList<>();
                // Copy inside the read transaction: TDB2 resolves result nodes lazily, and not after it ends.
                org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect()).forEachRemaining(l::add);
                return l;
            }
        });
    }

    /** Papers whose title, normalised, is the Bahdanau et al. title. */
    static List<QuerySolution> bahdanau(GraphStore store) {
        return select(store, "SELECT DISTINCT ?p WHERE { ?p a pg:Paper ; dcterms:title ?t "
                + "FILTER(LCASE(STR(?t)) = \"neural machine translation by jointly learning to align and translate\") }");
    }

    void check(List<Path> order, String expectedRule) {
        try (GraphStore store = GraphStore.open(tmp.resolve("db-" + expectedRule), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 200, IngestListener.NONE);
            ing.ingest(order, null);
            List<QuerySolution> papers = bahdanau(store);
            assertEquals(1, papers.size(), "one resource for the paper: " + papers);
            String iri = papers.get(0).getResource("p").getURI();
            // It has the arXiv id from the leaderboard, and the TEI paper cites it.
            assertEquals(1, select(store, "SELECT * WHERE { <" + iri + "> pg:arxivId \"1409.0473\" }").size());
            assertEquals(1, select(store, "SELECT * WHERE { ?citing pg:arxivId \"1410.5401\" ; cito:cites <" + iri + "> }").size());
            // The audit trail says which rule linked it.
            List<QuerySolution> m = select(store, "SELECT ?by ?score WHERE { GRAPH ?g { ?m a pg:PaperMatch ; pg:matchedPaper <" + iri
                    + "> ; pg:matchedBy ?by ; pg:matchScore ?score } }");
            assertTrue(m.stream().anyMatch(s -> s.getLiteral("by").getString().equals("title") && s.getLiteral("score").getDouble() == 1.0), m.toString());
            assertTrue(ing.resolutionLinks().getOrDefault("title", 0L) >= 1, ing.resolutionLinks().toString());
            long size = store.size();
            ing.ingest(order, null);
            assertEquals(size, store.size(), "re-ingest changes nothing");
            assertEquals(1, bahdanau(store).size());
        }
    }

    @Test
    void leaderboardFirstThenTei() { check(List.of(pwc(), tei()), "title"); }

    @Test
    void teiFirstThenLeaderboard() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db2"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 200, IngestListener.NONE);
            ing.ingest(List.of(tei(), pwc()), null);
            List<QuerySolution> papers = bahdanau(store);
            assertEquals(1, papers.size(), papers.toString());
            String iri = papers.get(0).getResource("p").getURI();
            assertEquals(1, select(store, "SELECT * WHERE { <" + iri + "> pg:arxivId \"1409.0473\" ; pg:reportsResult ?r }").size() > 0 ? 1 : 0);
            assertEquals(1, select(store, "SELECT * WHERE { ?citing pg:arxivId \"1410.5401\" ; cito:cites <" + iri + "> }").size());
            long size = store.size();
            ing.ingest(List.of(tei(), pwc()), null);
            assertEquals(size, store.size(), "re-ingest changes nothing");
        }
    }
}
