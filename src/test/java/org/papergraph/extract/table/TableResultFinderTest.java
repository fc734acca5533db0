package org.papergraph.extract.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.PaperTable;
import org.papergraph.source.SourcePosition;
import org.papergraph.source.TableCell;

class TableResultFinderTest {
    static final TableResultFinder FINDER = TableResultFinder.shipped();

    /** Rows of cells from "a | b | c" lines; "**x**" is bold, "x<2>" spans two columns, "x^2" two rows. */
    static List<List<TableCell>> rows(String... lines) {
        List<List<TableCell>> out = new ArrayList<>();
        for (String line : lines) {
            List<TableCell> row = new ArrayList<>();
            for (String raw : line.split("\\|", -1)) {
                String t = raw.strip();
                int cols = 1, rows = 1;
                if (t.matches(".*<\\d+>$")) {
                    cols = Integer.parseInt(t.replaceAll(".*<(\\d+)>$", "$1"));
                    t = t.replaceAll("<\\d+>$", "");
                }
                if (t.matches(".*\\^\\d+$")) {
                    rows = Integer.parseInt(t.replaceAll(".*\\^(\\d+)$", "$1"));
                    t = t.replaceAll("\\^\\d+$", "");
                }
                boolean bold = t.startsWith("**") && t.endsWith("**") && t.length() > 4;
                if (bold) t = t.substring(2, t.length() - 2);
                row.add(new TableCell(t, cols, rows, bold, false));
            }
            out.add(row);
        }
        return out;
    }

    static PaperRecord paper(String format, String title, PaperTable... tables) {
        PaperRecord.Builder b = PaperRecord.builder(format, SourcePosition.line("test", 1)).title(title).arxivId("2101.00001");
        for (PaperTable t : tables) b.table(t);
        return b.build();
    }

    static PaperTable table(String caption, List<String> mentions, String... lines) {
        return new PaperTable("tab:1", "Table 1", caption, rows(lines), mentions, "Experiments");
    }

    @Test
    void aComparisonTableGivesOwnAndOtherResultsWithTheirHeaders() {
        PaperRecord p = paper("latex", "FixNet: Fixing Image Classification", table("Results on the test sets.",
                List.of("Table 1 compares FixNet with earlier methods."),
                "Method^2 | CIFAR-10<2> | SVHN",
                " | Top-1 | Top-5 | Top-1",
                "ResNet [1] | 93.1 | 99.0 | 96.0",
                "DenseNet [2] | 94.8 | 99.2 | 96.2",
                "FixNet (small) | 93.9 | 99.1 | 95.9",
                "FixNet (large) | **95.2** | **99.4** | **96.7**"));
        List<TableResultFinder.Found> found = FINDER.find(p);
        assertEquals(12, found.size());
        TableResultFinder.Found f = found.stream().filter(x -> x.rowHeader().equals("FixNet (large)") && x.column() == 1).findFirst().orElseThrow();
        assertEquals(TableResultFinder.Role.OWN, f.role());
        assertEquals("CIFAR-10", f.dataset());
        assertEquals("Top-1", f.metric());
        assertEquals("CIFAR-10 / Top-1", f.columnHeader());
        assertEquals(new BigDecimal("95.2"), f.value().value());
        assertTrue(f.bold());
        assertEquals(TableResultFinder.Kind.LEADERBOARD, f.kind());
        assertEquals(new TableResultFinder.Evidence("explicit", "header", "header"), f.evidence());
        TableResultFinder.Found other = found.stream().filter(x -> x.rowHeader().equals("DenseNet [2]") && x.column() == 3).findFirst().orElseThrow();
        assertEquals(TableResultFinder.Role.OTHER, other.role());
        assertEquals("DenseNet", other.method());
        assertEquals("SVHN", other.dataset());

        // The headline: per dataset and metric the best own (bold) score.
        List<TableResultFinder.Found> headline = TableResultFinder.headline(found);
        assertEquals(List.of("95.2", "99.4", "96.7"), headline.stream().map(x -> x.value().lexical()).toList());
    }

    @Test
    void withoutANameTheUncitedRowsAfterTheCitedOnesAreThePapersOwn() {
        PaperRecord p = paper("latex", "On Things", table("Accuracy on ImageNet.", List.of(),
                "Model | Top-1 Accuracy",
                "ResNet-50 [3] | 76.1",
                "ViT-B [4] | 77.9",
                "Baseline | 75.0",
                "Mixed attention | 78.4"));
        List<TableResultFinder.Found> found = FINDER.find(p);
        assertEquals(List.of("OTHER", "OTHER", "OTHER", "OWN"), found.stream().map(x -> x.role().name()).toList());
        assertEquals("uncited", found.get(3).evidence().ownRule());
        assertEquals("ImageNet", found.get(3).dataset());
        assertEquals("caption", found.get(3).evidence().datasetSource());
    }

    @Test
    void ablationsGiveOnlyTheFullModelAndStatisticsNothing() {
        PaperRecord ablation = paper("latex", "FixNet: Fixing Things", table("Ablation study on CIFAR-10.", List.of(),
                "Variant | Accuracy",
                "w/o attention | 91.0",
                "w/o augmentation | 92.5",
                "FixNet (full) | 94.0"));
        List<TableResultFinder.Found> found = FINDER.find(ablation);
        assertEquals(1, found.size());
        assertEquals(TableResultFinder.Kind.ABLATION, found.get(0).kind());
        assertEquals("94.0", found.get(0).cell());

        PaperRecord statistics = paper("latex", "FixNet: Fixing Things", table("Statistics of the datasets.", List.of(),
                "Dataset | #Train | #Test | Classes",
                "CIFAR-10 | 50000 | 10000 | 10",
                "SVHN | 73257 | 26032 | 10"));
        assertTrue(FINDER.find(statistics).isEmpty());
    }

    @Test
    void aTableWithMetricsDownTheSideIsReadTransposedAndPairsSplit() {
        PaperRecord p = paper("latex", "IDN: Distilling Information", table("Average PSNR/SSIM on Set5.", List.of(),
                "Dataset | Bicubic | VDSR [1] | IDN (Ours)",
                "Set5 | 33.66/0.9299 | 37.53/0.9587 | 37.83/0.9600",
                "Set14 | 30.24/0.8688 | 33.03/0.9124 | 33.30/0.9148"));
        List<TableResultFinder.Found> own = FINDER.find(p).stream().filter(f -> f.role() == TableResultFinder.Role.OWN).toList();
        assertEquals(List.of("Set5 PSNR 37.83", "Set5 SSIM 0.96", "Set14 PSNR 33.3", "Set14 SSIM 0.9148"),
                own.stream().map(f -> f.dataset() + " " + f.metric() + " " + f.value().lexical()).toList());
        assertEquals("IDN", own.get(0).method());

        PaperRecord rowsOfMetrics = paper("grobid-tei", "Deblurring with DMS", table("Results on the GoPro dataset.", List.of(),
                "Measure | Xu [1] | Sun [2] | DMS (ours)",
                "PSNR | 21.0 | 24.6 | 29.2",
                "SSIM | 0.74 | 0.84 | 0.92"));
        List<TableResultFinder.Found> h = TableResultFinder.headline(FINDER.find(rowsOfMetrics));
        assertEquals(List.of("GoPro PSNR 29.2", "GoPro SSIM 0.92"), h.stream().map(f -> f.dataset() + " " + f.metric() + " " + f.value().lexical()).toList());
    }

    @Test
    void grobidMergedCellsAreSplitAgain() {
        // GROBID's way with a KGC table: metric names merged into one cell, numbers into another, the corner cell lost.
        PaperRecord p = paper("grobid-tei", "BoxE: A Box Embedding Model", table("KGC results.", List.of(),
                "FB15k-237<3>",
                "MR MRR H@10<3>",
                "TransE [33] | 357 0.294<2> | 0.465",
                "BoxE | 163 | .337 | .538"));
        List<TableResultFinder.Found> own = FINDER.find(p).stream().filter(f -> f.role() == TableResultFinder.Role.OWN).toList();
        assertEquals(List.of("MR 163", "MRR 0.337", "H@10 0.538"), own.stream().map(f -> f.metric() + " " + f.value().lexical()).toList());
        assertTrue(own.stream().allMatch(f -> f.dataset().equals("FB15k-237")));
        assertTrue(own.get(0).lowerIsBetter(), "MR: mean rank, lower is better");
        assertFalse(own.get(1).lowerIsBetter());
    }

    @Test
    void dashesAreMissingScoresNotText() {
        // Most methods give no mean rank: a column of dashes with one number is still a column of scores.
        PaperRecord p = paper("latex", "BoxE: A Box Embedding Model", table("Results on FB15k-237.", List.of(),
                "Method | MR | MRR",
                "TransE [33] | - | .294",
                "RotatE [30] | - | .336",
                "BoxE | 163 | .337"));
        List<String> own = FINDER.find(p).stream().filter(f -> f.role() == TableResultFinder.Role.OWN)
                .map(f -> f.metric() + " " + f.value().lexical()).toList();
        assertEquals(List.of("MR 163", "MRR 0.337"), own);
    }

    @Test
    void labelsAndMethods() {
        assertEquals("ResNet-50", TableResultFinder.method("ResNet-50 [12]†", List.of()));
        assertEquals("FixNet", TableResultFinder.method("Ours", List.of("FixNet")));
        assertNull(TableResultFinder.method("Ours", List.of()));
        assertEquals("FixNet-L", TableResultFinder.method("FixNet-L (ours)", List.of("FixNet")));
    }

    /** An "Ours" row with a variant is the proposed method's variant, never the method after the mark. */
    @Test
    void oursVariantsTakeTheProposedName() {
        assertEquals("FixNet (ResNet)", TableResultFinder.method("Ours-ResNet", List.of("FixNet")));
        assertEquals("FixNet (BU)", TableResultFinder.method("BU Ours", List.of("FixNet")));
        assertEquals("FixNet (large)", TableResultFinder.method("Ours (large)", List.of("FixNet")));
        assertEquals("AgentFormer", TableResultFinder.method("Ours (AgentFormer)", List.of("AgentFormer")));
        assertEquals("AgentFormer", TableResultFinder.method("Ours (AgentFormer)", List.of()));
        assertNull(TableResultFinder.method("Ours-ResNet", List.of()));
        assertTrue(ProposedNames.acronymOf("NLSPN", "Non-Local Spatial Propagation Network for Depth Completion"));
        assertTrue(ProposedNames.acronymOf("PSMNet", "Pyramid Stereo Matching Network"));
        assertFalse(ProposedNames.acronymOf("GCN", "Pyramid Stereo Matching Network"));
        assertEquals(List.of("BoxE"), ProposedNames.of("BoxE: A Box Embedding Model for Knowledge Base Completion", null));
        assertEquals(List.of("QuatE"), ProposedNames.of("Quaternion Knowledge Graph Embeddings", "We move beyond complex numbers.",
                "Introduction. In this work, we propose a model called QuatE, which uses quaternions."));
    }
    /** The short form a text gives the proposed name or the title in brackets is a proposed name too. */
    @Test
    void shortFormsInBracketsAreProposedNames() {
        assertEquals(List.of("SCALEGRAPH", "SG"), ProposedNames.of("SCALEGRAPH: A System for Big Graphs",
                "We present ScaleGraph (SG), an embedding system. SG partitions graphs."));
        assertEquals(List.of("MoCoX"), ProposedNames.of("Momentum Contrast Extended",
                "This paper studies Momentum Contrast Extended (MoCoX) for long-tailed data."));
        // A bracketed short form of some other phrase is not the paper's name.
        assertEquals(List.of(), ProposedNames.of("Momentum Contrast Extended",
                "Graph convolutional networks (GCNs) and Label Propagation (LP) are baselines."));
    }

    /** A row that runs the proposed method on a named backbone ends in its name, and is the paper's own. */
    @Test
    void backboneThenProposedNameIsOwn() {
        assertTrue(ProposedNames.names("ResNeXt-50 PaCo", List.of("PaCo")));
        assertTrue(ProposedNames.names("BERT-large + PaCo", List.of("PaCo")));
        assertTrue(ProposedNames.names("PaCo (ours)", List.of("PaCo")));
        assertFalse(ProposedNames.names("ResNeXt-50 SimCLR", List.of("PaCo")));
        assertFalse(ProposedNames.names("PaCo-like loss on ResNet", List.of("MoCo")));
    }
    /**
     * A caption that says where the other rows' results come from makes a comparison with other work, even when its
     * legend explains the own variants with "without": every row is a result, the others kept as such.
     */
    @Test
    void aCaptionCitingOtherResultsIsNoAblation() {
        PaperRecord p = paper("latex", "FixNet: Fixing Things", table(
                "Results on CIFAR-10. †: results are taken from [Smith et al., 2016]. FixNet 1: without augmentation.", List.of(),
                "Method | Accuracy",
                "ResNet † | 91.0",
                "WideNet † | 92.5",
                "FixNet 1 | 93.0",
                "FixNet 2 | 94.0"));
        List<TableResultFinder.Found> found = FINDER.find(p);
        assertEquals(4, found.size());
        assertTrue(found.stream().allMatch(f -> f.kind() == TableResultFinder.Kind.LEADERBOARD));
        assertEquals(List.of("OTHER", "OTHER", "OWN", "OWN"), found.stream().map(x -> x.role().name()).toList());
    }
    /**
     * For one dataset and metric, a score whose dataset and metric the table's own headers name is the headline over a
     * better one whose dataset only the caption names (another setting, a subset the caption calls by the set's name).
     */
    @Test
    void theHeadlinePrefersScoresTheTableNames() {
        PaperTable named = new PaperTable("tab:1", "Table 1", "Comparison with earlier work.", rows(
                "Method | CIFAR-10",
                " | Accuracy",
                "ResNet [3] | 93.0",
                "FixNet | 94.0"), List.of(), "Experiments");
        PaperTable captioned = new PaperTable("tab:2", "Table 2", "FixNet with more data on CIFAR-10.", rows(
                "Method | Accuracy",
                "FixNet + extra data | 97.0"), List.of(), "Experiments");
        List<TableResultFinder.Found> h = TableResultFinder.headline(FINDER.find(paper("latex", "FixNet: Fixing Things", named, captioned)));
        assertEquals(List.of("94"), h.stream().map(x -> x.value().lexical()).toList());
        assertEquals("header", h.get(0).evidence().datasetSource());
    }
}
