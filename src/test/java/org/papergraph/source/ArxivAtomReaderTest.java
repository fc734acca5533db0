package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.papergraph.SharedData;

class ArxivAtomReaderTest {
    static final String DIR = "data/arxiv-api-atom/";
    static final String XIV = DIR + "xiv_cs.RO_neural_2025-10.xml";
    static final String ZOIA = DIR + "zoia_id_list_1601.00001_2020-09.xml";
    static final String DIGEST = DIR + "arxiv-digest_all_nicotine_2026-07.xml";
    static final String EMPTY = DIR + "xiv_empty.xml";

    @TempDir Path tmp;

    static String fixture(String rel) throws IOException {
        return Files.readString(SharedData.path(rel), StandardCharsets.UTF_8);
    }

    static ListingReaderTest.Collect read(byte[] bytes) throws IOException {
        ListingReaderTest.Collect c = new ListingReaderTest.Collect();
        try (InputStream in = SourceFiles.decode(new ByteArrayInputStream(bytes))) {
            new ArxivAtomReader().read(in, "test.xml", c);
        }
        return c;
    }

    static ListingReaderTest.Collect read(String xml) throws IOException {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> names(PaperRecord r) {
        return r.authors().stream().map(Author::name).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {XIV, ZOIA, DIGEST, EMPTY})
    void everyEntryOfEachFixtureIsRead(String rel) throws IOException {
        String xml = fixture(rel);
        // Independent of the reader: the entries' ids, by pattern.
        Matcher m = Pattern.compile("<entry>\\s*<id>http://arxiv\\.org/abs/([^<]+?)(v\\d+)?</id>").matcher(xml);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        assertEquals(xml.split("<entry>", -1).length - 1, ids.size());
        ListingReaderTest.Collect c = read(xml);
        assertEquals(List.of(), c.errors);
        assertEquals(ids, c.records.stream().map(PaperRecord::arxivId).toList());
        for (int i = 0; i < c.records.size(); i++) {
            PaperRecord r = c.records.get(i);
            assertEquals("entry", r.position().unit());
            assertEquals(i + 1, r.position().index());
            assertTrue(r.title() != null && r.abstractText() != null && !r.authors().isEmpty(), r.toString());
            assertTrue(r.published().matches("\\d{4}-\\d{2}-\\d{2}") && r.updated().matches("\\d{4}-\\d{2}-\\d{2}"));
            assertEquals(1, r.arxivVersions().size());
            assertFalse(r.categories().isEmpty());
        }
    }

    @Test
    void fixtureCounts() throws IOException {
        assertEquals(2, read(fixture(XIV)).records.size());
        assertEquals(1, read(fixture(ZOIA)).records.size());
        assertEquals(10, read(fixture(DIGEST)).records.size());
        ListingReaderTest.Collect empty = read(fixture(EMPTY));
        assertEquals(0, empty.records.size());
        assertEquals(0, empty.errors.size());
    }

    @Test
    void fieldsOfTheXivEntries() throws IOException {
        List<PaperRecord> rs = read(fixture(XIV)).records;
        PaperRecord r = rs.get(0);
        assertEquals("2510.14968", r.arxivId());
        assertEquals(List.of("v1"), r.arxivVersions());
        assertEquals("RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", r.title());
        assertTrue(r.abstractText().startsWith("To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs)"));
        assertEquals(List.of("Mingxuan Yan", "Yuping Wang", "Zechun Liu", "Jiachen Li"), names(r));
        assertEquals(List.of("cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"), r.categories());
        assertEquals("2025-10-16", r.published());
        assertEquals("2025-10-16", r.updated());
        assertNull(r.doi());
        assertNull(r.journalRef());
        assertEquals(6, rs.get(1).authors().size());
        assertEquals("Martin Magnusson", names(rs.get(1)).get(5));
    }

    @Test
    void doiAndJournalRef() throws IOException {
        PaperRecord r = read(fixture(ZOIA)).records.get(0);
        assertEquals("1601.00001", r.arxivId());
        assertEquals("10.1063/1.4944470", r.doi());
        assertEquals("J. Chem. Phys. 144, 124107 (2016)", r.journalRef());
        assertEquals(List.of("Michael Kilgour", "Dvira Segal"), names(r));
        assertEquals(List.of("cond-mat.mes-hall"), r.categories());
        assertEquals("2015-12-26", r.published());
    }

    @Test
    void newerApiStyleWithOldStyleIdsAndVersions() throws IOException {
        List<PaperRecord> rs = read(fixture(DIGEST)).records;
        PaperRecord first = rs.get(0);
        assertEquals("1509.01687", first.arxivId());
        assertEquals("10.1063/1.4904358", first.doi());
        assertEquals("Journal of Applied Physics 116, 244307 (2014)", first.journalRef());
        assertEquals(List.of("cond-mat.mes-hall", "physics.comp-ph"), first.categories());
        PaperRecord old = rs.stream().filter(r -> "q-bio/0509018".equals(r.arxivId())).findFirst().orElseThrow();
        assertEquals(List.of("v2"), old.arxivVersions());
        assertEquals("2005-09-15", old.published());
        assertEquals("Karine Guimarães", names(rs.get(4)).get(0));
    }

    @Test
    void primaryCategoryComesFirstWhereverItIsWritten() throws IOException {
        String xml = fixture(DIGEST).replace("<arxiv:primary_category term=\"cond-mat.mes-hall\"/>",
                "<arxiv:primary_category term=\"physics.comp-ph\"/>");
        assertEquals(List.of("physics.comp-ph", "cond-mat.mes-hall"), read(xml).records.get(0).categories());
    }

    @Test
    void affiliationsAreKeptPerAuthor() throws IOException {
        String xml = fixture(XIV).replace("<name>Yuping Wang</name>",
                "<name>Yuping Wang</name><arxiv:affiliation xmlns:arxiv=\"http://arxiv.org/schemas/atom\">Univ  A</arxiv:affiliation>"
                        + "<arxiv:affiliation xmlns:arxiv=\"http://arxiv.org/schemas/atom\">Lab B</arxiv:affiliation>");
        PaperRecord r = read(xml).records.get(0);
        assertEquals(List.of(), r.authors().get(0).affiliations());
        assertEquals(List.of("Univ A", "Lab B"), r.authors().get(1).affiliations());
        assertEquals(List.of("Mingxuan Yan", "Yuping Wang", "Zechun Liu", "Jiachen Li"), names(r));
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(Files.readAllBytes(SharedData.path(DIGEST)));
        }
        assertEquals(10, read(bo.toByteArray()).records.size());
    }

    @Test
    void aBrokenStreamIsAnIOExceptionNotARejection() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(Files.readAllBytes(SharedData.path(DIGEST)));
        }
        byte[] cut = java.util.Arrays.copyOf(bo.toByteArray(), bo.size() / 2);
        ListingReaderTest.Collect c = new ListingReaderTest.Collect();
        assertThrows(IOException.class, () -> {
            try (InputStream in = SourceFiles.decode(new ByteArrayInputStream(cut))) {
                new ArxivAtomReader().read(in, "test.xml.gz", c);
            }
        });
        assertTrue(c.records.size() < 10);
        assertEquals(List.of(), c.errors);
    }

    @Test
    void entryWithoutTitleIsRejectedAndTheNextRead() throws IOException {
        String xml = fixture(XIV);
        int start = xml.indexOf("<title>RDD");
        int end = xml.indexOf("</title>", start) + "</title>".length();
        ListingReaderTest.Collect c = read(xml.substring(0, start) + xml.substring(end));
        assertEquals(List.of("2510.14827"), c.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals(2, c.records.get(0).position().index());
        assertEquals(1, c.errors.size());
        assertEquals("test.xml, entry 1", c.errors.get(0).position().toString());
        assertTrue(c.errors.get(0).reason().contains("no title"), c.errors.get(0).reason());
    }

    @Test
    void malformedXmlKeepsTheEntriesBeforeItAndRejectsOnce() throws IOException {
        String xml = fixture(DIGEST);
        // Cut the document inside the fourth entry's summary.
        int fourth = nthIndex(xml, "<entry>", 4);
        String cut = xml.substring(0, xml.indexOf("<summary>", fourth) + 40);
        ListingReaderTest.Collect c = read(cut);
        assertEquals(3, c.records.size());
        assertEquals(1, c.errors.size());
        RecordError e = c.errors.get(0);
        assertEquals("test.xml, entry 4", e.position().toString());
        assertTrue(e.reason().startsWith("malformed XML at line "), e.reason());

        // A mismatched end tag in the second entry: the first is kept, the fault names entry 2 and its line.
        String xiv = fixture(XIV);
        int line = (int) xiv.substring(0, xiv.indexOf("<name>Yufei Zhu</name>")).lines().count();
        ListingReaderTest.Collect c2 = read(xiv.replace("<name>Yufei Zhu</name>", "<name>Yufei Zhu</nam>"));
        assertEquals(List.of("2510.14968"), c2.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals(1, c2.errors.size());
        assertEquals(2, c2.errors.get(0).position().index());
        assertTrue(c2.errors.get(0).reason().contains("line " + line), c2.errors.get(0).reason());
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedXml() throws IOException {
        byte[] bytes = fixture(XIV).getBytes(StandardCharsets.UTF_8);
        int at = fixture(XIV).indexOf("Neural Implicit");  // ASCII before it, so char index = byte index
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        ListingReaderTest.Collect c = read(bytes);
        assertEquals(1, c.records.size());
        assertEquals(1, c.errors.size());
        assertEquals(2, c.errors.get(0).position().index());
        assertTrue(c.errors.get(0).reason().startsWith("malformed XML"), c.errors.get(0).reason());
    }

    @Test
    void apiErrorEntryIsRejectedWithItsMessage() throws IOException {
        // The shape of the arXiv API's reply to a bad id_list: one entry under /api/errors.
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345v99</title>
                  <id>http://arxiv.org/api/abcdef</id>
                  <entry>
                    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345v99</id>
                    <title>Error</title>
                    <summary>incorrect id format for 1234.12345v99</summary>
                    <updated>2020-01-01T00:00:00-05:00</updated>
                    <author><name>arXiv api core</name></author>
                  </entry>
                </feed>
                """;
        ListingReaderTest.Collect c = read(xml);
        assertEquals(0, c.records.size());
        assertEquals(1, c.errors.size());
        assertEquals("arXiv API error: incorrect id format for 1234.12345v99", c.errors.get(0).reason());
        assertEquals(10, new ArxivAtomReader().sniff(xml));
    }

    @Test
    void externalEntityIsNeverRead() throws IOException {
        String secret = "TOP-SECRET-" + System.nanoTime();
        Path file = tmp.resolve("secret.txt");
        Files.writeString(file, secret);
        String xiv = fixture(XIV);
        String doctype = "<!DOCTYPE feed [ <!ENTITY xxe SYSTEM \"" + file.toUri() + "\"> ]>\n";
        String body = xiv.substring(xiv.indexOf("?>") + 2);
        // The entity is used in the second entry's title and summary; the first entry carries no reference.
        String xml = xiv.substring(0, xiv.indexOf("?>") + 2) + "\n" + doctype
                + body.replace("<title>Neural Implicit", "<title>&xxe; Neural Implicit")
                      .replace("<summary>  Safe and", "<summary>&xxe; Safe and");
        ListingReaderTest.Collect c = read(xml);
        for (PaperRecord r : c.records) {
            assertFalse(String.valueOf(r.title()).contains(secret), r.title());
            assertFalse(String.valueOf(r.abstractText()).contains(secret));
        }
        for (RecordError e : c.errors) assertFalse(e.reason().contains(secret), e.reason());
        // Refused rather than silently read: the entry with the reference does not come through.
        assertTrue(c.records.stream().noneMatch(r -> "2510.14827".equals(r.arxivId())), c.records.toString());
        assertEquals(1, c.errors.size(), c.errors.toString());
    }

    @Test
    void parameterEntityAndExternalDtdAreNotFetched() throws IOException {
        String secret = "PARAM-SECRET-" + System.nanoTime();
        Path file = tmp.resolve("evil.dtd");
        Files.writeString(file, "<!ENTITY leak \"" + secret + "\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [ <!ENTITY % ext SYSTEM \"" + file.toUri() + "\"> %ext; ]>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2101.00001v1</id>"
                + "<title>T &leak;</title><summary>S</summary></entry></feed>";
        ListingReaderTest.Collect c = read(xml);
        assertTrue(c.records.stream().noneMatch(r -> r.title().contains(secret)));
        assertTrue(c.errors.stream().noneMatch(e -> e.reason().contains(secret)));
        assertEquals(1, c.errors.size() + c.records.size());
    }

    @Test
    void entityExpansionBombIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE feed [ <!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                + "<id>http://arxiv.org/abs/2101.00001v1</id><title>&l10;</title></entry></feed>";
        ListingReaderTest.Collect c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(xml));
        assertEquals(0, c.records.size());
        assertEquals(1, c.errors.size());
    }

    @Test
    void sniffClaimsArxivFeedsOnly() throws IOException {
        ArxivAtomReader r = new ArxivAtomReader();
        for (String f : List.of(XIV, ZOIA, DIGEST, EMPTY)) assertEquals(10, r.sniff(fixture(f)), f);
        assertEquals(0, r.sniff("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title></feed>"));
        assertEquals(0, r.sniff("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">arxiv.org/api</TEI>"));
        assertEquals(0, r.sniff(fixture(DIR + "zoia_semanticscholar_api_1601.00001.json")));
    }

    static int nthIndex(String s, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) at = s.indexOf(part, at + 1);
        return at;
    }
}
