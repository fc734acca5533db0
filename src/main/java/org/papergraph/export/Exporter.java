package org.papergraph.export;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleWriterSettings;
import org.papergraph.store.GraphStore;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;
import org.papergraph.vocab.PROV;

/**
 * Writes the store as an RDF dump through RDF4J Rio's streaming writers.
 *
 * <p>Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) get the union graph: every triple of every named graph
 * once, as queries see it. Quad formats (N-Quads, TriG) keep each named graph, the metadata graph included. The dump
 * is read in one TDB2 read transaction, so it is a consistent snapshot even while an ingest commits. Statements
 * stream from the store to the writer one at a time, in bounded memory. JSON-LD is written by
 * {@link JsonLdStreamWriter}, not Rio, whose JSON-LD writer collects the whole graph before writing it. Numbers are written as typed literals, never abbreviated, so every literal keeps its exact
 * lexical form and datatype. One export at a time per call; instances hold no state.
 */
public final class Exporter {
    /** Prefixes declared in every dump whose format supports them. */
    public static final Map<String, String> NAMESPACES = namespaces();

    /** The export formats, by their command-line names. */
    public enum Format {
        TTL("ttl", RDFFormat.TURTLE, false),
        NT("nt", RDFFormat.NTRIPLES, false),
        NQ("nq", RDFFormat.NQUADS, true),
        TRIG("trig", RDFFormat.TRIG, true),
        JSONLD("jsonld", RDFFormat.JSONLD, false),
        RDFXML("rdfxml", RDFFormat.RDFXML, false);

        private final String cliName;
        private final RDFFormat rio;
        private final boolean quads;

        Format(String cliName, RDFFormat rio, boolean quads) {
            this.cliName = cliName;
            this.rio = rio;
            this.quads = quads;
        }

        /** Name on the command line, e.g. {@code ttl}. */
        public String cliName() { return cliName; }

        /** Rio's format, for media type and file extension. */
        public RDFFormat rioFormat() { return rio; }

        /** True when the format keeps named graphs; false when it holds the union graph's triples. */
        public boolean keepsGraphs() { return quads; }

        /**
         * The format with this command-line name or one of its usual other names (case-insensitive; {@code turtle},
         * {@code ntriples}, {@code n-quads}, {@code json-ld}, {@code rdf-xml}, {@code rdf/xml}, {@code xml} ...), or empty.
         */
        public static Optional<Format> byName(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("/", "");
            if (n.startsWith(".")) n = n.substring(1);
            String canonical = switch (n) {
                case "turtle" -> "ttl";
                case "ntriples", "ntriple" -> "nt";
                case "nquads", "nquad" -> "nq";
                default -> n;
            };
            return Arrays.stream(values()).filter(f -> f.cliName.equals(canonical)).findFirst();
        }

        /** All command-line names, for help texts and errors. */
        public static List<String> names() { return Arrays.stream(values()).map(Format::cliName).toList(); }
    }

    private final GraphStore store;

    public Exporter(GraphStore store) { this.store = store; }

    /**
     * Writes the whole store in {@code format} to {@code out} and returns the number of statements written. The
     * stream is flushed, not closed.
     *
     * @throws org.eclipse.rdf4j.rio.RDFHandlerException when writing fails (for example the disk is full)
     */
    public long export(Format format, OutputStream out) {
        DatasetGraph dsg = store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            if (format.keepsGraphs()) {
                Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
                try {
                    // The named graphs: the default graph holds the store's summaries (ADR 0017), not data.
                    return writeQuads(Iter.filter(it, q -> !q.isDefaultGraph()), format, out);
                } finally {
                    Iter.close(it);
                }
            }
            // TDB2's union graph yields each triple once however many graphs hold it, streaming from its indexes.
            ExtendedIterator<Triple> it = dsg.getUnionGraph().find();
            try {
                return writeTriples(it, format, out);
            } finally {
                it.close();
            }
        });
    }

    /** Writes triples (in no graph) with papergraph's writer settings; returns how many. */
    public static long writeTriples(Iterator<Triple> triples, Format format, OutputStream out) {
        if (format == Format.JSONLD) return JsonLdStreamWriter.write(triples, out, NAMESPACES);
        RDFWriter w = writer(format, out);
        long n = 0;
        w.startRDF();
        NAMESPACES.forEach(w::handleNamespace);
        while (triples.hasNext()) {
            w.handleStatement(Rdf4jValues.statement(triples.next()));
            n++;
        }
        w.endRDF();
        return n;
    }

    /** Writes quads with papergraph's writer settings; a triple format drops the graph names. Returns how many. */
    public static long writeQuads(Iterator<Quad> quads, Format format, OutputStream out) {
        if (format == Format.JSONLD) return JsonLdStreamWriter.write(Iter.map(quads, Quad::asTriple), out, NAMESPACES);
        RDFWriter w = writer(format, out);
        long n = 0;
        w.startRDF();
        NAMESPACES.forEach(w::handleNamespace);
        while (quads.hasNext()) {
            w.handleStatement(Rdf4jValues.statement(quads.next()));
            n++;
        }
        w.endRDF();
        return n;
    }

    private static RDFWriter writer(Format format, OutputStream out) {
        WriterConfig cfg = new WriterConfig();
        // Rio would write "75.2"^^xsd:decimal as the bare 75.2 and xsd:integer "007" as 007: equal values, but not
        // the same literals. Keep every literal as stored.
        cfg.set(TurtleWriterSettings.ABBREVIATE_NUMBERS, false);
        // Inlining blank nodes makes the Turtle writer buffer the whole graph; keep it streaming.
        cfg.set(BasicWriterSettings.INLINE_BLANK_NODES, false);
        cfg.set(BasicWriterSettings.PRETTY_PRINT, true);
        RDFWriter w = Rio.createWriter(format.rioFormat(), out);
        w.setWriterConfig(cfg);
        return w;
    }

    private static Map<String, String> namespaces() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pg", PG.NS);
        m.put("dcterms", DCTerms.NS);
        m.put("foaf", "http://xmlns.com/foaf/0.1/");
        m.put("cito", CITO.NS);
        m.put("prov", PROV.NS);
        m.put("skos", SKOS.uri);
        m.put("rdf", RDF.uri);
        m.put("rdfs", RDFS.uri);
        m.put("owl", OWL.NS);
        m.put("xsd", XSD.NS);
        return Collections.unmodifiableMap(m);
    }
}
