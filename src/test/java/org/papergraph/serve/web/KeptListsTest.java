package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.papergraph.store.ListSummaries;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * Every test of {@link PagedListsTest}, with the long lists kept in the store (ADR 0025): lists of at least 40 papers
 * are summarised, 120 newest papers each, so the first pages of the method's papers and of the most-cited paper's
 * citing papers come from the summaries and the later ones from the whole list; the pages must not tell the
 * difference. And a write makes a summary unusable until it is rebuilt.
 */
class KeptListsTest extends PagedListsTest {
    private static int minPapers, kept;

    @BeforeAll
    static void keep() {
        minPapers = ListSummaries.minPapers;
        kept = ListSummaries.kept;
        ListSummaries.minPapers = 40;
        ListSummaries.kept = 120;
        // The fixture's lists were too short to keep when it wrote them: every list is summarised afresh once.
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> ListSummaries.markAllStale(dsg));
    }

    @AfterAll
    static void restore() {
        ListSummaries.minPapers = minPapers;
        ListSummaries.kept = kept;
    }

    /** Each test starts from current summaries (other tests' writes mark what they touched out of date). */
    @BeforeEach
    void summarise() {
        store.refreshLeaderboards();
        assertTrue(keptRows(METHOD) > 0, "the method's papers are kept");
        assertTrue(keptRows(mostCited()) > 0, "the most-cited paper's citing papers are kept");
    }

    /** The rows the pages' {@code list-kept} query gives for {@code owner}: none when its summary is absent or stale. */
    private static int keptRows(Node owner) {
        Dataset ds = store.dataset();
        return Txn.calculateRead(ds, () -> new Sparql(ds, 10_000).select("list-kept", Map.of("owner", owner)).size());
    }

    /** The cited-by list of the most-cited paper: kept, unusable after a write that cites it, kept again after a refresh. */
    @Override
    @Test
    void aMuchCitedPapersCitedByListIsReusedUntilAWrite() throws Exception {
        Node paper = mostCited();
        Node extra = NodeFactory.createURI("https://papergraph.org/id/graph/kept-list-test");
        Node citing = NodeFactory.createURI("https://papergraph.org/id/paper/kept-list-test");
        try {
            String first = WebSiteTest.section(get(url(paper), "text/html").body(), "cited-by");
            Matcher a = HEADING_COUNT.matcher(first);
            assertTrue(a.find());
            long count = Long.parseLong(a.group(1).replace(",", ""));
            assertTrue(count > ListSummaries.kept, "longer than what is kept: " + count);
            assertFalse(first.contains(citing.getURI()));

            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> {
                dsg.add(extra, citing, CITO.cites, paper);
                dsg.add(extra, citing, DCTerms.issued.asNode(), NodeFactory.createLiteralDT("2099-01-01", XSDDatatype.XSDdate));
            });
            assertEquals(0, keptRows(paper), "the write marks the kept list out of date");
            for (int round = 0; round < 2; round++) {
                String after = WebSiteTest.section(get(url(paper), "text/html").body(), "cited-by");
                Matcher c = HEADING_COUNT.matcher(after);
                assertTrue(c.find());
                assertEquals(Facts.grouped(count + 1), c.group(1), round == 0 ? "read whole" : "kept again");
                Matcher row = ROW.matcher(after);
                assertTrue(row.find());
                assertTrue(row.group(1).endsWith("kept-list-test"), "the newest citing paper comes first: " + row.group(1));
                store.refreshLeaderboards();
                assertTrue(keptRows(paper) > 0, "a refresh keeps the list again");
            }
        } finally {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.deleteAny(extra, Node.ANY, Node.ANY, Node.ANY));
        }
    }

    /** A paper that gets a date after it was listed moves in the kept lists of what it names: its date marks them. */
    @Test
    void aNewDateMarksTheListsOfWhatThePaperNames() throws Exception {
        Node paper = IRIS.paperByArxiv(new org.papergraph.bench.CorpusGenerator(PAPERS, 5).paper(0).arxivId);
        Node extra = NodeFactory.createURI("https://papergraph.org/id/graph/kept-date-test");
        try {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.add(extra, paper, DCTerms.issued.asNode(),
                    NodeFactory.createLiteralDT("1901-01-01", XSDDatatype.XSDdate)));
            assertEquals(0, keptRows(METHOD), "paper 0 mentions the method, whose list its date changes");
            store.refreshLeaderboards();
            String html = get(url(METHOD), "text/html").body();
            assertTrue(WebSiteTest.section(html, "papers").contains("<th>1901</th>"), "the year counts the new least date");
        } finally {
            DatasetGraph dsg = store.datasetGraph();
            Txn.executeWrite(dsg, () -> dsg.deleteAny(extra, Node.ANY, Node.ANY, Node.ANY));
        }
    }
}
