package org.papergraph.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PG} and {@code ontology/papergraph.ttl} (as packaged on the classpath) declare the same terms. */
class VocabularyTest {
    static final List<Node> DECLARING_TYPES = List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(),
            OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode(), RDF.Property.asNode());
    static Graph ontology;

    @BeforeAll
    static void load() throws Exception {
        ontology = GraphFactory.createDefaultGraph();
        try (InputStream in = VocabularyTest.class.getClassLoader().getResourceAsStream("ontology/papergraph.ttl")) {
            assertTrue(in != null, "ontology/papergraph.ttl is not on the classpath");
            RDFParser.source(in).lang(Lang.TURTLE).parse(ontology);
        }
    }

    /** URIs of PG's public static Node fields. */
    static Set<String> constants() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Field f : PG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Node.class.isAssignableFrom(f.getType())) {
                out.add(((Node) f.get(null)).getURI());
            }
        }
        return out;
    }

    /** pg: terms the ontology declares as a class or property. */
    static Set<String> declared() {
        Set<String> out = new TreeSet<>();
        for (Node type : DECLARING_TYPES) {
            ontology.find(Node.ANY, RDF.type.asNode(), type).forEach((Triple t) -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(PG.NS)) out.add(t.getSubject().getURI());
            });
        }
        return out;
    }

    @Test
    void everyConstantIsDeclared() throws Exception {
        Set<String> missing = new TreeSet<>(constants());
        missing.removeAll(declared());
        assertEquals(Set.of(), missing, "PG constants without a declaration in ontology/papergraph.ttl");
    }

    @Test
    void everyDeclaredTermHasAConstant() throws Exception {
        Set<String> extra = new TreeSet<>(declared());
        extra.removeAll(constants());
        assertEquals(Set.of(), extra, "pg: terms in ontology/papergraph.ttl without a constant in PG");
    }

    @Test
    void everyTermHasALabelAndAComment() {
        Set<String> terms = declared();
        assertFalse(terms.isEmpty());
        for (String t : terms) {
            Node n = org.apache.jena.graph.NodeFactory.createURI(t);
            assertTrue(ontology.contains(n, RDFS.label.asNode(), Node.ANY), t + " has no rdfs:label");
            assertTrue(ontology.contains(n, RDFS.comment.asNode(), Node.ANY), t + " has no rdfs:comment");
        }
    }

    @Test
    void classesAndPropertiesAreKeptApart() {
        // A term typed both as a class and a property, or as object and datatype property, is a typo in the file.
        for (String t : declared()) {
            Node n = org.apache.jena.graph.NodeFactory.createURI(t);
            long kinds = DECLARING_TYPES.stream().filter(k -> ontology.contains(n, RDF.type.asNode(), k)).count();
            assertEquals(1, kinds, t + " has more than one declaring type");
        }
    }
}
