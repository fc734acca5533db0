package org.papergraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.export.Exporter.Format;
import org.papergraph.extract.Extractors;
import org.papergraph.ingest.IngestListener;
import org.papergraph.ingest.Ingestor;
import org.papergraph.resolve.Iris;
import org.papergraph.store.GraphStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The streaming JSON-LD writer: a real store (the trending listing plus literals JSON and JSON-LD make hard) reads
 * back through Rio's JSON-LD parser to the store's union graph, unsorted input still reads back, and a child JVM
 * with a heap far too small for the triples writes them all (while Rio's buffering writer fails in the same heap).
 */
public class JsonLdStreamWriterTest {
    static final String ODD = """
            PREFIX pg: <https://papergraph.org/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            GRAPH <https://example.org/g/odd> {
              <https://example.org/odd/1> a pg:Result , <https://example.org/class/with%20escape> , _:k ;
                  rdf:type "a literal type" ;
                  rdfs:label "Ergebnis"@de , "résultat"@fr-CA , "结果"@zh-Hans , "result" ;
                  rdfs:comment "quote \\" backslash \\\\ slash / newline \\n cr \\r tab \\t bell \\u0007 nul-ish \\u0001 end" ;
                  rdfs:comment "emoji 😀 and U+2028 \\u2028 and </script> & <b>" ;
                  rdfs:comment "@id" , "{\\"@value\\": 1}" , "" , "  leading and trailing  " ;
                  pg:value "75.20"^^xsd:decimal , "007"^^xsd:integer , "1.5E3"^^xsd:double , "NaN"^^xsd:double ;
                  pg:lowerIsBetter "true"^^xsd:boolean ;
                  pg:custom "x-1"^^<https://example.org/dt/code> , "{}"^^rdf:JSON ;
                  <https://papergraph.org/ontology#odd/local> "not a plain local part" ;
                  <https://papergraph.org/ontology#> "the bare namespace as a predicate" ;
                  <urn:isbn:0451450523> <https://papergraph.org/ontology#> ;
                  <https://example.org/p?q=1&r=2#frag> _:k , <https://papergraph.org/id/paper/x> .
              _:k rdfs:label "a blank class" ; pg:next _:k .
            }
            """;

    @TempDir static Path tmp;
    static GraphStore store;

    @BeforeAll
    static void fill() {
        store = GraphStore.open(tmp.resolve("db"), Iris.defaults());
        new Ingestor(store, Extractors.defaults(store.iris()), 1000, IngestListener.NONE).ingest(List.of(SharedData.listing()), null);
        DatasetGraph dsg = store.datasetGraph();
        Txn.executeWrite(dsg, () -> {
            RDFParser.fromString(ExporterTest.HAND_MADE, Lang.TRIG).parse(dsg);
            RDFParser.fromString(ODD, Lang.TRIG).parse(dsg);
        });
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    static Model rioRead(byte[] jsonld) throws IOException {
        return Rio.parse(new ByteArrayInputStream(jsonld), "", RDFFormat.JSONLD);
    }

    static Model toModel(Iterable<Triple> triples) {
        Model m = new LinkedHashModel();
        triples.forEach(t -> m.add(Rdf4jValues.statement(t)));
        return m;
    }

    static void assertSameTriples(Model expected, Model actual) {
        if (Models.isomorphic(expected, actual)) return;
        TreeSet<String> missing = new TreeSet<>();
        expected.forEach(s -> { if (!actual.contains(s)) missing.add(s.toString()); });
        TreeSet<String> extra = new TreeSet<>();
        actual.forEach(s -> { if (!expected.contains(s)) extra.add(s.toString()); });
        fail("not isomorphic: " + expected.size() + " expected, " + actual.size() + " read back (blank node ids may"
                + " differ)\nmissing:\n  " + String.join("\n  ", missing) + "\nextra:\n  " + String.join("\n  ", extra));
    }

    @Test
    void storeExportReadsBackThroughRioToTheUnionGraph() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new Exporter(store).export(Format.JSONLD, out);
        List<Triple> union = Txn.calculateRead(store.datasetGraph(), () -> store.datasetGraph().getUnionGraph().find().toList());
        assertEquals(union.size(), n, "count returned");
        assertTrue(n > 2000, "listing and hand-made triples: " + n);
        Model back = rioRead(out.toByteArray());
        assertEquals(union.size(), back.size());
        assertSameTriples(toModel(union), back);
    }

    @Test
    void documentIsCompactAndNeverUsesJsonNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(store).export(Format.JSONLD, out);
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode doc = new ObjectMapper().readTree(text);
        assertEquals("https://papergraph.org/ontology#", doc.path("@context").path("pg").asText());
        assertTrue(doc.path("@graph").isArray() && doc.path("@graph").size() > 100, "node objects in @graph");
        List<String> numbers = new ArrayList<>();
        doc.findParents("@value").forEach(v -> { if (!v.get("@value").isTextual()) numbers.add(v.toString()); });
        assertEquals(List.of(), numbers, "every @value a string with its lexical form");
        assertTrue(text.contains("{\"@value\":\"75.2\",\"@type\":\"xsd:decimal\"}"), "decimal as a typed string, compact datatype");
        assertTrue(text.contains("\"rdfs:label\":[") && text.contains("{\"@value\":\"Ergebnis\",\"@language\":\"de\"}"), "language strings");
        assertTrue(text.contains("\"https://papergraph.org/ontology#odd/local\":"), "unsafe local part written as a full IRI");
        assertTrue(text.contains("\"@type\":[\"pg:Result\","), "rdf:type as @type, compact");
        // One node object per line: a line-oriented tool can split the dump.
        long lines = text.lines().filter(l -> l.startsWith("{\"@id\":")).count();
        assertEquals(doc.path("@graph").size(), lines);
    }

    @Test
    void unsortedInputStillReadsBackWithValidJson() throws IOException {
        Node a = NodeFactory.createURI("https://example.org/a");
        Node b = NodeFactory.createBlankNode("b1");
        Node p = NodeFactory.createURI("https://papergraph.org/ontology#p");
        Node q = NodeFactory.createURI("https://papergraph.org/ontology#q");
        List<Triple> ts = List.of(
                Triple.create(a, p, NodeFactory.createLiteralString("1")),
                Triple.create(a, q, b),
                Triple.create(a, p, NodeFactory.createLiteralString("2")),   // p again after q: new node object
                Triple.create(b, p, a),
                Triple.create(a, p, NodeFactory.createLiteralString("3")),   // subject a again after b
                Triple.create(a, p, NodeFactory.createLiteralString("3")));  // a duplicate
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(6, Exporter.writeTriples(ts.iterator(), Format.JSONLD, out));
        // A strict JSON parser rejects repeated keys in one object.
        ObjectMapper strict = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.readTree(out.toByteArray());
        assertSameTriples(toModel(ts), rioRead(out.toByteArray()));
        // Jena's JSON-LD parser (a different processor) agrees.
        var g = RDFParser.source(new ByteArrayInputStream(out.toByteArray())).lang(Lang.JSONLD).toGraph();
        assertEquals(5, g.size());
    }

    @Test
    void emptyInputIsAnEmptyGraph() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Exporter.writeTriples(List.<Triple>of().iterator(), Format.JSONLD, out));
        assertEquals(0, rioRead(out.toByteArray()).size());
    }

    @Test
    void refusesWhatJsonLdWouldChange() {
        Node s = NodeFactory.createURI("https://example.org/a");
        Node p = NodeFactory.createURI("https://example.org/p");
        Node dir = NodeFactory.createLiteralDirLang("مرحبا", "ar", "rtl");
        assertThrows(IllegalArgumentException.class, () -> Exporter.writeTriples(
                List.of(Triple.create(s, p, dir)).iterator(), Format.JSONLD, new ByteArrayOutputStream()));
        // An absolute IRI in the pg: scheme would be expanded as the compact IRI pg:x by any reader.
        Node clash = NodeFactory.createURI("pg:x");
        assertThrows(IllegalArgumentException.class, () -> Exporter.writeTriples(
                List.of(Triple.create(s, p, clash)).iterator(), Format.JSONLD, new ByteArrayOutputStream()));
    }

    // ------------------------------------------------------------------------------------------------ memory

    static final int HEAP_TRIPLES = 600_000;

    @Test
    void writesFarMoreTriplesThanTheHeapHolds() throws Exception {
        Child streaming = child("stream");
        assertEquals(0, streaming.exit, streaming.output);
        assertTrue(streaming.output.contains("wrote " + HEAP_TRIPLES + " triples"), streaming.output);
        // The same triples in the same heap through Rio's JSON-LD writer run out of memory: the heap is small
        // enough that a writer keeping per-triple state fails this test.
        Child rio = child("rio");
        assertNotEquals(0, rio.exit, "Rio's buffering writer fit in the heap; the test proves nothing:\n" + rio.output);
        assertTrue(rio.output.contains("OutOfMemoryError"), rio.output);
        assertFalse(rio.output.contains("wrote "), rio.output);
    }

    record Child(int exit, String output) {}

    static Child child(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), JsonLdStreamWriterTest.class.getName(), mode,
                Integer.toString(HEAP_TRIPLES));
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        byte[] out = proc.getInputStream().readAllBytes();
        if (!proc.waitFor(3, TimeUnit.MINUTES)) {
            proc.destroyForcibly();
            fail("child JVM did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return new Child(proc.exitValue(), text.length() > 4000 ? text.substring(0, 4000) : text);
    }

    /**
     * Child JVM: writes {@code args[1]} generated triples as JSON-LD to a byte counter, through papergraph's writer
     * ({@code stream}) or Rio's ({@code rio}). The triples are made on demand, so only the writer can hold them.
     */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Iterator<Triple> triples = new Iterator<>() {
            int i;

            @Override public boolean hasNext() { return i < n; }

            @Override public Triple next() {
                if (i >= n) throw new NoSuchElementException();
                int k = i++;
                return Triple.create(NodeFactory.createURI("https://papergraph.org/id/paper/p" + k / 6),
                        NodeFactory.createURI("https://papergraph.org/ontology#p" + k % 6),
                        NodeFactory.createLiteralString("value " + k + " of a generated paper, long enough to weigh"));
            }
        };
        long[] bytes = {0};
        OutputStream sink = new OutputStream() {
            @Override public void write(int b) { bytes[0]++; }
            @Override public void write(byte[] b, int off, int len) { bytes[0] += len; }
        };
        long written;
        if ("rio".equals(args[0])) {
            var w = Rio.createWriter(RDFFormat.JSONLD, sink);
            w.startRDF();
            Exporter.NAMESPACES.forEach(w::handleNamespace);
            long c = 0;
            while (triples.hasNext()) { w.handleStatement(Rdf4jValues.statement(triples.next())); c++; }
            w.endRDF();
            written = c;
        } else {
            written = Exporter.writeTriples(triples, Format.JSONLD, sink);
        }
        System.out.println("wrote " + written + " triples, " + bytes[0] + " bytes");
    }
}
