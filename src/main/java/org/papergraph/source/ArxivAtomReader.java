package org.papergraph.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv API responses ({@code export.arxiv.org/api/query}): an Atom feed with one {@code <entry>} per paper.
 * Both generations of the API's output are read (namespaces declared per element or once on the feed; any
 * element order inside an entry).
 *
 * <p>Per entry: arXiv id and version from {@code <id>} ({@code http://arxiv.org/abs/2510.14968v1} → id
 * {@code 2510.14968}, version {@code v1}), title, summary (the abstract), authors in order with their
 * {@code arxiv:affiliation}s, published and updated dates ({@code yyyy-MM-dd}), categories with
 * {@code arxiv:primary_category} first, {@code arxiv:doi} and {@code arxiv:journal_ref}. Positions count entries
 * from 1.
 *
 * <p>An entry without a title, or whose id is not an arXiv abstract URL, is rejected and the next entry reads. The
 * API's error entries (id under {@code /api/errors}) are rejected with the API's message. Malformed XML ends the
 * document: the entries before the fault are kept and one rejection names the entry being read, the line and the
 * parser's message. The parser is StAX with DTDs and external entities switched off, so a document carrying a
 * DOCTYPE (XXE, entity expansion bombs) is refused instead of resolved. The bytes are decoded as UTF-8 (the API's
 * only encoding) by {@link StrictUtf8Reader}, so bytes that are not UTF-8 end the document at that byte, keeping
 * every entry before it. Stateless and thread-safe.
 */
public final class ArxivAtomReader implements RecordReader {
    public static final String FORMAT = "arxiv-atom";

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final Pattern ABS_ID = Pattern.compile(
            "https?://(?:export\\.)?arxiv\\.org/abs/(.+?)(v\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:T.*)?");

    @Override
    public String format() { return FORMAT; }

    /**
     * 10 for an XML document with an Atom {@code <feed>} that carries an arXiv marker (the arXiv Atom schema
     * namespace, an {@code arxiv.org/api} feed id or an "arXiv Query" title; an empty result feed has only the
     * latter two); 0 otherwise.
     */
    @Override
    public int sniff(String head) {
        String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
        if (!h.stripLeading().startsWith("<")) return 0;
        if (!h.contains("<feed") || !h.contains(ATOM)) return 0;
        String lower = h.toLowerCase(Locale.ROOT);
        boolean arxiv = h.contains(ARXIV) || lower.contains("arxiv.org/api") || lower.contains("arxiv query");
        return arxiv ? 10 : 0;
    }

    /** A StAX factory that never reads a DTD or an external entity. */
    static XMLInputFactory safeFactory() {
        return SafeXml.inputFactory();
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        long entry = 0;          // entries started so far; the current one while inside an entry
        boolean inEntry = false; // stays true when a parse fault escapes from inside an entry
        XMLStreamReader xml = null;
        WatchedStream watched = new WatchedStream(in);
        try {
            // Decoded here, not by the parser: see StrictUtf8Reader. The API always answers in UTF-8.
            xml = safeFactory().createXMLStreamReader(new StrictUtf8Reader(watched));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && isAtom(xml, "entry")) {
                    entry++;
                    inEntry = true;
                    Entry e = readEntry(xml);
                    inEntry = false;
                    SourcePosition pos = SourcePosition.entry(file, entry);
                    String problem = e.problem();
                    if (problem != null) sink.reject(new RecordError(pos, problem));
                    else sink.accept(e.toRecord(pos));
                }
            }
        } catch (XMLStreamException e) {
            // A failure of the stream itself (not bad bytes in it) is not the document's fault and ends the read.
            // Ask the stream: the JDK parser reports some such failures as a premature end of the document.
            if (watched.failure != null) throw watched.failure;
            // An entry was open if the fault came inside one; otherwise it is before the next entry.
            long at = inEntry ? entry : entry + 1;
            String reason = "malformed XML" + where(e) + ": "
                    + (e.getNestedException() instanceof StrictUtf8Reader.NotUtf8Exception bad ? bad.getMessage() : message(e));
            sink.reject(new RecordError(SourcePosition.entry(file, at), reason));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream the caller owns frees nothing that matters
                }
            }
        }
    }

    /** Remembers an I/O failure of the underlying stream, which the parser may swallow or rephrase. */
    private static final class WatchedStream extends FilterInputStream {
        IOException failure;

        WatchedStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override public void close() {
            // the caller owns the underlying stream
        }
    }

    private static String where(XMLStreamException e) {
        Location l = e.getLocation();
        if (l == null || l.getLineNumber() < 0) return "";
        return " at line " + l.getLineNumber() + (l.getColumnNumber() > 0 ? ", column " + l.getColumnNumber() : "");
    }

    /** The parser's own words, without the location prefix the JDK puts in front of them. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }

    private static boolean isAtom(XMLStreamReader x, String local) {
        return ATOM.equals(x.getNamespaceURI()) && local.equals(x.getLocalName());
    }

    private static boolean isArxiv(XMLStreamReader x, String local) {
        return ARXIV.equals(x.getNamespaceURI()) && local.equals(x.getLocalName());
    }

    /** Reads from just after {@code <entry>} to its end tag. */
    private static Entry readEntry(XMLStreamReader x) throws XMLStreamException {
        Entry e = new Entry();
        children(x, () -> {
            if (isAtom(x, "id")) {
                e.id = text(x);
            } else if (isAtom(x, "title")) {
                e.title = text(x);
            } else if (isAtom(x, "summary")) {
                e.summary = text(x);
            } else if (isAtom(x, "published")) {
                e.published = text(x);
            } else if (isAtom(x, "updated")) {
                e.updated = text(x);
            } else if (isAtom(x, "author")) {
                e.authors.add(readAuthor(x));
            } else if (isAtom(x, "category")) {
                e.categories.add(x.getAttributeValue(null, "term"));
                skip(x);
            } else if (isArxiv(x, "primary_category")) {
                e.primary = x.getAttributeValue(null, "term");
                skip(x);
            } else if (isArxiv(x, "doi")) {
                e.doi = text(x);
            } else if (isArxiv(x, "journal_ref")) {
                e.journalRef = text(x);
            } else {
                skip(x);
            }
        });
        return e;
    }

    private static Author readAuthor(XMLStreamReader x) throws XMLStreamException {
        String[] name = {null};
        List<String> affiliations = new ArrayList<>();
        children(x, () -> {
            if (isAtom(x, "name")) {
                name[0] = Text.clean(text(x));
            } else if (isArxiv(x, "affiliation")) {
                String a = Text.clean(text(x));
                if (a != null) affiliations.add(a);
            } else {
                skip(x);
            }
        });
        return name[0] == null ? null : new Author(name[0], null, affiliations);
    }

    /** Reads one child element, from its start tag to its end tag. */
    private interface Child { void read() throws XMLStreamException; }

    /** Calls {@code child} at each child element of the current element, up to the current element's end tag. */
    private static void children(XMLStreamReader x, Child child) throws XMLStreamException {
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) return;
            if (ev == XMLStreamConstants.START_ELEMENT) child.read();
        }
    }

    /**
     * The character content of the current element up to its end tag, nested markup ignored. Entity reference
     * events are dropped rather than expanded: with DTDs off, no entity other than the five predefined ones
     * (which the parser reports as text) can have a value we would want.
     */
    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(x.getText());
                default -> { }
            }
        }
        return sb.toString();
    }

    private static void skip(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    /** The fields of one entry as read, before validation. */
    private static final class Entry {
        String id, title, summary, published, updated, primary, doi, journalRef;
        final List<Author> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        String problem() {
            if (id != null && id.contains("/api/errors")) {
                String msg = Text.clean(summary);
                return "arXiv API error: " + (msg != null ? msg : Text.clean(id));
            }
            if (Text.clean(title) == null) return "entry has no title";
            if (id == null || Text.clean(id) == null) return "entry has no id";
            if (!ABS_ID.matcher(id.strip()).matches()) {
                return "entry id '" + Text.clean(id) + "' is not an arXiv abstract URL";
            }
            return null;
        }

        PaperRecord toRecord(SourcePosition pos) {
            Matcher m = ABS_ID.matcher(id.strip());
            if (!m.matches()) throw new IllegalStateException("checked by problem()");
            PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos)
                    .arxivId(m.group(1))
                    .arxivVersion(m.group(2))
                    .title(title)
                    .abstractText(summary)
                    .published(date(published))
                    .updated(date(updated))
                    .doi(Text.clean(doi))
                    .journalRef(journalRef);
            authors.forEach(b::author);
            b.category(Text.clean(primary));
            categories.forEach(c -> b.category(Text.clean(c)));
            return b.build();
        }

        private static String date(String s) {
            if (s == null) return null;
            Matcher m = ISO_DATE.matcher(s.strip());
            return m.matches() ? m.group(1) : null;
        }
    }
}
