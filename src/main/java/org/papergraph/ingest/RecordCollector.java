package org.papergraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/**
 * Collects the quads the extractors make for one record, in the order they come, each once. Two extractors may
 * state the same fact (the entity and the result extractor both declare a method they each found): the store
 * would keep one copy anyway, but the bulk loader and the N-Quads file would pay for both, and the quad counts
 * would say more than the graph holds. A triple is put in the record's graph.
 *
 * <p>An entity's declaration (its type, labels and {@code pg:variantOf}) goes to {@link Iris#entitiesGraph()}, not
 * to the record's graph (ADR 0008): a common metric is mentioned by tens of thousands of records, and a copy in
 * each made every query that reads its label or type read them all. A record that describes no paper but an entity
 * (a Papers with Code method entry) keeps its entity's declaration in its own graph: that is what it says, and there
 * is one such record per entity. What identifies a cited paper, which the citation extractor already puts in
 * {@link Iris#citedGraph()} (ADR 0024), is a declaration too: the same in every citing record, given once per run.
 * One instance per record; not thread-safe.
 */
final class RecordCollector extends StreamRDFBase {
    /** How many declarations a run remembers having given (about 200 MB of quads at most). */
    static final int DECLARED_CAP = 1 << 20;

    private final Node graph;
    private final Iris iris;
    private final Node entities;
    private final Node cited;
    private final boolean route;
    private final List<Quad> quads = new ArrayList<>(64);
    private final List<Quad> declarations = new ArrayList<>(16);
    private final Set<Quad> seen = new HashSet<>(128);

    /**
     * @param routeDeclarations send entity declarations to the entities graph (records about papers); false keeps
     *                          them in the record's graph (records about an entity)
     */
    RecordCollector(Node graph, Iris iris, boolean routeDeclarations) {
        this.graph = graph;
        this.iris = iris;
        this.route = routeDeclarations;
        this.entities = iris.entitiesGraph();
        this.cited = iris.citedGraph();
    }

    @Override
    public void quad(Quad q) {
        if (q.getGraph().equals(cited)) {
            if (seen.add(q)) declarations.add(q);
        } else if (route && isDeclaration(q)) {
            Quad d = Quad.create(entities, q.getSubject(), q.getPredicate(), q.getObject());
            if (seen.add(d)) declarations.add(d);
        } else if (seen.add(q)) {
            quads.add(q);
        }
    }

    @Override
    public void triple(Triple t) {
        quad(Quad.create(graph, t));
    }

    private boolean isDeclaration(Quad q) {
        Node p = q.getPredicate();
        return (p.equals(RDF.type.asNode()) || p.equals(RDFS.label.asNode()) || p.equals(SKOS.prefLabel.asNode())
                || p.equals(SKOS.altLabel.asNode()) || p.equals(PG.variantOf)) && iris.isEntity(q.getSubject());
    }

    /** The record's distinct quads for its own graph, in the order first given. */
    List<Quad> quads() { return quads; }

    /** The record's distinct entity declarations, in the entities graph, in the order first given. */
    List<Quad> declarations() { return declarations; }

    /**
     * Gives {@code out} the declarations not in {@code declared} (what the run has written so far) and adds them to
     * it: each entity statement once per run. Called once the record's extractors all succeeded, so a rejected
     * record never marks a declaration as written.
     *
     * @return how many were given
     */
    int newDeclarations(Set<Quad> declared, java.util.function.Consumer<Quad> out) {
        // A run citing millions of papers would hold each cited paper's declaration here: past the cap the set starts
        // again, and a declaration given twice is stored once (a store's indexes are sets), only counted twice.
        if (declared.size() >= DECLARED_CAP) declared.clear();
        int n = 0;
        for (Quad d : declarations) {
            if (declared.add(d)) {
                out.accept(d);
                n++;
            }
        }
        return n;
    }
}
