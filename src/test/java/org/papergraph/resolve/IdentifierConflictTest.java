package org.papergraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.source.SourcePosition;
import org.papergraph.store.GraphStore;

/**
 * A reference whose identifier and title name different papers (issue 21, ADR 0003): the identifier is not trusted,
 * the reference becomes a paper of its own, and a pg:PaperMatch with the rule "identifier-conflict" records the
 * identifier and the paper it named. Titles that GROBID glued author names or "arXiv preprint" to, and titles of
 * another version of the paper, are not conflicts.
 */
class IdentifierConflictTest {
    static final String TEI = "data/sota-leaderboards/grobid-tei-2023/train/";
    @TempDir Path tmp;

    private static String n(String title) { return Iris.normaliseTitle(title); }

    @Test
    void theDecisionOnTitlePairsFromTheTeiReferences() {
        double t = PaperResolver.DEFAULT_THRESHOLD;
        // Identifier of another paper: GROBID merged neighbouring references (132, 152 of the 2023 TEI set).
        assertTrue(PaperResolver.titlesDisagree(n("Accelerating t-sne using tree-based algorithms"),
                List.of(n("Semi-Supervised Classification with Graph Convolutional Networks")), t));
        assertTrue(PaperResolver.titlesDisagree(n("On evaluating embedding models for knowledge base completion"),
                List.of(n("NSCaching: Simple and Efficient Negative Sampling for Knowledge Graph Embedding")), t));
        assertTrue(PaperResolver.titlesDisagree(n("A novel embedding model for knowledge base completion based on convolutional neural network"),
                List.of(n("Canonical Tensor Decomposition for Knowledge Base Completion")), t));
        // The right identifier with a damaged title, or the title of another version.
        assertFalse(PaperResolver.titlesDisagree(n("Dat Quoc Nguyen, and Dinh Phung. A novel embedding model for knowledge base completion based on convolutional neural network"),
                List.of(n("A Novel Embedding Model for Knowledge Base Completion Based on Convolutional Neural Network")), t));
        assertFalse(PaperResolver.titlesDisagree(n("Unsupervised Data Augmentation. arXiv e-prints"),
                List.of(n("Unsupervised Data Augmentation for Consistency Training")), t));
        assertFalse(PaperResolver.titlesDisagree(n("Trajectron++: Multi-agent generative trajectory forecasting with heterogeneous data for control"),
                List.of(n("Trajectron++: Dynamically-Feasible Trajectory Forecasting With Heterogeneous Data")), t));
        assertFalse(PaperResolver.titlesDisagree(n("Deep light enhancement without paired supervision"),
                List.of(n("EnlightenGAN: Deep Light Enhancement without Paired Supervision")), t));
        // One agreeing title of several is enough; nothing known or too short, nothing to judge by.
        assertFalse(PaperResolver.titlesDisagree(n("Accelerating t-sne using tree-based algorithms"),
                List.of(n("Graph Convolutional Networks"), n("Accelerating t-SNE using Tree-Based Algorithms")), t));
        assertFalse(PaperResolver.titlesDisagree(n("Accelerating t-sne using tree-based algorithms"), List.of(), t));
        assertFalse(PaperResolver.titlesDisagree(n("Introduction"), List.of(n("Semi-Supervised Classification with GCNs")), t));
    }

    /**
     * The case the issue reports: a reference with ConvKB's title and the arXiv id of "Canonical Tensor Decomposition
     * for Knowledge Base Completion" (1806.07297), against a store holding that paper from its own GROBID TEI.
     */
    @Test
    void convKbsTitleWithTheCanonicalTensorDecompositionsArxivId() {
        try (GraphStore store = GraphStore.open(tmp.resolve("cp"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 100, IngestListener.NONE)
                    .ingest(List.of(SharedData.path(TEI + "153/1806.07297v1.tei.xml")), null);
            Iris iris = store.iris();
            PaperResolver resolver = PaperResolver.load(store.datasetGraph(), iris);
            String convKb = "A novel embedding model for knowledge base completion based on convolutional neural network";
            Reference bad = new Reference(convKb, 2018, null, "1806.07297", Map.of(), List.of("Dai Quoc Nguyen"), null);
            Reference good = new Reference("Canonical tensor decomposition for knowledge base completion", 2018, null,
                    "1806.07297", Map.of(), List.of(), null);
            PaperRecord citing = PaperRecord.builder("grobid-tei", SourcePosition.entry("test.tei.xml", 1))
                    .arxivId("2009.10847").title("Message Passing for Hyper-Relational Knowledge Graphs")
                    .reference(bad).reference(good).build();
            PaperRecord r = resolver.resolve(citing);
            PaperMatch m = r.referenceMatches().get(0);
            assertNotNull(m, "the conflicting identifier was trusted");
            assertEquals(PaperMatch.IDENTIFIER_CONFLICT, m.rule());
            assertEquals(iris.paperByTitle(convKb), m.paper());
            assertEquals("arxiv:1806.07297", m.value());
            assertTrue(m.score() < PaperResolver.DEFAULT_THRESHOLD, m.toString());
            assertEquals(iris.paperByArxiv("1806.07297"), m.conflicting());
            assertNull(r.references().get(0).arxivId(), "the untrusted id stays on the reference and would be written on its paper");
            assertEquals("1806.07297", r.references().get(1).arxivId());
            PaperMatch g = r.referenceMatches().get(1);
            assertTrue(g == null || !g.isConflict(), "the agreeing reference was taken for a conflict: " + g);
            assertEquals(1L, resolver.linkCounts().get(PaperMatch.IDENTIFIER_CONFLICT));
        }
    }

    /**
     * The real one in the data: the 2023 TEI of 1802.04407 (folder 132) has a reference merged by GROBID from three,
     * with t-SNE's title and GCN's arXiv id 1609.02907; the TEI of 2010.11793 (folder 116), read first, cites GCN
     * by that id and its own title.
     */
    @Test
    void theTsneReferenceWithGcnsIdBecomesItsOwnPaper() {
        try (GraphStore store = GraphStore.open(tmp.resolve("tei"), Iris.defaults())) {
            Ingestor ing = new Ingestor(store, Extractors.defaults(store.iris()), 100, IngestListener.NONE);
            ing.ingest(List.of(SharedData.path(TEI + "116/2010.11793v3.tei.xml"), SharedData.path(TEI + "132/1802.04407v2.tei.xml")), null);
            String gcn = "https://papergraph.org/id/paper/arxiv/1609.02907";
            List<QuerySolution> titles = PaperResolutionTest.select(store, "SELECT DISTINCT ?t WHERE { <" + gcn + "> dcterms:title ?t }");
            assertFalse(titles.isEmpty());
            for (QuerySolution s : titles) {
                assertFalse(s.getLiteral("t").getString().toLowerCase().contains("t-sne"), "GCN carries t-SNE's title: " + titles);
            }
            String tsne = store.iris().paperByTitle("Accelerating t-sne using tree-based algorithms").getURI();
            assertEquals(1, PaperResolutionTest.select(store, "SELECT * WHERE { ?citing pg:arxivId \"1802.04407\" ; cito:cites <" + tsne + "> }").size());
            assertEquals(0, PaperResolutionTest.select(store, "SELECT * WHERE { <" + tsne + "> pg:arxivId ?id }").size(),
                    "the untrusted id was written on the reference's own paper");
            List<QuerySolution> m = PaperResolutionTest.select(store, "SELECT ?v ?c ?s WHERE { GRAPH ?g { ?m a pg:PaperMatch ; "
                    + "pg:matchedBy \"identifier-conflict\" ; pg:matchedPaper <" + tsne + "> ; pg:matchedValue ?v ; "
                    + "pg:conflictingPaper ?c ; pg:matchScore ?s } }");
            assertEquals(1, m.size(), m.toString());
            assertEquals("arxiv:1609.02907", m.get(0).getLiteral("v").getString());
            assertEquals(gcn, m.get(0).getResource("c").getURI());
            assertEquals(1L, ing.resolutionLinks().get(PaperMatch.IDENTIFIER_CONFLICT));
            // Re-ingesting makes the same decision and the same graph.
            long size = store.size();
            ing.ingest(List.of(SharedData.path(TEI + "116/2010.11793v3.tei.xml"), SharedData.path(TEI + "132/1802.04407v2.tei.xml")), null);
            assertEquals(size, store.size());
        }
    }
}
