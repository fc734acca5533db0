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

class S2orcReaderTest {
    final S2orcReader reader = new S2orcReader();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metadataLinesCarryOutboundCitations() throws Exception {
        Path f = SharedData.path("data/s2orc-samples/metadata/sample.jsonl");
        long lines = 0, outbound = 0;
        for (String l : Files.readAllLines(f)) {
            if (l.isBlank()) continue;
            lines++;
            outbound += JSON.readTree(l).get("outbound_citations").size();
        }
        RecordCollector c = RecordCollector.read(reader, f);
        assertEquals(List.of(), c.errors);
        assertEquals(lines, c.records.size());
        assertEquals(outbound, c.records.stream().mapToLong(r -> r.references().size()).sum());
        assertTrue(c.records.stream().allMatch(r -> r.otherIds().containsKey("s2")));
    }

    @Test
    void doc2jsonPaperHasBibEntriesWithCitationContexts() throws Exception {
        Path f = SharedData.path("data/s2orc-doc2json-fixtures/pdf/N18-3011.json");
        JsonNode raw = JSON.readTree(f.toFile());
        PaperRecord r = RecordCollector.read(reader, f).records.get(0);
        assertEquals("Construction of the Literature Graph in Semantic Scholar", r.title());
        assertEquals(raw.get("pdf_parse").get("bib_entries").size(), r.references().size());
        Reference second = r.references().get(1);
        assertEquals(2017, second.year());
        assertTrue(second.context() != null && second.context().contains("SemEval-2017 Task 10"), second.context());
        assertTrue(r.bodyText().length() > 10_000);
    }

    @Test
    void everyReleaseShapeReads() throws Exception {
        for (String p : List.of("s2orc/20190928/10045593.json", "s2orc/20200705/18980463.json",
                "s2orc/20210101/24e6b80e338a4e543de6b49cada07156c9149d22.json")) {
            Path f = SharedData.path("data/s2orc-doc2json-fixtures/" + p);
            JsonNode raw = JSON.readTree(f.toFile());
            JsonNode parse = raw.has("grobid_parse") ? raw.get("grobid_parse") : raw;
            RecordCollector c = RecordCollector.read(reader, f);
            assertEquals(1, c.records.size(), p + ": " + c.errors);
            assertEquals(raw.get("paper_id").asText(), c.records.get(0).otherIds().get("s2"));
            assertTrue(c.records.get(0).references().size() <= parse.get("bib_entries").size());
            assertTrue(c.records.get(0).references().size() >= parse.get("bib_entries").size() * 0.9, p);
        }
    }

    @Test
    void badLinesAreRejectedAndSniffLeavesOthersAlone() throws Exception {
        RecordCollector c = RecordCollector.read(reader, "s.jsonl",
                "{\"paper_id\": \"1\", \"title\": \"A\", \"outbound_citations\": [\"2\"]}\n{\"paper_id\": \n{\"title\": \"no id\"}\n");
        assertEquals(1, c.records.size());
        assertEquals(2, c.errors.size());
        assertTrue(c.errors.get(0).toString().startsWith("s.jsonl, line 2: not valid JSON"), c.errors.toString());
        assertTrue(c.errors.get(1).toString().startsWith("s.jsonl, line 3: no paper_id"), c.errors.toString());
        assertEquals(10, reader.sniff(Files.readString(SharedData.path("data/s2orc-samples/metadata/sample.jsonl")).substring(0, 3000)));
        assertEquals(0, reader.sniff("{\"id\": \"0704.0001\", \"submitter\": \"x\", \"versions\": []}\n"));
        assertEquals(0, reader.sniff("{\"arxiv\": \"2101.00001\", \"title\": \"t\", \"cites\": []}\n"));
    }
}
