package org.papergraph.extract.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.source.GrobidTeiReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordSink;
import org.papergraph.source.SourceFiles;

/**
 * The table rules of the third round on real GROBID TEI papers of the SOTA? tune half: each test fails when its
 * rule is taken out.
 */
class GrobidTableLayoutTest {
    static final TableResultFinder FINDER = TableResultFinder.shipped();

    static PaperRecord tei(String arxivId) throws Exception {
        Path train = SharedData.path("data/sota-leaderboards/grobid-tei-2023/train");
        Path file;
        try (Stream<Path> s = Files.walk(train, 2)) {
            file = s.filter(p -> p.getFileName().toString().startsWith(arxivId) && p.toString().endsWith(".tei.xml")).findFirst().orElseThrow();
        }
        List<PaperRecord> out = new ArrayList<>();
        try (InputStream in = SourceFiles.open(file)) {
            new GrobidTeiReader().read(in, file.toString(), new RecordSink() {
                @Override public void accept(PaperRecord r) { out.add(r); }
                @Override public void reject(RecordError e) { throw new AssertionError(e.toString()); }
            });
        }
        return out.get(0);
    }

    static List<String> own(PaperRecord p, String table) {
        return FINDER.find(p).stream().filter(f -> f.role() == TableResultFinder.Role.OWN && table.equals(f.table().label()))
                .map(f -> f.dataset() + " " + f.metric() + " " + f.value().lexical()).toList();
    }

    /**
     * ConvE's Table 4: GROBID puts "MR MRR @10 @3" over three columns and ".501 .356 .237" over two. Counted again
     * (ten header words, ten values a row), every score has its column; the dataset header above ("WN18RR",
     * "FB15k-237") spreads over the five columns each that repeat the same metrics.
     */
    @Test
    void mergedHeaderAndValueCellsAreLaidOutAgainByCounting() throws Exception {
        List<String> own = own(tei("1707.01476"), "Table 4");
        for (String want : List.of("WN18RR MR 4187", "WN18RR MRR 0.43", "WN18RR Hits@10 0.52", "WN18RR Hits@1 0.4",
                "FB15k-237 MRR 0.325", "FB15k-237 Hits@10 0.501", "FB15k-237 Hits@3 0.356", "FB15k-237 Hits@1 0.237")) {
            assertTrue(own.contains(want), want + " in " + own);
        }
        assertEquals(10, own.size(), own.toString());
    }

    /**
     * ConvE's Table 3: its MR column holds dashes for methods that give no mean rank, and the dataset header
     * spread over it: neither makes it a column of row labels.
     */
    @Test
    void dashesAndHeaderRowsDoNotMakeAScoreColumnALabelColumn() throws Exception {
        List<String> own = own(tei("1707.01476"), "Table 3");
        assertTrue(own.contains("WN18 MR 374"), own.toString());
        assertTrue(own.contains("FB15k MR 51"), own.toString());
        assertEquals(List.of("ConvE"), FINDER.find(tei("1707.01476")).stream().filter(f -> "Table 3".equals(f.table().label())
                && f.role() == TableResultFinder.Role.OWN).map(TableResultFinder.Found::rowHeader).distinct().toList(), "no score in a row label");
    }

    /** KGAT's Table 2 ends with a row of "%Improv." over the best baseline: a difference, not a result. */
    @Test
    void improvementRowsAreNoResults() throws Exception {
        PaperRecord kgat = tei("1905.07854");
        List<TableResultFinder.Found> found = FINDER.find(kgat);
        assertFalse(found.isEmpty());
        assertTrue(found.stream().noneMatch(f -> f.rowHeader().toLowerCase().contains("improv")), "no %Improv. row");
        assertTrue(found.stream().noneMatch(f -> f.cell().endsWith("%") && f.role() == TableResultFinder.Role.OWN), "no percentage gain as KGAT's score");
    }

    /**
     * A caption that names its metric in full with the short name in brackets ("... AREA UNDER THE ROC CURVE (AUC)
     * ...", "... AVERAGE PRECISION (AP) SCORES ..."): the short name is the metric.
     */
    @Test
    void aCaptionsBracketedShortNameIsTheMetric() throws Exception {
        List<TableResultFinder.Found> found = FINDER.find(tei("1905.08509"));
        List<String> metrics = found.stream().filter(f -> f.table().caption() != null && f.table().caption().contains("LINK PREDICTION"))
                .map(TableResultFinder.Found::metric).distinct().toList();
        assertEquals(List.of("AUC", "AP"), metrics);
    }

    /**
     * QuatE's Table 4 has three own rows ("QuatE 1", "QuatE 2", "QuatE 3"): the headline per dataset and metric is the
     * best own score and, when it differs, the last own row's (the paper's final configuration), which is the one its
     * leaderboard lists.
     */
    @Test
    void theHeadlineKeepsTheBestAndTheLastOwnRow() throws Exception {
        List<String> h = TableResultFinder.headline(FINDER.find(tei("1904.10281"))).stream()
                .filter(f -> "Table 4".equals(f.table().label()) && f.dataset().equals("FB15K-237") && f.metric().equals("Hit@10"))
                .map(f -> f.value().lexical()).toList();
        assertEquals(List.of("0.556", "0.55"), h, "QuatE 2's best, then QuatE 3's");
    }
}
