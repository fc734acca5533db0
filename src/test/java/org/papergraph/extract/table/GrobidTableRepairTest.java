package org.papergraph.extract.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PaperTable;
import org.papergraph.source.SourcePosition;
import org.papergraph.source.TableCell;

/**
 * The fourth round's GROBID repairs (header in the caption, caption in the last rows, header units), each on a
 * small table written for it and on the tune paper whose tables showed it; each test fails when its rule is taken out.
 */
class GrobidTableRepairTest {
    static final TableResultFinder FINDER = TableResultFinder.shipped();

    static List<TableCell> row(String... cells) {
        List<TableCell> out = new ArrayList<>();
        for (String c : cells) out.add(TableCell.of(c));
        return out;
    }

    @Test
    void headerUnitsKeepThresholdsAndTwoWordMetricsTogether() {
        List<String> u = GrobidTableRepair.units("Method δ < 1.25 δ < 1.25 2 δ < 1.25 3 Abs Rel Sq Rel RMSE RMSE log", FINDER::isMetric, 7);
        assertEquals(List.of("δ < 1.25", "δ < 1.25^2", "δ < 1.25^3", "Abs Rel", "Sq Rel", "RMSE", "RMSE log"), u.subList(u.size() - 7, u.size()));
        // No grouping while the words are not too many for the columns.
        assertEquals(List.of("Abs", "Rel"), GrobidTableRepair.units("Abs Rel", FINDER::isMetric, 2));
    }

    @Test
    void aCaptionEndingInMetricNamesIsTheHeaderOfATableWithoutOne() {
        PaperTable t = new PaperTable("t1", null, "Results on the test set. δ < 1.25 Abs Rel RMSE",
                List.of(row("Smith et al. [4]", "0.811", "0.127", "0.573"), row("Ours", "0.885", "0.110", "0.392")), List.of(), null);
        PaperTable fixed = GrobidTableRepair.headerFromCaption(t, FINDER::isMetric);
        assertEquals(3, fixed.rows().size());
        assertEquals(List.of("", "δ < 1.25", "Abs Rel", "RMSE"), fixed.rows().get(0).stream().map(TableCell::text).toList());
        // A caption that ends in words, not metrics, gives no header.
        PaperTable plain = new PaperTable("t2", null, "Results of all methods on the test set",
                List.of(row("Smith et al. [4]", "0.811", "0.127", "0.573"), row("Ours", "0.885", "0.110", "0.392")), List.of(), null);
        assertEquals(2, GrobidTableRepair.headerFromCaption(plain, FINDER::isMetric).rows().size());
    }

    @Test
    void twoValuesWithIntervalsInOneCellAreTwoColumns() {
        PaperTable t = new PaperTable("t1", null, null,
                List.of(row("Method", "Wine", "Cancer", "Digits"),
                        List.of(TableCell.of("Ours"), new TableCell("98.0 ± 1.1 95.7 ± 0.6", 2, 1, false, false), TableCell.of("92.5 ± 0.6"))),
                List.of(), null);
        TableGrid g = TableGrid.of(t, FINDER::isMetric, true);
        assertEquals("98.0 ± 1.1", g.text(1, 1));
        assertEquals("95.7 ± 0.6", g.text(1, 2));
        assertEquals("92.5 ± 0.6", g.text(1, 3));
    }

    @Test
    void theCaptionWrittenAsTheLastRowsBecomesTheCaption() {
        PaperTable t = new PaperTable("t1", null, null,
                List.of(row("Method", "RMSE"), row("Smith et al. [4]", "0.573"), row("Ours", "0.392"),
                        List.of(new TableCell("Table 1: Evaluation results on NYU Depth v2. Ours outper-", 2, 1, false, false)),
                        row("forms previous works.", "")), List.of(), null);
        PaperTable fixed = GrobidTableRepair.captionRowsOut(t);
        assertEquals(3, fixed.rows().size());
        assertEquals("Evaluation results on NYU Depth v2. Ours outperforms previous works.", fixed.caption());
        // Another table's caption ("Table 4" under Table 5) is taken out but not made this table's caption.
        PaperTable other = new PaperTable("t5", "Table 5", "Segmentation results.",
                List.of(row("Method", "mIoU"), row("Ours", "49.0"), row("Table 4. Depth results on KITTI", "")), List.of(), null);
        PaperTable fixedOther = GrobidTableRepair.captionRowsOut(other);
        assertEquals(2, fixedOther.rows().size());
        assertEquals("Segmentation results.", fixedOther.caption());
    }

    @Test
    void aTeiTableWithItsHeaderInTheCaptionIsReadByColumn() {
        PaperTable t = new PaperTable("t1", null, "δ < 1.25 Abs Rel RMSE",
                List.of(row("Smith et al. [4]", "0.811", "0.127", "0.573"), row("Ours", "0.885", "0.110", "0.392"),
                        List.of(new TableCell("Table 1: Evaluation results on NYU Depth v2.", 4, 1, false, false))), List.of(), null);
        PaperRecord p = PaperRecord.builder("grobid-tei", SourcePosition.line("test", 1)).title("Depth from a single image").arxivId("2101.00001").table(t).build();
        List<String> own = FINDER.find(p).stream().filter(f -> f.role() == TableResultFinder.Role.OWN)
                .map(f -> f.dataset() + " | " + f.metric() + " | " + f.value().lexical()).toList();
        assertEquals(List.of("NYU Depth v2 | δ < 1.25 | 0.885", "NYU Depth v2 | Abs Rel | 0.11", "NYU Depth v2 | RMSE | 0.392"), own);
    }

    /**
     * Tune paper 1907.10326 (monocular depth): the caption of its NYU table is in the table's last rows, and the
     * header of its KITTI table (no caption but that header) is in the caption.
     */
    @Test
    void realTunePaperGetsItsCaptionAndHeaderBack() throws Exception {
        PaperRecord p = GrobidTableLayoutTest.tei("1907.10326");
        PaperTable nyu = p.tables().stream().filter(t -> t.caption() != null && t.caption().startsWith("Method δ < 1.25 δ < 1.25 2 δ < 1.25 3 AbsRel")).findFirst().orElseThrow();
        PaperTable fixed = GrobidTableRepair.repair(nyu, FINDER::isMetric);
        assertTrue(fixed.caption().contains("Evaluation results on NYU Depth v2"), fixed.caption());
        assertTrue(fixed.rows().stream().noneMatch(r -> r.get(0).text().startsWith("Table 1")), fixed.rows().toString());
        assertTrue(FINDER.find(p).stream().anyMatch(f -> f.role() == TableResultFinder.Role.OWN && "Ours-DenseNet".equals(f.rowHeader())
                && "NYU Depth v2".equals(f.dataset())), "own rows named with the caption's dataset");
        PaperTable kitti = p.tables().stream().filter(t -> t.caption() != null && t.caption().startsWith("Method caphigher")).findFirst().orElseThrow();
        List<String> header = GrobidTableRepair.repair(kitti, FINDER::isMetric).rows().get(0).stream().map(TableCell::text).toList();
        assertEquals(List.of("", "δ < 1.25", "δ < 1.25^2", "δ < 1.25^3", "Abs Rel", "Sq Rel", "RMSE", "RMSE log"), header);
    }

    @Test
    void aRowLabelAfterTheCaptionsMetricNamesDoesNotHideTheHeader() {
        // GROBID wrote the first row's label ("Saxena et al.") into the caption after the header's metric names.
        PaperTable t = new PaperTable("t1", null, "Method δ < 1.25 AbsRel RMSE log10 Saxena et al.",
                List.of(row("[39]", "0.447", "0.349", "1.214", "-"), row("Ours", "0.885", "0.110", "0.392", "0.047")), List.of(), null);
        PaperTable fixed = GrobidTableRepair.headerFromCaption(t, FINDER::isMetric);
        assertEquals(List.of("", "δ < 1.25", "AbsRel", "RMSE", "log10"), fixed.rows().get(0).stream().map(TableCell::text).toList());
        // A caption whose metric names are followed by a sentence, not a label, gives no header.
        PaperTable sentence = new PaperTable("t2", null, "δ < 1.25 AbsRel RMSE log10 results of all methods on the test set",
                List.of(row("[39]", "0.447", "0.349", "1.214", "-"), row("Ours", "0.885", "0.110", "0.392", "0.047")), List.of(), null);
        assertEquals(2, GrobidTableRepair.headerFromCaption(sentence, FINDER::isMetric).rows().size());
    }

    @Test
    void twoTablesGrobidWroteAsOneAreSplitAtTheInnerCaption() {
        PaperTable t = new PaperTable("t1", "Table 3", null,
                List.of(row("Method", "RMSE"), row("Smith et al. [4]", "0.573"), row("Ours", "0.392"),
                        row("Table 2. Results on NYU Depth v2.", ""), row("Method", "mIoU"), row("Ours", "49.0")),
                List.of("Table 3 shows ..."), null);
        List<PaperTable> parts = GrobidTableRepair.split(t, FINDER::isMetric);
        assertEquals(2, parts.size());
        assertEquals("Table 2", parts.get(0).label());
        assertEquals("Results on NYU Depth v2.", parts.get(0).caption());
        assertEquals(3, parts.get(0).rows().size());
        assertEquals(List.of(), parts.get(0).mentions());
        assertEquals("Table 3", parts.get(1).label());
        assertEquals(List.of("Method", "mIoU"), parts.get(1).rows().get(0).stream().map(TableCell::text).toList());
        assertEquals(List.of("Table 3 shows ..."), parts.get(1).mentions());
        // A caption row with no values after it is a trailing caption: one table.
        PaperTable trailing = new PaperTable("t2", null, null,
                List.of(row("Method", "RMSE"), row("Ours", "0.392"), row("Table 1: Results.", "")), List.of(), null);
        assertEquals(1, GrobidTableRepair.split(trailing, FINDER::isMetric).size());
    }

    /**
     * Tune paper 2103.13413 (DPT): GROBID wrote its NYU table (header in the figure's caption, "Table 2." caption
     * below the rows) and its KITTI table (own header row) as one table; and tune paper 1907.10326's NYU table, whose
     * caption holds the header, "log10" and the first row's label.
     */
    @Test
    void realTunePapersTwoTablesInOneAndALabelInTheCaption() throws Exception {
        PaperRecord dpt = GrobidTableLayoutTest.tei("2103.13413");
        PaperTable merged = dpt.tables().stream().filter(t -> t.rows().stream().anyMatch(r -> !r.isEmpty() && r.get(0).text().isEmpty()
                && r.size() > 1 && r.get(1).text().startsWith("Table 2."))).findFirst().orElseThrow();
        List<PaperTable> parts = GrobidTableRepair.split(merged, FINDER::isMetric);
        assertEquals(2, parts.size());
        assertEquals("Table 2", parts.get(0).label());
        assertTrue(parts.get(0).caption().contains("Evaluation on NYUv2 depth"), parts.get(0).caption());
        assertTrue(parts.get(1).rows().stream().noneMatch(r -> r.stream().anyMatch(c -> c.text().startsWith("DORN [13] 0.828"))));
        // The second table's header row, one merged cell of metric names and no word for the label column.
        TableGrid kitti = TableGrid.of(parts.get(1), FINDER::isMetric, true);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < kitti.columns; c++) header.add(kitti.text(0, c));
        assertEquals(List.of("", "δ>1.25", "δ>1.25^2", "δ>1.25^3", "AbsRel", "RMSE", "RMSE log"), header);
        PaperRecord bts = GrobidTableLayoutTest.tei("1907.10326");
        assertTrue(FINDER.find(bts).stream().anyMatch(f -> f.role() == TableResultFinder.Role.OWN && "Ours-DenseNet".equals(f.rowHeader())
                && "RMSE".equals(f.metric()) && f.value().lexical().equals("0.392")), "RMSE column read under the caption's header");
    }
}
