package org.papergraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.source.SourcePosition;
import org.papergraph.vocab.PG;

/** The Lucene text index follows the store: built at ingest, updated when a record is rewritten, rebuilt when missing. */
class FullTextIndexTest {
    static final String FIND = """
            PREFIX text: <http://jena.apache.org/text#>
            SELECT DISTINCT ?s WHERE { ?s text:query ("%s" 50) } ORDER BY ?s""";

    @TempDir Path tmp;

    static List<String> search(GraphStore store, String lucene) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(FIND.formatted(lucene)).build()) {
                qe.execSelect().forEachRemaining(r -> out.add(r.getResource("s").getURI()));
            }
            return out;
        });
    }

    static RecordQuads record(Iris iris, String key, String title, String abstractText) {
        Node g = NodeFactory.createURI(iris.base() + "graph/test/" + key);
        Node p = NodeFactory.createURI(iris.base() + "paper/" + key);
        List<Quad> quads = List.of(Quad.create(g, p, RDF.type.asNode(), PG.Paper),
                Quad.create(g, p, DCTerms.title.asNode(), NodeFactory.createLiteralString(title)),
                Quad.create(g, p, DCTerms.abstract_.asNode(), NodeFactory.createLiteralString(abstractText)));
        return new RecordQuads(g, p, "test", SourcePosition.line("t.jsonl", 1), quads);
    }

    @Test
    void ingestIndexesTitlesAndAbstractsOfRealRecords() {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
            String titled = Txn.calculateRead(store.datasetGraph(), () -> {
                try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(
                        "SELECT ?p ?t WHERE { ?p a <" + PG.Paper.getURI() + "> ; <" + DCTerms.title.getURI() + "> ?t } ORDER BY ?p LIMIT 1").build()) {
                    var row = qe.execSelect().next();
                    return row.getResource("p").getURI() + "\t" + row.getLiteral("t").getLexicalForm();
                }
            });
            String paper = titled.split("\t")[0];
            String word = longestWord(titled.split("\t")[1]);
            assertTrue(search(store, "title:" + word).contains(paper), word + " -> " + paper);
        }
        assertTrue(Files.isDirectory(tmp.resolve("db").resolve(FullTextIndex.FOLDER)));
    }

    @Test
    void rewritingARecordReplacesItsTextAndReopeningKeepsIt() {
        Iris iris = Iris.defaults();
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), iris)) {
            store.write(List.of(record(iris, "a", "Quokka networks", "We study marsupial gradients.")), List.of());
            assertEquals(List.of(iris.base() + "paper/a"), search(store, "quokka"));
            assertEquals(List.of(iris.base() + "paper/a"), search(store, "abstract:marsupial"));
            store.write(List.of(record(iris, "a", "Wombat networks", "Burrowing optimisers.")), List.of());
            assertEquals(List.of(), search(store, "quokka"), "old title left in the index");
            assertEquals(List.of(), search(store, "abstract:marsupial"), "old abstract left in the index");
            assertEquals(List.of(iris.base() + "paper/a"), search(store, "wombat"));
        }
        try (GraphStore again = GraphStore.open(tmp.resolve("db"), iris)) {
            assertEquals(List.of(iris.base() + "paper/a"), search(again, "wombat"));
        }
    }

    @Test
    void aStoreWithoutAnIndexGetsOneBuiltOnOpen() throws Exception {
        Iris iris = Iris.defaults();
        Path db = tmp.resolve("db");
        try (GraphStore store = GraphStore.open(db, iris)) {
            store.write(List.of(record(iris, "b", "Platypus attention", "Egg-laying transformers.")), List.of());
        }
        // As if the store predated the index.
        try (var files = Files.walk(db.resolve(FullTextIndex.FOLDER))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (GraphStore store = GraphStore.open(db, iris)) {
            assertEquals(List.of(iris.base() + "paper/b"), search(store, "platypus"));
            assertEquals(List.of(iris.base() + "paper/b"), search(store, "abstract:transformers"));
        }
    }

    static String longestWord(String title) {
        String best = "";
        for (String w : title.split("[^A-Za-z]+")) if (w.length() > best.length()) best = w;
        return best.toLowerCase();
    }
}
