package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

/** The S2ORC 2019 metadata table, and the 2020 metadata lines (read by {@link S2orcReader}) beside it. */
class S2orcTsvReaderTest {
    static final Path TSV = SharedData.path("data/s2orc-samples/v2019/metadata_sample.tsv");

    static Optional<String> detect(Path p) throws IOException {
        try (InputStream in = SourceFiles.open(p)) {
            return SourceFiles.detect(SourceFiles.head(in)).map(RecordReader::format);
        }
    }

    @Test
    void readsEveryRowOfTheRealTable() throws IOException {
        assertEquals(Optional.of(S2orcTsvReader.FORMAT), detect(TSV));
        List<String> lines = Files.readAllLines(TSV, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int doi = header.indexOf("has_doi"), arxiv = header.indexOf("has_arxiv_id"), out = header.indexOf("outbound_citations");
        long rows = lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        long dois = lines.stream().skip(1).map(l -> l.split("\t", -1)).filter(f -> !f[doi].isBlank()).count();
        long arxivs = lines.stream().skip(1).map(l -> l.split("\t", -1)).filter(f -> !f[arxiv].isBlank()).count();
        // Each citation id is one quoted string in the list.
        long citations = lines.stream().skip(1).map(l -> l.split("\t", -1)[out]).mapToLong(s -> s.chars().filter(ch -> ch == '\'').count() / 2).sum();

        RecordCollector c = RecordCollector.read(new S2orcTsvReader(), TSV);
        assertEquals(List.of(), c.errors);
        assertEquals(rows, c.records.size());
        assertEquals(dois, c.records.stream().filter(r -> r.doi() != null).count());
        assertEquals(arxivs, c.records.stream().filter(r -> r.arxivId() != null).count());
        assertEquals(citations, c.records.stream().mapToLong(r -> r.references().size()).sum());
        PaperRecord first = c.records.get(0);
        assertEquals("104172", first.otherIds().get("s2"));
        assertEquals(List.of("Gregory P. Waite", "Federica Lanza"), first.authors().stream().map(Author::name).toList());
        assertEquals("2016", first.published());
        assertEquals(2, first.position().index(), "line 2: the first row after the header");
        // Names with an apostrophe are double-quoted in the Python lists.
        assertTrue(c.records.stream().flatMap(r -> r.authors().stream()).anyMatch(a -> a.name().equals("Lucille L'Heureux")));
    }

    @Test
    void badRowsAreRejectedAtTheirLine() throws IOException {
        String text = "pid\ttitle\tauthors\tyear\toutbound_citations\n1\tA\t['X']\t2001\t['2']\n2\tB\n\tC\t[]\t2002\t[]\n4\tD\t[X]\t2003\t[]\n5\tE\t[]\t\t['1', '2']\n";
        RecordCollector c = RecordCollector.read(new S2orcTsvReader(), "m.tsv", text);
        assertEquals(List.of("1", "5"), c.records.stream().map(r -> r.otherIds().get("s2")).toList());
        assertEquals(List.of("m.tsv, line 3: line has 2 fields, the header 5", "m.tsv, line 4: no pid",
                "m.tsv, line 5: authors: expected a quoted string at 1 in [X]"), c.errors.stream().map(Object::toString).toList());
        assertEquals(2, c.records.get(1).references().size());
        assertThrows(IllegalArgumentException.class, () -> S2orcTsvReader.pythonList("['open", "authors"));
        assertEquals(List.of("a\"b", "c'd"), S2orcTsvReader.pythonList("['a\"b', \"c'd\"]", "authors"));
    }

    @Test
    void the2020MetadataLinesAreReadByTheS2orcReader() throws IOException {
        Path jsonl = SharedData.path("data/s2orc-samples/metadata/sample.jsonl");
        assertEquals(Optional.of(S2orcReader.FORMAT), detect(jsonl));
        RecordCollector c = RecordCollector.read(new S2orcReader(), jsonl);
        assertEquals(List.of(), c.errors);
        assertEquals(Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).count(), c.records.size());
    }
}
