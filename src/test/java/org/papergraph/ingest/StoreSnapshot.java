package org.papergraph.ingest;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.PROV;

/**
 * Every quad of a store as a set, with each {@code prov:generatedAtTime} value replaced by one fixed literal (the
 * normal path stamps each batch, the bulk path the whole load). The extractors mint no blank nodes, so equal sets
 * mean isomorphic datasets.
 */
public final class StoreSnapshot {
    private static final Node TIME = NodeFactory.createLiteralString("time");
    /** The predicate whose values the snapshot replaces by one placeholder. */
    static final Node GENERATED_AT_TIME = PROV.generatedAtTime;

    private StoreSnapshot() {}

    public static Set<Quad> of(Path dir) {
        try (GraphStore store = GraphStore.open(dir, Iris.defaults())) {
            return Txn.calculateRead(store.datasetGraph(), () -> {
                Set<Quad> out = new HashSet<>();
                store.datasetGraph().find().forEachRemaining(q -> {
                    if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                        throw new AssertionError("blank node in " + q + ": compare with IsoMatcher instead");
                    }
                    out.add(q.getPredicate().equals(PROV.generatedAtTime)
                            ? Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), TIME) : q);
                });
                return out;
            });
        }
    }
}
