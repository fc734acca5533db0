package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;

class PwcEvaluationTablesReaderTest {
    static final Path DUMP = SharedData.path("data/paperswithcode/evaluation-tables-2020-09/evaluation_tables.json.gz");
    final PwcEvaluationTablesReader reader = new PwcEvaluationTablesReader();

    /** Rows, rows without a paper and metric cells of the pretty-printed dump, counted from its lines alone. */
    record LineCounts(long rows, long noPaper, long cells, long noPaperCells) {}

    static LineCounts scan(Path file) throws Exception {
        long rows = 0, noPaper = 0, cells = 0, noPaperCells = 0, rowCells = 0;
        boolean inMetrics = false, emptyTitle = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SourceFiles.open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                // Row keys are sorted: code_links, metrics, model_links, model_name, paper_date, paper_title, paper_url.
                if (t.startsWith("\"metrics\": {")) { inMetrics = !t.endsWith("}") && !t.endsWith("},"); rowCells = 0; continue; }
                if (inMetrics) {
                    if (t.startsWith("}")) inMetrics = false;
                    else { cells++; rowCells++; }
                    continue;
                }
                if (t.startsWith("\"model_name\":")) rows++;
                if (t.startsWith("\"paper_title\":")) emptyTitle = t.equals("\"paper_title\": \"\",");
                if (t.startsWith("\"paper_url\":") && emptyTitle && (t.equals("\"paper_url\": \"\"") || t.equals("\"paper_url\": null"))) {
                    noPaper++;
                    noPaperCells += rowCells;
                }
            }
        }
        return new LineCounts(rows, noPaper, cells, noPaperCells);
    }

    @Test
    void fullDumpReadsEveryRowAndEveryCell() throws Exception {
        LineCounts expected = scan(DUMP);
        assertTrue(expected.rows() > 28_000, "scan found " + expected);
        RecordCollector c = RecordCollector.read(reader, DUMP);
        assertEquals(expected.rows(), c.records.size() + c.errors.size(), "every row is a record or a reported error");
        assertEquals(expected.noPaper(), c.errors.size(), c.errors.isEmpty() ? "" : c.errors.get(0).toString());
        assertTrue(c.errors.stream().allMatch(e -> e.reason().contains("names no paper") && e.position().unit().equals("line")));
        // Rows without a paper are reported, not stored; every other cell is a result of its record.
        long cells = c.records.stream().mapToLong(r -> r.results().size()).sum();
        assertEquals(expected.cells() - expected.noPaperCells(), cells);
        // Every record is identified: 23,992 rows link to arXiv in the dump (SOURCE.md); rows with a paper but no link keep the title.
        assertTrue(c.records.stream().allMatch(r -> r.arxivId() != null || r.doi() != null || r.title() != null));
        long arxiv = c.records.stream().filter(r -> r.arxivId() != null).count();
        assertEquals(23_992, arxiv);
    }

    @Test
    void firstRowOfTheDumpIsReadAsItStands() throws Exception {
        RecordCollector c = new RecordCollector();
        // Stop after the first task's rows: the sink sees them before the reader goes on.
        try (var in = SourceFiles.open(DUMP)) {
            reader.read(in, "dump", new RecordSink() {
                @Override public void accept(PaperRecord r) { if (c.records.size() < 3) c.records.add(r); }
                @Override public void reject(RecordError e) {}
            });
        }
        PaperRecord first = c.records.get(0);
        assertEquals("1704.03549", first.arxivId());
        assertEquals("Attention-based Extraction of Structured Information from Street View Imagery", first.title());
        assertEquals("2017-04-11", first.published());
        assertEquals(List.of("https://github.com/tensorflow/models/tree/master/research/attention_ocr"), first.codeLinks());
        ReportedResult rr = first.results().get(0);
        assertEquals("FSNS - Test", rr.dataset());
        assertEquals("Sequence error", rr.metric());
        assertEquals("15.8", rr.rawValue());
        assertEquals("AttentionOCR_Inception-resnet-v2_Location", rr.method());
        assertTrue(first.recordKey() != null && !first.recordKey().equals(c.records.get(1).recordKey()));
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestRead() throws Exception {
        String json = """
                [
                  {"task": "Parent", "datasets": [], "subtasks": [
                    {"datasets": [{"dataset": "D", "sota": {"metrics": ["Acc"], "rows": [
                      {"model_name": "A", "paper_title": "Paper A", "paper_url": "https://arxiv.org/abs/2101.00001v2", "metrics": {"Acc": "91.2%"}},
                      {"model_name": "B", "paper_title": "", "paper_url": "", "metrics": {"Acc": "90"}},
                      {"model_name": "C", "paper_title": "Paper C", "paper_url": "https://doi.org/10.1000/XYZ", "metrics": ["90"]},
                      {"model_name": "E", "paper_title": "Paper E", "paper_url": "https://example.org/e", "metrics": {"Acc": "-", "F1": 3}}
                    ]}, "subdatasets": [{"dataset": "D small", "sota": {"rows": [
                      {"model_name": "F", "paper_title": "Paper F", "paper_url": "", "metrics": {"Acc": "1"}}]}}]}],
                     "subtasks": [], "task": "Child"}],
                  "categories": []},
                  {"task": "Broken", "datasets": [{"dataset": "X", "sota": {"rows": [ {"model_name": "G" ]}}]}
                ]
                """;
        RecordCollector c = RecordCollector.read(reader, "t.json", json);
        assertEquals(List.of("Paper A", "Paper E", "Paper F"), c.records.stream().map(PaperRecord::title).toList());
        assertEquals(3, c.errors.size(), c.errors.toString());
        assertTrue(c.errors.get(0).toString().startsWith("t.json, line 5: row of 'Child' on 'D' (model 'B') names no paper"), c.errors.toString());
        assertTrue(c.errors.get(1).toString().startsWith("t.json, line 6: ") && c.errors.get(1).reason().contains("metrics is not an object"));
        assertTrue(c.errors.get(2).toString().startsWith("t.json, line 12: JSON syntax error"), c.errors.get(2).toString());

        PaperRecord a = c.records.get(0);
        assertEquals("2101.00001", a.arxivId());
        assertEquals(List.of("Parent"), a.results().get(0).parentTasks());
        assertEquals("Child", a.results().get(0).task());
        PaperRecord e = c.records.get(1);
        assertEquals(Optional.of("https://example.org/e"), Optional.ofNullable(e.otherIds().get("url")));
        assertEquals(List.of("-", "3"), e.results().stream().map(ReportedResult::rawValue).toList());
        PaperRecord f = c.records.get(2);
        assertEquals("D small", f.results().get(0).dataset());
        assertEquals("D", f.results().get(0).datasetVariantOf());
        assertNull(f.arxivId());
    }

    @Test
    void sniffClaimsEvaluationTablesOnly() throws Exception {
        String head;
        try (var in = SourceFiles.open(DUMP)) { head = SourceFiles.head(in); }
        assertEquals(PwcEvaluationTablesReader.FORMAT, SourceFiles.detect(head).orElseThrow().format());
        assertEquals(0, reader.sniff("{\"id\": \"0704.0001\", \"submitter\": \"x\", \"versions\": []}\n"));
        assertEquals(0, reader.sniff("{\"arxiv\": \"2101.00001\", \"title\": \"t\", \"cites\": []}\n"));
        assertEquals(0, reader.sniff("[{\"id\": \"https://openalex.org/W1\", \"title\": \"t\"}]"));
    }
}
