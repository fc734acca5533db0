package org.papergraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.extract.Extractors;
import org.papergraph.resolve.Iris;
import org.papergraph.source.RecordError;
import org.papergraph.store.GraphStore;

/**
 * One byte that is not UTF-8 in a real file (issue 21): the record is stored with U+FFFD in its place, and a warning
 * names the file, line and column; nothing is rejected. Line-based (listing, arXiv JSON lines) and XML (GROBID TEI)
 * readers alike.
 */
class BadBytesIngestTest {
    @TempDir Path tmp;

    /** {@code file} with the byte 0xFF inserted before the first occurrence of {@code before} (ASCII) on a line. */
    static Path withBadByte(Path file, String before, Path out) throws Exception {
        byte[] b = Files.readAllBytes(file);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(before);
        assertTrue(at > 0, before);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(b, 0, at);
        o.write(0xFF);
        o.write(b, at, b.length - at);
        Files.write(out, o.toByteArray());
        return out;
    }

    /** 1-based line and column (in characters) of the first occurrence of {@code s} in the UTF-8 file. */
    static long[] position(Path file, String s) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf(s);
        long line = 1 + text.substring(0, at).chars().filter(c -> c == '\n').count();
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return new long[] {line, text.codePointCount(lineStart, at) + 1};
    }

    record Outcome(IngestSummary summary, List<String> warnings, List<RecordError> rejected, GraphStore store) {}

    private Outcome ingest(Path file, String name) {
        List<String> warnings = new ArrayList<>();
        List<RecordError> rejected = new ArrayList<>();
        GraphStore store = GraphStore.open(tmp.resolve("db-" + name), Iris.defaults());
        IngestSummary s = new Ingestor(store, Extractors.defaults(store.iris()), 100, new IngestListener() {
            @Override public void warning(String where, String what) { warnings.add(where + ": " + what); }
            @Override public void rejected(RecordError error) { rejected.add(error); }
        }).ingest(List.of(file), null);
        return new Outcome(s, warnings, rejected, store);
    }

    private static boolean hasLiteral(GraphStore store, Node p, String contains) {
        return Txn.calculateRead(store.datasetGraph(), () -> {
            var it = store.datasetGraph().find(Node.ANY, Node.ANY, p, Node.ANY);
            while (it.hasNext()) if (it.next().getObject().getLiteralLexicalForm().contains(contains)) return true;
            return false;
        });
    }

    @Test
    void aListingKeepsTheRecordWithTheBadByte() throws Exception {
        String word = "dominated by two-stage";
        long[] where = position(SharedData.listing(), word);
        Path bad = withBadByte(SharedData.listing(), word, tmp.resolve("listing.txt"));
        Outcome o = ingest(bad, "listing");
        try (GraphStore store = o.store()) {
            assertEquals(132, o.summary().stored(), o.rejected().toString());
            assertEquals(0, o.summary().rejected(), o.rejected().toString());
            assertEquals(List.of(bad + ", line " + where[0] + ", column " + where[1]
                    + ": a byte that is not UTF-8, replaced by U+FFFD; the record is kept"), o.warnings());
            assertTrue(hasLiteral(store, DCTerms.abstract_.asNode(), "\uFFFD" + word), "no abstract with U+FFFD before '" + word + "'");
        }
    }

    @Test
    void arxivJsonLinesAndGrobidTeiKeepTheirRecordsToo() throws Exception {
        Path json = SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl");
        Path badJson = withBadByte(json, "diphoton production", tmp.resolve("arxiv.jsonl"));
        Outcome a = ingest(badJson, "arxiv");
        try (GraphStore store = a.store()) {
            assertEquals(0, a.summary().rejected(), a.rejected().toString());
            assertEquals(1, a.warnings().size(), a.warnings().toString());
            assertTrue(a.warnings().get(0).startsWith(badJson + ", line 1, column "), a.warnings().toString());
            assertTrue(hasLiteral(store, DCTerms.title.asNode(), "\uFFFDdiphoton production"));
        }
        Path tei = SharedData.path("data/sota-leaderboards/grobid-tei-2023/train/153/1806.07297v1.tei.xml");
        Path badTei = withBadByte(tei, "Tensor Decomposition for Knowledge Base Completion</title>", tmp.resolve("paper.tei.xml"));
        Outcome t = ingest(badTei, "tei");
        try (GraphStore store = t.store()) {
            assertEquals(1, t.summary().stored(), t.rejected().toString());
            assertEquals(0, t.summary().rejected());
            long[] where = position(tei, "Tensor Decomposition for Knowledge Base Completion</title>");
            assertEquals(List.of(badTei + ", line " + where[0] + ", column " + where[1]
                    + ": a byte that is not UTF-8, replaced by U+FFFD; the record is kept"), t.warnings());
            assertTrue(hasLiteral(store, DCTerms.title.asNode(), "Canonical \uFFFDTensor Decomposition"));
        }
    }
}
