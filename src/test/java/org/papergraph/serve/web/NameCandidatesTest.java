package org.papergraph.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.SourcePosition;
import org.papergraph.store.GraphStore;
import org.papergraph.store.RecordQuads;
import org.papergraph.vocab.PG;

/**
 * Name search through the text index's candidates ({@link NameCandidates}) gives exactly the rows of reading every name
 * ({@code search-names.rq}), for texts cut from the names of the listing corpus and for names with punctuation, digits,
 * non-ASCII letters and upper case.
 */
class NameCandidatesTest {
    @TempDir Path tmp;

    @Test
    void candidatesGiveTheSameNamesAsReadingEveryName() {
        Iris iris = Iris.defaults();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), iris)) {
            new Ingestor(store, Extractors.defaults(iris), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            List<String> odd = List.of("ResNet-50", "GPT-3.5 Turbo", "Ünïcode Net", "İnception v3", "x1.2y", "BERT (large)", "K-NN", "a.b.c");
            Node g = NodeFactory.createURI(iris.base() + "graph/test/names");
            List<Quad> quads = new ArrayList<>();
            for (int i = 0; i < odd.size(); i++) {
                Node s = NodeFactory.createURI(iris.base() + "method/odd-" + i);
                quads.add(Quad.create(g, s, RDF.type.asNode(), PG.Method));
                quads.add(Quad.create(g, s, RDFS.label.asNode(), NodeFactory.createLiteralString(odd.get(i))));
            }
            store.write(List.of(new RecordQuads(g, NodeFactory.createURI(iris.base() + "paper/names"), "test",
                    SourcePosition.line("t.jsonl", 1), quads)), List.of());

            Set<String> labels = Txn.calculateRead(store.datasetGraph(), () -> {
                Set<String> out = new LinkedHashSet<>();
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(
                        "SELECT DISTINCT ?l WHERE { ?s <" + RDFS.label.getURI() + "> ?l } ORDER BY ?l").build()) {
                    qe.execSelect().forEachRemaining(r -> out.add(r.getLiteral("l").getLexicalForm()));
                }
                return out;
            });
            assertTrue(labels.size() > 100, "the listing gives names: " + labels.size());
            Set<String> needles = new LinkedHashSet<>(List.of("net-5", "3.5 t", "resnet", "res net", "1.2", "b.c", "nicode",
                    "inception", "(large)", "k-n", "-", "ünï", "e", "zzzz"));
            // Cuts of every sixtieth name (about 60 texts with the ones above; each is searched both ways).
            int k = 0;
            for (String l : labels) {
                if (k++ % 60 != 0 && !odd.contains(l)) continue;
                String lower = l.toLowerCase(Locale.ROOT);
                for (int len : new int[] {2, 4, 7}) {
                    for (int at = 0; at + len <= lower.length() && at < 12; at += 3) needles.add(lower.substring(at, at + len));
                }
            }
            Sparql q = new Sparql(store.dataset(), 30_000);
            int fast = 0;
            for (String needle : needles) {
                Map<String, Node> bind = Map.of("needle", NodeFactory.createLiteralString(needle.toLowerCase(Locale.ROOT)));
                List<String> all = Txn.calculateRead(store.datasetGraph(), () -> rows(Search.names(q, bind, false, 1000)));
                List<String> indexed = Txn.calculateRead(store.datasetGraph(), () -> rows(Search.names(q, bind, true, 1000)));
                assertEquals(all, indexed, "'" + needle + "'");
                if (Txn.calculateRead(store.datasetGraph(), () -> NameCandidates.find(store.datasetGraph(), needle)) != null) fast++;
            }
            assertTrue(fast > needles.size() * 9 / 10, fast + " of " + needles.size() + " texts read candidates");
            Txn.executeRead(store.datasetGraph(), () -> {
                assertNull(NameCandidates.find(store.datasetGraph(), "ünï"), "non-ASCII text: every name is read");
                assertNull(NameCandidates.find(store.datasetGraph(), "-"), "no letter or digit: every name is read");
                List<Node> some = NameCandidates.find(store.datasetGraph(), "resnet");
                assertNotNull(some);
                assertTrue(some.size() < labels.size() / 10, "a few candidates: " + some.size());
            });
        }
    }

    private static List<String> rows(List<QuerySolution> rows) {
        List<String> out = new ArrayList<>();
        for (QuerySolution r : rows) out.add(Sparql.str(r, "s") + " " + Sparql.str(r, "label") + " " + Sparql.str(r, "class"));
        return out;
    }
}
