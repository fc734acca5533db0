package org.papergraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes quads and triples as N-Quads straight into UTF-8 bytes: the same bytes Jena's streaming N-Quads writer
 * ({@code StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS)}) writes for the same stream, several times faster,
 * because the converter's output is mostly this formatting. One statement a line, {@code S P O G .}, or
 * {@code S P O .} for the default graph.
 *
 * <p>Escaping follows Jena's N-Triples rules. In an IRI, control characters U+0000 to U+0013, space,
 * {@code <>"{}|^`\} and DEL become {@code \}{@code uXXXX}. In a literal, {@code \ " LF CR TAB} and form feed take
 * their backslash escapes and U+FFFD becomes {@code \}{@code uFFFD}; every other character, non-ASCII included, is
 * written as itself in UTF-8 (an unpaired surrogate as {@code ?}, as Java's UTF-8 encoder does). {@code xsd:string} literals are written
 * without a datatype, language-tagged ones with their tag. Blank nodes, literals with a base direction and anything
 * else unusual go through Jena's own formatter, so those stay exactly as Jena writes them too.
 *
 * <p>{@link #finish()} flushes into the stream and flushes it; the stream is never closed here. Not thread-safe.
 * An I/O error surfaces as {@link UncheckedIOException}.
 */
public final class NQuadsWriter implements StreamRDF {
    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /**
     * UTF-8 bytes after which an IRI or a literal needs the careful, escaping path. 0xEF may start U+FFFD (EF BF BD),
     * which literals escape. An unpaired surrogate needs no care: the JDK's encoder writes {@code ?} as Jena's does.
     */
    private static final boolean[] IRI_ESCAPES = new boolean[256], LITERAL_ESCAPES = new boolean[256];
    static {
        for (int c = 0; c < 20; c++) IRI_ESCAPES[c] = true;
        for (char c : " <>\"{}|^`\\\u007F".toCharArray()) IRI_ESCAPES[c] = true;
        for (char c : "\\\"\n\r\t\f".toCharArray()) LITERAL_ESCAPES[c] = true;
        LITERAL_ESCAPES[0xEF] = true;
    }
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    /** Predicates and datatypes are few; graphs and subjects are not, and are cached only while they repeat. */
    private static final int MAX_CACHED = 4096;
    private static final int RECENT = 8;

    private final OutputStream out;
    private byte[] buf = new byte[FLUSH_AT + 4096];
    private int pos;
    private NodeFormatter fallback;
    private final Map<Node, byte[]> predicates = new IdentityHashMap<>();
    private final Map<RDFDatatype, byte[]> datatypes = new IdentityHashMap<>();
    /** Where {@link #encoded} formats a node. */
    private byte[] scratch = new byte[256];
    /**
     * The last few IRI nodes written as subject or object, with their bytes: an extractor states several things
     * about one node in a row, and names a node as an object (a paper's author) just before describing it.
     */
    private final Node[] recent = new Node[RECENT];
    private final byte[][] recentBytes = new byte[RECENT][];
    private int recentNext;
    private Node lastGraph;
    private byte[] lastGraphBytes;

    public NQuadsWriter(OutputStream out) { this.out = out; }

    @Override public void start() {}

    @Override
    public void triple(Triple t) {
        term(t.getSubject());
        put((byte) ' ');
        predicate(t.getPredicate());
        put((byte) ' ');
        term(t.getObject());
        endLine();
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        term(q.getSubject());
        put((byte) ' ');
        predicate(q.getPredicate());
        put((byte) ' ');
        term(q.getObject());
        if (g != null && g != Quad.tripleInQuad && !Quad.isDefaultGraph(g)) {
            put((byte) ' ');
            graph(g);
        }
        endLine();
    }

    @Override public void base(String base) {}
    @Override public void prefix(String prefix, String iri) {}

    @Override
    public void finish() {
        try {
            flushBuffer();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endLine() {
        ensure(3);
        buf[pos++] = ' ';
        buf[pos++] = '.';
        buf[pos++] = '\n';
        if (pos >= FLUSH_AT) {
            try {
                flushBuffer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        // One huge literal grew the buffer: give the memory back.
        if (buf.length > (1 << 22)) buf = new byte[FLUSH_AT + 4096];
    }

    private void predicate(Node p) {
        if (!p.isURI()) {
            node(p);
            return;
        }
        byte[] b = predicates.get(p);
        if (b == null) {
            b = encoded(p);
            if (predicates.size() >= MAX_CACHED) predicates.clear();
            predicates.put(p, b);
        }
        put(b);
    }

    /** A subject or object: IRIs through {@link #recent}, compared by identity (equal copies miss, harmlessly). */
    private void term(Node n) {
        if (!n.isURI()) {
            node(n);
            return;
        }
        for (int i = 0; i < RECENT; i++) {
            if (recent[i] == n) {
                put(recentBytes[i]);
                return;
            }
        }
        byte[] b = encoded(n);
        recent[recentNext] = n;
        recentBytes[recentNext] = b;
        recentNext = (recentNext + 1) % RECENT;
        put(b);
    }

    private void graph(Node g) {
        // A record's quads come together, all in its graph: remember the last one.
        if (g != lastGraph) {
            lastGraphBytes = encoded(g);
            lastGraph = g;
        }
        put(lastGraphBytes);
    }

    /** The bytes of one node, without reusing the main buffer. */
    private byte[] encoded(Node n) {
        byte[] saved = buf;
        int savedPos = pos;
        buf = scratch;
        pos = 0;
        try {
            node(n);
            return java.util.Arrays.copyOf(buf, pos);
        } finally {
            scratch = buf.length > 4096 ? new byte[256] : buf;
            buf = saved;
            pos = savedPos;
        }
    }

    private void node(Node n) {
        if (n.isURI()) {
            iri(n.getURI());
        } else if (n.isLiteral() && n.getLiteralBaseDirection() == null) {
            literal(n);
        } else {
            viaJena(n);
        }
    }

    private void literal(Node n) {
        String lang = n.getLiteralLanguage();
        String dt = n.getLiteralDatatypeURI();
        string(n.getLiteralLexicalForm());
        if (lang != null && !lang.isEmpty()) {
            put((byte) '@');
            ascii(lang);
        } else if (dt != null && !dt.equals(XSD_STRING)) {
            RDFDatatype type = n.getLiteralDatatype();
            byte[] b = datatypes.get(type);
            if (b == null) {
                byte[] saved = buf;
                int savedPos = pos;
                buf = new byte[64];
                pos = 0;
                put((byte) '^');
                put((byte) '^');
                iri(dt);
                b = java.util.Arrays.copyOf(buf, pos);
                buf = saved;
                pos = savedPos;
                if (datatypes.size() >= MAX_CACHED) datatypes.clear();
                datatypes.put(type, b);
            }
            put(b);
        }
    }

    private void iri(String s) {
        // Most IRIs need no escape: let the JDK encode them (an intrinsic for ASCII) and copy the bytes.
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (none(utf8, IRI_ESCAPES)) {
            ensure(utf8.length + 2);
            buf[pos++] = '<';
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
            buf[pos++] = '>';
            return;
        }
        int len = s.length();
        ensure(len * 6 + 2);
        byte[] b = buf;
        int p = pos;
        b[p++] = '<';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c < 20 || c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|'
                        || c == '^' || c == '`' || c == '\\' || c == 0x7F) {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = HEX[(c >> 12) & 15];
                    b[p++] = HEX[(c >> 8) & 15];
                    b[p++] = HEX[(c >> 4) & 15];
                    b[p++] = HEX[c & 15];
                } else {
                    b[p++] = (byte) c;
                }
            } else {
                p = utf8(s, i, c, b, p);
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            }
        }
        b[p++] = '>';
        pos = p;
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (none(utf8, LITERAL_ESCAPES)) {
            ensure(utf8.length + 2);
            buf[pos++] = '"';
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
            buf[pos++] = '"';
            return;
        }
        int len = s.length();
        ensure(len * 6 + 2);
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '"' -> { b[p++] = '\\'; b[p++] = '"'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\f' -> { b[p++] = '\\'; b[p++] = 'f'; }
                    default -> b[p++] = (byte) c;
                }
            } else if (c == '\uFFFD') {
                // Jena marks the replacement character, the trace of an earlier decoding error, with an escape.
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = 'F';
                b[p++] = 'F';
                b[p++] = 'F';
                b[p++] = 'D';
            } else {
                p = utf8(s, i, c, b, p);
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            }
        }
        b[p++] = '"';
        pos = p;
    }

    /** Whether no byte of {@code utf8} is marked in {@code marked}. */
    private static boolean none(byte[] utf8, boolean[] marked) {
        boolean any = false;
        for (byte x : utf8) any |= marked[x & 0xFF];
        return !any;
    }

    /** Encodes the non-ASCII char at {@code i} (with its low surrogate, when paired) at {@code p}; the new end. */
    private static int utf8(String s, int i, char c, byte[] b, int p) {
        if (c < 0x800) {
            b[p++] = (byte) (0xC0 | (c >> 6));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (!Character.isSurrogate(c)) {
            b[p++] = (byte) (0xE0 | (c >> 12));
            b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            b[p++] = (byte) (0xF0 | (cp >> 18));
            b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            b[p++] = '?';
        }
        return p;
    }

    /** A language tag: ASCII by definition, but written as UTF-8 all the same. */
    private void ascii(String s) {
        int len = s.length();
        ensure(len * 3);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else {
                pos = utf8(s, i, c, buf, pos);
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            }
        }
    }

    private void viaJena(Node n) {
        if (fallback == null) fallback = new NodeFormatterNT();
        IndentedLineBuffer w = new IndentedLineBuffer();
        fallback.format(w, n);
        put(w.asString().getBytes(StandardCharsets.UTF_8));
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
}
