package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What a resource IRI dereferences to: every statement about it in the union graph, plus the statements about the
 * nodes that only exist as part of it: blank nodes and fragment IRIs of the same document ({@code paper#author-1-...}
 * authorship entries), since a client cannot dereference a fragment on its own. Empty when the graph says nothing
 * about the IRI, which the server answers with 404. Runs inside the caller's read transaction.
 */
final class Describer {
    private Describer() {}

    static List<Triple> describe(Graph g, Node iri) {
        List<Triple> out = new ArrayList<>();
        Set<Node> done = new LinkedHashSet<>();
        addAbout(g, iri, iri.isURI() ? iri.getURI() + "#" : null, out, done);
        return out;
    }

    private static void addAbout(Graph g, Node s, String fragmentPrefix, List<Triple> out, Set<Node> done) {
        if (!done.add(s)) return;
        List<Node> inner = new ArrayList<>();
        g.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
            out.add(t);
            Node o = t.getObject();
            if (o.isBlank() || (fragmentPrefix != null && o.isURI() && o.getURI().startsWith(fragmentPrefix))) inner.add(o);
        });
        for (Node n : inner) addAbout(g, n, fragmentPrefix, out, done);
    }
}
