package org.papergraph.export;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Converts Jena nodes, triples and quads to RDF4J values and statements, for writing through Rio.
 *
 * <p>IRIs keep their text; literals keep their lexical form and either their language tag or their datatype
 * (an {@code xsd:decimal} stays {@code xsd:decimal}, never a double). Blank nodes map by label, so the same Jena blank
 * node always becomes the same RDF4J blank node, across calls and across threads, with no table kept: a label made of
 * letters and digits becomes {@code b} + label, any other label {@code x} + its UTF-8 bytes in hex, which keeps the
 * mapping one-to-one and every id a valid blank node label in Turtle, N-Triples and an NCName in RDF/XML.
 * Stateless and thread-safe.
 */
public final class Rdf4jValues {
    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]+");

    private Rdf4jValues() {}

    /**
     * The RDF4J value for a concrete Jena node.
     *
     * @throws IllegalArgumentException for variables, wildcards, triple terms and literals with a base direction,
     *                                  which the export formats cannot carry
     */
    public static Value value(Node n) {
        if (n.isURI()) return VF.createIRI(n.getURI());
        if (n.isBlank()) return VF.createBNode(blankId(n.getBlankNodeLabel()));
        if (n.isLiteral()) {
            if (n.getLiteralBaseDirection() != null) {
                throw new IllegalArgumentException("literal with a base direction cannot be exported: " + n);
            }
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) return VF.createLiteral(n.getLiteralLexicalForm(), lang);
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(n.getLiteralDatatypeURI()));
        }
        throw new IllegalArgumentException("not an IRI, blank node or literal: " + n);
    }

    /** The RDF4J resource for a subject or graph name (an IRI or a blank node). */
    public static Resource resource(Node n) {
        if (n.isURI() || n.isBlank()) return (Resource) value(n);
        throw new IllegalArgumentException("subject or graph name must be an IRI or blank node: " + n);
    }

    /** A statement in the default graph (no context). */
    public static Statement statement(Triple t) {
        return VF.createStatement(resource(t.getSubject()), VF.createIRI(t.getPredicate().getURI()), value(t.getObject()));
    }

    /** A statement whose context is the quad's graph; a quad of the default graph gets no context. */
    public static Statement statement(Quad q) {
        Resource s = resource(q.getSubject());
        var p = VF.createIRI(q.getPredicate().getURI());
        Value o = value(q.getObject());
        if (q.isDefaultGraph()) return VF.createStatement(s, p, o);
        return VF.createStatement(s, p, o, resource(q.getGraph()));
    }

    /** The RDF4J blank node id for a Jena blank node label; see the class comment. */
    static String blankId(String label) {
        if (ALNUM.matcher(label).matches()) return "b" + label;
        return "x" + HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
    }
}
