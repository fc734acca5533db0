package org.papergraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.papergraph.SharedData;
import org.papergraph.export.Exporter.Format;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

/**
 * Every export format parses back (with Jena RIOT, a different implementation from the Rio writer) to what the store
 * holds: triple formats to the union graph, quad formats to the same named graphs. The store holds the real trending
 * listing plus a small hand-made dataset with the literal kinds writers tend to get wrong.
 */
class ExporterTest {
    /** Decimals, integers, doubles, booleans, language tags, dates, odd strings, blank nodes, a duplicated triple. */
    static final String HAND_MADE = """
            PREFIX pg: <https://papergraph.org/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            GRAPH <https://example.org/g/one> {
              <https://example.org/r/1> a pg:Result ;
                  pg:value "75.2"^^xsd:decimal , "0.5"^^xsd:decimal , "-3.25"^^xsd:decimal ;
                  pg:rawValue "75.2 %" ;
                  pg:position "3"^^xsd:integer , "-12"^^xsd:integer ;
                  pg:score "1.5E3"^^xsd:double ;
                  pg:lowerIsBetter false ;
                  dcterms:issued "2024-03-01"^^xsd:date ;
                  dcterms:modified "2024-03-01T12:30:00Z"^^xsd:dateTime ;
                  rdfs:label "Ergebnis"@de , "result"@en-GB , "result" ;
                  rdfs:comment "a \\"quoted\\" line\\nand a second, with ünïcödé and a tab\\t<tag> & co" ;
                  pg:custom "x-1"^^<https://example.org/dt/code> ;
                  pg:hasMention _:m .
              _:m pg:surface "ResNet-50" ; pg:confidence "0.90"^^xsd:decimal .
              <https://example.org/shared> rdfs:label "in both graphs" .
            }
            GRAPH <https://example.org/g/two> {
              <https://example.org/shared> rdfs:label "in both graphs" .
              [] pg:note "a blank subject"@en .
            }
            """;

    @TempDir static Path tmp;
    static GraphStore store;

    @BeforeAll
    static void fill() {
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> RDFParser.fromString(HAND_MADE, Lang.TRIG).parse(dsg));
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    static byte[] export(Format f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new Exporter(store).export(f, out);
        assertTrue(n > 0, "nothing written");
        return out.toByteArray();
    }

    static Lang lang(Format f) {
        return switch (f) {
            case TTL -> Lang.TURTLE;
            case NT -> Lang.NTRIPLES;
            case NQ -> Lang.NQUADS;
            case TRIG -> Lang.TRIG;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
        };
    }

    static Graph unionGraph() {
        Graph g = GraphFactory.createGraphMem();
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().getUnionGraph().find().forEach(g::add));
        return g;
    }

    static DatasetGraph namedGraphs() {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        // The named graphs: the default graph holds the store's summaries (ADR 0017), which exports leave out.
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().find().forEachRemaining(q -> {
            if (!q.isDefaultGraph()) copy.add(q);
        }));
        return copy;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void roundTripsThroughJena(Format f) {
        byte[] bytes = export(f);
        assertEquals(lang(f), RDFLanguages.contentTypeToLang(f.rioFormat().getDefaultMIMEType()), "media type of " + f);
        if (f.keepsGraphs()) {
            DatasetGraph expected = namedGraphs();
            DatasetGraph actual = DatasetGraphFactory.createGeneral();
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang(f)).parse(actual);
            Set<Node> names = new HashSet<>();
            expected.listGraphNodes().forEachRemaining(names::add);
            Set<Node> actualNames = new HashSet<>();
            actual.listGraphNodes().forEachRemaining(actualNames::add);
            assertEquals(names, actualNames, f + ": graph names");
            assertTrue(names.size() > 132, "listing graphs, hand-made graphs and the metadata graph");
            for (Node g : names) {
                assertIsomorphic(f + " graph " + g, expected.getGraph(g), actual.getGraph(g));
            }
            // Blank nodes shared across graphs must stay shared: compare the datasets as a whole too.
            assertTrue(IsoMatcher.isomorphic(expected, actual), f + ": datasets not isomorphic");
        } else {
            Graph expected = unionGraph();
            Graph actual = GraphFactory.createGraphMem();
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang(f)).parse(actual);
            assertIsomorphic(f.toString(), expected, actual);
        }
    }

    static void assertIsomorphic(String what, Graph expected, Graph actual) {
        if (expected.isIsomorphicWith(actual)) return;
        Set<String> exp = lines(expected);
        Set<String> act = lines(actual);
        Set<String> missing = new TreeSet<>(exp);
        missing.removeAll(act);
        Set<String> extra = new TreeSet<>(act);
        extra.removeAll(exp);
        fail(what + ": not isomorphic (" + expected.size() + " expected, " + actual.size() + " read back; blank node"
                + " labels differ between the sides)\nmissing:\n  " + String.join("\n  ", missing)
                + "\nextra:\n  " + String.join("\n  ", extra));
    }

    static Set<String> lines(Graph g) {
        Set<String> s = new TreeSet<>();
        g.find().forEach(t -> s.add(t.toString()));
        return s;
    }

    @Test
    void unionExportHasEachTripleOnce() {
        String nt = new String(export(Format.NT), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(nt.lines().filter(l -> !l.isBlank()).toList());
        assertEquals(lines.size(), new HashSet<>(lines).size(), "a triple repeated in the N-Triples dump");
        long shared = lines.stream().filter(l -> l.startsWith("<https://example.org/shared>")).count();
        assertEquals(1, shared, "a triple in two graphs is one triple of the union");
        assertEquals(unionGraph().size(), lines.size());
    }

    @Test
    void literalsKeepTheirExactForm() {
        String ttl = new String(export(Format.TTL), StandardCharsets.UTF_8);
        assertTrue(ttl.contains("\"75.2\"^^xsd:decimal"), "decimal written as a typed literal");
        // TDB2 stores doubles by value; whatever lexical form it hands back must come out typed, not abbreviated.
        Node score = NodeFactory.createURI("https://papergraph.org/ontology#score");
        String stored = Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().getUnionGraph()
                .find(NodeFactory.createURI("https://example.org/r/1"), score, Node.ANY).next().getObject().getLiteralLexicalForm());
        assertTrue(ttl.contains("pg:score \"" + stored + "\"^^xsd:double"), "double kept as stored: " + stored);
        assertTrue(ttl.contains("@prefix pg: <https://papergraph.org/ontology#>"), "namespaces declared");
        assertTrue(ttl.contains("\"Ergebnis\"@de"), "language tag kept");
        Graph back = GraphFactory.createGraphMem();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(back);
        Node r = NodeFactory.createURI("https://example.org/r/1");
        Node value = NodeFactory.createURI("https://papergraph.org/ontology#value");
        List<String> decimals = back.find(r, value, Node.ANY).mapWith(t -> t.getObject().getLiteralDatatypeURI()).toList();
        assertEquals(3, decimals.size());
        assertTrue(decimals.stream().allMatch("http://www.w3.org/2001/XMLSchema#decimal"::equals), decimals.toString());
    }

    @Test
    void jsonLdUsesTheNamespaces() {
        String json = new String(export(Format.JSONLD), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"@context\"") && json.contains("\"pg\": \"https://papergraph.org/ontology#\""),
                json.substring(0, Math.min(400, json.length())));
    }

    @Test
    void blankNodeIdsAreOneToOneAndValid() {
        assertEquals("babc123", Rdf4jValues.blankId("abc123"));
        assertEquals("x612d62", Rdf4jValues.blankId("a-b"));
        assertFalse(Rdf4jValues.blankId("a-b").equals(Rdf4jValues.blankId("a_b")));
        Triple t = Triple.create(NodeFactory.createBlankNode("q:1"), NodeFactory.createURI("urn:p"), NodeFactory.createBlankNode("q:1"));
        var st = Rdf4jValues.statement(t);
        assertEquals(st.getSubject(), st.getObject(), "the same blank node maps to the same RDF4J blank node");
    }

    @Test
    void everyFormatHasAName() {
        for (Format f : Format.values()) assertEquals(f, Format.byName(f.cliName().toUpperCase()).orElseThrow());
        assertTrue(Format.byName("xml").isEmpty());
        List<Quad> none = List.of();
        assertEquals(0, Exporter.writeQuads(none.iterator(), Format.NQ, new ByteArrayOutputStream()));
    }
}
