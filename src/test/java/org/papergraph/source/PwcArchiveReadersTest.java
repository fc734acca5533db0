package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.papergraph.SharedData;
import org.papergraph.vocab.EntityType;

/**
 * The Papers with Code archive readers over the real API responses in {@code ../shared} and over small archive
 * files of our own ({@code src/test/resources/pwc-archive/}, the bare-array form no real copy of exists here).
 */
class PwcArchiveReadersTest {
    static final Path API = SharedData.path("data/paperswithcode/api-responses");
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    static Path archive(String name) { return Path.of("src/test/resources/pwc-archive", name); }

    static Optional<String> detect(Path p) throws IOException {
        try (InputStream in = SourceFiles.open(p)) {
            return SourceFiles.detect(SourceFiles.head(in)).map(RecordReader::format);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "paper_get_response.json, pwc-papers",
            "paper_list_response.json, pwc-papers",
            "paper_method_list_response.json, pwc-methods",
            "paper_result_list.json, pwc-results",
            "paper_task_list_response.json, pwc-tasks",
    })
    void detectsEachRealApiResponse(String file, String format) throws IOException {
        assertEquals(Optional.of(format), detect(API.resolve(file)));
    }

    @ParameterizedTest
    @CsvSource({
            "papers-with-abstracts.json, pwc-papers",
            "methods.json, pwc-methods",
            "datasets.json, pwc-datasets",
            "links-between-papers-and-code.json, pwc-code-links",
            "tasks.json, pwc-tasks",
    })
    void detectsEachArchiveFile(String file, String format) throws IOException {
        assertEquals(Optional.of(format), detect(archive(file)));
    }

    @Test
    void evaluationTablesAreStillTheirOwnFormat() throws IOException {
        assertEquals(Optional.of(PwcEvaluationTablesReader.FORMAT),
                detect(SharedData.path("data/paperswithcode/evaluation-tables-2020-09/evaluation_tables.json.gz")));
    }

    @Test
    void realSinglePaperResponse() throws IOException {
        Path f = API.resolve("paper_get_response.json");
        JsonNode raw = JSON.readTree(f.toFile());
        RecordCollector c = RecordCollector.read(new PwcPapersReader(), f);
        assertEquals(List.of(), c.errors);
        assertEquals(1, c.records.size());
        PaperRecord r = c.records.get(0);
        assertEquals(raw.get("arxiv_id").asText(), r.arxivId());
        assertEquals(raw.get("id").asText(), r.otherIds().get("pwc"));
        assertEquals(raw.get("title").asText(), r.title());
        assertEquals(raw.get("published").asText(), r.published());
        assertEquals(raw.get("authors").size(), r.authors().size());
        assertEquals(raw.get("authors").get(0).asText(), r.authors().get(0).name());
        assertTrue(r.abstractText().length() > 200);
        assertEquals("entry", r.position().unit());
    }

    @Test
    void realPaperListResponseGivesOneRecordPerResult() throws IOException {
        Path f = API.resolve("paper_list_response.json");
        JsonNode results = JSON.readTree(f.toFile()).get("results");
        RecordCollector c = RecordCollector.read(new PwcPapersReader(), f);
        assertEquals(List.of(), c.errors);
        assertEquals(results.size(), c.records.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode p = results.get(i);
            PaperRecord r = c.records.get(i);
            assertEquals(i + 1, r.position().index());
            assertEquals(p.get("id").asText(), r.otherIds().get("pwc"));
            assertEquals(p.get("arxiv_id").isNull() ? null : p.get("arxiv_id").asText(), r.arxivId(), r.toString());
        }
        // The list holds papers without an arXiv id (1982's Hopfield network paper): kept, by title and PwC id.
        assertTrue(c.records.stream().anyMatch(r -> r.arxivId() == null && r.title() != null));
    }

    @Test
    void realMethodListGivesAPaperRecordAndAnEntityRecord() throws IOException {
        RecordCollector c = RecordCollector.read(new PwcMethodsReader(), API.resolve("paper_method_list_response.json"));
        assertEquals(List.of(), c.errors);
        assertEquals(2, c.records.size());
        PaperRecord gan = c.records.get(0);
        assertTrue(gan.describesPaper());
        assertEquals("generative-adversarial-networks", gan.otherIds().get("pwc"));
        SourceEntity e = gan.entities().get(0);
        assertEquals(new SourceEntity(EntityType.METHOD, "GAN", "Generative Adversarial Network", "proposed", List.of()), e);
        assertTrue(gan.recordKey() != null, "one record graph per method of a paper");
        PaperRecord conv = c.records.get(1);
        assertFalse(conv.describesPaper(), "a method naming no paper is an entity record");
        assertEquals("Convolution", conv.entities().get(0).name());
        assertEquals("https://papergraph.org/id/graph/pwc-methods/entity/method/convolution",
                org.papergraph.resolve.Iris.defaults().recordGraph(conv).getURI());
    }

    @Test
    void realResultListGivesOneResultPerMetricCell() throws IOException {
        Path f = API.resolve("paper_result_list.json");
        JsonNode results = JSON.readTree(f.toFile()).get("results");
        RecordCollector c = RecordCollector.read(new PwcResultsReader(), f);
        assertEquals(List.of(), c.errors);
        assertEquals(results.size(), c.records.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode raw = results.get(i);
            PaperRecord r = c.records.get(i);
            assertEquals(raw.get("paper").asText(), r.otherIds().get("pwc"));
            assertEquals(raw.get("id").asText(), r.recordKey());
            assertEquals(raw.get("metrics").size(), r.results().size());
            ReportedResult rr = r.results().get(0);
            assertEquals(raw.get("methodology").asText(), rr.method());
            String metric = raw.get("metrics").fieldNames().next();
            assertEquals(metric, rr.metric());
            assertEquals(raw.get("metrics").get(metric).asText(), rr.rawValue());
            assertNull(rr.task());
        }
    }

    @Test
    void realEmptyTaskListReadsAsNothing() throws IOException {
        RecordCollector c = RecordCollector.read(new PwcTasksReader(), API.resolve("paper_task_list_response.json"));
        assertEquals(List.of(), c.records);
        assertEquals(List.of(), c.errors);
    }

    @Test
    void archivePapersKeepGoodEntriesAndRejectTheOthersAtTheirEntry() throws IOException {
        RecordCollector c = RecordCollector.read(new PwcPapersReader(), archive("papers-with-abstracts.json"));
        assertEquals(2, c.records.size());
        assertEquals(List.of("papers-with-abstracts.json, entry 2: paper at line 18 is not a JSON object",
                "papers-with-abstracts.json, entry 4: paper at line 32 has no title and no identifier"),
                c.errors.stream().map(Object::toString).toList());
        PaperRecord r = c.records.get(0);
        assertEquals("2101.00001", r.arxivId());
        assertEquals("routing-sparse-experts-for-tiny", r.otherIds().get("pwc"));
        assertEquals("2021-01-02", r.published());
        assertEquals(List.of("Language Modelling", "Text Classification", "BERTBase", "Adam"),
                r.entities().stream().map(SourceEntity::name).toList());
        assertEquals(List.of(EntityType.TASK, EntityType.TASK, EntityType.METHOD, EntityType.METHOD),
                r.entities().stream().map(SourceEntity::type).toList());
        assertTrue(r.entities().stream().allMatch(e -> e.role().equals("used")));
        PaperRecord doi = c.records.get(1);
        assertEquals("10.1234/example.5678", doi.doi(), "a doi.org url_abs gives the DOI");
        assertNull(doi.arxivId());
    }

    @Test
    void archiveMethodsDatasetsTasksAndLinks() throws IOException {
        RecordCollector m = RecordCollector.read(new PwcMethodsReader(), archive("methods.json"));
        assertEquals(2, m.records.size());
        assertEquals(List.of("methods.json, entry 3: method at line 28 has no name"), m.errors.stream().map(Object::toString).toList());
        assertEquals("Routing Sparse Experts for Tiny Language Models", m.records.get(0).title());
        assertEquals("routing-sparse-experts-for-tiny", m.records.get(0).otherIds().get("pwc"));
        assertFalse(m.records.get(1).describesPaper());

        RecordCollector d = RecordCollector.read(new PwcDatasetsReader(), archive("datasets.json"));
        assertEquals(List.of(), d.errors);
        SourceEntity tiny = d.records.get(0).entities().get(0);
        assertEquals(new SourceEntity(EntityType.DATASET, "TinyText", "Tiny Text Corpus", "introduced", List.of("TinyText", "TinyText small")), tiny);
        assertFalse(d.records.get(1).describesPaper());

        RecordCollector t = RecordCollector.read(new PwcTasksReader(), archive("tasks.json"));
        assertEquals(List.of(), t.errors);
        assertEquals(List.of("Language Modelling", "Shallow parsing"),
                t.records.stream().map(r -> r.entities().get(0).name()).toList());

        RecordCollector l = RecordCollector.read(new PwcCodeLinksReader(), archive("links-between-papers-and-code.json"));
        assertEquals(2, l.records.size());
        assertEquals(List.of("links-between-papers-and-code.json, entry 3: code link at line 26 has no repo_url"),
                l.errors.stream().map(Object::toString).toList());
        assertEquals(List.of("https://github.com/example/sparse-router"), l.records.get(0).codeLinks());
        assertEquals(List.of("https://github.com/example/sparse-router"), l.records.get(0).officialCodeLinks());
        assertEquals(List.of(), l.records.get(1).officialCodeLinks(), "is_official false");
        assertEquals("2101.00001", l.records.get(1).arxivId());
        assertFalse(l.records.get(0).recordKey().equals(l.records.get(1).recordKey()), "two links of one paper, two graphs");
    }

    @Test
    void gzippedArchiveReadsTheSame() throws IOException {
        Path gz = tmp.resolve("papers-with-abstracts.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(archive("papers-with-abstracts.json"), out);
        }
        assertEquals(Optional.of(PwcPapersReader.FORMAT), detect(gz));
        RecordCollector plain = RecordCollector.read(new PwcPapersReader(), archive("papers-with-abstracts.json"));
        RecordCollector zipped = RecordCollector.read(new PwcPapersReader(), gz);
        assertEquals(plain.records.stream().map(PaperRecord::toString).map(s -> s.replace(".gz", "")).toList(),
                zipped.records.stream().map(PaperRecord::toString).map(s -> s.replace(".gz", "")).toList());
        assertEquals(plain.errors.size(), zipped.errors.size());
    }

    @Test
    void aSyntaxErrorEndsTheFileAtItsLineKeepingWhatCameBefore() throws IOException {
        String text = "[\n {\"name\": \"A\", \"full_name\": \"Alpha\", \"paper\": null},\n {\"name\": \"B\", \"full_name\": \n]\n";
        RecordCollector c = RecordCollector.read(new PwcMethodsReader(), "m.json", text);
        assertEquals(1, c.records.size());
        assertEquals(1, c.errors.size());
        assertTrue(c.errors.get(0).toString().startsWith("m.json, line 4: JSON syntax error after entry 1"), c.errors.toString());
    }

    @Test
    void otherJsonIsNotClaimed() throws IOException {
        List<String> claimed = new ArrayList<>();
        for (RecordReader r : List.of(new PwcPapersReader(), new PwcMethodsReader(), new PwcDatasetsReader(),
                new PwcTasksReader(), new PwcCodeLinksReader(), new PwcResultsReader())) {
            for (String head : new String[] {"{\"id\": \"https://openalex.org/W1\", \"authorships\": []}",
                    "[{\"task\": \"X\", \"datasets\": [{\"dataset\": \"Y\", \"sota\": {\"rows\": []}}]}]",
                    "{\"paper_id\": \"1\", \"title\": \"T\", \"outbound_citations\": []}", "title\tabstract\n"}) {
                if (r.sniff(head) > 0) claimed.add(r.format() + " <- " + head);
            }
        }
        assertEquals(List.of(), claimed);
    }
}
