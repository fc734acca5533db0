package org.papergraph.extract;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/** Small helpers for emitting quads of one graph; keeps extractor code about meaning, not node plumbing. */
public final class Quads {
    private final Node graph;
    private final StreamRDF out;

    public Quads(Node graph, StreamRDF out) {
        this.graph = graph;
        this.out = out;
    }

    public void add(Node s, Node p, Node o) { out.quad(Quad.create(graph, s, p, o)); }

    /** Adds a plain string literal unless {@code value} is null. */
    public void literal(Node s, Node p, String value) {
        if (value != null) add(s, p, NodeFactory.createLiteralString(value));
    }

    public void literal(Node s, Node p, String lexical, XSDDatatype type) {
        if (lexical != null) add(s, p, NodeFactory.createLiteralDT(lexical, type));
    }

    public void integer(Node s, Node p, long v) { literal(s, p, Long.toString(v), XSDDatatype.XSDinteger); }

    /** A date as xsd:date (yyyy-MM-dd), xsd:gYearMonth or xsd:gYear, by its shape; other shapes as a string. */
    public void date(Node s, Node p, String iso) {
        if (iso == null) return;
        if (shape(iso, "dddd-dd-dd")) literal(s, p, iso, XSDDatatype.XSDdate);
        else if (shape(iso, "dddd-dd")) literal(s, p, iso, XSDDatatype.XSDgYearMonth);
        else if (shape(iso, "dddd")) literal(s, p, iso, XSDDatatype.XSDgYear);
        else literal(s, p, iso);
    }

    /** Whether {@code s} has the shape {@code pattern}: 'd' an ASCII digit, any other character itself. */
    private static boolean shape(String s, String pattern) {
        // Called for every date of every record: a loop, not a regular expression compiled on each call.
        if (s.length() != pattern.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char want = pattern.charAt(i);
            if (want == 'd' ? c < '0' || c > '9' : c != want) return false;
        }
        return true;
    }
}
