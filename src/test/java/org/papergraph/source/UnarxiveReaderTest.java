package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;

class UnarxiveReaderTest {
    @TempDir Path tmp;

    /** Extracts the one JSON Lines file of the sample archive (a plain ustar tar inside gzip). */
    static Path extract(Path archive, Path dir) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").strip();
                long size = Long.parseLong(new String(header, 124, 12, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").strip(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (name.endsWith(".jsonl")) {
                    Path out = dir.resolve(Path.of(name).getFileName());
                    Files.write(out, body);
                    return out;
                }
            }
        }
        throw new AssertionError("no .jsonl in " + archive);
    }

    @Test
    void sampleReadsEveryPaperWithLinkedReferences() throws Exception {
        Path f = extract(SharedData.path("data/unarxive-sample/unarXive_data_sample.tar.gz"), tmp);
        ObjectMapper json = new ObjectMapper();
        long papers = 0, linked = 0;
        for (String l : Files.readAllLines(f)) {
            if (l.isBlank()) continue;
            papers++;
            for (JsonNode e : json.readTree(l).get("bib_entries")) {
                JsonNode ids = e.get("ids");
                boolean any = false;
                for (String k : List.of("open_alex_id", "doi", "arxiv_id")) any |= ids != null && ids.hasNonNull(k) && !ids.get(k).asText().isBlank();
                any |= e.has("contained_arXiv_ids") && e.get("contained_arXiv_ids").size() > 0;
                if (any) linked++;
            }
        }
        UnarxiveReader reader = new UnarxiveReader();
        String head;
        try (var in = SourceFiles.open(f)) { head = SourceFiles.head(in); }
        assertEquals(UnarxiveReader.FORMAT, SourceFiles.detect(head).orElseThrow().format());
        RecordCollector c = RecordCollector.read(reader, f);
        assertEquals(List.of(), c.errors);
        assertEquals(49, papers);
        assertEquals(papers, c.records.size());
        assertTrue(c.records.stream().allMatch(r -> r.arxivId() != null && r.title() != null));
        assertEquals(linked, c.records.stream().mapToLong(r -> r.references().size()).sum());
        assertTrue(c.records.stream().flatMap(r -> r.references().stream()).anyMatch(r -> r.context() != null && !r.context().contains("{{")));
    }

    @Test
    void brokenLineIsRejected() throws Exception {
        RecordCollector c = RecordCollector.read(new UnarxiveReader(), "u.jsonl", "{\"paper_id\": \"1\", \"_source_hash\": \"x\"}\n{oops\n");
        assertEquals(2, c.errors.size());
        assertTrue(c.errors.get(0).reason().contains("no metadata"));
        assertTrue(c.errors.get(1).toString().startsWith("u.jsonl, line 2: not valid JSON"));
    }
}
