package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.CITO;

/**
 * Reads OpenCitations citation RDF (N-Triples or Turtle): each {@code cito:Citation} with
 * {@code cito:hasCitingEntity} and {@code cito:hasCitedEntity} DOI IRIs ({@code http://dx.doi.org/...}) becomes a
 * record of the citing paper with one reference, as {@link OpenCitationsCsvReader} does; the record's entry number
 * is the citation's order in the file. {@code cito:hasCitationCreationDate} is the citing paper's date.
 *
 * <p>A citation's triples are gathered until both ends are known, so memory holds only citations in progress. A
 * citation that ends without a citing or cited DOI is rejected; an RDF syntax error ends the file at its line.
 */
public final class OpenCitationsRdfReader implements RecordReader {
    public static final String FORMAT = "opencitations-rdf";
    private static final Node CREATION = org.apache.jena.graph.NodeFactory.createURI(CITO.NS + "hasCitationCreationDate");

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        return head.contains(CITO.NS + "hasCitingEntity") || (head.contains(CITO.NS) && head.contains("Citation")) ? 10 : 0;
    }

    private static final class Pending {
        String citing, cited, date;
        long entry;
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        Map<Node, Pending> open = new LinkedHashMap<>();
        long[] entries = {0};
        StreamRDFBase collector = new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                Node p = t.getPredicate();
                boolean citing = p.equals(CITO.hasCitingEntity), cited = p.equals(CITO.hasCitedEntity), date = p.equals(CREATION);
                if (!citing && !cited && !date) return;
                Pending c = open.computeIfAbsent(t.getSubject(), s -> { Pending x = new Pending(); x.entry = ++entries[0]; return x; });
                if (citing) c.citing = doi(t.getObject());
                if (cited) c.cited = doi(t.getObject());
                if (date && t.getObject().isLiteral()) c.date = t.getObject().getLiteralLexicalForm();
                // Citations come as blocks of triples; one complete with its date, or followed by the next, is done.
                if (c.citing != null && c.cited != null && c.date != null) emit(open.remove(t.getSubject()), file, sink);
            }
        };
        try {
            RDFParser.source(in).lang(guess(file)).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(collector);
        } catch (RiotException e) {
            sink.reject(new RecordError(SourcePosition.entry(file, entries[0] + 1), "RDF syntax error: " + e.getMessage()
                    + "; the rest of the file cannot be read"));
        }
        for (Pending c : open.values()) emit(c, file, sink);
    }

    private static Lang guess(String file) {
        return file.endsWith(".nt") || file.endsWith(".nt.gz") ? Lang.NTRIPLES : Lang.TURTLE;
    }

    private static void emit(Pending c, String file, RecordSink sink) {
        SourcePosition pos = SourcePosition.entry(file, c.entry);
        if (c.citing == null || c.cited == null) {
            sink.reject(new RecordError(pos, "citation without " + (c.citing == null ? "a citing" : "a cited") + " DOI"));
            return;
        }
        sink.accept(PaperRecord.builder(FORMAT, pos).doi(c.citing).published(c.date)
                .recordKey(Iris.contentKey(Iris.normaliseDoi(c.cited)))
                .reference(new Reference(null, null, c.cited, null, null, null, null)).build());
    }

    /** The DOI of a {@code http://dx.doi.org/...} (or doi.org) IRI; null for anything else. */
    private static String doi(Node n) {
        if (!n.isURI()) return null;
        String u = n.getURI();
        int i = u.indexOf("doi.org/");
        // IRIs percent-encode what DOIs may hold as is: 10.1130/2015.2513%2800%29 is 10.1130/2015.2513(00).
        return i < 0 ? null : java.net.URLDecoder.decode(u.substring(i + 8).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
