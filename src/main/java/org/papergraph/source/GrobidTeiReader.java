package org.papergraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one GROBID TEI XML document ({@code *.tei.xml}, namespace {@code http://www.tei-c.org/ns/1.0}) as one
 * paper: title, authors with affiliations and ORCID, abstract, publication date and identifiers from the header;
 * the body text; and the reference list ({@code listBibl/biblStruct}: title, authors, year, DOI, arXiv id), each
 * reference with the first body sentence that cites it ({@code <ref type="bibr" target="#bN">}) as its context.
 *
 * <p>When the header names no arXiv id, a file named by one ({@code 2104.02324v1.tei.xml}, as the SOTA corpus
 * names them) supplies it. The record's position is the line of the {@code TEI} element. A document that is not
 * well-formed XML, or has neither a title nor an identifier, is rejected at the line of the problem; XML parsing has DTDs and external
 * entities switched off, so a hostile file cannot make the reader fetch or expand anything.
 *
 * <p>Memory: the header and each paragraph and reference are held as small trees one at a time; the body text is
 * kept whole for the extractors.
 */
public final class GrobidTeiReader implements RecordReader {
    public static final String FORMAT = "grobid-tei";
    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    private static final Pattern ARXIV_FILE = Pattern.compile("(?:^|[/\\\\])(\\d{4}\\.\\d{4,5})(v\\d+)?\\.tei\\.xml$");
    private static final Pattern ARXIV_IN_TEXT = Pattern.compile("(?i)arxiv[:\\s]*(\\d{4}\\.\\d{4,5})(v\\d+)?");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    @Override
    public String format() { return FORMAT; }

    @Override
    public int sniff(String head) {
        return head.contains("<TEI") && head.contains(TEI_NS) ? 10 : 0;
    }

    /** Creates a parser that reads no DTD and resolves no external entity. */
    static XMLInputFactory safeFactory() {
        return SafeXml.inputFactory();
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        XMLStreamReader x = null;
        long teiLine = 1;
        // Decoded here, not by the parser: given bytes, the JDK parser prints "[Fatal Error]" lines to standard
        // error on malformed input, and it would fail a whole buffer early on bytes that are not UTF-8.
        StrictUtf8Reader chars = new StrictUtf8Reader(in);
        try {
            x = safeFactory().createXMLStreamReader(chars);
            Node header = null;
            StringBuilder body = new StringBuilder();
            Map<String, String> contexts = new HashMap<>();
            List<Node> bibl = new ArrayList<>();
            List<Node> tables = new ArrayList<>();
            List<PaperTable.Heading> headings = new ArrayList<>();
            boolean inBody = false, inBack = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    switch (name) {
                        case "TEI" -> teiLine = x.getLocation().getLineNumber();
                        case "teiHeader" -> header = Node.read(x);
                        case "body" -> inBody = true;
                        case "back" -> inBack = true;
                        case "p", "head" -> {
                            if (inBody) {
                                boolean heading = name.equals("head");
                                int at = body.isEmpty() ? 0 : body.length() + 2;
                                Node p = Node.read(x);
                                if (paragraph(p, body, contexts) && heading) headings.add(new PaperTable.Heading(at, Text.clean(p.text())));
                            }
                        }
                        case "figure" -> {
                            if (inBody) {
                                Node fig = Node.read(x);
                                if ("table".equals(fig.attr("type"))) tables.add(fig);
                                // A figure's heading ("Figure 3 :") stays in the body text, as before tables were read.
                                else for (Node h : fig.children("head")) paragraph(h, body, contexts);
                            }
                        }
                        case "biblStruct" -> {
                            if (inBack) bibl.add(Node.read(x));
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (x.getLocalName().equals("body")) inBody = false;
                    if (x.getLocalName().equals("back")) inBack = false;
                }
            }
            SourcePosition pos = SourcePosition.line(file, teiLine);
            if (header == null) {
                sink.reject(new RecordError(pos, "TEI document has no teiHeader"));
                return;
            }
            PaperRecord.Builder b = PaperRecord.builder(FORMAT, pos);
            readHeader(header, b);
            if (b.build().arxivId() == null) {
                Matcher m = ARXIV_FILE.matcher(file);
                if (m.find()) b.arxivId(m.group(1));
            }
            PaperRecord head = b.build();
            // GROBID sometimes misses the title; an identifier still makes the paper and its references worth keeping.
            if (head.title() == null && head.arxivId() == null && head.doi() == null) {
                sink.reject(new RecordError(pos, "TEI header has no title and the document no identifier"));
                return;
            }
            b.bodyText(body.toString());
            String bodyText = b.build().bodyText();
            for (int i = 0; i < tables.size(); i++) b.table(table(tables.get(i), i, bodyText, headings));
            for (Node bs : bibl) {
                Reference r = reference(bs, contexts);
                if (r != null) b.reference(r);
            }
            sink.accept(b.build());
        } catch (XMLStreamException e) {
            // A failure of the stream itself (a cut gzip) is not the document's fault: it ends the read.
            if (chars.streamFailure() != null) throw chars.streamFailure();
            long line = e.getLocation() == null ? teiLine : e.getLocation().getLineNumber();
            sink.reject(new RecordError(SourcePosition.line(file, Math.max(1, line)), "not well-formed TEI XML: "
                    + (e.getNestedException() instanceof StrictUtf8Reader.NotUtf8Exception bad ? bad.getMessage() : firstLine(e.getMessage()))));
        } finally {
            if (x != null) {
                try { x.close(); } catch (XMLStreamException ignored) { /* the stream is closed by the caller */ }
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        String m = s.contains("Message: ") ? s.substring(s.indexOf("Message: ") + 9) : s;
        return m.lines().findFirst().orElse(m).strip();
    }

    private static void readHeader(Node header, PaperRecord.Builder b) {
        Node fileDesc = header.child("fileDesc");
        if (fileDesc != null) {
            Node titleStmt = fileDesc.child("titleStmt");
            if (titleStmt != null) b.title(titleStmt.childText("title"));
            Node bs = fileDesc.descendant("biblStruct");
            if (bs != null) {
                Node analytic = bs.child("analytic");
                if (analytic != null) {
                    for (Node a : analytic.children("author")) {
                        Author author = author(a);
                        if (author != null) b.author(author);
                    }
                }
                ids(bs, b);
                Node date = bs.descendant("date");
                if (date != null && date.attr("when") != null) b.published(isoDate(date.attr("when")));
            }
        }
        Node profile = header.child("profileDesc");
        Node abs = profile == null ? null : profile.child("abstract");
        if (abs != null) b.abstractText(abs.text());
    }

    private static void ids(Node bs, PaperRecord.Builder b) {
        for (Node id : bs.descendants("idno")) {
            String type = id.attr("type");
            String v = Text.clean(id.text());
            if (type == null || v == null) continue;
            switch (type.toLowerCase()) {
                case "doi" -> b.doi(v);
                case "arxiv" -> {
                    Matcher m = ARXIV_IN_TEXT.matcher(v.toLowerCase().startsWith("arxiv") ? v : "arXiv:" + v);
                    if (m.find()) b.arxivId(m.group(1));
                }
                default -> { }
            }
        }
    }

    /** The author in a header or reference {@code author} element; null when it has no name. */
    private static Author author(Node a) {
        Node pn = a.child("persName");
        if (pn == null) return null;
        List<String> parts = new ArrayList<>();
        for (Node n : pn.children("forename")) parts.add(n.text());
        Node sur = pn.child("surname");
        if (sur != null) parts.add(sur.text());
        String name = Text.clean(String.join(" ", parts));
        if (name == null) return null;
        String orcid = null;
        for (Node id : a.children("idno")) {
            if ("ORCID".equalsIgnoreCase(id.attr("type"))) orcid = Text.clean(id.text());
        }
        List<String> affiliations = new ArrayList<>();
        for (Node aff : a.children("affiliation")) {
            for (Node org : aff.children("orgName")) {
                if ("institution".equals(org.attr("type"))) {
                    String o = Text.clean(org.text());
                    if (o != null && !affiliations.contains(o)) affiliations.add(o);
                }
            }
        }
        return new Author(name, orcid, affiliations);
    }

    /**
     * Adds a body paragraph to the body text, and the sentence around each bibliography reference to contexts;
     * false when it holds no text.
     */
    private static boolean paragraph(Node p, StringBuilder body, Map<String, String> contexts) {
        StringBuilder text = new StringBuilder();
        List<Map.Entry<Integer, String>> refs = new ArrayList<>();
        p.flatten(text, refs);
        String t = text.toString();
        if (t.isBlank()) return false;
        if (!body.isEmpty()) body.append("\n\n");
        body.append(Text.clean(t));
        for (Map.Entry<Integer, String> r : refs) {
            contexts.putIfAbsent(r.getValue(), Text.sentenceAt(t, r.getKey()));
        }
        return true;
    }

    private static final Pattern HEAD_LABEL = Pattern.compile("^(Table\\s*[A-Z]?\\d+)", Pattern.CASE_INSENSITIVE);
    /** A table number as GROBID gives it in {@code <label>}: "3", "A2", or a Roman numeral of IEEE layouts ("IV"). */
    private static final Pattern TABLE_NUMBER = Pattern.compile("[A-Z]?\\d+|[IVX]{1,5}");
    /**
     * The words of an IEEE caption that GROBID leaves in {@code <head>} after the number ("TABLE II AUC" over the
     * {@code figDesc} "OF LINK PREDICTION."): letters only, up to the next "Table" or the first non-word.
     */
    private static final Pattern HEAD_WORDS = Pattern.compile(
            "^Table\\s*(?:[A-Z]?\\d+|[IVX]{1,5})\\b\\s*[:.]?\\s*((?:(?!Table)\\p{L}[\\p{L}-]*\\s*)+?)(?=Table|[^\\p{L}\\s-]|$)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A {@code <figure type="table">}: label ({@code <label>}, else the number in {@code <head>}), caption
     * ({@code <figDesc>}), the rows and cells of {@code <table>} with their {@code cols} and {@code rows} spans, and
     * the body sentences that name it. GROBID marks no bold or underline.
     */
    private static PaperTable table(Node fig, int index, String body, List<PaperTable.Heading> headings) {
        String id = fig.attr("xml:id");
        String number = Text.clean(fig.childText("label"));
        String label = null;
        if (number != null && TABLE_NUMBER.matcher(number).matches()) label = "Table " + number;
        else {
            Matcher m = HEAD_LABEL.matcher(String.valueOf(Text.clean(fig.childText("head"))));
            if (m.find()) label = "Table " + m.group(1).substring(5).strip();
        }
        List<List<TableCell>> rows = new ArrayList<>();
        Node grid = fig.child("table");
        if (grid != null) {
            for (Node row : grid.children("row")) {
                List<TableCell> cells = new ArrayList<>();
                for (Node cell : row.children("cell")) {
                    cells.add(new TableCell(Text.clean(cell.text()), span(cell.attr("cols")), span(cell.attr("rows")), false, false));
                }
                rows.add(cells);
            }
        }
        PaperTable.Mentions m = PaperTable.mentions(body, PaperTable.number(label), headings);
        return new PaperTable(id != null ? id : "table-" + (index + 1), label, caption(fig), rows, m.sentences(), m.section());
    }

    /** The caption: {@code <figDesc>}, after the caption's first words when GROBID left them in {@code <head>}. */
    static String caption(Node fig) {
        String desc = Text.clean(fig.childText("figDesc"));
        Matcher h = HEAD_WORDS.matcher(String.valueOf(Text.clean(fig.childText("head"))));
        if (!h.find() || h.group(1).isBlank()) return desc;
        String words = h.group(1).strip();
        return desc == null ? words : words + " " + desc;
    }

    /** A span attribute as a count: 1 when absent or not a small positive number. */
    private static int span(String v) {
        if (v == null || !v.strip().matches("\\d{1,3}")) return 1;
        return Math.max(1, Integer.parseInt(v.strip()));
    }

    /** A reference from a {@code biblStruct}; null when it has neither a title nor an identifier. */
    private static Reference reference(Node bs, Map<String, String> contexts) {
        Node analytic = bs.child("analytic");
        Node monogr = bs.child("monogr");
        String title = analytic == null ? null : Text.clean(analytic.childText("title"));
        if (title == null && monogr != null) title = Text.clean(monogr.childText("title"));
        List<String> authors = new ArrayList<>();
        Node authorHolder = analytic != null && !analytic.children("author").isEmpty() ? analytic : monogr;
        if (authorHolder != null) {
            for (Node a : authorHolder.children("author")) {
                Author au = author(a);
                if (au != null) authors.add(au.name());
            }
        }
        Integer year = null;
        Node date = bs.descendant("date");
        if (date != null && date.attr("when") != null) {
            Matcher y = YEAR.matcher(date.attr("when"));
            if (y.find()) year = Integer.parseInt(y.group(1));
        }
        PaperRecord.Builder ids = PaperRecord.builder(FORMAT, SourcePosition.entry("-", 1));
        ids(bs, ids);
        PaperRecord idr = ids.build();
        String arxiv = idr.arxivId();
        if (arxiv == null && monogr != null) {
            // GROBID often leaves "arXiv preprint arXiv:1409.0473" in the venue title rather than an idno.
            Matcher m = ARXIV_IN_TEXT.matcher(String.valueOf(monogr.childText("title")) + " " + bs.text());
            if (m.find()) arxiv = m.group(1);
        }
        if (title == null && arxiv == null && idr.doi() == null) return null;
        String id = bs.attr("xml:id");
        return new Reference(title, year, idr.doi(), arxiv, Map.of(), authors, id == null ? null : contexts.get("#" + id));
    }

    private static String isoDate(String when) {
        if (when.matches("\\d{4}(-\\d{2}(-\\d{2})?)?.*")) {
            return when.length() >= 10 && when.charAt(4) == '-' && when.charAt(7) == '-' ? when.substring(0, 10)
                    : when.length() >= 7 && when.charAt(4) == '-' ? when.substring(0, 7) : when.substring(0, 4);
        }
        return null;
    }

    /** A small element tree for one header, paragraph or reference: children in document order (text or element). */
    static final class Node {
        final String name;
        final Map<String, String> attrs = new HashMap<>();
        final List<Object> content = new ArrayList<>();

        private Node(String name) { this.name = name; }

        /** Reads the element the parser is on (START_ELEMENT) up to its END_ELEMENT. */
        static Node read(XMLStreamReader x) throws XMLStreamException {
            Node n = new Node(x.getLocalName());
            for (int i = 0; i < x.getAttributeCount(); i++) {
                String prefix = x.getAttributePrefix(i);
                String key = prefix == null || prefix.isEmpty() ? x.getAttributeLocalName(i) : prefix + ":" + x.getAttributeLocalName(i);
                n.attrs.put(key, x.getAttributeValue(i));
            }
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) n.content.add(read(x));
                else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) n.content.add(x.getText());
                else if (ev == XMLStreamConstants.END_ELEMENT) return n;
            }
            return n;
        }

        String attr(String key) { return attrs.get(key); }

        Node child(String local) {
            for (Object o : content) if (o instanceof Node c && c.name.equals(local)) return c;
            return null;
        }

        List<Node> children(String local) {
            List<Node> l = new ArrayList<>();
            for (Object o : content) if (o instanceof Node c && c.name.equals(local)) l.add(c);
            return l;
        }

        String childText(String local) {
            Node c = child(local);
            return c == null ? null : c.text();
        }

        Node descendant(String local) {
            for (Object o : content) {
                if (o instanceof Node c) {
                    if (c.name.equals(local)) return c;
                    Node d = c.descendant(local);
                    if (d != null) return d;
                }
            }
            return null;
        }

        List<Node> descendants(String local) {
            List<Node> l = new ArrayList<>();
            for (Object o : content) {
                if (o instanceof Node c) {
                    if (c.name.equals(local)) l.add(c);
                    l.addAll(c.descendants(local));
                }
            }
            return l;
        }

        /** All text below this element, with a space between block children so words do not run together. */
        String text() {
            StringBuilder sb = new StringBuilder();
            flatten(sb, null);
            return sb.toString();
        }

        /** Appends the text; records where each bibliography reference ({@code ref type="bibr"}) starts. */
        void flatten(StringBuilder sb, List<Map.Entry<Integer, String>> refs) {
            for (Object o : content) {
                if (o instanceof String s) sb.append(s);
                else if (o instanceof Node c) {
                    if (refs != null && c.name.equals("ref") && "bibr".equals(c.attr("type")) && c.attr("target") != null) {
                        for (String target : c.attr("target").split("\\s+")) refs.add(Map.entry(sb.length(), target));
                    }
                    if (c.name.equals("p") || c.name.equals("div") || c.name.equals("head")) sb.append(' ');
                    c.flatten(sb, refs);
                }
            }
        }
    }
}
