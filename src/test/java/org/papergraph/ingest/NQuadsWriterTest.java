package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;

/** {@link NQuadsWriter} writes the very bytes Jena's streaming N-Quads writer writes. */
class NQuadsWriterTest {
    static final Node G = NodeFactory.createURI("https://papergraph.org/id/graph/x");
    static final Node S = NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/1706.03762");
    static final Node P = NodeFactory.createURI("http://purl.org/dc/terms/title");

    /** Writes {@code quads} (a {@link Triple} goes through {@code triple()}) with {@code w} and returns the bytes. */
    static byte[] write(List<Object> stmts, boolean ours) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF w = ours ? new NQuadsWriter(bytes) : StreamRDFWriter.getWriterStream(bytes, RDFFormat.NQUADS);
        w.start();
        for (Object o : stmts) {
            if (o instanceof Quad q) w.quad(q);
            else w.triple((Triple) o);
        }
        w.finish();
        return bytes.toByteArray();
    }

    static void assertSameAsJena(List<Object> stmts) {
        byte[] jena = write(stmts, false);
        byte[] ours = write(stmts, true);
        if (!java.util.Arrays.equals(jena, ours)) {
            // Show the first differing line: 65,536 characters in one assertion message help nobody.
            String[] a = new String(jena, StandardCharsets.UTF_8).split("\n", -1);
            String[] b = new String(ours, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < Math.min(a.length, b.length); i++) assertEquals(a[i], b[i], "line " + (i + 1));
            assertEquals(a.length, b.length, "lines");
        }
        assertArrayEquals(jena, ours);
    }

    @Test
    void everyCharacterOfTheBasicPlaneInLiteralsAndIrisIsWrittenAsJenaWritesIt() {
        List<Object> stmts = new ArrayList<>();
        for (int block = 0; block < 0x10000; block += 64) {
            StringBuilder sb = new StringBuilder();
            for (int c = block; c < block + 64; c++) if (!Character.isSurrogate((char) c)) sb.append((char) c);
            String s = sb.toString();
            stmts.add(Quad.create(G, S, P, NodeFactory.createLiteralString(s)));
            stmts.add(Quad.create(G, S, P, NodeFactory.createURI("https://example.org/" + s)));
            stmts.add(Quad.create(G, NodeFactory.createURI("https://example.org/s" + s), P, S));
        }
        assertSameAsJena(stmts);
    }

    @Test
    void quotesBackslashesLineBreaksAndNonAsciiTextAreEscapedAsJenaDoes() {
        List<Object> stmts = new ArrayList<>();
        for (String s : List.of("", "plain", "say \"hi\"", "back\\slash \\n not a newline", "two\nlines\r\nand\ttab",
                "\f\b\u0000\u0001\u001F\u007F", "Schrödinger — naïve café 東京 \u00A0nbsp", "emoji \uD83D\uDE00 pair",
                "lone high \uD83D end", "lone low \uDE00 mid", "high at the end \uD83D", "a\u0301 combining",
                "\u2028 line separator \u2029 and BOM \uFEFF")) {
            stmts.add(Quad.create(G, S, P, NodeFactory.createLiteralString(s)));
            stmts.add(Quad.create(G, S, P, NodeFactory.createLiteralLang(s, "en")));
            stmts.add(Quad.create(G, S, P, NodeFactory.createLiteralDT(s, new BaseDatatype("https://example.org/dt#x"))));
            stmts.add(Quad.create(G, NodeFactory.createURI("https://example.org/" + s), P, S));
        }
        assertSameAsJena(stmts);
    }

    @Test
    void numbersDatesLanguageTagsBlankNodesAndTheDefaultGraphAreWrittenAsJenaWritesThem() {
        Node b = NodeFactory.createBlankNode("b0");
        Node weird = NodeFactory.createBlankNode("a b/c:d");
        List<Object> stmts = new ArrayList<>(List.of(
                Quad.create(G, S, P, NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("-0.50", XSDDatatype.XSDdecimal)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("1.5E3", XSDDatatype.XSDdouble)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("2017-06-12", XSDDatatype.XSDdate)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("2017", XSDDatatype.XSDgYear)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("2026-11-26T12:00:00.123Z", XSDDatatype.XSDdateTime)),
                Quad.create(G, S, P, NodeFactory.createLiteralDT("typed string", XSDDatatype.XSDstring)),
                Quad.create(G, S, P, NodeFactory.createLiteralLang("Attention", "en-GB")),
                Quad.create(G, S, P, NodeFactory.createLiteralDirLang("مرحبا", "ar", "rtl")),
                Quad.create(G, b, P, weird),
                Quad.create(b, S, P, S),
                Quad.create(Quad.defaultGraphIRI, S, P, S),
                Quad.create(Quad.defaultGraphNodeGenerated, S, P, S),
                Triple.create(S, P, NodeFactory.createLiteralString("a triple")),
                Triple.create(b, NodeFactory.createURI("https://example.org/p\u00e9"), weird)));
        assertSameAsJena(stmts);
    }

    @Test
    void theQuadsOfRealSourcesAreWrittenAsJenaWritesThem() throws Exception {
        // Every extractor over several formats: titles with TeX and accents, TEI full text, citation contexts.
        List<Path> inputs = List.of(SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl"),
                SharedData.path("data/arxiv-api-atom/xiv_cs.RO_neural_2025-10.xml"),
                SharedData.path("data/openalex-samples/snapshot/works/updated_date=2023-05-16/part_000.gz"),
                SharedData.path("data/s2orc-samples/metadata/sample.jsonl"),
                SharedData.path("data/nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml/1410.5401.tei.xml"),
                SharedData.path("data/paperswithcode/sota-extractor-tasks/nlp-progress.json"));
        QuadProducer producer = new QuadProducer(Iris.defaults(), Extractors.defaults(Iris.defaults()), IngestListener.NONE,
                inputs, null);
        Thread t = new Thread(producer);
        t.start();
        List<Object> stmts = new ArrayList<>();
        producer.drainTo(new org.apache.jena.riot.system.StreamRDFBase() {
            @Override public void quad(Quad q) { stmts.add(q); }
        });
        t.join();
        assertNull(producer.failure);
        assertTrue(stmts.size() > 10_000, "quads: " + stmts.size());
        assertTrue(stmts.stream().anyMatch(o -> ((Quad) o).getObject().isLiteral()
                && ((Quad) o).getObject().getLiteralLexicalForm().chars().anyMatch(c -> c > 0x7F)), "some non-ASCII text");
        assertSameAsJena(stmts);
    }
}
