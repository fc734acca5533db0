package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class GrobidTeiReaderTest {
    final GrobidTeiReader reader = new GrobidTeiReader();
    static final Path SOTA = SharedData.path("data/sota-leaderboards/grobid-tei-2023");

    static List<Path> teiFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tei.xml")).sorted().toList();
        }
    }

    @Test
    void everySotaTeiFileIsOnePaperWithItsReferenceList() throws Exception {
        List<Path> files = teiFiles(SOTA);
        assertEquals(100, files.size());
        Pattern bibl = Pattern.compile("<biblStruct xml:id=\"b\\d+\"");
        long records = 0, refs = 0, bibls = 0, withContext = 0;
        for (Path f : files) {
            RecordCollector c = RecordCollector.read(reader, f);
            assertTrue(c.errors.isEmpty(), c.errors.toString());
            assertEquals(1, c.records.size());
            PaperRecord r = c.records.get(0);
            // The corpus names each file by its arXiv id.
            assertEquals(f.getFileName().toString().replaceAll("(v\\d+)?\\.tei\\.xml$", ""), r.arxivId());
            records++;
            refs += r.references().size();
            withContext += r.references().stream().filter(x -> x.context() != null).count();
            Matcher m = bibl.matcher(Files.readString(f));
            while (m.find()) bibls++;
        }
        assertEquals(100, records);
        // Entries with neither a title nor an identifier are dropped; they are few.
        assertTrue(refs <= bibls && refs > bibls * 0.95, refs + " of " + bibls);
        assertTrue(withContext > refs / 2, withContext + " contexts for " + refs);
    }

    @Test
    void headerReferencesAndContextsOfOnePaper() throws Exception {
        PaperRecord r = RecordCollector.read(reader, SOTA.resolve("train/3/2104.02324v1.tei.xml")).records.get(0);
        assertEquals("Multiple Instance Active Learning for Object Detection", r.title());
        assertEquals("2104.02324", r.arxivId());
        assertEquals(6, r.authors().size());
        assertEquals(new Author("Jianzhuang Liu", null, List.of("University of Chinese Academy of Sciences", "Huawei Technologies")), r.authors().get(2));
        assertTrue(r.abstractText().startsWith("Despite the substantial progress of active learning"));
        assertTrue(r.bodyText().length() > 10_000);
        assertEquals(45, r.references().size());
        Reference first = r.references().get(0);
        assertEquals("Contextual diversity for active learning", first.title());
        assertEquals(2008, first.year());
        assertEquals(List.of("Sharat Agarwal", "Himanshu Arora", "Saket Anand", "Chetan Arora"), first.authors());
        assertTrue(first.context().contains("[30,1]"), first.context());
        assertTrue(r.references().stream().anyMatch(x -> "1612.06129".equals(x.arxivId())));
    }

    @Test
    void brokenXmlIsRejectedAtItsLineAndEntitiesAreNotExpanded() throws Exception {
        String head = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader><fileDesc><titleStmt>\n";
        RecordCollector broken = RecordCollector.read(reader, "b.tei.xml", head + "<title>T</title>\n</fileDesc></teiHeader></TEI>\n");
        assertEquals(0, broken.records.size());
        assertEquals(1, broken.errors.size());
        assertTrue(broken.errors.get(0).toString().startsWith("b.tei.xml, line 5: not well-formed TEI XML"), broken.errors.toString());

        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>&xxe;</title>"
                + "</titleStmt></fileDesc></teiHeader></TEI>\n";
        RecordCollector c = RecordCollector.read(reader, "x.tei.xml", xxe);
        for (PaperRecord r : c.records) assertFalse(String.valueOf(r.title()).contains("root"), r.title());
        assertEquals(1, c.records.size() + c.errors.size());

        RecordCollector none = RecordCollector.read(reader, "n.tei.xml", head + "</titleStmt></fileDesc></teiHeader></TEI>\n");
        assertEquals(1, none.errors.size());
        assertTrue(none.errors.get(0).reason().contains("no title"));
    }

    @Test
    void titleLessDocumentKeepsItsArxivIdFromTheFileName() throws Exception {
        Path f = SOTA.resolve("train/38/2012.01526v1.tei.xml");
        PaperRecord r = RecordCollector.read(reader, f).records.get(0);
        assertNull(r.title());
        assertEquals("2012.01526", r.arxivId());
        assertFalse(r.references().isEmpty());
    }

    @Test
    void sniffTellsTeiFromOtherXml() {
        assertEquals(10, reader.sniff("<?xml version=\"1.0\"?>\n<TEI xml:space=\"preserve\" xmlns=\"http://www.tei-c.org/ns/1.0\">"));
        assertEquals(0, reader.sniff("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    }

    /** Each figure of type table is a table: label, caption, cells with their column spans, citing sentences. */
    @Test
    void tablesWithLabelCaptionSpansAndCitingSentences() throws Exception {
        PaperRecord r = RecordCollector.read(reader, SOTA.resolve("train/127/2007.06267v2.tei.xml")).records.get(0);
        PaperTable t = r.tables().stream().filter(x -> "tab_2".equals(x.id())).findFirst().orElseThrow();
        assertEquals("Table 2", t.label());
        assertTrue(t.caption().startsWith("KGC results (MR, MRR, Hits@10) for BoxE and competing approaches"), t.caption());
        assertEquals(new TableCell("FB15k-237", 2, 1, false, false), t.rows().get(0).get(2));
        assertEquals(List.of("BoxE(a)", "163", ".337", ".538", "3207", ".451", ".541", "1022", ".560", ".691"),
                t.rows().get(7).stream().map(TableCell::text).toList());
        assertEquals("Knowledge graph completion", t.section());
        assertEquals(1, t.mentions().size());
        assertTrue(t.mentions().get(0).contains("Table 2"), t.mentions().toString());
        // The table's heading is no longer body text; a figure's still is.
        assertFalse(r.bodyText().contains("Table 2 :"));
    }

    /**
     * IEEE layouts number tables in Roman numerals, and GROBID leaves the caption's first words in {@code <head>}
     * ("TABLE II AUC" over the {@code figDesc} "OF LINK PREDICTION."): the table is "Table II", its caption starts
     * with those words, and the sentences citing "Table II" (not "Table III") are its mentions.
     */
    @Test
    void romanNumberedTablesKeepTheirLabelCaptionWordsAndCitingSentences() throws Exception {
        String tei = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
                + "<title>Sampled networks</title></titleStmt></fileDesc></teiHeader><text><body>"
                + "<div><head>Experiments</head><p>Table II shows the link prediction results. Table III lists the running times.</p></div>"
                + "<figure type=\"table\" xml:id=\"tab_1\"><head>TABLE II AUC</head><label>II</label>"
                + "<figDesc>OF LINK PREDICTION.</figDesc><table><row><cell>Algorithm</cell><cell>Yelp</cell></row>"
                + "<row><cell>Ours</cell><cell>0.901</cell></row></table></figure>"
                + "<figure type=\"table\" xml:id=\"tab_2\"><head>TABLE III</head><label>III</label>"
                + "<figDesc>Running times.</figDesc></figure>"
                + "<figure type=\"table\" xml:id=\"tab_3\"><head>Table 4 .Table 5 .</head><label>4</label>"
                + "<figDesc>Ablation.</figDesc></figure>"
                + "</body></text></TEI>\n";
        PaperRecord r = RecordCollector.read(reader, "ieee.tei.xml", tei).records.get(0);
        PaperTable two = r.tables().get(0), three = r.tables().get(1), four = r.tables().get(2);
        assertEquals("Table II", two.label());
        assertEquals("AUC OF LINK PREDICTION.", two.caption());
        assertEquals(List.of("Table II shows the link prediction results."), two.mentions());
        assertEquals("Table III", three.label());
        assertEquals("Running times.", three.caption());
        assertEquals(List.of("Table III lists the running times."), three.mentions());
        // A head that only repeats table numbers adds nothing to the caption.
        assertEquals("Ablation.", four.caption());
    }

    @Test
    void theSotaTeiPapersHoldTheirTables() throws Exception {
        long tables = 0, labelled = 0, withCells = 0, cited = 0;
        for (Path f : teiFiles(SOTA)) {
            for (PaperTable t : RecordCollector.read(reader, f).records.get(0).tables()) {
                tables++;
                if (t.label() != null) labelled++;
                if (!t.rows().isEmpty()) withCells++;
                if (!t.mentions().isEmpty()) cited++;
            }
        }
        // Counted in the files: 490 <figure type="table"> elements.
        assertEquals(490, tables);
        assertTrue(labelled > 330 && withCells > 380 && cited > 300, labelled + " labelled, " + withCells + " with cells, " + cited + " cited");
    }
}
