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

    /** Every IRI used anywhere in {@code g} (subjects, predicates, objects) that starts with {@code ns}. */
    static Set<String> used(Graph g, String ns) {
        Set<String> out = new TreeSet<>();
        g.find().forEach(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(ns)) out.add(n.getURI());
            }
        });
        return out;
    }

    @Test
    void shapesUseOnlyDeclaredTerms() throws Exception {
        Graph shapes = GraphFactory.createDefaultGraph();
        try (InputStream in = VocabularyTest.class.getClassLoader().getResourceAsStream("ontology/shapes.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
        }
        Set<String> unknown = used(shapes, PG.NS);
        unknown.removeAll(declared());
        assertEquals(Set.of(), unknown, "pg: terms in shapes.ttl that the ontology does not declare");
    }

    @Test
    void alignmentsPointAtRealLinkedPapersWithCodeTerms() {
        // Read LPWC's own ontology (metaphacts/linkedpaperswithcode) so a misspelt class or property fails here.
        Graph lpwc = GraphFactory.createDefaultGraph();
        RDFParser.source(org.papergraph.SharedData.path(
                "data/paperswithcode/linkedpaperswithcode/ontologies/linkedpaperswithcode-ontology.ttl")).parse(lpwc);
        Set<String> lpwcTerms = used(lpwc, "https://linkedpaperswithcode.com/");
        Set<String> ours = used(ontology, "https://linkedpaperswithcode.com/");
        assertFalse(ours.isEmpty(), "the ontology should align to Linked Papers With Code");
        Set<String> unknown = new TreeSet<>(ours);
        unknown.removeAll(lpwcTerms);
        assertEquals(Set.of(), unknown, "LPWC IRIs the LPWC ontology does not have");
    }
}
