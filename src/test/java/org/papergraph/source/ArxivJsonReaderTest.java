package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class ArxivJsonReaderTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Path sample() {
        return SharedData.path("data/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl");
    }

    static List<String> sampleLines() throws IOException {
        return Files.readAllLines(sample(), StandardCharsets.UTF_8);
    }

    static ListingReaderTest.Collect read(byte[] bytes) throws IOException {
        ListingReaderTest.Collect c = new ListingReaderTest.Collect();
        try (InputStream in = SourceFiles.decode(new ByteArrayInputStream(bytes))) {
            new ArxivJsonReader().read(in, "test.jsonl", c);
        }
        return c;
    }

    static byte[] utf8(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static PaperRecord byId(List<PaperRecord> records, String id) {
        return records.stream().filter(r -> id.equals(r.arxivId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void everyLineOfTheSampleIsOneRecordInOrder() throws IOException {
        List<String> lines = sampleLines();
        // Independent of the reader: the id each line states, by pattern.
        Pattern idField = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            if (l.isBlank()) continue;
            Matcher m = idField.matcher(l);
            assertTrue(m.find(), l);
            ids.add(m.group(1));
        }
        assertEquals(200, ids.size());
        ListingReaderTest.Collect c = read(Files.readAllBytes(sample()));
        assertEquals(List.of(), c.errors);
        assertEquals(ids, c.records.stream().map(PaperRecord::arxivId).toList());
        for (int i = 0; i < c.records.size(); i++) {
            PaperRecord r = c.records.get(i);
            assertEquals(i + 1, r.position().index());
            assertEquals("line", r.position().unit());
            assertEquals(ArxivJsonReader.FORMAT, r.format());
            assertTrue(r.title() != null && r.abstractText() != null && !r.authors().isEmpty(), r.toString());
            assertTrue(r.published() != null && r.published().matches("\\d{4}-\\d{2}-\\d{2}"), r.toString());
            assertTrue(!r.categories().isEmpty() && r.arxivVersions().get(0).equals("v1"), r.toString());
        }
    }

    @Test
    void fieldsOfTheFirstRecordsMatchTheFile() throws IOException {
        List<PaperRecord> rs = read(Files.readAllBytes(sample())).records;
        PaperRecord r = rs.get(0);
        assertEquals("0704.0001", r.arxivId());
        assertEquals("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", r.title());
        assertEquals(List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"),
                r.authors().stream().map(Author::name).toList());
        assertEquals("10.1103/PhysRevD.76.013009", r.doi());
        assertEquals("Phys.Rev.D76:013009,2007", r.journalRef());
        assertEquals(List.of("v1", "v2"), r.arxivVersions());
        assertEquals("2007-04-02", r.published());
        assertEquals("2008-11-26", r.updated());
        assertEquals(List.of("hep-ph"), r.categories());
        assertTrue(r.abstractText().startsWith("A fully differential calculation in perturbative quantum chromodynamics is presented"));

        PaperRecord second = rs.get(1);
        assertEquals("0704.0002", second.arxivId());
        assertEquals(List.of("math.CO", "cs.CG"), second.categories());
        assertEquals(List.of("Ileana Streinu", "Louis Theran"), second.authors().stream().map(Author::name).toList());
        assertNull(second.doi());
        assertNull(second.journalRef());
        assertEquals("2007-03-31", second.published());
        assertEquals("2008-12-13", second.updated());
    }

    @Test
    void affiliationsAreKeptButFootnoteMarksAreNot() throws IOException {
        List<PaperRecord> rs = read(Files.readAllBytes(sample())).records;
        Author jaffe = byId(rs, "0704.0052").authors().get(0);
        assertEquals("Arthur Jaffe", jaffe.name());
        assertEquals(List.of("Harvard University"), jaffe.affiliations());
        // 0704.0025 gives "1 and 2" as an affiliation: a footnote mark, not an institution
        assertEquals(List.of(), byId(rs, "0704.0025").authors().get(0).affiliations());
        // authors_parsed wraps long affiliations; they come out on one line
        assertEquals(List.of("Institut für Theoretische und Angewandte Physik, Universität Stuttgart"),
                byId(rs, "0704.0163").authors().get(0).affiliations());
    }

    @Test
    void onlyTheFirstOfSeveralDoisIsTaken() throws IOException {
        List<PaperRecord> rs = read(Files.readAllBytes(sample())).records;
        assertEquals("10.1364/JOSAA.23.002578", byId(rs, "0704.0033").doi());
    }

    @Test
    void authorStringIsSplitWhenAuthorsParsedIsMissing() throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : sampleLines()) {
            ObjectNode o = (ObjectNode) JSON.readTree(l);
            String id = o.get("id").asText();
            if (id.equals("0704.0001") || id.equals("0704.0062") || id.equals("0704.0199") || id.equals("0704.0049")) {
                o.remove("authors_parsed");
                out.add(JSON.writeValueAsString(o));
            }
        }
        List<PaperRecord> rs = read(utf8(out)).records;
        assertEquals(List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"), names(rs.get(0)));
        assertEquals(List.of("Mikkel Øbro"), names(rs.get(1)));
        assertEquals(List.of("Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař"), names(rs.get(2)));
        assertEquals(List.of("Christian Krattenthaler", "Thomas Müller"), names(rs.get(3)));
    }

    static List<String> names(PaperRecord r) {
        return r.authors().stream().map(Author::name).toList();
    }

    @Test
    void texAccentsInTheSampleMatchTheParsedUnicodeNames() throws IOException {
        // The snapshot states each name twice: TeX in "authors", Unicode in "authors_parsed". Converting the
        // first must give the second's surnames.
        int checked = 0;
        for (String l : sampleLines()) {
            JsonNode o = JSON.readTree(l);
            String authors = o.get("authors").asText();
            if (!authors.contains("\\")) continue;
            String converted = TexAccents.toUnicode(authors);
            for (JsonNode a : o.get("authors_parsed")) {
                String last = a.get(0).asText();
                assertTrue(converted.contains(last), converted + " lacks " + last);
                checked++;
            }
        }
        assertTrue(checked >= 10, "only " + checked + " names checked");
        assertEquals("José Núñez", TexAccents.toUnicode("Jos\\'{e} N\\'u\\~nez"));
        assertEquals("Martí", TexAccents.toUnicode("Mart\\'{\\i}"));
        assertEquals("Łukasz Grüße", TexAccents.toUnicode("{\\L}ukasz Gr\\\"u\\ss e"));
        // Commands it does not know stay as written.
        assertEquals("\\foo Bar", TexAccents.toUnicode("\\foo Bar"));
    }

    @Test
    void byteOrderMarkBeforeTheFirstLineIsIgnored() throws IOException {
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 2));
        lines.set(0, "\uFEFF" + lines.get(0));
        ListingReaderTest.Collect c = read(utf8(lines));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("0704.0001", "0704.0002"), c.records.stream().map(PaperRecord::arxivId).toList());
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(Files.readAllBytes(sample()));
        }
        ListingReaderTest.Collect c = read(bo.toByteArray());
        assertEquals(200, c.records.size());
        assertEquals(List.of(), c.errors);
    }

    @Test
    void truncatedLineInTheMiddleIsRejectedAtItsLineAndTheOthersRead() throws IOException {
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 6));
        lines.set(2, lines.get(2).substring(0, lines.get(2).length() / 2));
        lines.add(3, "");   // a blank line is skipped but still counted
        ListingReaderTest.Collect c = read(utf8(lines));
        assertEquals(List.of("0704.0001", "0704.0002", "0704.0004", "0704.0005", "0704.0006"),
                c.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals(List.of(1L, 2L, 5L, 6L, 7L), c.records.stream().map(r -> r.position().index()).toList());
        assertEquals(1, c.errors.size());
        RecordError e = c.errors.get(0);
        assertEquals("test.jsonl, line 3", e.position().toString());
        assertTrue(e.reason().startsWith("not valid JSON"), e.reason());
    }

    @Test
    void invalidUtf8LineIsRejectedAndTheNextLineReads() throws IOException {
        List<String> lines = sampleLines().subList(0, 3);
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        bo.write((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] second = (lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8);
        int t = lines.get(1).indexOf("Sparsity");
        second[t] = (byte) 0xC3;      // a lead byte followed by ASCII: not UTF-8
        second[t + 1] = (byte) 0x28;
        bo.write(second);
        bo.write((lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        ListingReaderTest.Collect c = read(bo.toByteArray());
        assertEquals(List.of("0704.0001", "0704.0003"), c.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals(1, c.errors.size());
        assertEquals(2, c.errors.get(0).position().index());
        assertTrue(c.errors.get(0).reason().contains("not UTF-8"), c.errors.get(0).reason());
    }

    @Test
    void missingTitleNonObjectsAndTrailingGarbageAreRejected() throws IOException {
        List<String> lines = sampleLines();
        ObjectNode noTitle = (ObjectNode) JSON.readTree(lines.get(1));
        noTitle.remove("title");
        ObjectNode blankTitle = (ObjectNode) JSON.readTree(lines.get(2));
        blankTitle.put("title", "  \n ");
        List<String> in = List.of(lines.get(0), JSON.writeValueAsString(noTitle), "[1, 2]",
                lines.get(3) + " {}", JSON.writeValueAsString(blankTitle), "\"just a string\"", lines.get(4));
        ListingReaderTest.Collect c = read(utf8(in));
        assertEquals(List.of("0704.0001", "0704.0005"), c.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), c.errors.stream().map(e -> e.position().index()).toList());
        assertEquals("missing title", c.errors.get(0).reason());
        assertTrue(c.errors.get(1).reason().contains("not a JSON object"), c.errors.get(1).reason());
        assertTrue(c.errors.get(2).reason().startsWith("not valid JSON"), c.errors.get(2).reason());
        assertEquals("empty title", c.errors.get(3).reason());
        assertTrue(c.errors.get(4).reason().contains("not a JSON object"), c.errors.get(4).reason());
    }

    @Test
    void recordsWithoutAnArxivIdAreRejected() throws IOException {
        List<String> lines = sampleLines();
        ObjectNode openalex = (ObjectNode) JSON.readTree(lines.get(1));
        openalex.put("id", "https://openalex.org/W2741809807");
        ObjectNode noId = (ObjectNode) JSON.readTree(lines.get(2));
        noId.remove("id");
        ObjectNode versioned = (ObjectNode) JSON.readTree(lines.get(3));
        versioned.put("id", "0704.0004v2");
        ListingReaderTest.Collect c = read(utf8(List.of(JSON.writeValueAsString(openalex), JSON.writeValueAsString(noId),
                JSON.writeValueAsString(versioned))));
        assertEquals(List.of("0704.0004"), c.records.stream().map(PaperRecord::arxivId).toList());
        assertEquals("id 'https://openalex.org/W2741809807' is not an arXiv identifier", c.errors.get(0).reason());
        assertEquals("missing id", c.errors.get(1).reason());
    }

    @Test
    void sniffClaimsTheSnapshotAndNotOtherJsonLines() throws IOException {
        ArxivJsonReader r = new ArxivJsonReader();
        String head;
        try (InputStream in = SourceFiles.open(sample())) {
            head = SourceFiles.head(in);
        }
        assertEquals(10, r.sniff(head));
        // Shapes of other JSON-lines sources: same "id"/"title" words, not the arXiv combination.
        assertEquals(0, r.sniff("{\"id\":\"https://openalex.org/W2741809807\",\"title\":\"T\",\"authorships\":[]}\n"));
        assertEquals(0, r.sniff("{\"corpusid\":123,\"title\":\"T\",\"authors\":[],\"abstract\":\"A\"}\n"));
        assertEquals(0, r.sniff("{\"paper_id\":\"x\",\"metadata\":{\"id\":\"2103.00020\",\"title\":\"T\"},\"abstract\":[]}\n"));
        assertEquals(0, r.sniff("{\"id\":\"W1\",\"title\":\"T\",\"abstract\":\"A\"}\n"));
        assertEquals(0, r.sniff("[{\"id\":\"0704.0001\",\"title\":\"T\",\"abstract\":\"A\"}]"));
        assertEquals(0, r.sniff(new String(Files.readAllBytes(SharedData.listing()), StandardCharsets.UTF_8)));
        // A first line longer than the 8 KiB head is judged by its start, with less certainty.
        String longLine = sampleLines().get(0).replace("\"abstract\":\"", "\"abstract\":\"" + "x ".repeat(6000));
        assertEquals(5, r.sniff(longLine.substring(0, 8192)));
        assertEquals(0, r.sniff(longLine.substring(0, 8192).replace("0704.0001", "W0704")));
        // Old-style ids count too.
        assertEquals(10, r.sniff("\n{\"id\":\"hep-th/9901001\",\"title\":\"T\",\"versions\":[]}\n"));
    }
}
