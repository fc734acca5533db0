package org.papergraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.eclipse.rdf4j.rio.RDFHandlerException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

/**
 * Writes triples as one JSON-LD document in bounded memory, however many triples there are.
 *
 * <p>Why not Rio: its JSON-LD writer collects every statement into a model and hands the whole document to a JSON-LD
 * processor before writing a byte, so a 24-million-triple store needs tens of gigabytes of heap. This writer emits
 * the document as the triples arrive, through Jackson's streaming generator:
 * <pre>
 * {"@context": {"pg": "https://papergraph.org/ontology#", ...},
 *  "@graph": [
 *   {"@id": "https://papergraph.org/id/paper/...", "@type": "pg:Paper", "dcterms:title": "...", ...},
 *   ...]}
 * </pre>
 * One node object per run of consecutive triples with the same subject; the union graph of TDB2 yields triples
 * sorted by subject, so each subject normally gets one node object. When a subject or one of its properties comes
 * back later, the writer starts another node object with the same {@code @id}: JSON-LD merges node objects by id, so
 * the document still reads back to exactly the triples given. Values use the JSON-LD RDF mapping with no type
 * coercion in the context, so nothing depends on a processor's compaction choices: IRIs and blank nodes are
 * {@code {"@id": ...}}, typed literals {@code {"@value": lexical form, "@type": datatype}} (numbers stay strings with
 * their exact lexical form, never JSON numbers), language strings {@code {"@value": ..., "@language": tag}},
 * {@code xsd:string} literals bare JSON strings, {@code rdf:type} IRIs the {@code @type} of the node. A property with
 * one value gets the value, one with several a JSON array; deciding that needs one triple of look-ahead, the only
 * state kept besides the keys of the node object being written (whose count is capped).
 *
 * <p>Keys and IRI values are compact IRIs ({@code pg:value}) when the namespace is a declared prefix ending in a
 * JSON-LD gen-delim character and the local part is plain ({@code [A-Za-z0-9_.-]}, not starting with {@code //});
 * otherwise full IRIs. Blank nodes are {@code _:} + {@link Rdf4jValues#blankId}, so labels match the other formats.
 * Literals with a base direction are refused, as in every other export format: JSON-LD's default RDF mapping would
 * drop the direction. An IRI whose scheme is one of the prefixes (e.g. {@code pg:x} as an absolute IRI) is refused
 * too, since a JSON-LD processor would expand it as a compact IRI.
 *
 * <p>Not thread-safe; one instance writes one document. The output stream is flushed at the end, never closed.
 */
public final class JsonLdStreamWriter {
    /** Node objects with more distinct keys than this are split, so the key set stays small whatever the input. */
    static final int MAX_KEYS = 4096;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final Pattern PLAIN_LOCAL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    // Strings, not Jena's vocabulary classes: initialising those can start Jena's subsystem mid-class-init.
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    private final JsonGenerator json;
    private final Map<String, String> prefixes;   // prefix -> namespace, in declaration order
    private final Set<String> keys = new HashSet<>();
    private Node subject;          // subject of the open node object, or null
    private String pendingKey;     // key of the value not yet written, or null
    private Node pendingValue;
    private boolean inArray;       // pendingKey's values are being written into an open array
    private long count;
    private boolean started;

    /**
     * A writer to {@code out} declaring {@code namespaces} (prefix to namespace IRI, e.g. {@link Exporter#NAMESPACES})
     * in the {@code @context}.
     */
    public JsonLdStreamWriter(OutputStream out, Map<String, String> namespaces) {
        this.prefixes = new LinkedHashMap<>(namespaces);
        try {
            this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new RDFHandlerException("cannot write JSON-LD: " + e.getMessage(), e);
        }
        json.setPrettyPrinter(new LinePrinter());
    }

    /** Writes {@code triples} as one document to {@code out} and returns how many were written. */
    public static long write(Iterator<Triple> triples, OutputStream out, Map<String, String> namespaces) {
        JsonLdStreamWriter w = new JsonLdStreamWriter(out, namespaces);
        w.start();
        while (triples.hasNext()) w.triple(triples.next());
        return w.end();
    }

    /** Writes the {@code @context} and opens the {@code @graph}. */
    public void start() {
        try {
            json.writeStartObject();
            json.writeObjectFieldStart("@context");
            for (Map.Entry<String, String> e : prefixes.entrySet()) json.writeStringField(e.getKey(), e.getValue());
            json.writeEndObject();
            json.writeArrayFieldStart("@graph");
            started = true;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Writes one triple.
     *
     * @throws IllegalArgumentException for a literal with a base direction, a triple term, a variable, or an IRI that
     *                                  JSON-LD would read as a compact IRI
     */
    public void triple(Triple t) {
        if (!started) throw new IllegalStateException("start() not called");
        Node s = t.getSubject();
        String key = RDF_TYPE.equals(t.getPredicate().getURI()) && !t.getObject().isLiteral()
                ? "@type" : compact(t.getPredicate().getURI());
        checkValue(t.getObject());
        try {
            if (!s.equals(subject)) {
                closeNode();
                openNode(s);
            } else if (key.equals(pendingKey)) {
                // Another value of the same property: the property becomes an array.
                if (!inArray) {
                    json.writeArrayFieldStart(pendingKey);
                    inArray = true;
                }
                writeValue(pendingKey, pendingValue);
                pendingValue = t.getObject();
                count++;
                return;
            } else {
                flushPending();
                if (keys.contains(key) || keys.size() >= MAX_KEYS) {
                    // A property of this subject seen before (the input is not sorted) or a huge node: JSON forbids
                    // repeated keys, so continue in a new node object with the same @id; readers merge them.
                    closeNode();
                    openNode(s);
                }
            }
            keys.add(key);
            pendingKey = key;
            pendingValue = t.getObject();
            count++;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Closes the document, flushes the stream and returns the number of triples written. */
    public long end() {
        try {
            if (!started) start();
            closeNode();
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            return count;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void openNode(Node s) throws IOException {
        json.writeStartObject();
        json.writeStringField("@id", id(s));
        subject = s;
    }

    private void closeNode() throws IOException {
        if (subject == null) return;
        flushPending();
        json.writeEndObject();
        subject = null;
        keys.clear();
    }

    private void flushPending() throws IOException {
        if (pendingKey == null) return;
        if (inArray) {
            writeValue(pendingKey, pendingValue);
            json.writeEndArray();
        } else {
            json.writeFieldName(pendingKey);
            writeValue(pendingKey, pendingValue);
        }
        pendingKey = null;
        pendingValue = null;
        inArray = false;
    }

    private void writeValue(String key, Node o) throws IOException {
        if ("@type".equals(key)) {
            json.writeString(id(o));
        } else if (o.isURI() || o.isBlank()) {
            json.writeStartObject();
            json.writeStringField("@id", id(o));
            json.writeEndObject();
        } else {
            String lang = o.getLiteralLanguage();
            boolean tagged = lang != null && !lang.isEmpty();
            String dt = o.getLiteralDatatypeURI();
            if (!tagged && XSD_STRING.equals(dt)) {
                // With no type coercion in the context a bare string is an xsd:string literal.
                json.writeString(o.getLiteralLexicalForm());
                return;
            }
            json.writeStartObject();
            json.writeStringField("@value", o.getLiteralLexicalForm());
            if (tagged) json.writeStringField("@language", lang);
            else json.writeStringField("@type", compact(dt));
            json.writeEndObject();
        }
    }

    private static void checkValue(Node o) {
        if (o.isLiteral()) {
            if (o.getLiteralBaseDirection() != null) {
                throw new IllegalArgumentException("literal with a base direction cannot be exported: " + o);
            }
        } else if (!o.isURI() && !o.isBlank()) {
            throw new IllegalArgumentException("not an IRI, blank node or literal: " + o);
        }
    }

    /** The @id text of an IRI or blank node. */
    private String id(Node n) {
        if (n.isBlank()) return "_:" + Rdf4jValues.blankId(n.getBlankNodeLabel());
        if (n.isURI()) return compact(n.getURI());
        throw new IllegalArgumentException("subject must be an IRI or blank node: " + n);
    }

    /** A compact IRI when one is safe, else the IRI itself; see the class comment. */
    private String compact(String iri) {
        int colon = iri.indexOf(':');
        if (colon > 0 && prefixes.containsKey(iri.substring(0, colon)) && !iri.startsWith("//", colon + 1)) {
            throw new IllegalArgumentException("IRI <" + iri + "> would read back as a compact IRI in JSON-LD");
        }
        if (colon <= 0 || iri.startsWith("_:")) {
            throw new IllegalArgumentException("not an absolute IRI: <" + iri + ">");
        }
        // Longest-match is not needed: the namespaces do not nest, and any matching prefix gives a correct IRI.
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (iri.length() > ns.length() && iri.startsWith(ns) && endsWithGenDelim(ns)
                    && PLAIN_LOCAL.matcher(iri).region(ns.length(), iri.length()).matches()) {
                return e.getKey() + ":" + iri.substring(ns.length());
            }
        }
        return iri;
    }

    /** JSON-LD 1.1 only uses a simple term as a prefix when its IRI ends in one of these. */
    private static boolean endsWithGenDelim(String ns) {
        return !ns.isEmpty() && ":/?#[]@".indexOf(ns.charAt(ns.length() - 1)) >= 0;
    }

    private static RDFHandlerException failed(IOException e) {
        return new RDFHandlerException("cannot write JSON-LD: " + e.getMessage(), e);
    }

    /**
     * One context entry and one node object per line, everything else compact: readable with line tools, and
     * about the size of the unindented document.
     */
    private static final class LinePrinter extends MinimalPrettyPrinter {
        /** The document object, the @context object and the @graph array: contexts with at most one parent below root. */
        private static boolean outer(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            int depth = 0;
            for (JsonStreamContext p = c.getParent(); p != null; p = p.getParent()) depth++;
            return depth <= 2;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (outer(g)) g.writeRaw('\n');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (outer(g)) g.writeRaw('\n');
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(outer(g) ? ": " : ":");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(outer(g) ? ",\n" : ",");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(outer(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(outer(g) ? "\n}" : "}");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(outer(g) ? "\n]" : "]");
        }
    }
}
