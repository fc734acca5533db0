package org.papergraph.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * The store as every papergraph write sees it: each change to the named graphs passes through here, and the
 * summaries ({@link Summaries}) follow it in the same transaction. For a quad whose predicate the summaries follow
 * ({@code rdf:type}, {@code cito:cites}, the predicates naming an entity, {@code dcterms:issued},
 * {@code dcterms:title}) it asks the union graph whether the triple was there before the change and is there after
 * it: a type or citation stated by a second record changes no count, and one that leaves a record but stays in
 * another neither. What a transaction changed
 * is kept for its thread and applied just before it commits, so a transaction that aborts leaves the summaries as
 * they were, like the data.
 *
 * <p>Graph-level operations ({@link #getGraph}, {@link #removeGraph}, {@link #clear}) are routed through the quad
 * operations, so a SPARQL Update's {@code CLEAR GRAPH} or {@code DROP} is followed too. The default graph holds the
 * summaries themselves; writes to it pass through untouched (papergraph's own writes never name it, and the server's
 * write endpoints send default-graph writes to a named graph).
 */
final class SummaryWrites extends DatasetGraphWrapper {
    private final ThreadLocal<Summaries.Delta> pending = new ThreadLocal<>();

    SummaryWrites(DatasetGraph store) {
        super(store);
    }

    private Summaries.Delta delta() {
        Summaries.Delta d = pending.get();
        if (d == null) {
            d = new Summaries.Delta();
            pending.set(d);
        }
        return d;
    }

    private static boolean named(Node g) {
        return g != null && !Quad.isDefaultGraph(g) && !Quad.isUnionGraph(g);
    }

    private boolean inUnion(Node s, Node p, Node o) {
        return getW().contains(Quad.unionGraph, s, p, o);
    }

    /** Whether a change to {@code s p o} can change a count; other followed ones only touch a paper. */
    private static boolean counted(Node p) { return Summaries.counted(p); }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (!named(g) || !Summaries.followed(p)) {
            getW().add(g, s, p, o);
            return;
        }
        boolean before = counted(p) && inUnion(s, p, o);
        getW().add(g, s, p, o);
        if (counted(p)) {
            if (!before) delta().changed(s, p, o, 1);
        } else {
            delta().touched(s, p);
        }
    }

    @Override
    public void add(Quad q) { add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (!named(g) || !Summaries.followed(p)) {
            getW().delete(g, s, p, o);
            return;
        }
        boolean had = getW().contains(g, s, p, o);
        getW().delete(g, s, p, o);
        if (!had) return;
        if (counted(p)) {
            if (!inUnion(s, p, o)) delta().changed(s, p, o, -1);
        } else {
            delta().touched(s, p);
        }
    }

    @Override
    public void delete(Quad q) { delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g != null && (Quad.isDefaultGraph(g) || Quad.isUnionGraph(g)) || p != null && p.isConcrete() && !Summaries.followed(p)) {
            getW().deleteAny(g, s, p, o);
            return;
        }
        // The followed triples the deletion removes from some named graph: each then checked against the union.
        Set<Triple> gone = new LinkedHashSet<>();
        for (Iterator<Quad> it = getW().find(g, s, p, o); it.hasNext(); ) {
            Quad q = it.next();
            if (named(q.getGraph()) && Summaries.followed(q.getPredicate())) gone.add(q.asTriple());
        }
        getW().deleteAny(g, s, p, o);
        for (Triple t : gone) {
            if (!counted(t.getPredicate())) delta().touched(t.getSubject(), t.getPredicate());
            else if (!inUnion(t.getSubject(), t.getPredicate(), t.getObject())) {
                delta().changed(t.getSubject(), t.getPredicate(), t.getObject(), -1);
            }
        }
    }

    @Override
    public void clear() { deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY); }

    @Override
    public void removeGraph(Node g) { deleteAny(g, Node.ANY, Node.ANY, Node.ANY); }

    @Override
    public void addGraph(Node g, Graph graph) {
        List<Triple> triples = new ArrayList<>();
        graph.find().forEachRemaining(triples::add);
        for (Triple t : triples) add(g, t.getSubject(), t.getPredicate(), t.getObject());
    }

    @Override
    public Graph getGraph(Node g) { return named(g) ? GraphView.createNamedGraph(this, g) : super.getGraph(g); }

    // ---- transactions: what a write transaction changed is applied before it commits, and dropped otherwise

    @Override
    public void begin(TxnType type) {
        pending.remove();
        super.begin(type);
    }

    @Override
    public void begin(ReadWrite mode) {
        pending.remove();
        super.begin(mode);
    }

    @Override
    public void commit() {
        Summaries.Delta d = pending.get();
        pending.remove();
        if (d != null && !d.isEmpty()) Summaries.apply(getW(), d);
        super.commit();
    }

    @Override
    public void abort() {
        pending.remove();
        super.abort();
    }

    @Override
    public void end() {
        pending.remove();
        super.end();
    }
}
