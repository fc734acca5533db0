package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class OpenAlexWorksReaderTest {
    final OpenAlexWorksReader reader = new OpenAlexWorksReader();
    static final Path API = SharedData.path("data/openalex-samples/api/W2741809807.json");
    static final Path SNAPSHOT_WORK = SharedData.path("data/openalex-samples/snapshot/works/W2741809807");
    static final Path PART = SharedData.path("data/openalex-samples/snapshot/works/updated_date=2023-05-16/part_000.gz");

    @Test
    void apiWorkHasIdsAuthorsAbstractAndReferences() throws Exception {
        JsonNode raw = new ObjectMapper().readTree(Files.readString(API));
        RecordCollector c = RecordCollector.read(reader, API);
        assertEquals(List.of(), c.errors);
        PaperRecord r = c.records.get(0);
        assertEquals("W2741809807", r.otherIds().get("openalex"));
        assertEquals("https://doi.org/10.7717/peerj.4375", r.doi());
        assertEquals("2018-02-13", r.published());
        assertEquals(raw.get("authorships").size(), r.authors().size());
        assertEquals(new Author("Heather Piwowar", "0000-0003-1613-5981", List.of("Impact Technology Development (United States)")), r.authors().get(0));
        assertEquals(raw.get("referenced_works").size(), r.references().size());
        assertTrue(r.references().stream().allMatch(x -> x.otherIds().get("openalex").startsWith("W")));
        // The abstract has one word per position of the inverted index, in position order.
        long positions = 0;
        String firstWord = null;
        for (var it = raw.get("abstract_inverted_index").fields(); it.hasNext(); ) {
            var e = it.next();
            positions += e.getValue().size();
            for (JsonNode p : e.getValue()) if (p.asInt() == 0) firstWord = e.getKey();
        }
        String[] words = r.abstractText().split(" ");
        assertTrue(words.length >= positions - 5 && words.length <= positions, words.length + " words for " + positions + " positions");
        assertEquals(firstWord, words[0]);
    }

    @Test
    void snapshotLinesAreOneWorkEach() throws Exception {
        long lines;
        try (var in = SourceFiles.open(PART)) { lines = new String(in.readAllBytes()).lines().filter(l -> !l.isBlank()).count(); }
        RecordCollector c = RecordCollector.read(reader, PART);
        assertEquals(27, lines);
        assertEquals(lines, c.records.size());
        assertTrue(c.records.stream().allMatch(r -> r.doi() != null && r.otherIds().containsKey("openalex")));
        assertEquals(35, RecordCollector.read(reader, SNAPSHOT_WORK).records.get(0).references().size());
    }

    @Test
    void badLinesAreRejectedByLineAndOthersRead() throws Exception {
        String jsonl = "{\"id\": \"https://openalex.org/W1\", \"title\": \"One\", \"publication_year\": 2020}\n"
                + "{\"id\": \"https://openalex.org/W2\", \"title\": \n"
                + "{\"id\": \"https://openalex.org/A5023888391\", \"display_name\": \"Someone\"}\n"
                + "[1, 2]\n"
                + "{\"id\": \"https://openalex.org/W3\", \"title\": \"Three\", \"referenced_works\": [\"https://openalex.org/W1\"], "
                + "\"abstract_inverted_index\": {\"b\": [1], \"a\": [0, 2]}}\n";
        RecordCollector c = RecordCollector.read(reader, "w.jsonl", jsonl);
        assertEquals(List.of("One", "Three"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals("a b a", c.records.get(1).abstractText());
        assertEquals(3, c.errors.size());
        assertTrue(c.errors.get(0).toString().startsWith("w.jsonl, line 2: not valid JSON"), c.errors.toString());
        assertTrue(c.errors.get(1).toString().startsWith("w.jsonl, line 3: not an OpenAlex work"), c.errors.toString());
        assertTrue(c.errors.get(2).toString().startsWith("w.jsonl, line 4: not a JSON object"), c.errors.toString());
    }

    @Test
    void sniffClaimsWorksOnly() throws Exception {
        assertEquals(10, reader.sniff(Files.readString(API).substring(0, 4000)));
        assertEquals(0, reader.sniff(Files.readString(SharedData.path("data/openalex-samples/snapshot/works/manifest")).substring(0, 2000)));
        assertEquals(0, reader.sniff("{\"id\": \"0704.0001\", \"submitter\": \"x\", \"versions\": []}\n"));
        assertEquals(0, reader.sniff("{\"arxiv\": \"2101.00001\", \"title\": \"t\", \"cites\": []}\n"));
    }
}
