package org.papergraph.serve;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * A view of the store for the write endpoints, in which the default graph reads as the union of the named graphs
 * (as it does for queries) and writes to the default graph land in one named graph, {@code graph/manual}.
 *
 * <p>Why: the store keeps everything in named graphs and queries see their union as the default graph. TDB2 still
 * has a stored default graph, but nothing reads it, so a client's {@code INSERT DATA { ... }} or an upload without a
 * graph name would succeed and then vanish from every query. Through this view such writes go to the manual graph,
 * which the union includes, and deletes aimed at the default graph remove triples from the manual graph only:
 * ingested record graphs change only when a client names them ({@code GRAPH <...>}, {@code ?graph=}). Writes
 * that name a graph are passed through unchanged. Used inside the caller's write transaction on the store.
 */
final class ManualGraphWrites extends DatasetGraphWrapper {
    private final Node manual;

    ManualGraphWrites(DatasetGraph store, Node manual) {
        super(store);
        this.manual = manual;
    }

    private Node target(Node g) { return g == null || Quad.isDefaultGraph(g) ? manual : g; }

    private static Node source(Node g) { return g == null || Quad.isDefaultGraph(g) ? Quad.unionGraph : g; }

    @Override public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }

    @Override public Iterator<Quad> find(Node g, Node s, Node p, Node o) { return super.find(source(g), s, p, o); }

    @Override public Iterator<Quad> find(Quad q) { return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override public boolean contains(Node g, Node s, Node p, Node o) { return super.contains(source(g), s, p, o); }

    @Override public boolean contains(Quad q) { return contains(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override public void add(Node g, Node s, Node p, Node o) { super.add(target(g), s, p, o); }

    @Override public void add(Quad q) { add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override public void delete(Node g, Node s, Node p, Node o) { super.delete(target(g), s, p, o); }

    @Override public void delete(Quad q) { delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override public void deleteAny(Node g, Node s, Node p, Node o) { super.deleteAny(target(g), s, p, o); }
}
