package org.papergraph.serve.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.ExprNotComparableException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * The order of ORDER BY ascending ({@link #compare(NodeValue, NodeValue)}), making each node's value once: sorting
 * ten thousand results otherwise parses their dates and numbers a million times. One instance per sort; not
 * thread-safe.
 */
final class SparqlOrder implements Comparator<Node> {
    private final Map<Node, NodeValue> values = new HashMap<>();

    @Override
    public int compare(Node a, Node b) {
        return compare(a == null ? null : values.computeIfAbsent(a, NodeValue::makeNode),
                b == null ? null : values.computeIfAbsent(b, NodeValue::makeNode));
    }

    /** SPARQL's ORDER BY order of two values, unbound (null) first. */
    static int compare(NodeValue a, NodeValue b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        try {
            return NodeValue.compareAlways(a, b);
        } catch (ExprNotComparableException ex) {
            return NodeCmp.compareRDFTerms(a.asNode(), b.asNode());
        }
    }
}
