package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class ListingReaderTest {
    static final class Collect implements RecordSink {
        final List<PaperRecord> records = new ArrayList<>();
        final List<RecordError> errors = new ArrayList<>();
        @Override public void accept(PaperRecord r) { records.add(r); }
        @Override public void reject(RecordError e) { errors.add(e); }
    }

    static Collect read(byte[] bytes) throws IOException {
        Collect c = new Collect();
        try (InputStream in = SourceFiles.decode(new ByteArrayInputStream(bytes))) {
            new ListingReader().read(in, "test.txt", c);
        }
        return c;
    }

    @Test
    void seedListingGivesAll132PapersIntact() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.listing());
        Collect c = read(bytes);
        assertEquals(List.of(), c.errors);
        assertEquals(132, c.records.size());
        // Independent check: after the 5 chrome lines, non-blank lines alternate title, abstract.
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        List<String> body = lines.subList(lines.size() - 264, lines.size());
        for (int i = 0; i < 132; i++) {
            PaperRecord r = c.records.get(i);
            assertEquals(Normalizer.normalize(body.get(2 * i), Normalizer.Form.NFC), r.title());
            assertEquals(Normalizer.normalize(body.get(2 * i + 1), Normalizer.Form.NFC), r.abstractText());
        }
        assertEquals("WavThruVec: Latent speech representation as intermediate features for neural speech synthesis",
                c.records.get(0).title());
        assertEquals(11, c.records.get(0).position().index());
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(Files.readAllBytes(SharedData.listing()));
        }
        assertEquals(132, read(bo.toByteArray()).records.size());
    }

    @Test
    void titleWithoutAbstractIsRejectedAndTheRestKept() throws IOException {
        String abs = "word ".repeat(80).strip() + ".";
        String text = "Subscribe\n\nMar 12\n\nFirst Paper\n\n" + abs + "\n\nOrphan Title\n\nSecond Paper\n\n" + abs + "\n";
        Collect c = read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("First Paper", "Second Paper"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(1, c.errors.size());
        assertEquals(9, c.errors.get(0).position().index());
        assertTrue(c.errors.get(0).reason().contains("title without an abstract"));
    }

    @Test
    void abstractWithoutTitleIsRejected() throws IOException {
        String abs = "word ".repeat(80).strip() + ".";
        String text = "Chrome\n\nA Title\n\n" + abs + "\n\n" + abs + "\n";
        Collect c = read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, c.records.size());
        assertEquals(1, c.errors.size());
        assertEquals(7, c.errors.get(0).position().index());
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        String abs = "word ".repeat(80).strip() + ".";
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        bo.write(("Good Paper\n\n" + abs + "\n\nBad ").getBytes(StandardCharsets.UTF_8));
        bo.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        bo.write(("\n\n" + abs + "\n").getBytes(StandardCharsets.UTF_8));
        Collect c = read(bo.toByteArray());
        assertEquals(1, c.records.size());
        assertEquals(1, c.errors.size());
        assertTrue(c.errors.get(0).reason().contains("not UTF-8"), c.errors.get(0).reason());
    }

    @Test
    void sniffPrefersNothingStructured() {
        ListingReader r = new ListingReader();
        assertEquals(0, r.sniff("{\"id\": 1}"));
        assertEquals(0, r.sniff("<?xml version=\"1.0\"?>"));
        assertTrue(r.sniff("Title\n\n" + "Abstract text with many words. ".repeat(10)) > 0);
        assertEquals(0, r.sniff("Title\n\nShort text only"), "no paragraph long enough to be an abstract");
        assertEquals(0, r.sniff("token\tO\nother\tB-Method\n\n" + "x ".repeat(200)), "tab-separated columns");
    }
}
