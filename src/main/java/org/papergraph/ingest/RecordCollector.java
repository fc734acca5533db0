package org.papergraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Collects the quads the extractors make for one record graph, in the order they come, each once. Two extractors
 * may state the same fact in the same graph (the entity and the result extractor both declare a method they each
 * found, with its type and labels): the store would keep one copy anyway, but the bulk loader and the N-Quads file
 * would pay for both, and the quad counts would say more than the graph holds. A triple is put in the record's
 * graph. One instance per record; not thread-safe.
 */
final class RecordCollector extends StreamRDFBase {
    private final Node graph;
    private final List<Quad> quads = new ArrayList<>(64);
    private final Set<Quad> seen = new HashSet<>(128);

    RecordCollector(Node graph) { this.graph = graph; }

    @Override
    public void quad(Quad q) {
        if (seen.add(q)) quads.add(q);
    }

    @Override
    public void triple(Triple t) {
        quad(Quad.create(graph, t));
    }

    /** The record's distinct quads, in the order first given. */
    List<Quad> quads() { return quads; }
}
