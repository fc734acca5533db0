package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class PaperJsonReaderTest {
    private static final PaperJsonReader READER = new PaperJsonReader();

    /** Collects what a read produced. */
    static final class Collected implements RecordSink {
        final List<PaperRecord> records = new ArrayList<>();
        final List<RecordError> errors = new ArrayList<>();
        @Override public void accept(PaperRecord r) { records.add(r); }
        @Override public void reject(RecordError e) { errors.add(e); }
    }

    static Collected read(byte[] bytes) throws IOException {
        Collected c = new Collected();
        READER.read(new ByteArrayInputStream(bytes), "t.jsonl", c);
        return c;
    }

    static Collected read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static String good(String arxiv, String title) {
        return "{\"arxiv\":\"" + arxiv + "\",\"title\":\"" + title + "\",\"authors\":[\"A. One\"],\"cites\":[]}";
    }

    @Test
    void mapsEveryField() throws IOException {
        Collected c = read("{\"arxiv\":\"1706.03762v5\",\"doi\":\"10.5555/3295222.3295349\",\"title\":\"Attention  Is All\\nYou Need\","
                + "\"abstract\":\"We propose the Transformer.\",\"authors\":[\"Ashish Vaswani\",\"Noam Shazeer\"],"
                + "\"published\":\"2017-06-12\",\"categories\":[\"cs.CL\",\"cs.LG\"],"
                + "\"code\":[\"https://github.com/tensorflow/tensor2tensor\"],"
                + "\"cites\":[\"1409.0473\",\"10.1162/neco.1997.9.8.1735\"],\"venue\":\"NIPS 2017\",\"extra\":{\"ignored\":true}}\n");
        assertEquals(List.of(), c.errors);
        PaperRecord r = c.records.get(0);
        assertEquals(PaperJsonReader.FORMAT, r.format());
        assertEquals(SourcePosition.line("t.jsonl", 1), r.position());
        assertEquals("1706.03762v5", r.arxivId());
        assertEquals("10.5555/3295222.3295349", r.doi());
        assertEquals("Attention Is All You Need", r.title());
        assertEquals("We propose the Transformer.", r.abstractText());
        assertEquals(List.of("Ashish Vaswani", "Noam Shazeer"), r.authors().stream().map(Author::name).toList());
        assertEquals("2017-06-12", r.published());
        assertEquals(List.of("cs.CL", "cs.LG"), r.categories());
        assertEquals(List.of("https://github.com/tensorflow/tensor2tensor"), r.codeLinks());
        assertEquals("NIPS 2017", r.journalRef());
        assertEquals(2, r.references().size());
        assertEquals("1409.0473", r.references().get(0).arxivId());
        assertNull(r.references().get(0).doi());
        assertEquals("10.1162/neco.1997.9.8.1735", r.references().get(1).doi());
        assertNull(r.references().get(1).arxivId());
    }

    @Test
    void htmlInTextIsKeptVerbatim() throws IOException {
        // Escaping is the job of whatever renders the text; the reader must neither drop nor alter it.
        try (InputStream in = getClass().getResourceAsStream("/papergraph-jsonl/markup.jsonl")) {
            Collected c = new Collected();
            READER.read(in, "markup.jsonl", c);
            assertEquals(List.of(), c.errors);
            assertEquals(1, c.records.size());
            assertTrue(c.records.get(0).title().contains("<script>alert(\"pg\")</script>"), c.records.get(0).title());
            assertTrue(c.records.get(0).abstractText().contains("a < b && c > d"), c.records.get(0).abstractText());
        }
    }

    @Test
    void truncatedLineIsRejectedAndNeighboursRead() throws IOException {
        String truncated = good("1810.04805", "BERT").substring(0, 40);
        Collected c = read(good("1706.03762", "One") + "\n" + truncated + "\n" + good("1512.03385", "Three") + "\n");
        assertEquals(List.of("One", "Three"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(1, c.errors.size());
        RecordError e = c.errors.get(0);
        assertEquals(SourcePosition.line("t.jsonl", 2), e.position());
        assertTrue(e.reason().startsWith("not valid JSON"), e.reason());
        assertTrue(e.toString().startsWith("t.jsonl, line 2: "), e.toString());
        assertEquals(3, c.records.get(1).position().index());
    }

    @Test
    void invalidUtf8IsRejectedAndNeighboursRead() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((good("1706.03762", "One") + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"arxiv\":\"1810.04805\",\"title\":\"Caf".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xE9, (byte) 0xFF});   // Latin-1 e-acute, then a byte UTF-8 never uses
        b.writeBytes("\",\"cites\":[]}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes((good("1512.03385", "Three") + "\n").getBytes(StandardCharsets.UTF_8));
        Collected c = read(b.toByteArray());
        assertEquals(List.of("One", "Three"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(1, c.errors.size());
        assertEquals(2, c.errors.get(0).position().index());
        assertTrue(c.errors.get(0).reason().contains("UTF-8"), c.errors.get(0).reason());
    }

    @Test
    void missingOrBlankTitleIsRejected() throws IOException {
        Collected c = read(good("1706.03762", "One") + "\n"
                + "{\"arxiv\":\"1810.04805\",\"abstract\":\"no title here\"}\n"
                + "{\"arxiv\":\"1810.04805\",\"title\":\"   \"}\n"
                + good("1512.03385", "Four") + "\n");
        assertEquals(List.of("One", "Four"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(List.of(2L, 3L), c.errors.stream().map(e -> e.position().index()).toList());
        for (RecordError e : c.errors) assertEquals("missing title", e.reason());
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() throws IOException {
        Collected c = read(good("1706.03762", "One") + "\n[\"an\",\"array\"]\n\"a string\"\n42\n" + good("1512.03385", "Five"));
        assertEquals(List.of("One", "Five"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(List.of(2L, 3L, 4L), c.errors.stream().map(e -> e.position().index()).toList());
        assertEquals("not a JSON object but an array", c.errors.get(0).reason());
        assertEquals("not a JSON object but a string", c.errors.get(1).reason());
        assertEquals("not a JSON object but a number", c.errors.get(2).reason());
    }

    @Test
    void wrongFieldShapesAreRejectedWithTheFieldNamed() throws IOException {
        String[] bad = {
            "{\"title\":\"T\",\"authors\":\"A. One, B. Two\"}",
            "{\"title\":\"T\",\"authors\":[\"A. One\",7]}",
            "{\"title\":\"T\",\"published\":\"12 June 2017\"}",
            "{\"title\":\"T\",\"published\":\"2017-02-30\"}",
            "{\"title\":\"T\",\"arxiv\":\"not-an-id\"}",
            "{\"title\":\"T\",\"cites\":[\"Attention Is All You Need\"]}",
            "{\"title\":\"T\",\"code\":[\"github.com/x/y\"]}",
            "{\"title\":\"T\",\"doi\":\"doi.org/10.1/x\"}",
            "{\"title\":\"T\",\"title\":\"again\"}",
            "{\"title\":\"T\"} trailing",
        };
        String[] expected = {"'authors' must be an array", "'authors' element 2 must be a string", "'published' is not a yyyy-MM-dd",
            "'published' is not a calendar date", "'arxiv' is not an arXiv id", "'cites' entry is neither",
            "'code' entry is not an http(s) URL", "'doi' is not a DOI", "not valid JSON", "not valid JSON"};
        StringBuilder text = new StringBuilder();
        for (String b : bad) text.append(b).append('\n');
        text.append('\n').append(good("1512.03385", "Last")).append('\n');
        Collected c = read(text.toString());
        assertEquals(List.of("Last"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(bad.length + 2, c.records.get(0).position().index(), "blank line counted, not reported");
        assertEquals(bad.length, c.errors.size(), c.errors.toString());
        for (int i = 0; i < bad.length; i++) {
            assertEquals(i + 1, c.errors.get(i).position().index());
            assertTrue(c.errors.get(i).reason().startsWith(expected[i]), i + ": " + c.errors.get(i).reason());
        }
    }

    @Test
    void sniffClaimsOwnLinesOnly() {
        assertEquals(20, READER.sniff(good("1706.03762", "T") + "\n"));
        assertEquals(20, READER.sniff("\n\n  " + good("1706.03762", "T")));
        // A head cut in the middle of the first line still shows its keys.
        assertEquals(20, READER.sniff("{\"arxiv\":\"1706.03762\",\"title\":\"Attention Is All You Need\",\"abstract\":\"We pro"));
        assertEquals(5, READER.sniff("{\"doi\":\"10.1145/3065386\",\"title\":\"ImageNet Classification\",\"cites\":[]}"));
        assertEquals(5, READER.sniff("{\"title\":\"T\",\"code\":[\"https://github.com/a/b\"]}"));
        assertEquals(0, READER.sniff("{\"title\":\"T\",\"abstract\":\"just a title and text\"}"));
        assertEquals(0, READER.sniff("{\"arxiv\":\"1706.03762\"}"));
        // arXiv OAI snapshot lines have title and authors too, but also id/submitter/versions.
        assertEquals(0, READER.sniff("{\"id\":\"0704.0001\",\"submitter\":\"P\",\"title\":\"T\",\"versions\":[]}"));
        assertEquals(0, READER.sniff("{\"arxiv\":\"1706.03762\",\"id\":\"x\",\"title\":\"T\"}"));
        assertEquals(0, READER.sniff("[{\"arxiv\":\"1706.03762\",\"title\":\"T\"}]"));
        assertEquals(0, READER.sniff("Attention Is All You Need\n\nWe propose a new architecture."));
        assertEquals(0, READER.sniff(""));
    }

    @Test
    void sniffRejectsRealForeignJsonLines() throws IOException {
        for (Path p : List.of(
                SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl"),
                SharedData.path("data/s2orc-samples/metadata/sample.jsonl"),
                SharedData.path("data/openalex-samples/snapshot/works/updated_date=2023-05-16/part_000.gz"))) {
            try (InputStream in = SourceFiles.open(p)) {
                String head = SourceFiles.head(in);
                assertEquals(0, READER.sniff(head), p.toString());
                assertTrue(SourceFiles.detect(head).map(r -> !(r instanceof PaperJsonReader)).orElse(true), p.toString());
            }
        }
    }

    @Test
    void registeredAndDetected() {
        assertTrue(SourceFiles.byName("papergraph-jsonl").isPresent());
        assertTrue(SourceFiles.detect(good("1706.03762", "T")).orElseThrow() instanceof PaperJsonReader);
    }
}
