package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What pages read straight from the graph about one resource (its classes, its least value of a property, its
 * label) and how they write values (lexical forms, grouped numbers). Runs in the caller's read transaction. Stateless.
 */
final class Facts {
    private static final Node FOAF_NAME = NodeFactory.createURI("http://xmlns.com/foaf/0.1/name");

    private Facts() {}

    /** The CSS class of a kind of resource (Method → method); "other" for none. */
    static String cssType(String type) { return type == null ? "other" : type.toLowerCase(Locale.ROOT); }

    /** What follows the last # or / of an IRI. */
    static String localName(String iri) {
        if (iri == null) return null;
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }

    /** The IRIs of the classes of {@code s}. */
    static Set<String> types(Graph g, Node s) {
        Set<String> t = new TreeSet<>();
        g.find(s, RDF.type.asNode(), Node.ANY).forEachRemaining(tr -> {
            if (tr.getObject().isURI()) t.add(tr.getObject().getURI());
        });
        return t;
    }

    /** The least value (in string order, so the choice is stable) of {@code p} on {@code s}, or null. */
    static String first(Graph g, Node s, Node p) {
        List<String> v = all(g, s, p);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every value of {@code p} on {@code s}, sorted and distinct: literals by lexical form, IRIs as text. */
    static List<String> all(Graph g, Node s, Node p) {
        TreeSet<String> out = new TreeSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral()) out.add(o.getLiteralLexicalForm());
            else if (o.isURI()) out.add(o.getURI());
        });
        return new ArrayList<>(out);
    }

    /** A display label: title, rdfs:label, foaf:name, else the IRI. */
    static String label(Graph g, Node s) {
        String l = labelOrNull(g, s);
        return l != null ? l : s.isURI() ? s.getURI() : s.toString();
    }

    /** A display label (title, rdfs:label, skos:prefLabel, foaf:name), or null. */
    static String labelOrNull(Graph g, Node s) {
        for (Node p : new Node[] {DCTerms.title.asNode(), RDFS.label.asNode(), SKOS.prefLabel.asNode(), FOAF_NAME}) {
            String v = first(g, s, p);
            if (v != null) return v;
        }
        return null;
    }

    /** The lexical form of a literal, the IRI of a resource, null for null. */
    static String lexical(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    /** A value with its unit as people write it: "75.2 %" for percent, else the value, a space and the unit. */
    static String withUnit(String value, String unit) {
        if (value == null || unit == null || unit.isBlank()) return value;
        return value + " " + (unit.equals("percent") ? "%" : unit);
    }

    /** {@code n} and the noun that goes with it: "1 paper", "2 papers" (grouped: "1,024 papers"). */
    static String count(long n, String one, String many) { return grouped(n) + " " + (n == 1 ? one : many); }

    /** {@code n} with thousands separated by commas, whatever the server's locale. */
    static String grouped(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
