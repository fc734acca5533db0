package org.papergraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.bench.CorpusGenerator;
import org.papergraph.demo.Demo;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.BulkIngestor;
import org.papergraph.ingest.IngestListener;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/**
 * The kept starts of long paper lists (ADR 0025) as {@link ListSummaries#refresh} computes them from the quad indexes
 * are the very triples the page queries ({@code entity-papers.rq}, {@code cited-by-dates.rq}) give: on the demo corpus
 * (real papers, a normal ingest) and on a bench-data corpus (bulk-loaded), with thresholds low enough that many lists
 * are kept and most are longer than what is kept, so the cut at the kept papers falls among papers of one date.
 */
class ListSummariesBuildTest {
    @TempDir Path tmp;
    private final int minPapers = ListSummaries.minPapers, kept = ListSummaries.kept;

    @AfterEach
    void restore() {
        ListSummaries.minPapers = minPapers;
        ListSummaries.kept = kept;
        ListSummaries.byQueries = false;
    }

    @Test
    void theIndexWalkKeepsWhatThePageQueriesKeepOnTheDemo() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            Demo.ingest(store, Demo.BUNDLED, IngestListener.NONE);
            DatasetGraph dsg = store.datasetGraph();
            // Some papers get a second date, earlier, later, a year or no date at all: the least one, as SPARQL's MIN
            // orders them, decides where a paper is kept and in which year it is counted.
            Node graph = NodeFactory.createURI("https://papergraph.org/id/graph/list-summaries-test");
            List<Node> other = List.of(NodeFactory.createLiteralDT("1999-05-01", XSDDatatype.XSDdate),
                    NodeFactory.createLiteralDT("2031-01-01", XSDDatatype.XSDdate),
                    NodeFactory.createLiteralDT("2010", XSDDatatype.XSDgYear), NodeFactory.createLiteralString("undated"));
            Txn.executeWrite(dsg, () -> {
                List<Node> papers = new ArrayList<>();
                dsg.find(Quad.unionGraph, Node.ANY, RDF.type.asNode(), PG.Paper).forEachRemaining(q -> papers.add(q.getSubject()));
                papers.sort(Comparator.comparing(Node::getURI));
                for (int i = 0; i < papers.size(); i += 3) dsg.add(graph, papers.get(i), DCTerms.issued.asNode(), other.get(i / 3 % other.size()));
            });
            ListSummaries.minPapers = 3;
            ListSummaries.kept = 4;
            compare(dsg, 20);
        }
    }

    @Test
    void theIndexWalkKeepsWhatThePageQueriesKeepAfterABulkLoad() {
        Path db = tmp.resolve("db");
        ListSummaries.minPapers = 25;
        ListSummaries.kept = 15;
        CorpusGenerator.Written w;
        try {
            w = new CorpusGenerator(800, 42).write(tmp.resolve("corpus"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new BulkIngestor(db, Iris.defaults(), Extractors.defaults(Iris.defaults()), BulkIngestor.Loader.PACKED, IngestListener.NONE)
                .ingest(List.of(w.arxiv(), w.papers(), w.tables()), null);
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            DatasetGraph dsg = store.datasetGraph();
            // The bulk load kept them from the indexes already.
            Set<Triple> fromBulk = Txn.calculateRead(dsg, () -> kept(dsg));
            Set<Triple> fromIndexes = compare(dsg, 30);
            assertEquals(fromIndexes, fromBulk, "the bulk load keeps what a refresh keeps");
        }
    }

    /**
     * Keeps every list from the indexes, then with the page queries, and checks both keep the same triples; at least
     * {@code lists} lists, most longer than what is kept. Returns what was kept.
     */
    private static Set<Triple> compare(DatasetGraph dsg, int lists) {
        ListSummaries.byQueries = false;
        Set<Triple> fromIndexes = refreshAll(dsg);
        ListSummaries.byQueries = true;
        Set<Triple> fromQueries = refreshAll(dsg);
        Map<Node, Integer> papers = new HashMap<>();
        long years = 0;
        for (Triple t : fromQueries) {
            if (t.getPredicate().equals(PG.listedPaper)) papers.merge(t.getSubject(), 1, Integer::sum);
            if (t.getPredicate().equals(PG.listedYear)) years++;
        }
        assertTrue(papers.size() >= lists, "lists kept: " + papers.size());
        assertTrue(years > 0, "years kept");
        long cut = papers.values().stream().filter(n -> n == ListSummaries.kept).count();
        assertTrue(cut * 2 > papers.size(), "most lists are longer than what is kept: " + cut + " of " + papers.size());
        assertEquals(fromQueries.size(), fromIndexes.size(), "as many kept triples");
        Set<Triple> missing = new HashSet<>(fromQueries);
        missing.removeAll(fromIndexes);
        Set<Triple> extra = new HashSet<>(fromIndexes);
        extra.removeAll(fromQueries);
        assertEquals(Set.of(), missing, "kept by the page queries and not from the indexes");
        assertEquals(Set.of(), extra, "kept from the indexes and not by the page queries");
        return fromIndexes;
    }

    private static Set<Triple> refreshAll(DatasetGraph dsg) {
        return Txn.calculateWrite(dsg, () -> {
            ListSummaries.markAllStale(dsg);
            ListSummaries.refresh(dsg);
            return kept(dsg);
        });
    }

    private static Set<Triple> kept(DatasetGraph dsg) {
        Set<Triple> out = new HashSet<>();
        for (Node p : List.of(PG.listedCount, PG.listedYear, PG.listedPaper, PG.listsVersion)) {
            dsg.find(Quad.defaultGraphIRI, Node.ANY, p, Node.ANY).forEachRemaining(q -> out.add(q.asTriple()));
        }
        return out;
    }
}
